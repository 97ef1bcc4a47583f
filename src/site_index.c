/*
 * site_index: index.html, every ADR in a table (id, title, status colour
 * and word, date, last change, folder) that reads without the script, and
 * a search index (titles and full text) as a JSON island that the small
 * script filters with; the query lives in the URL's hash (#q=...&status=
 * ...&folder=...) so a filtered view can be linked and reloaded.
 */
#include "site_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "json.h"
#include "site_assets.h"
#include "status.h"
#include "strvec.h"
#include "utf8.h"

/* Each ADR's text in the search index is cut to this many bytes. */
#define SITE_SEARCH_MAX (48 * 1024)

/* JSON text made inert inside <script>: < > & U+2028 U+2029 as \u escapes
 * (they can only occur inside JSON strings, so a byte pass is exact). */
static void site_island(struct strbuf *out, const char *json, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)json[i];

		if (c == '<')
			strbuf_addstr(out, "\\u003c");
		else if (c == '>')
			strbuf_addstr(out, "\\u003e");
		else if (c == '&')
			strbuf_addstr(out, "\\u0026");
		else if (c == 0xE2 && i + 2 < len && (unsigned char)json[i + 1] == 0x80 &&
			 ((unsigned char)json[i + 2] == 0xA8 || (unsigned char)json[i + 2] == 0xA9)) {
			strbuf_addstr(out, (unsigned char)json[i + 2] == 0xA8 ? "\\u2028" : "\\u2029");
			i += 2;
		} else
			strbuf_addch(out, (char)c);
	}
}

/* The search index: per row, the words to match (id, title, path) and the text. */
static void site_search_data(struct strbuf *out, const struct site *s)
{
	const struct adr_db *db = s->in->db;
	char *buf = NULL;
	size_t len = 0;
	FILE *mem = open_memstream(&buf, &len);
	struct json jw;

	if (!mem)
		return;
	json_init(&jw, mem, 0);
	json_array_begin(&jw, NULL);
	for (size_t i = 0; i < db->nr; i++) {
		const struct adr *a = db->adrs[i];
		struct strbuf key = STRBUF_INIT, text = STRBUF_INIT;

		if (!s->pages[i])
			continue;
		strbuf_addf(&key, "%s adr %s adr-%s adr%s %s %s", a->id, a->id, a->id, a->id,
			    a->doc.title ? a->doc.title : "", a->path ? a->path : "");
		if (s->in->bodies && s->in->bodies[i]) {
			size_t n = s->in->body_lens[i];

			if (n > SITE_SEARCH_MAX)
				n = SITE_SEARCH_MAX;
			utf8_sanitize(&text, s->in->bodies[i], n);
		}
		json_array_begin(&jw, NULL);
		json_string(&jw, NULL, key.buf);
		json_string(&jw, NULL, text.buf);
		json_array_end(&jw);
		strbuf_release(&key);
		strbuf_release(&text);
	}
	json_array_end(&jw);
	json_finish(&jw);
	fclose(mem);
	site_island(out, buf, len);
	free(buf);
}

