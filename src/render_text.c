/*
 * render_text: plain-text output for people: aligned tables and the
 * timeline.  Every piece of repository text passes utf8_for_terminal()
 * (no escape sequences from commit messages reach the terminal); color
 * only when ctx->color.
 */
#include "render.h"

#include <string.h>

#include "status.h"
#include "strbuf.h"
#include "mdterm.h"
#include "term.h"
#include "utf8.h"

/* s made safe for a terminal, padded with spaces to width columns. */
static void render_text_cell(FILE *out, const char *s, size_t width, int last)
{
	struct strbuf sb = STRBUF_INIT;
	size_t w;

	utf8_for_terminal(&sb, s ? s : "", 0);
	/* a column never runs into the next: cut, leaving one space */
	if (!last && width > 1)
		utf8_truncate(&sb, width - 1);
	fputs(sb.buf, out);
	w = utf8_width(sb.buf);
	if (!last)
		for (; w < width; w++)
			fputc(' ', out);
	strbuf_release(&sb);
}

/*
 * s made safe for a terminal, cut to max display cells (0: never cut)
 * and, with pad, padded with spaces to exactly max cells.
 */
static void render_text_fit(FILE *out, const char *s, size_t max, int pad)
{
	struct strbuf sb = STRBUF_INIT;

	utf8_for_terminal(&sb, s ? s : "", 0);
	if (max)
		utf8_truncate(&sb, max);
	fputs(sb.buf, out);
	for (size_t w = utf8_width(sb.buf); pad && w < max; w++)
		fputc(' ', out);
	strbuf_release(&sb);
}

/* Display cells of s once made safe for a terminal. */
static size_t render_text_width(const char *s)
{
	struct strbuf sb = STRBUF_INIT;
	size_t w;

	utf8_for_terminal(&sb, s ? s : "", 0);
	w = utf8_width(sb.buf);
	strbuf_release(&sb);
	return w;
}

/*
 * The title and path columns of `list` when the table is wider than
 * ctx->width: the path keeps its width while the title keeps 20 cells,
 * then both shrink (the path to 10 cells at least).  fixed: the cells
 * before the title.
 */
static void render_text_list_fit(const struct render_ctx *ctx, size_t fixed,
				 size_t *title, size_t *path)
{
	size_t avail;

	if (!ctx->width || fixed + *title + 2 + *path <= ctx->width)
		return;
	avail = ctx->width > fixed + 2 ? ctx->width - fixed - 2 : 0;
	if (avail >= *path + 20) {
		*title = avail - *path;
		return;
	}
	if (*title > 20)
		*title = 20;
	*path = avail > *title + 10 ? avail - *title : 10;
}

static const char *render_text_status(const struct adr *a)
{
	const char *s = status_name(a->doc.status);
	return s ? s : "-";
}

static int render_text_list(const struct render_ctx *ctx)
{
	const struct adr_db *db = ctx->db;
	size_t wid = 2, wtitle = 5, wstatus = 6, wdate = 4, wpath = 4;
	FILE *out = ctx->out;

	for (size_t i = 0; i < db->nr; i++) {
		const struct adr *a = db->adrs[i];
		struct strbuf t = STRBUF_INIT;
		size_t w;

		if (a->deleted && !ctx->all)
			continue;
		if ((w = utf8_width(a->id)) > wid)
			wid = w;
		utf8_for_terminal(&t, a->doc.title ? a->doc.title : "", 0);
		if ((w = utf8_width(t.buf)) > wtitle)
			wtitle = w;
		strbuf_release(&t);
		if ((w = strlen(render_text_status(a))) > wstatus)
			wstatus = w;
		if (a->doc.date && (w = strlen(a->doc.date)) > wdate)
			wdate = w;
		if ((w = render_text_width(a->path)) > wpath)
			wpath = w;
	}
	render_text_list_fit(ctx, wid + 2 + wstatus + 2 + wdate + 2, &wtitle, &wpath);
	if (!db->nr) {
		fputs("no ADRs found", out);
		if (db->dirs.nr) {
			fputs(" in", out);
			for (size_t i = 0; i < db->dirs.nr; i++)
				fprintf(out, " %s", *db->dirs.v[i] ? db->dirs.v[i] : ".");
		}
		fputc('\n', out);
		return 0;
	}
	if (ctx->color)
		fputs(TERM_BOLD, out);
	render_text_cell(out, "ID", wid + 2, 0);
	render_text_cell(out, "STATUS", wstatus + 2, 0);
	render_text_cell(out, "DATE", wdate + 2, 0);
	render_text_fit(out, "TITLE", wtitle, 1);
	fputs("  ", out);
	render_text_cell(out, "PATH", 0, 1);
	if (ctx->color)
		fputs(TERM_RESET, out);
	fputc('\n', out);
	for (size_t i = 0; i < db->nr; i++) {
		const struct adr *a = db->adrs[i];

		if (a->deleted && !ctx->all)
			continue;
		render_text_cell(out, a->id, wid + 2, 0);
		if (ctx->color)
			fputs(term_status_color(a->doc.status), out);
		render_text_cell(out, render_text_status(a), wstatus + 1, 0);
		if (ctx->color)
			fputs(TERM_RESET, out);
		fputs(" ", out);
		render_text_cell(out, a->doc.date ? a->doc.date : "-", wdate + 2, 0);
		render_text_fit(out, a->doc.title, wtitle, 1);
		fputs("  ", out);
		render_text_fit(out, a->path, ctx->width ? wpath : 0, 0);
		fputc('\n', out);
	}
	return 0;
}

