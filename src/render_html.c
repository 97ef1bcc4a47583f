/*
 * render_html: the timeline as one self-contained HTML page (inline CSS,
 * JS and SVG; nothing from the network): a lane per ADR across time,
 * status-coloured segments, a marker per change, supersede/amend arrows,
 * status filters and search.  The page's code lives in src/html/ and is
 * inlined from html_assets.h; the data is a JSON island that the script
 * reads and puts on the page with textContent only.
 */
#include "render.h"

#include <stdlib.h>
#include <string.h>

#include "forge.h"
#include "html_assets.h"
#include "json.h"
#include "status.h"
#include "strbuf.h"
#include "utf8.h"
#include "xalloc.h"

void render_html_escape(struct strbuf *out, const char *s)
{
	struct strbuf clean = STRBUF_INIT;

	utf8_for_terminal(&clean, s ? s : "", 0);
	for (const char *p = clean.buf; *p; p++) {
		switch (*p) {
		case '&': strbuf_addstr(out, "&amp;"); break;
		case '<': strbuf_addstr(out, "&lt;"); break;
		case '>': strbuf_addstr(out, "&gt;"); break;
		case '"': strbuf_addstr(out, "&quot;"); break;
		case '\'': strbuf_addstr(out, "&#39;"); break;
		default: strbuf_addch(out, *p);
		}
	}
	strbuf_release(&clean);
}

/*
 * Write JSON text so that it is inert inside <script>: '<', '>', '&' and
 * U+2028/U+2029 become \u escapes.  They can only occur inside JSON
 * strings, where the escape means the same character, so a byte-level
 * pass is exact.
 */
static void render_html_json_island(FILE *out, const char *json, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)json[i];

		if (c == '<')
			fputs("\\u003c", out);
		else if (c == '>')
			fputs("\\u003e", out);
		else if (c == '&')
			fputs("\\u0026", out);
		else if (c == 0xE2 && i + 2 < len && (unsigned char)json[i + 1] == 0x80 &&
			 ((unsigned char)json[i + 2] == 0xA8 ||
			  (unsigned char)json[i + 2] == 0xA9)) {
			fputs((unsigned char)json[i + 2] == 0xA8 ? "\\u2028" : "\\u2029", out);
			i += 2;
		} else
			fputc(c, out);
	}
}

static void render_html_strvec(struct json *jw, const char *key,
			       const struct strvec *sv)
{
	json_array_begin(jw, key);
	for (size_t i = 0; i < sv->nr; i++)
		json_string(jw, NULL, sv->v[i]);
	json_array_end(jw);
}

/* Is a on the page: the one ADR of show, else every lineage with a file
 * at the tip or a status history. */
static int render_html_wanted(const struct render_ctx *ctx, const struct adr *a)
{
	if (ctx->adr)
		return a == ctx->adr;
	return !a->deleted || a->history_nr;
}

/* "url": the forge link in url when have, else null; url is reset. */
static void render_html_url(struct json *jw, int have, struct strbuf *url)
{
	if (have)
		json_string(jw, "url", url->buf);
	else
		json_null(jw, "url");
	strbuf_reset(url);
}

/*
 * The lane of a: a tombstone that shares its id with a live ADR on the
 * page is drawn in that ADR's lane (one lane per id: a file deleted and
 * later re-added as a new lineage is one decision, not two lanes).
 * Returns the index in shown[] of the lane's ADR.
 */
static size_t render_html_lane(const struct render_ctx *ctx, const struct adr **shown,
			       size_t nshown, const struct adr *a)
{
	const struct adr *live;

	if (!a->deleted || !a->id || ctx->adr)
		return nshown;
	live = adr_db_find(ctx->db, a->id);
	for (size_t k = 0; live && live != a && k < nshown; k++)
		if (shown[k] == live)
			return k;
	return nshown;
}

/*
 * The page's data as compact JSON into a new string: adrs (the lanes)
 * and events with each commit's subject, "adr" being an index in adrs.
 */
