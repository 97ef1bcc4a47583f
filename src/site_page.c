/*
 * site_page: adr/<id>.html, one ADR: its record rendered (Markdown through
 * cmark in safe mode, reStructuredText as simple HTML, site_rst.c), its facts
 * (status, date, file, earlier paths), supersede/amend links both ways
 * (what the record says and what the others say of it), its status
 * history (date, from -> to, commit, author, landed), the commits that
 * implement it and the commits that changed its file.
 */
#include "site_int.h"

#include <string.h>

#include "forge.h"
#include "status.h"
#include "strvec.h"

#define ROOT "../"

static void site_author(struct strbuf *out, const char *author)
{
	const char *lt = author ? strstr(author, " <") : NULL;
	struct strbuf name = STRBUF_INIT;

	if (lt)
		strbuf_add(&name, author, (size_t)(lt - author));
	else
		strbuf_addstr(&name, author ? author : "");
	strbuf_addstr(out, "<span title=\"");
	site_esc(out, author);
	strbuf_addstr(out, "\">");
	site_esc(out, name.buf);
	strbuf_addstr(out, "</span>");
	strbuf_release(&name);
}

static void site_adr_link(struct strbuf *out, const struct site *s, const char *id)
{
	const char *page = site_page_of(s, id);
	const struct adr *b = adr_db_find(s->in->db, id);

	if (page) {
		strbuf_addf(out, "<a href=\"" ROOT "%s\">ADR ", page);
		site_esc(out, id);
		strbuf_addstr(out, "</a>");
		if (b && b->doc.title) {
			strbuf_addstr(out, " ");
			site_esc_n(out, b->doc.title, 120);
		}
	} else {
		strbuf_addstr(out, "ADR ");
		site_esc(out, id);
		strbuf_addstr(out, " <span class=\"meta\">(no such ADR)</span>");
	}
}

/* The ids a's record names under kind, and those whose record names a under
 * the inverse kind: the link is shown on both pages whichever side wrote it. */
static void site_both_ways(struct strvec *ids, const struct site *s, const struct adr *a,
			   const struct strvec *own, size_t inverse_off)
{
	const struct adr_db *db = s->in->db;

	for (size_t i = 0; i < own->nr; i++)
		strvec_push_unique(ids, own->v[i]);
	for (size_t i = 0; i < db->nr; i++) {
		const struct adr *b = db->adrs[i];
		const struct strvec *inv = (const struct strvec *)
			((const char *)&b->doc + inverse_off);

		if (b == a || b->deleted || !b->id)
			continue;
		if (a->id && strvec_find(inv, a->id) >= 0)
			strvec_push_unique(ids, b->id);
	}
}

static void site_relations(struct strbuf *out, const struct site *s, const struct adr *a)
{
	static const struct {
		const char *label;
		size_t own, inverse;
	} kinds[] = {
		{ "Supersedes", offsetof(struct adr_doc, supersedes),
		  offsetof(struct adr_doc, superseded_by) },
		{ "Superseded by", offsetof(struct adr_doc, superseded_by),
		  offsetof(struct adr_doc, supersedes) },
		{ "Amends", offsetof(struct adr_doc, amends), offsetof(struct adr_doc, amended_by) },
		{ "Amended by", offsetof(struct adr_doc, amended_by), offsetof(struct adr_doc, amends) },
	};

	for (size_t k = 0; k < sizeof(kinds) / sizeof(kinds[0]); k++) {
		struct strvec ids;

		strvec_init(&ids);
		site_both_ways(&ids, s, a, (const struct strvec *)
			       ((const char *)&a->doc + kinds[k].own), kinds[k].inverse);
		if (ids.nr) {
			strbuf_addf(out, "<dt>%s</dt><dd><ul class=\"plain\">", kinds[k].label);
			for (size_t i = 0; i < ids.nr; i++) {
				strbuf_addstr(out, "<li>");
				site_adr_link(out, s, ids.v[i]);
				strbuf_addstr(out, "</li>");
			}
			strbuf_addstr(out, "</ul></dd>\n");
		}
		strvec_clear(&ids);
	}
}

static int site_is_rst(const char *path)
{
	size_t n = path ? strlen(path) : 0;

	return n > 4 && !strcmp(path + n - 4, ".rst");
}

