/* render_md: STUB, no views yet. */
#include "render.h"

int render_markdown(enum render_view view, const struct render_ctx *ctx)
{
	(void)ctx;
	return render_unsupported(FMT_MARKDOWN, view);
}