/* "proposed", or "(none)" for no status (an event's from at creation). */
static const char *render_text_status_word(enum adr_status st)
{
	const char *s = status_name(st);
	return s ? s : "(none)";
}

/* The first 7 hex digits of a commit id. */
static void render_text_short(FILE *out, const char *sha)
{
	fprintf(out, "%.7s", sha);
}

/*
 * The name part of "Name <mail>" (people scan for names, as in git log
 * --format=%an); the mail when the name is empty.
 */
static void render_text_author_name(struct strbuf *out, const char *author)
{
	const char *lt = author ? strrchr(author, '<') : NULL;
	size_t n;

	strbuf_reset(out);
	if (!author)
		return;
	if (!lt) {
		strbuf_addstr(out, author);
		return;
	}
	n = (size_t)(lt - author);
	while (n && author[n - 1] == ' ')
		n--;
	if (n) {
		strbuf_add(out, author, n);
	} else {
		const char *gt = strchr(lt, '>');
		strbuf_add(out, lt + 1, gt ? (size_t)(gt - lt - 1) : strlen(lt + 1));
	}
}

/* "from -> to" of an event, without color. */
static void render_text_change(struct strbuf *out, const struct adr_event *e)
{
	strbuf_reset(out);
	strbuf_addf(out, "%s -> %s", render_text_status_word(e->from),
		    render_text_status_word(e->to));
}

/* The column widths of event lines (display cells). */
struct render_text_cols {
	size_t id, title, change, author;
};

/* The title an event line shows: the one at its commit when known. */
static const char *render_text_event_title(const struct adr_event *e)
{
	return e->title ? e->title : e->adr->doc.title;
}

/*
 * Widths for these events: each column as wide as its widest cell; then,
 * when the lines would not fit ctx->width, the author column gets a
 * quarter of the room left (at least 12 cells) and the title the rest; on
 * a narrow terminal the title keeps 10 cells and the author what is left
 * (4 cells each at least: below that, lines wrap).
 */
static void render_text_measure(struct render_text_cols *c, const struct render_ctx *ctx,
				struct adr_event *const *ev, size_t nr, int with_adr)
{
	struct strbuf sb = STRBUF_INIT;
	size_t fixed, avail, w;

