/*
 * render_md_report: the Markdown views of the reports that are not the
 * db alone: the index table (`index`, also the text written by
 * `index --write`) and the release notes.  Kept apart from render_md.c
 * (the timeline/show/links views) so each can grow on its own; reads only
 * the model (adr.h, report.h).
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

/* Inline text for Markdown: valid UTF-8, one line. */
static void render_md_inline(struct strbuf *out, const char *s)
{
	size_t start = out->len;

	utf8_sanitize(out, s ? s : "", s ? strlen(s) : 0);
	for (size_t i = start; i < out->len; i++)
		if (out->buf[i] == '\n' || out->buf[i] == '\r')
			out->buf[i] = ' ';
}

/* "accepted -> implemented (2025-05-18)" for each event, "; " between. */
static void render_md_transitions(struct strbuf *out, const struct relnotes_item *it)
{
	for (size_t i = 0; i < it->events_nr; i++) {
		const struct adr_event *e = it->events[i];
		const char *from = status_name(e->from);

		if (i)
			strbuf_addstr(out, "; ");
		strbuf_addf(out, "%s \xe2\x86\x92 %s", from ? from : "new",
			    status_name(e->to) ? status_name(e->to) : "none");
		if (e->date && strlen(e->date) >= 10)
			strbuf_addf(out, " (%.10s)", e->date);
	}
}

/* One decision: a list item and its implementing commits. */
static void render_md_relnotes_item(struct strbuf *out, const struct adr_db *db,
				    const struct relnotes_item *it)
{
	strbuf_addf(out, "- **ADR %s: ", it->adr->id);
	render_md_inline(out, it->adr->doc.title ? it->adr->doc.title : it->adr->path);
	strbuf_addstr(out, "**: ");
	render_md_transitions(out, it);
	strbuf_addch(out, '\n');
	for (size_t k = 0; k < it->commits.nr; k++) {
		const struct adr_commit *c = adr_db_commit(db, it->commits.v[k]);

		strbuf_addf(out, "  - `%.7s` ", it->commits.v[k]);
		render_md_inline(out, c && c->subject ? c->subject : "");
		strbuf_addch(out, '\n');
	}
}

/* The items of one group (a list; "" when the group is empty). */
static void render_md_relnotes_group(struct strbuf *out, const struct adr_db *db,
				     const struct relnotes_section *s,
				     enum relnotes_group g)
{
	for (size_t i = 0; i < s->nr; i++)
		if (s->items[i].group == g)
			render_md_relnotes_item(out, db, &s->items[i]);
}

/* Every group with its heading, or a line saying nothing changed. */
static void render_md_relnotes_body(struct strbuf *out, const struct adr_db *db,
				    const struct relnotes_section *s)
{
	if (!s->nr) {
		strbuf_addstr(out, "No decision changed status.\n");
		return;
	}
	for (int g = 0, first = 1; g < RELNOTES__COUNT; g++) {
		struct strbuf items = STRBUF_INIT;

		render_md_relnotes_group(&items, db, s, (enum relnotes_group)g);
		if (items.len) {
			if (!first)
				strbuf_addch(out, '\n');
			first = 0;
			strbuf_addf(out, "### %s\n\n", relnotes_group_title((enum relnotes_group)g));
			strbuf_addbuf(out, &items);
		}
		strbuf_release(&items);
	}
}

/*
 * The value of one template placeholder for section s; returns 0 when
 * name is not a placeholder (it is then copied as written).
 */
static int render_md_placeholder(struct strbuf *out, const struct adr_db *db,
				 const struct relnotes_section *s, const char *name,
				 size_t len)
{
	static const struct { const char *name; enum relnotes_group g; } groups[] = {
		{ "new", RELNOTES_NEW }, { "accepted", RELNOTES_ACCEPTED },
		{ "implemented", RELNOTES_IMPLEMENTED }, { "deprecated", RELNOTES_RETIRED },
		{ "superseded", RELNOTES_RETIRED }, { "rejected", RELNOTES_REJECTED },
		{ "withdrawn", RELNOTES_REJECTED },
	};
#define IS(word) (len == strlen(word) && !strncmp(name, word, len))
	if (IS("title"))
		render_md_inline(out, s->title);
	else if (IS("from"))
		render_md_inline(out, s->from ? s->from : "");
	else if (IS("to"))
		render_md_inline(out, s->to);
	else if (IS("date"))
		strbuf_addf(out, "%.10s", s->date ? s->date : "");
	else if (IS("count"))
		strbuf_addf(out, "%zu", s->nr);
	else if (IS("body"))
		render_md_relnotes_body(out, db, s);
	else {
		for (size_t i = 0; i < sizeof(groups) / sizeof(*groups); i++)
			if (IS(groups[i].name)) {
				render_md_relnotes_group(out, db, s, groups[i].g);
				return 1;
			}
		return 0;
	}
#undef IS
	return 1;
}

/* tmpl with every {{placeholder}} of section s filled in. */
static void render_md_template(struct strbuf *out, const char *tmpl,
			       const struct adr_db *db, const struct relnotes_section *s)
{
	const char *p = tmpl, *open, *close;

	while ((open = strstr(p, "{{")) && (close = strstr(open + 2, "}}"))) {
		const char *n = open + 2, *e = close;

		strbuf_add(out, p, (size_t)(open - p));
		while (n < e && *n == ' ')
			n++;
		while (e > n && e[-1] == ' ')
			e--;
		if (!render_md_placeholder(out, db, s, n, (size_t)(e - n)))
			strbuf_add(out, open, (size_t)(close + 2 - open));
		p = close + 2;
	}
	strbuf_addstr(out, p);
}

int render_md_release_notes(const struct render_ctx *ctx)
{
	const struct relnotes *rn = ctx->notes;
	struct strbuf sb = STRBUF_INIT;

	for (size_t i = 0; rn && i < rn->nr; i++) {
		const struct relnotes_section *s = &rn->v[i];

		if (rn->template) {
			render_md_template(&sb, rn->template, ctx->db, s);
			continue;
		}
		if (i)
			strbuf_addch(&sb, '\n');
		strbuf_addstr(&sb, "## ");
		render_md_inline(&sb, s->title);
		if (s->date)
			strbuf_addf(&sb, " (%.10s)", s->date);
		strbuf_addstr(&sb, "\n\n");
		render_md_relnotes_body(&sb, ctx->db, s);
	}
	fwrite(sb.buf, 1, sb.len, ctx->out);
	strbuf_release(&sb);
	return 0;
}
