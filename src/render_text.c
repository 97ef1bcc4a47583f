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

static const char *render_text_status(const struct adr *a)
{
	const char *s = status_name(a->doc.status);
	return s ? s : "-";
}

static int render_text_list(const struct render_ctx *ctx)
{
	const struct adr_db *db = ctx->db;
	size_t wid = 2, wtitle = 5, wstatus = 6, wdate = 4;
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
	}
	if (wtitle > 60)
		wtitle = 60;
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
	render_text_cell(out, "TITLE", wtitle + 2, 0);
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
		render_text_cell(out, a->doc.title, wtitle + 2, 0);
		render_text_cell(out, a->path, 0, 1);
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

/* One event: "ADR 12  Title  from -> to  abc1234  Author". */
static void render_text_event(const struct render_ctx *ctx, const struct adr_event *e,
			      int with_adr)
{
	FILE *out = ctx->out;

	fputs("  ", out);
	if (with_adr) {
		fputs("ADR ", out);
		render_text_cell(out, e->adr->id, 6, 0);
		render_text_cell(out, e->adr->doc.title, 40, 0);
		fputs("  ", out);
	} else {
		fprintf(out, "%.10s  ", e->date ? e->date : "");
	}
	fputs(render_text_status_word(e->from), out);
	fputs(" -> ", out);
	if (ctx->color)
		fputs(term_status_color(e->to), out);
	fputs(render_text_status_word(e->to), out);
	if (ctx->color)
		fputs(TERM_RESET, out);
	fputs("  ", out);
	if (ctx->color)
		fputs(TERM_YELLOW, out);
	render_text_short(out, e->commit);
	if (ctx->color)
		fputs(TERM_RESET, out);
	fputs("  ", out);
	render_text_cell(out, e->author, 0, 1);
	fputc('\n', out);
}

/* Events grouped under a line per author day, in timeline order. */
static int render_text_timeline(const struct render_ctx *ctx)
{
	const struct adr_db *db = ctx->db;
	char day[11] = "";

	if (!db->events_nr) {
		fputs("no status changes found\n", ctx->out);
		return 0;
	}
	for (size_t i = 0; i < db->events_nr; i++) {
		const struct adr_event *e = db->events[i];

		if (!e->date || strncmp(day, e->date, 10)) {
			snprintf(day, sizeof(day), "%.10s", e->date ? e->date : "");
			if (i)
				fputc('\n', ctx->out);
			if (ctx->color)
				fputs(TERM_BOLD, ctx->out);
			fputs(day, ctx->out);
			if (ctx->color)
				fputs(TERM_RESET, ctx->out);
			fputc('\n', ctx->out);
		}
		render_text_event(ctx, e, 1);
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
			fprintf(ctx->out, "  %.10s  ", c->date ? c->date : "");
			render_text_cell(ctx->out, c->subject, 0, 1);
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

static int render_text_show(const struct render_ctx *ctx)
{
	const struct adr *a = ctx->adr;
	FILE *out = ctx->out;

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
	for (size_t i = 0; a->paths.nr > 1 && i + 1 < a->paths.nr; i++) {
		fprintf(out, "%-16s", i ? "" : "Earlier paths:");
		render_text_cell(out, a->paths.v[i], 0, 1);
		fputc('\n', out);
	}
	render_text_ids(ctx, "Supersedes:", &a->doc.supersedes);
	render_text_ids(ctx, "Superseded by:", &a->doc.superseded_by);
	render_text_ids(ctx, "Amends:", &a->doc.amends);
	render_text_ids(ctx, "Amended by:", &a->doc.amended_by);
	render_text_chain(ctx, a);
	fprintf(out, "\nHistory (%zu):\n", a->history_nr);
	for (size_t i = 0; i < a->history_nr; i++)
		render_text_event(ctx, a->history[i], 0);
	fprintf(out, "\nImplemented by (%zu):\n", a->implemented_by.nr);
	render_text_commits(ctx, &a->implemented_by);
	fprintf(out, "\nEdited by (%zu):\n", a->edits.nr);
	render_text_commits(ctx, &a->edits);
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
		fprintf(ctx->out, "ADR %s: ", a->id);
		render_text_cell(ctx->out, a->doc.title, 0, 1);
		if (ctx->color)
			fputs(TERM_RESET, ctx->out);
		fprintf(ctx->out, " (%zu)\n", a->references.nr);
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
