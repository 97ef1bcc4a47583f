/* render_md: STUB, no views yet. */
#include "render.h"

int render_markdown(enum render_view view, const struct render_ctx *ctx)
{
	switch (view) {
	case VIEW_INDEX:
		return render_md_index(ctx);
	case VIEW_RELEASE_NOTES:
		return render_md_release_notes(ctx);
	default:
		return render_unsupported(FMT_MARKDOWN, view);
	}
}
