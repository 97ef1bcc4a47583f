/* render_html: STUB, no views yet. */
#include "render.h"

int render_html(enum render_view view, const struct render_ctx *ctx)
{
	(void)ctx;
	return render_unsupported(FMT_HTML, view);
}
