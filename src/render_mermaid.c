/*
 * render_mermaid: the timeline as a Mermaid `timeline` diagram in a
 * ```mermaid fenced block, which GitHub and Gitea draw in any Markdown
 * file: one period per day an event landed and one section per month; a
 * long history by month, quarter or year instead, so the chart stays
 * readable.  Repository text passes render_mermaid_text(), which removes
 * what Mermaid would read as syntax.
 */
#include "render.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "status.h"
#include "strbuf.h"
#include "utf8.h"
#include "xalloc.h"

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

/*
 * A chart is as wide as it has periods (GitHub draws each one a column of
 * about 200 px), so a long history is grouped more coarsely: by day while
 * there are at most this many, else by month, quarter or year.
 */
#define MERMAID_MAX_PERIODS 16

enum mermaid_level { LV_DAY, LV_MONTH, LV_QUARTER, LV_YEAR };

/* The label of day ("YYYY-MM-DD") at level: its section and its period. */
static void render_mermaid_label(char *section, char *period, const char *day,
				 enum mermaid_level lv)
{
	int month = (day[5] - '0') * 10 + (day[6] - '0');

	switch (lv) {
	case LV_DAY:
		snprintf(section, 16, "%.7s", day);
		snprintf(period, 16, "%.10s", day);
		break;
	case LV_MONTH:
		snprintf(section, 16, "%.4s", day);
		snprintf(period, 16, "%.7s", day);
		break;
	case LV_QUARTER:
		snprintf(section, 16, "%.4s", day);
		snprintf(period, 16, "%.4s Q%d", day, month >= 1 && month <= 12 ? (month + 2) / 3 : 0);
		break;
	case LV_YEAR:
		*section = '\0';
		snprintf(period, 16, "%.4s", day);
		break;
	}
}

/* How many distinct periods the (ordered) days make at level lv. */
static size_t render_mermaid_count(char (*days)[11], size_t nr, enum mermaid_level lv)
{
	char sec[16], per[16], prev[16] = "";
	size_t n = 0;

	for (size_t i = 0; i < nr; i++) {
		render_mermaid_label(sec, per, days[i], lv);
		if (strcmp(per, prev)) {
			n++;
			memcpy(prev, per, sizeof(prev));
		}
	}
	return n;
}

static int render_mermaid_timeline(const struct render_ctx *ctx)
{
	const struct adr_db *db = ctx->db;
	FILE *out = ctx->out;
	struct strbuf sb = STRBUF_INIT;
	char (*days)[11] = xcalloc(db->events_nr + 1, sizeof(*days));
	const struct adr_event **ev = xcalloc(db->events_nr + 1, sizeof(*ev));
	char section[16] = "", period[16] = "", sec[16], per[16];
	static const char *const level_names[] = { "day", "month", "quarter", "year" };
	enum mermaid_level lv = LV_DAY;
	size_t nr = 0;

	/*
	 * Each event under the day it landed (the order of the events), and
	 * never before the previous one: a clock that went backwards on the
	 * mainline would draw time going back.
	 */
	for (size_t i = 0; i < db->events_nr; i++) {
		const struct adr_event *e = db->events[i];
		const char *d = ctx->landed_dates && ctx->landed_dates[i] ?
				ctx->landed_dates[i] : e->date;

		if (ctx->adr && e->adr != ctx->adr)
			continue;
		snprintf(days[nr], 11, "%.10s", d && strlen(d) >= 10 ? d : "0000-00-00");
		if (nr && strcmp(days[nr], days[nr - 1]) < 0)
			memcpy(days[nr], days[nr - 1], 11);
		ev[nr++] = e;
	}
	while (lv < LV_YEAR && render_mermaid_count(days, nr, lv) > MERMAID_MAX_PERIODS)
		lv++;
	fprintf(out, "```mermaid\ntimeline\n    title Decision timeline (by landed %s)\n",
		level_names[lv]);
	for (size_t i = 0; i < nr; i++) {
		render_mermaid_label(sec, per, days[i], lv);
		if (*sec && strcmp(section, sec)) {
			memcpy(section, sec, sizeof(section));
			fprintf(out, "    section %s\n", section);
			*period = '\0';
		}
		strbuf_reset(&sb);
		render_mermaid_event(&sb, ev[i]);
		if (strcmp(period, per)) {
			memcpy(period, per, sizeof(period));
			fprintf(out, "        %s : %s\n", period, sb.buf);
		} else {
			fprintf(out, "                   : %s\n", sb.buf);
		}
	}
	fputs("```\n", out);
	strbuf_release(&sb);
	free(days);
	free(ev);
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
