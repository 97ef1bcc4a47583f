/*
 * render_md_report: the Markdown index table (`index`, also the text
 * written by `index --write`) and the small helpers other Markdown views
 * share.  Kept apart from render_md.c (the timeline/show/links views) and
 * render_md_relnotes.c (release notes) so each can grow on its own; reads
 * only the model (adr.h, report.h).
 */
#include "render.h"

#include <string.h>

#include "report.h"
#include "status.h"
#include "strbuf.h"
#include "utf8.h"

/*
 * s as one Markdown table cell: valid UTF-8, no newline, '|' escaped, and
 * no control character (utf8_for_terminal): `index` prints to a terminal.
 */
void render_md_cell(struct strbuf *out, const char *s)
{
	struct strbuf sb = STRBUF_INIT;

	utf8_for_terminal(&sb, s ? s : "", 0);
	for (size_t i = 0; i < sb.len; i++) {
		char c = sb.buf[i];

		if (c == '|')
			strbuf_addstr(out, "\\|");
		else if (c == '\n' || c == '\r' || c == '\t')
			strbuf_addch(out, ' ');
		else
			strbuf_addch(out, c);
	}
	strbuf_release(&sb);
}

/*
 * The status as an index shows it: the normalized word capitalized
 * ("Accepted"), the raw text's first line for an unknown status, "" for
 * none.
 */
void render_status_label(struct strbuf *out, const struct adr_doc *doc)
{
	const char *name = status_name(doc->status);

	if (doc->status == ADR_STATUS_UNKNOWN && doc->status_raw) {
		size_t n = strcspn(doc->status_raw, "\n");
		strbuf_add(out, doc->status_raw, n);
		return;
	}
	if (!name || doc->status == ADR_STATUS_NONE)
		return;
	strbuf_addch(out, name[0] >= 'a' && name[0] <= 'z' ? name[0] - 'a' + 'A' : name[0]);
	strbuf_addstr(out, name + 1);
}

/* path relative to the folder base ("" is the repository root). */
void render_relative_path(struct strbuf *out, const char *base, const char *path)
{
	size_t common = 0, i;

	if (!base || !*base) {
		strbuf_addstr(out, path);
		return;
	}
	/* the longest prefix of whole components shared by base and path */
	for (i = 0; base[i] && base[i] == path[i]; i++)
		if (base[i] == '/')
			common = i + 1;
	if (!base[i] && path[i] == '/') {
		strbuf_addstr(out, path + i + 1);	/* path is below base */
		return;
	}
	for (const char *p = base + common; *p; p++)
		if (p == base + common || p[-1] == '/')
			strbuf_addstr(out, "../");
	strbuf_addstr(out, path + common);
}

/*
 * Link targets: spaces and parentheses would end the link early; control
 * characters in a file name must not reach the terminal (utf8_for_terminal).
 */
static void render_md_link_target(struct strbuf *out, const char *target)
{
	struct strbuf safe = STRBUF_INIT;

	utf8_for_terminal(&safe, target, 0);
	for (const char *p = safe.buf; *p; p++) {
		if (*p == ' ')
			strbuf_addstr(out, "%20");
		else if (*p == '(')
			strbuf_addstr(out, "%28");
		else if (*p == ')')
			strbuf_addstr(out, "%29");
		else
			strbuf_addch(out, *p);
	}
	strbuf_release(&safe);
}

/* The index table of the live ADRs into out (one line per ADR). */
void render_md_index_table(struct strbuf *out, const struct adr_db *db,
			   const char *base_dir)
{
	strbuf_addstr(out, "| Number | Title | Status |\n| --- | --- | --- |\n");
	for (size_t i = 0; i < db->nr; i++) {
		const struct adr *a = db->adrs[i];
		struct strbuf t = STRBUF_INIT;

		if (a->deleted)
			continue;
		strbuf_addstr(out, "| ");
		render_md_cell(out, a->id);
		strbuf_addstr(out, " | [");
		strbuf_addstr(&t, a->doc.title ? a->doc.title : a->path);
		/* brackets inside the link text would end it */
		for (size_t k = 0; k < t.len; k++)
			if (t.buf[k] == '[' || t.buf[k] == ']')
				t.buf[k] = t.buf[k] == '[' ? '(' : ')';
		render_md_cell(out, t.buf);
		strbuf_addstr(out, "](");
		strbuf_reset(&t);
		render_relative_path(&t, base_dir, a->path);
		render_md_link_target(out, t.buf);
		strbuf_addstr(out, ") | ");
		strbuf_reset(&t);
		render_status_label(&t, &a->doc);
		render_md_cell(out, t.buf);
		strbuf_addstr(out, " |\n");
		strbuf_release(&t);
	}
}

int render_md_index(const struct render_ctx *ctx)
{
	struct strbuf sb = STRBUF_INIT;
	const char *base = ctx->base_dir;

	if (!base)
		base = ctx->db->dirs.nr ? ctx->db->dirs.v[0] : "";
	render_md_index_table(&sb, ctx->db, base);
	fwrite(sb.buf, 1, sb.len, ctx->out);
	strbuf_release(&sb);
	return 0;
}