	memset(c, 0, sizeof(*c));
	for (size_t i = 0; i < nr; i++) {
		const struct adr_event *e = ev[i];

		if (ctx->adr && e->adr != ctx->adr)
			continue;
		if ((w = render_text_width(e->adr->id)) > c->id)
			c->id = w;
		if ((w = render_text_width(render_text_event_title(e))) > c->title)
			c->title = w;
		render_text_change(&sb, e);
		if (sb.len > c->change)
			c->change = sb.len;
		render_text_author_name(&sb, e->author);
		if ((w = render_text_width(sb.buf)) > c->author)
			c->author = w;
	}
	strbuf_release(&sb);
	/* "  ADR <id>  <title>  <change>  <sha>  <author>" or "  <date>  ..." */
	fixed = 2 + (with_adr ? 4 + c->id + 2 : 10 + 2) + c->change + 2 + 7 + 2;
	if (!ctx->width || fixed + (with_adr ? c->title + 2 : 0) + c->author <= ctx->width)
		return;
	avail = ctx->width > fixed ? ctx->width - fixed : 0;
	if (!with_adr) {
		c->author = avail > 12 ? avail : 12;
		return;
	}
	avail = avail > 2 ? avail - 2 : 0;	/* the gap after the title */
	w = avail / 4 > 12 ? avail / 4 : 12;
	if (w > c->author)
		w = c->author;
	if (avail < w + 10) {
		/* narrow: the title keeps 10 cells while it can, 4 at least */
		w = avail > 14 ? avail - 10 : 4;
		if (w > c->author)
			w = c->author;
		c->title = avail > w + 4 ? avail - w : 4;
	} else if (avail - w < c->title) {
		c->title = avail - w;
	} else {
		w = avail - c->title;
	}
	c->author = w;
}

/* One event: "ADR 12  Title  from -> to  abc1234  Author", in columns c. */
static void render_text_event(const struct render_ctx *ctx, const struct adr_event *e,
			      int with_adr, const struct render_text_cols *c)
{
	FILE *out = ctx->out;
	struct strbuf sb = STRBUF_INIT;

	fputs("  ", out);
	if (with_adr) {
		fputs("ADR ", out);
		render_text_fit(out, e->adr->id, c->id, 1);
		fputs("  ", out);
		render_text_fit(out, render_text_event_title(e), c->title, 1);
		fputs("  ", out);
	} else {
		fprintf(out, "%-10.10s  ", e->date ? e->date : "");
	}
	fputs(render_text_status_word(e->from), out);
	fputs(" -> ", out);
	if (ctx->color)
		fputs(term_status_color(e->to), out);
	fputs(render_text_status_word(e->to), out);
	if (ctx->color)
		fputs(TERM_RESET, out);
	render_text_change(&sb, e);
	for (size_t w = sb.len; w < c->change; w++)
		fputc(' ', out);
	fputs("  ", out);
	if (ctx->color)
		fputs(TERM_YELLOW, out);
	render_text_short(out, e->commit);
	if (ctx->color)
		fputs(TERM_RESET, out);
	fputs("  ", out);
	render_text_author_name(&sb, e->author);
	render_text_fit(out, sb.buf, ctx->width ? c->author : 0, 0);
	fputc('\n', out);
	strbuf_release(&sb);
}

/*
 * The day an event is grouped under: the day it landed (the committer
 * date of the first-parent commit that brought it, SPEC section 2's
 * order), so the headers follow the order of the lines.  A clock that
 * went backwards on the mainline keeps the previous day: headers never
 * go back in time (forward with --reverse).
 */
static void render_text_day(char day[11], const struct render_ctx *ctx, size_t i,
			    const char *prev)
{
	const struct adr_event *e = ctx->db->events[i];
	const char *d = ctx->landed_dates && ctx->landed_dates[i] ?
			ctx->landed_dates[i] : e->date;

	snprintf(day, 11, "%.10s", d ? d : "");
	if (*prev && (ctx->reverse ? strcmp(day, prev) > 0 : strcmp(day, prev) < 0))
		memcpy(day, prev, 11);
}

/* Events grouped under a line per landed day, in timeline order. */
static int render_text_timeline(const struct render_ctx *ctx)
{
	const struct adr_db *db = ctx->db;
	struct render_text_cols cols;
	char day[11] = "", prev[11] = "";

	if (!db->events_nr) {
		fputs("no status changes found\n", ctx->out);
		return 0;
	}
	render_text_measure(&cols, ctx, db->events, db->events_nr, 1);
	for (size_t i = 0; i < db->events_nr; i++) {
		render_text_day(day, ctx, i, prev);
		if (!i || strcmp(day, prev)) {
			if (i)
				fputc('\n', ctx->out);
			if (ctx->color)
				fputs(TERM_BOLD, ctx->out);
			fprintf(ctx->out, "landed %s", day);
			if (ctx->color)
				fputs(TERM_RESET, ctx->out);
			fputc('\n', ctx->out);
			memcpy(prev, day, sizeof(prev));
		}
		render_text_event(ctx, db->events[i], 1, &cols);
	}
	return 0;
}