/* The record: front matter shown as text, Markdown rendered, rst as simple HTML. */
static void site_body(struct strbuf *out, const struct site *s, const struct adr *a,
		      const char *body, size_t len)
{
	struct strbuf text = STRBUF_INIT;

	strbuf_addstr(out, "<section class=\"record\" id=\"record\">\n");
	if (body && a->deleted)
		strbuf_addstr(out, "<p class=\"note\">This ADR was deleted; below is its text "
			      "before the deletion.</p>\n");
	if (!body) {
		strbuf_addstr(out, "<p class=\"empty\">The file is not in the tree at this revision"
			      " (deleted); its history is below.</p>\n");
	} else if (site_is_rst(a->path)) {
		site_rst(out, body, len);
	} else {
		size_t skip = 0;

		if (len >= 4 && !strncmp(body, "---", 3) && (body[3] == '\n' || body[3] == '\r')) {
			const char *end = NULL;

			for (const char *p = body + 3; p && p < body + len;
			     p = memchr(p + 1, '\n', (size_t)(body + len - p - 1))) {
				if (p + 4 <= body + len && p[0] == '\n' &&
				    (!strncmp(p + 1, "---", 3) || !strncmp(p + 1, "...", 3))) {
					end = p + 4;
					break;
				}
				if (p + 1 >= body + len)
					break;
			}
			if (end) {
				skip = (size_t)(end - body);
				strbuf_add(&text, body, skip);
				strbuf_addstr(out, "<pre class=\"frontmatter\">");
				site_esc(out, text.buf);
				strbuf_addstr(out, "</pre>\n");
			}
		}
		site_markdown(out, s, a, body + skip, len - skip);
	}
	strbuf_addstr(out, "</section>\n");
	strbuf_release(&text);
}

static void site_history(struct strbuf *out, const struct site *s, const struct adr *a)
{
	strbuf_addstr(out, "<section>\n<h2>Status history</h2>\n");
	if (!a->history_nr) {
		strbuf_addstr(out, "<p class=\"empty\">No status change recorded.</p>\n</section>\n");
		return;
	}
	strbuf_addstr(out, "<table class=\"history\">\n<thead><tr><th>Date</th><th>Change</th>"
		      "<th>Commit</th><th>Author</th><th>Landed</th></tr></thead>\n<tbody>\n");
	for (size_t i = 0; i < a->history_nr; i++) {
		const struct adr_event *e = a->history[i];
		const struct adr_commit *c = adr_db_commit(s->in->db, e->commit);

		strbuf_addstr(out, "<tr><td class=\"date\" title=\"");
		site_esc(out, e->date);
		strbuf_addf(out, "\">%.10s</td><td><span class=\"badge s-%s\">%s</span> &rarr; "
			    "<span class=\"badge s-%s\">%s</span></td><td>",
			    e->date ? e->date : "", site_status_word(e->from),
			    e->from ? site_status_word(e->from) : "no status",
			    site_status_word(e->to), e->to ? site_status_word(e->to) : "no status");
		site_commit(out, s, e->commit);
		if (c && c->subject) {
			strbuf_addstr(out, " <span class=\"subject\">");
			site_esc_n(out, c->subject, 200);
			strbuf_addstr(out, "</span>");
		}
		strbuf_addstr(out, "</td><td>");
		site_author(out, e->author);
		strbuf_addstr(out, "</td><td>");
		if (*e->landed && strcmp(e->landed, e->commit))
			site_commit(out, s, e->landed);
		else
			strbuf_addstr(out, "<span class=\"meta\">same</span>");
		strbuf_addstr(out, "</td></tr>\n");
	}
	strbuf_addstr(out, "</tbody>\n</table>\n</section>\n");
}

