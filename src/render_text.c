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
		render_text_cell(out, render_text_status(a), wstatus, 0);
		if (ctx->color)
			fputs(TERM_RESET, out);
		fputs("  ", out);
		render_text_cell(out, a->doc.date ? a->doc.date : "-", wdate + 2, 0);
		render_text_cell(out, a->doc.title, wtitle + 2, 0);
		render_text_cell(out, a->path, 0, 1);
		fputc('\n', out);
	}
	return 0;
}

int render_text(enum render_view view, const struct render_ctx *ctx)
{
	switch (view) {
	case VIEW_LIST:
		return render_text_list(ctx);
	case VIEW_INDEX:
		return render_md_index(ctx);
	case VIEW_RELEASE_NOTES:
		return render_md_release_notes(ctx);
	case VIEW_CHECK:
		return render_text_check(ctx);
	default:
		return render_unsupported(FMT_TEXT, view);
	}
}
