/*
 * render: format names and the one (view, format) dispatch.
 */
#include "render.h"

#include <string.h>

#include "error.h"

static const char *const format_names[] = {
	[FMT_TEXT] = "text", [FMT_MARKDOWN] = "markdown", [FMT_JSON] = "json",
	[FMT_MERMAID] = "mermaid", [FMT_HTML] = "html",
};

static const char *const view_names[] = {
	[VIEW_LIST] = "list", [VIEW_TIMELINE] = "timeline", [VIEW_SHOW] = "show",
	[VIEW_LINKS] = "links", [VIEW_RELEASE_NOTES] = "release-notes",
	[VIEW_INDEX] = "index", [VIEW_CHECK] = "check",
};

int render_format_parse(const char *name, enum render_format *out)
{
	for (size_t i = 0; i < sizeof(format_names) / sizeof(*format_names); i++)
		if (!strcmp(name, format_names[i])) {
			*out = (enum render_format)i;
			return 0;
		}
	if (!strcmp(name, "md")) {
		*out = FMT_MARKDOWN;
		return 0;
	}
	return -1;
}

const char *render_format_name(enum render_format f)
{
	return format_names[f];
}

const char *render_view_name(enum render_view view)
{
	return view_names[view];
}

int render(enum render_format format, enum render_view view,
	   const struct render_ctx *ctx)
{
	switch (format) {
	case FMT_TEXT: return render_text(view, ctx);
	case FMT_MARKDOWN: return render_markdown(view, ctx);
	case FMT_JSON: return render_json(view, ctx);
	case FMT_MERMAID: return render_mermaid(view, ctx);
	case FMT_HTML: return render_html(view, ctx);
	}
	return error_set("unknown output format");
}

int render_unsupported(enum render_format format, enum render_view view)
{
	return error_set("%s: --format %s is not supported", view_names[view],
			 format_names[format]);
}
