/*
 * render_text_report: the text view of `check`: one finding per line,
 * "path:line: rule-id: message" (compiler style, so editors jump to it),
 * "path: rule-id: message" when there is no line.  Reads only the model.
 */
#include "render.h"

#include "report.h"
#include "strbuf.h"
#include "term.h"
#include "utf8.h"

int render_text_check(const struct render_ctx *ctx)
{
	const struct check_report *r = ctx->check;
	struct strbuf sb = STRBUF_INIT;

	for (size_t i = 0; r && i < r->nr; i++) {
		const struct check_finding *f = &r->v[i];
		int err = check_kind_severity(f->kind) == CHECK_ERROR;

		strbuf_reset(&sb);
		utf8_for_terminal(&sb, f->path, 0);
		if (f->line)
			strbuf_addf(&sb, ":%u", f->line);
		strbuf_addstr(&sb, ": ");
		if (ctx->color)
			strbuf_addstr(&sb, err ? TERM_BOLD : TERM_YELLOW);
		strbuf_addstr(&sb, check_kind_name(f->kind));
		if (ctx->color)
			strbuf_addstr(&sb, TERM_RESET);
		strbuf_addstr(&sb, ": ");
		utf8_for_terminal(&sb, f->message, 0);
		strbuf_addch(&sb, '\n');
		fwrite(sb.buf, 1, sb.len, ctx->out);
	}
	strbuf_release(&sb);
	return 0;
}