static char *render_html_data(const struct render_ctx *ctx, size_t *len)
{
	const struct adr_db *db = ctx->db;
	const struct adr **shown = xcalloc(db->nr + 1, sizeof(*shown));
	const struct adr **member = xcalloc(db->nr + 1, sizeof(*member));
	size_t *lane_of = xcalloc(db->nr + 1, sizeof(*lane_of));
	size_t nshown = 0, nmember = 0;
	int64_t now = 0;
	char *buf = NULL;
	FILE *mem = open_memstream(&buf, len);
	struct json jw;
	struct strbuf url = STRBUF_INIT;
	const struct adr_commit *c, *tmp;

	/* Live ADRs first claim their lanes, then tombstones join or add one. */
	for (int pass = 0; pass < 2; pass++)
		for (size_t i = 0; i < db->nr; i++) {
			const struct adr *a = db->adrs[i];
			size_t k;

			if (!render_html_wanted(ctx, a) || (pass == 0) != !a->deleted)
				continue;
			k = render_html_lane(ctx, shown, nshown, a);
			if (k == nshown)
				shown[nshown++] = a;
			member[nmember] = a;
			lane_of[nmember++] = k;
		}
	/* Lanes in id order, as db->adrs is. */
	json_init(&jw, mem, 0);
	json_object_begin(&jw, NULL);
	json_string(&jw, "head", db->head);
	json_bool(&jw, "truncated", db->truncated);
	json_array_begin(&jw, "adrs");
	for (size_t k = 0; k < nshown; k++) {
		const struct adr *a = shown[k];

		json_object_begin(&jw, NULL);
		json_string(&jw, "id", a->id ? a->id : "?");
		json_string(&jw, "title", a->doc.title ? a->doc.title : "");
		json_string(&jw, "path", a->path ? a->path : "");
		json_string(&jw, "status", a->deleted ? "deleted" : status_name(a->doc.status));
		if (ctx->pages)
			for (size_t i = 0; i < db->nr; i++)
				if (db->adrs[i] == a && ctx->pages[i])
					json_string(&jw, "page", ctx->pages[i]);
		render_html_url(&jw, !a->deleted &&
				forge_file_link(&url, ctx->forge, db->head, a->path) == 0, &url);
		render_html_strvec(&jw, "supersedes", &a->doc.supersedes);
		render_html_strvec(&jw, "superseded_by", &a->doc.superseded_by);
		render_html_strvec(&jw, "amends", &a->doc.amends);
		render_html_strvec(&jw, "amended_by", &a->doc.amended_by);
		json_object_end(&jw);
	}
	json_array_end(&jw);
	json_array_begin(&jw, "events");
	for (size_t i = 0; i < db->events_nr; i++) {
		const struct adr_event *e = db->events[i];
		size_t k;

		for (k = 0; k < nmember && member[k] != e->adr; k++)
			;
		if (k == nmember)
			continue;
		c = adr_db_commit(db, e->commit);
		json_object_begin(&jw, NULL);
		json_int(&jw, "adr", (long long)lane_of[k]);
		json_string(&jw, "commit", e->commit);
		json_string(&jw, "landed", e->landed);
		json_string(&jw, "date", e->date);
		json_int(&jw, "time", e->time);
		json_string(&jw, "author", e->author);
		json_string(&jw, "from", status_name(e->from));
		json_string(&jw, "to", status_name(e->to));
		json_string(&jw, "subject", c ? c->subject : NULL);
		render_html_url(&jw, forge_commit_link(&url, ctx->forge, e->commit) == 0, &url);
		json_object_end(&jw);
		if (e->time > now)
			now = e->time;
	}
	json_array_end(&jw);
	HASH_ITER(hh, db->commits, c, tmp)
		if (c->time > now)
			now = c->time;
	json_int(&jw, "now", now);
	json_object_end(&jw);
	fclose(mem);
	free(shown);
	free(member);
	free(lane_of);
	strbuf_release(&url);
	return buf;
}

static int render_html_page(const struct render_ctx *ctx)
{
	FILE *out = ctx->out;
	struct strbuf title = STRBUF_INIT, esc = STRBUF_INIT;
	size_t len;
	char *data;

	if (ctx->adr)
		strbuf_addf(&title, "ADR %s: %s", ctx->adr->id ? ctx->adr->id : "?",
			    ctx->adr->doc.title ? ctx->adr->doc.title : "");
	else
		strbuf_addstr(&title, "Decision timeline");
	render_html_escape(&esc, title.buf);
	fprintf(out, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
		"<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
		"<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
		"style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n"
		"<meta name=\"generator\" content=\"adr-log\">\n"
		"<title>%s</title>\n<style>\n%s</style>\n</head>\n<body>\n<header>\n"
		"<h1>%s</h1>\n<div class=\"meta\">", esc.buf, html_asset_css, esc.buf);
	if (ctx->repo_name) {
		strbuf_setlen(&esc, 0);
		render_html_escape(&esc, ctx->repo_name);
		fprintf(out, "<strong>%s</strong> ", esc.buf);
	}
	if (*ctx->db->head) {
		const struct adr_commit *head = adr_db_commit(ctx->db, ctx->db->head);

		fprintf(out, "at <code>%.12s</code>", ctx->db->head);
		if (head && head->date)
			fprintf(out, " of %.10s", head->date);
		else {	/* the tip is no commit the lists name: the newest change */
			const struct adr_event *last = NULL;

			for (size_t i = 0; i < ctx->db->events_nr; i++)
				if (!last || ctx->db->events[i]->time > last->time)
					last = ctx->db->events[i];
			if (last && last->date)
				fprintf(out, " (latest change %.10s)", last->date);
		}
		fputs(" &middot; ", out);
	}
	if (ctx->pages)
		fputs("<a href=\"index.html\">all decisions</a> &middot; ", out);
	fputs("generated by adr-log", out);
	if (ctx->db->truncated)
		fputs(" &middot; <strong>history truncated (shallow clone)</strong>", out);
	fputs("</div>\n<div class=\"controls\">\n"
	      "<input type=\"search\" id=\"q\" placeholder=\"Search id, title, author, "
	      "commit message&hellip;\" aria-label=\"Search ADRs\">\n"
	      "<div class=\"chips\" id=\"chips\" aria-label=\"Filter by status\"></div>\n"
	      "<span class=\"meta\" id=\"count\"></span>\n</div>\n</header>\n<main>\n"
	      "<div id=\"chart\"></div>\n<div class=\"legend\" id=\"legend\"></div>\n"
	      "<div id=\"detail\" aria-live=\"polite\"></div>\n"
	      "<noscript>This page draws the timeline with JavaScript.</noscript>\n"
	      "</main>\n<div id=\"tip\" role=\"tooltip\"></div>\n"
	      "<script type=\"application/json\" id=\"adr-data\">", out);
	data = render_html_data(ctx, &len);
	render_html_json_island(out, data, len);
	fprintf(out, "</script>\n<script>\n%s</script>\n</body>\n</html>\n", html_asset_js);
	free(data);
	strbuf_release(&title);
	strbuf_release(&esc);
	return 0;
}

int render_html(enum render_view view, const struct render_ctx *ctx)
{
	switch (view) {
	case VIEW_TIMELINE:
	case VIEW_SHOW:
		return render_html_page(ctx);
	default:
		return render_unsupported(FMT_HTML, view);
	}
}