static void site_commits(struct strbuf *out, const struct site *s, const struct strvec *shas,
			 const char *title, const char *cls, const char *none)
{
	strbuf_addf(out, "<section class=\"%s\">\n<h2>%s</h2>\n", cls, title);
	if (!shas->nr) {
		strbuf_addf(out, "<p class=\"empty\">%s</p>\n</section>\n", none);
		return;
	}
	strbuf_addstr(out, "<ul class=\"commits\">\n");
	for (size_t i = 0; i < shas->nr; i++) {
		const struct adr_commit *c = adr_db_commit(s->in->db, shas->v[i]);

		strbuf_addstr(out, "<li>");
		site_commit(out, s, shas->v[i]);
		if (c) {
			strbuf_addstr(out, " ");
			site_esc_n(out, c->subject, 200);
			strbuf_addstr(out, " <span class=\"meta\">");
			site_author(out, c->author);
			strbuf_addf(out, ", %.10s</span>", c->date ? c->date : "");
		}
		strbuf_addstr(out, "</li>\n");
	}
	strbuf_addstr(out, "</ul>\n</section>\n");
}

void site_adr_page(struct strbuf *out, const struct site *s, size_t i)
{
	const struct adr *a = s->in->db->adrs[i];
	struct strbuf title = STRBUF_INIT, url = STRBUF_INIT;
	const char *st = site_status(a);
	char date[11], last[11];

	strbuf_addf(&title, "ADR %s: %s", a->id ? a->id : "?", a->doc.title ? a->doc.title : "");
	site_head(out, s, title.buf, ROOT, NULL);
	site_adr_date(date, a);
	site_adr_last(last, s, a);
	strbuf_addstr(out, "<article class=\"adr\">\n<p class=\"crumbs\"><a href=\"" ROOT
		      "index.html\">Decisions</a> / ADR ");
	site_esc(out, a->id);
	strbuf_addstr(out, "</p>\n<h1><span class=\"id\">ADR ");
	site_esc(out, a->id);
	strbuf_addstr(out, "</span> ");
	site_esc(out, a->doc.title);
	strbuf_addf(out, "</h1>\n<dl class=\"facts\">\n<dt>Status</dt><dd><span class=\"badge s-%s\">%s"
		    "</span>", st, a->doc.status == ADR_STATUS_NONE && !a->deleted ? "no status" : st);
	if (a->doc.status_raw && !a->deleted) {
		strbuf_addstr(out, " <span class=\"meta\">");
		site_esc_n(out, a->doc.status_raw, 200);
		strbuf_addstr(out, "</span>");
	}
	strbuf_addstr(out, "</dd>\n");
	if (*date)
		strbuf_addf(out, "<dt>Date</dt><dd>%s</dd>\n", date);
	if (*last)
		strbuf_addf(out, "<dt>Last change</dt><dd>%s</dd>\n", last);
	strbuf_addstr(out, "<dt>File</dt><dd>");
	if (!a->deleted && *s->in->db->head &&
	    forge_file_link(&url, s->in->forge, s->in->db->head, a->path) == 0 && url.len) {
		strbuf_addstr(out, "<a href=\"");
		site_esc(out, url.buf);
		strbuf_addstr(out, "\"><code>");
		site_esc(out, a->path);
		strbuf_addstr(out, "</code></a>");
	} else {
		strbuf_addstr(out, "<code>");
		site_esc(out, a->path);
		strbuf_addstr(out, "</code>");
	}
	strbuf_addstr(out, a->deleted ? " <span class=\"meta\">(deleted)</span></dd>\n" : "</dd>\n");
	if (a->paths.nr > 1) {
		strbuf_addstr(out, "<dt>Earlier paths</dt><dd><ul class=\"plain\">");
		for (size_t k = 0; k < a->paths.nr; k++) {
			if (a->path && !strcmp(a->paths.v[k], a->path))
				continue;
			strbuf_addstr(out, "<li><code>");
			site_esc(out, a->paths.v[k]);
			strbuf_addstr(out, "</code></li>");
		}
		strbuf_addstr(out, "</ul></dd>\n");
	}
	site_relations(out, s, a);
	strbuf_addstr(out, "</dl>\n");
	site_body(out, s, a, s->in->bodies ? s->in->bodies[i] : NULL,
		  s->in->body_lens ? s->in->body_lens[i] : 0);
	site_history(out, s, a);
	site_commits(out, s, &a->implemented_by, "Implemented by", "implemented",
		     "No commit message references this ADR outside its own file's changes.");
	site_commits(out, s, &a->edits, "Changes to the file", "edits",
		     "No commit changed the file.");
	strbuf_addstr(out, "</article>\n");
	site_foot(out, NULL);
	strbuf_release(&title);
	strbuf_release(&url);
}