/* "12 (Title)" for an id named in a link, with the title when known. */
static void render_text_id_ref(const struct render_ctx *ctx, const char *id)
{
	const struct adr *o = adr_db_find(ctx->db, id);

	fprintf(ctx->out, "ADR %s", id);
	if (o && o->doc.title) {
		fputs(" (", ctx->out);
		render_text_cell(ctx->out, o->doc.title, 0, 1);
		fputc(')', ctx->out);
	}
}

static void render_text_ids(const struct render_ctx *ctx, const char *label,
			    const struct strvec *ids)
{
	if (!ids->nr)
		return;
	fprintf(ctx->out, "%-16s", label);
	for (size_t i = 0; i < ids->nr; i++) {
		if (i)
			fputs(", ", ctx->out);
		render_text_id_ref(ctx, ids->v[i]);
	}
	fputc('\n', ctx->out);
}

/* "short subject" for each commit of list. */
static void render_text_commits(const struct render_ctx *ctx, const struct strvec *shas)
{
	for (size_t i = 0; i < shas->nr; i++) {
		const struct adr_commit *c = adr_db_commit(ctx->db, shas->v[i]);

		fputs("  ", ctx->out);
		if (ctx->color)
			fputs(TERM_YELLOW, ctx->out);
		render_text_short(ctx->out, shas->v[i]);
		if (ctx->color)
			fputs(TERM_RESET, ctx->out);
		if (c) {
			/* "  abc1234  2024-02-01  " is 23 cells */
			size_t room = ctx->width > 23 + 10 ? ctx->width - 23 : ctx->width ? 10 : 0;

			fprintf(ctx->out, "  %.10s  ", c->date ? c->date : "");
			render_text_fit(ctx->out, c->subject, room, 0);
		}
		fputc('\n', ctx->out);
	}
}

/*
 * The supersede chain through a: the ADRs it replaced (oldest first),
 * itself, and those that replaced it, following the first link each way.
 */
static void render_text_chain(const struct render_ctx *ctx, const struct adr *a)
{
	const struct adr *back[32], *fwd[32], *x, *y;
	size_t nb = 0, nf = 0;

	for (x = a; x->doc.supersedes.nr && nb < 32; x = y) {
		y = adr_db_find(ctx->db, x->doc.supersedes.v[0]);
		if (!y || y == a || (nb && y == back[nb - 1]))
			break;	/* a missing ADR, or a loop */
		back[nb++] = y;
	}
	for (x = a; x->doc.superseded_by.nr && nf < 32; x = y) {
		y = adr_db_find(ctx->db, x->doc.superseded_by.v[0]);
		if (!y || y == a || (nf && y == fwd[nf - 1]))
			break;
		fwd[nf++] = y;
	}
	if (!nb && !nf)
		return;
	fprintf(ctx->out, "%-16s", "Chain:");
	while (nb)
		fprintf(ctx->out, "%s -> ", back[--nb]->id);
	fprintf(ctx->out, "[%s]", a->id);
	for (size_t i = 0; i < nf; i++)
		fprintf(ctx->out, " -> %s", fwd[i]->id);
	fputc('\n', ctx->out);
}

/*
 * The paths the ADR had before its current one, oldest first, each once (a
 * file that moved back and forth is listed once per path, not once per
 * move), never the current path.
 */
static void render_text_earlier_paths(const struct render_ctx *ctx, const struct adr *a)
{
	int first = 1;

	for (size_t i = 0; i < a->paths.nr; i++) {
		const char *p = a->paths.v[i];
		size_t j;

		if (a->path && !strcmp(p, a->path))
			continue;
		for (j = 0; j < i && strcmp(a->paths.v[j], p); j++)
			;
		if (j < i)
			continue;	/* already listed */
		fprintf(ctx->out, "%-16s", first ? "Earlier paths:" : "");
		render_text_cell(ctx->out, p, 0, 1);
		fputc('\n', ctx->out);
		first = 0;
	}
}

/* The record's text after its metadata (show --body). */
static void render_text_body(const struct render_ctx *ctx)
{
	struct strbuf sb = STRBUF_INIT;

	fputc('\n', ctx->out);
	if (ctx->body_raw)
		utf8_for_terminal(&sb, ctx->body, 1);
	else
		mdterm_render(&sb, ctx->body, ctx->width, ctx->color);
	fputs(sb.buf, ctx->out);
	if (sb.len && sb.buf[sb.len - 1] != '\n')
		fputc('\n', ctx->out);
	strbuf_release(&sb);
}

