/*
 * render_mermaid: the timeline as a Mermaid `timeline` diagram in a
 * ```mermaid fenced block, which GitHub and Gitea draw in any Markdown
 * file: one section per month, one period per day, one event per status
 * change.  Repository text passes render_mermaid_text(), which removes
 * what Mermaid would read as syntax.
 */
#include "render.h"

#include <string.h>

#include "status.h"
#include "strbuf.h"
#include "utf8.h"

/*
 * Append s as Mermaid-safe text.  In a timeline ':' separates events,
 * '#' starts an entity, ';' ends a statement, "%%" starts a comment, a
 * newline ends the line, and labels are HTML.  So ':' becomes U+A789 (a
 * colon look-alike), '#' U+FF03, '%' U+FF05, '<' '>' U+2039 U+203A, ';' a
 * comma, '&' '+', quotes and backticks typographic quotes, braces
 * parentheses, and control characters, U+2028 and U+2029 a space.
 */
static void render_mermaid_text(struct strbuf *out, const char *s)
{
	struct strbuf flat = STRBUF_INIT, safe = STRBUF_INIT;

	for (; s && *s; s++)
		strbuf_addch(&flat, (unsigned char)*s < 0x20 || *s == 0x7f ? ' ' : *s);
	utf8_for_terminal(&safe, flat.buf, 0);
	for (const char *p = safe.buf; *p; p++) {
		switch (*p) {
		case ':': strbuf_addstr(out, "\xea\x9e\x89"); break;
		case '#': strbuf_addstr(out, "\xef\xbc\x83"); break;
		case ';': strbuf_addch(out, ','); break;
		case '%': strbuf_addstr(out, "\xef\xbc\x85"); break;
		case '<': strbuf_addstr(out, "\xe2\x80\xb9"); break;
		case '>': strbuf_addstr(out, "\xe2\x80\xba"); break;
		case '&': strbuf_addch(out, '+'); break;
		case '`': case '\'': strbuf_addstr(out, "\xe2\x80\x99"); break;
		case '"': strbuf_addstr(out, "\xe2\x80\x9d"); break;
		case '{': strbuf_addch(out, '('); break;
		case '}': strbuf_addch(out, ')'); break;
		default:
			/* U+2028/U+2029 end a line for some parsers */
			if (!strncmp(p, "\xe2\x80\xa8", 3) || !strncmp(p, "\xe2\x80\xa9", 3)) {
				strbuf_addch(out, ' ');
				p += 2;
			} else {
				strbuf_addch(out, *p);
			}
		}
	}
	/* leading/trailing blanks and empty text confuse the parser */
	strbuf_trim(out);
	strbuf_release(&flat);
	strbuf_release(&safe);
}

static const char *render_mermaid_status(enum adr_status s)
{
	const char *n = status_name(s);
	return n ? n : "no status";
}

/* "ADR 12 Use NATS → accepted" as one event's text. */
static void render_mermaid_event(struct strbuf *sb, const struct adr_event *e)
{
	struct strbuf t = STRBUF_INIT;

	strbuf_addstr(&t, "ADR ");
	strbuf_addstr(&t, e->adr->id ? e->adr->id : "?");
	if (e->adr->doc.title) {
		strbuf_addch(&t, ' ');
		strbuf_addstr(&t, e->adr->doc.title);
	}
	render_mermaid_text(sb, t.buf);
	if (e->from == ADR_STATUS_NONE && e->to != ADR_STATUS_DELETED)
		strbuf_addf(sb, " (%s)", render_mermaid_status(e->to));
	else
		strbuf_addf(sb, " (%s → %s)", render_mermaid_status(e->from),
			    render_mermaid_status(e->to));
	strbuf_release(&t);
}

static int render_mermaid_timeline(const struct render_ctx *ctx)
{
	const struct adr_db *db = ctx->db;
	FILE *out = ctx->out;
	char month[8] = "", day[11] = "";
	struct strbuf sb = STRBUF_INIT;

	fputs("```mermaid\ntimeline\n    title Decision timeline\n", out);
	for (size_t i = 0; i < db->events_nr; i++) {
		const struct adr_event *e = db->events[i];
		const char *d = e->date && strlen(e->date) >= 10 ? e->date : "undated   ";

		if (ctx->adr && e->adr != ctx->adr)
			continue;
		if (strncmp(month, d, 7)) {
			snprintf(month, sizeof(month), "%.7s", d);
			fprintf(out, "    section %s\n", month);
			*day = '\0';
		}
		strbuf_reset(&sb);
		render_mermaid_event(&sb, e);
		if (strncmp(day, d, 10)) {
			snprintf(day, sizeof(day), "%.10s", d);
			fprintf(out, "        %s : %s\n", day, sb.buf);
		} else {
			fprintf(out, "                   : %s\n", sb.buf);
		}
	}
	fputs("```\n", out);
	strbuf_release(&sb);
	return 0;
}

int render_mermaid(enum render_view view, const struct render_ctx *ctx)
{
	switch (view) {
	case VIEW_TIMELINE:
	case VIEW_SHOW:		/* one ADR's history (ctx->adr) */
		return render_mermaid_timeline(ctx);
	default:
		return render_unsupported(FMT_MERMAID, view);
	}
}
