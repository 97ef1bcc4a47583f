/* render_mermaid: STUB, no views yet. */
#include "render.h"

int render_mermaid(enum render_view view, const struct render_ctx *ctx)
{
	(void)ctx;
	return render_unsupported(FMT_MERMAID, view);
}