static int render_text_show(const struct render_ctx *ctx)
{
	const struct adr *a = ctx->adr;
	FILE *out = ctx->out;
	struct render_text_cols cols;

	fprintf(out, "ADR %s: ", a->id);
	render_text_cell(out, a->doc.title, 0, 1);
	fputc('\n', out);
	fprintf(out, "%-16s", "Status:");
	if (ctx->color)
		fputs(term_status_color(a->doc.status), out);
	fputs(a->deleted ? "deleted" : render_text_status(a), out);
	if (ctx->color)
		fputs(TERM_RESET, out);
	if (a->doc.status_raw && !a->deleted) {
		fputs(" (", out);
		render_text_cell(out, a->doc.status_raw, 0, 1);
		fputc(')', out);
	}
	fputc('\n', out);
	if (a->doc.date)
		fprintf(out, "%-16s%s\n", "Date:", a->doc.date);
	fprintf(out, "%-16s", "Path:");
	render_text_cell(out, a->path, 0, 1);
	fputc('\n', out);
	render_text_earlier_paths(ctx, a);
	render_text_ids(ctx, "Supersedes:", &a->doc.supersedes);
	render_text_ids(ctx, "Superseded by:", &a->doc.superseded_by);
	render_text_ids(ctx, "Amends:", &a->doc.amends);
	render_text_ids(ctx, "Amended by:", &a->doc.amended_by);
	render_text_chain(ctx, a);
	fprintf(out, "\nHistory (%zu):\n", a->history_nr);
	render_text_measure(&cols, ctx, a->history, a->history_nr, 0);
	for (size_t i = 0; i < a->history_nr; i++)
		render_text_event(ctx, a->history[i], 0, &cols);
	/* an empty list says nothing worth a heading */
	if (a->implemented_by.nr) {
		fprintf(out, "\nImplemented by (%zu):\n", a->implemented_by.nr);
		render_text_commits(ctx, &a->implemented_by);
	}
	if (a->edits.nr) {
		fprintf(out, "\nEdited by (%zu):\n", a->edits.nr);
		render_text_commits(ctx, &a->edits);
	}
	if (ctx->body)
		render_text_body(ctx);
	return 0;
}

/* Referencing commits of every ADR (or ctx->adr), each under its ADR. */
static int render_text_links(const struct render_ctx *ctx)
{
	const struct adr_db *db = ctx->db;
	int any = 0;

	for (size_t i = 0; i < db->nr; i++) {
		const struct adr *a = db->adrs[i];

		if (ctx->adr ? a != ctx->adr : (a->deleted || !a->references.nr))
			continue;
		if (any)
			fputc('\n', ctx->out);
		any = 1;
		if (ctx->color)
			fputs(TERM_BOLD, ctx->out);
		{
			char count[32];
			size_t used;

			snprintf(count, sizeof(count), " (%zu)", a->references.nr);
			used = 4 + render_text_width(a->id) + 2 + strlen(count);
			fprintf(ctx->out, "ADR %s: ", a->id);
			render_text_fit(ctx->out, a->doc.title,
					ctx->width ? (ctx->width > used + 10 ? ctx->width - used : 10) : 0, 0);
			if (ctx->color)
				fputs(TERM_RESET, ctx->out);
			fputs(count, ctx->out);
			fputc('\n', ctx->out);
		}
		render_text_commits(ctx, &a->references);
	}
	if (!any)
		fputs("no commits reference ADRs\n", ctx->out);
	return 0;
}

int render_text(enum render_view view, const struct render_ctx *ctx)
{
	switch (view) {
	case VIEW_LIST:
		return render_text_list(ctx);
	case VIEW_TIMELINE:
		return render_text_timeline(ctx);
	case VIEW_SHOW:
		return render_text_show(ctx);
	case VIEW_LINKS:
		return render_text_links(ctx);
	case VIEW_INDEX:
		return render_md_index(ctx);
	case VIEW_RELEASE_NOTES:
		return render_text_release_notes(ctx);
	case VIEW_CHECK:
		return render_text_check(ctx);
	default:
		return render_unsupported(FMT_TEXT, view);
	}
}