void site_index_page(struct strbuf *out, const struct site *s)
{
	const struct adr_db *db = s->in->db;
	struct strvec folders;
	size_t counts[ADR_STATUS__COUNT + 1] = { 0 }, shown = 0;
	static const enum adr_status order[] = {
		ADR_STATUS_DRAFT, ADR_STATUS_PROPOSED, ADR_STATUS_PENDING, ADR_STATUS_ACCEPTED,
		ADR_STATUS_IMPLEMENTED, ADR_STATUS_REJECTED, ADR_STATUS_WITHDRAWN,
		ADR_STATUS_DEPRECATED, ADR_STATUS_SUPERSEDED, ADR_STATUS_AMENDED,
		ADR_STATUS_UNKNOWN, ADR_STATUS_NONE, ADR_STATUS_DELETED
	};

	strvec_init(&folders);
	for (size_t i = 0; i < db->nr; i++) {
		const struct adr *a = db->adrs[i];
		struct strbuf f = STRBUF_INIT;

		if (!s->pages[i])
			continue;
		shown++;
		counts[a->deleted ? ADR_STATUS_DELETED : a->doc.status]++;
		site_adr_folder(&f, a);
		strvec_push_unique(&folders, f.buf);
		strbuf_release(&f);
	}
	site_head(out, s, "Decisions", "", "index.html");
	strbuf_addstr(out, "<h1>Architecture decisions</h1>\n<form class=\"controls\" id=\"controls\" "
		      "role=\"search\" onsubmit=\"return false\">\n<input type=\"search\" id=\"q\" "
		      "placeholder=\"Search titles and text\" aria-label=\"Search the decisions\">\n");
	if (folders.nr > 1) {
		strbuf_addstr(out, "<select id=\"folder\" aria-label=\"Folder\">"
			      "<option value=\"\">every folder</option>");
		for (size_t i = 0; i < folders.nr; i++) {
			strbuf_addstr(out, "<option value=\"");
			site_esc(out, folders.v[i]);
			strbuf_addstr(out, "\">");
			site_esc(out, *folders.v[i] ? folders.v[i] : "(top)");
			strbuf_addstr(out, "</option>");
		}
		strbuf_addstr(out, "</select>\n");
	}
	strbuf_addstr(out, "<fieldset class=\"chips\" id=\"statuses\"><legend>Status</legend>");
	for (size_t k = 0; k < sizeof(order) / sizeof(order[0]); k++) {
		const char *name = site_status_word(order[k]);

		if (!counts[order[k]])
			continue;
		strbuf_addf(out, "<label class=\"chip\"><input type=\"checkbox\" value=\"%s\" checked>"
			    "<span class=\"dot s-%s\"></span>%s <span class=\"n\">%zu</span></label>",
			    name, name, order[k] == ADR_STATUS_NONE ? "no status" : name,
			    counts[order[k]]);
	}
	strbuf_addf(out, "</fieldset>\n<output id=\"count\" aria-live=\"polite\">%zu decisions</output>\n"
		    "</form>\n", shown);
	strbuf_addstr(out, "<table class=\"adrs\" id=\"list\">\n<thead><tr><th>Id</th><th>Title</th>"
		      "<th>Status</th><th>Date</th><th>Last change</th></tr></thead>\n<tbody>\n");
	for (size_t i = 0, row = 0; i < db->nr; i++) {
		const struct adr *a = db->adrs[i];
		struct strbuf f = STRBUF_INIT;
		char date[11], last[11];
		const char *st = site_status(a);

		if (!s->pages[i])
			continue;
		site_adr_folder(&f, a);
		site_adr_date(date, a);
		site_adr_last(last, s, a);
		strbuf_addf(out, "<tr data-row=\"%zu\" data-status=\"%s\" data-folder=\"", row++, st);
		site_esc(out, f.buf);
		strbuf_addf(out, "\"><td class=\"id\"><a href=\"%s\">", s->pages[i]);
		site_esc(out, a->id);
		strbuf_addf(out, "</a></td><td class=\"title\"><a href=\"%s\">", s->pages[i]);
		site_esc(out, a->doc.title && *a->doc.title ? a->doc.title : a->path);
		strbuf_addstr(out, "</a><span class=\"path\">");
		site_esc(out, a->path);
		strbuf_addf(out, "</span></td><td class=\"status\"><span class=\"badge s-%s\">", st);
		if (a->deleted || a->doc.status != ADR_STATUS_UNKNOWN || !a->doc.status_raw)
			strbuf_addstr(out, a->doc.status == ADR_STATUS_NONE && !a->deleted ?
				      "no status" : st);
		else {
			strbuf_addstr(out, "unknown: ");
			site_esc_n(out, a->doc.status_raw, 40);
		}
		strbuf_addf(out, "</span></td><td class=\"date\">%s</td><td class=\"date\">%s</td></tr>\n",
			    date, last);
		strbuf_release(&f);
	}
	strbuf_addstr(out, "</tbody>\n</table>\n");
	if (!shown)
		strbuf_addstr(out, "<p class=\"empty\">No ADRs found.</p>\n");
	strbuf_addstr(out, "<p class=\"empty\" id=\"none\" hidden>No decision matches.</p>\n"
		      "<script type=\"application/json\" id=\"search-data\">");
	site_search_data(out, s);
	strbuf_addstr(out, "</script>\n");
	site_foot(out, site_asset_index_js);
	strvec_clear(&folders);
}
