/*
 * site: the shared pieces of the site's pages (names, escaping, the page
 * frame, per-ADR facts) and site_build(), which writes every page into
 * OUTDIR through file.h: folders are opened one component at a time
 * without following a link, files are replaced atomically, and a folder
 * that holds something other than an earlier site is refused (ADR 0029).
 */
#include "site_int.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "error.h"
#include "file.h"
#include "render.h"
#include "forge.h"
#include "site_assets.h"
#include "status.h"
#include "utf8.h"
#include "xalloc.h"

void site_esc(struct strbuf *out, const char *s)
{
	render_html_escape(out, s);	/* one escaper for every HTML page */
}

void site_esc_n(struct strbuf *out, const char *s, size_t max)
{
	size_t n = s ? strlen(s) : 0;
	char *cut;

	if (n <= max) {
		site_esc(out, s);
		return;
	}
	while (max && ((unsigned char)s[max] & 0xC0) == 0x80)
		max--;
	cut = xstrndup(s, max);
	site_esc(out, cut);
	strbuf_addstr(out, "&hellip;");
	free(cut);
}

void site_head(struct strbuf *out, const struct site *s, const char *title,
	       const char *root, const char *current)
{
	static const char *const nav[][2] = {
		{ "index.html", "Decisions" }, { "timeline.html", "Timeline" },
		{ "graph.html", "Graph" }
	};

	strbuf_addstr(out, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
		      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
		      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
		      "style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n"
		      "<meta name=\"generator\" content=\"adr-log\">\n<title>");
	site_esc(out, title);
	if (s->in->repo_name) {
		strbuf_addstr(out, " &middot; ");
		site_esc(out, s->in->repo_name);
	}
	strbuf_addstr(out, "</title>\n<style>\n");
	strbuf_addstr(out, site_asset_css);
	strbuf_addstr(out, "</style>\n</head>\n<body>\n<header class=\"top\">\n<a class=\"brand\" href=\"");
	strbuf_addstr(out, root);
	strbuf_addstr(out, "index.html\">");
	site_esc(out, s->in->repo_name ? s->in->repo_name : "Decisions");
	strbuf_addstr(out, "</a>\n<nav>");
	for (size_t i = 0; i < sizeof(nav) / sizeof(nav[0]); i++) {
		strbuf_addf(out, "<a href=\"%s%s\"%s>%s</a>", root, nav[i][0],
			    current && !strcmp(current, nav[i][0]) ?
			    " aria-current=\"page\"" : "", nav[i][1]);
	}
	strbuf_addstr(out, "</nav>\n<span class=\"meta\">");
	if (*s->in->db->head)
		strbuf_addf(out, "at <code>%.12s</code> ", s->in->db->head);
	if (*s->generated)
		strbuf_addf(out, "of %s ", s->generated);
	strbuf_addstr(out, "&middot; adr-log");
	if (s->in->db->truncated)
		strbuf_addstr(out, " &middot; <strong>history truncated (shallow clone)</strong>");
	strbuf_addstr(out, "</span>\n</header>\n<main>\n");
}

void site_foot(struct strbuf *out, const char *script)
{
	strbuf_addstr(out, "</main>\n");
	if (script) {
		strbuf_addstr(out, "<script>\n");
		strbuf_addstr(out, script);
		strbuf_addstr(out, "</script>\n");
	}
	strbuf_addstr(out, "</body>\n</html>\n");
}

const char *site_status_word(enum adr_status st)
{
	const char *n = status_name(st);

	return n ? n : "none";
}

const char *site_status(const struct adr *a)
{
	return a->deleted ? "deleted" : site_status_word(a->doc.status);
}

void site_adr_date(char *buf, const struct adr *a)
{
	*buf = '\0';
	if (a->doc.date && strlen(a->doc.date) >= 10)
		snprintf(buf, 11, "%.10s", a->doc.date);
	else if (a->history_nr && a->history[0]->date)
		snprintf(buf, 11, "%.10s", a->history[0]->date);
}

void site_adr_last(char *buf, const struct site *s, const struct adr *a)
{
	const struct adr_commit *c = NULL;

	*buf = '\0';
	if (a->edits.nr)
		c = adr_db_commit(s->in->db, a->edits.v[a->edits.nr - 1]);
	if (c && c->date)
		snprintf(buf, 11, "%.10s", c->date);
	else if (a->history_nr && a->history[a->history_nr - 1]->date)
		snprintf(buf, 11, "%.10s", a->history[a->history_nr - 1]->date);
}

void site_adr_folder(struct strbuf *out, const struct adr *a)
{
	const char *p = a->path ? a->path : "", *slash = strrchr(p, '/');

	if (slash)
		strbuf_add(out, p, (size_t)(slash - p));
}

const char *site_page_of(const struct site *s, const char *id)
{
	const struct adr_db *db = s->in->db;
	const struct adr *a = adr_db_find(db, id);

	for (size_t i = 0; a && i < db->nr; i++)
		if (db->adrs[i] == a)
			return s->pages[i];
	return NULL;
}

void site_commit(struct strbuf *out, const struct site *s, const char *sha)
{
	struct strbuf url = STRBUF_INIT;

	if (forge_commit_link(&url, s->in->forge, sha) == 0 && url.len) {
		strbuf_addstr(out, "<a class=\"sha\" href=\"");
		site_esc(out, url.buf);
		strbuf_addf(out, "\"><code>%.7s</code></a>", sha);
	} else {
		strbuf_addf(out, "<code class=\"sha\" title=\"%.40s\">%.7s</code>", sha, sha);
	}
	strbuf_release(&url);
}

/* A file name for id: letters, digits, '.', '-' kept, the rest '_'. */
static char *site_page_name(char **pages, size_t n, const char *id)
{
	struct strbuf base = STRBUF_INIT, name = STRBUF_INIT;

	for (const char *p = id && *id ? id : "adr"; *p && base.len < 64; p++)
		strbuf_addch(&base, (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
			     (*p >= '0' && *p <= '9') || *p == '-' ||
			     (*p == '.' && base.len) ? *p : '_');
	for (unsigned k = 1;; k++) {
		size_t i;

		strbuf_setlen(&name, 0);
		strbuf_addf(&name, k == 1 ? "adr/%s.html" : "adr/%s_%u.html", base.buf, k);
		for (i = 0; i < n && (!pages[i] || strcmp(pages[i], name.buf)); i++)
			;
		if (i == n)
			break;
	}
	strbuf_release(&base);
	return strbuf_detach(&name, NULL);
}

/* ---- writing OUTDIR ---- */

/* mkdir -p of the user's folder (its own path is the user's: followed). */
static int site_mkdirs(const char *dir)
{
	char *p = xstrdup(dir);

	for (char *q = p + 1; *q; q++) {
		if (*q != '/')
			continue;
		*q = '\0';
		if (mkdir(p, 0777) < 0 && errno != EEXIST) {
			error_set("site: cannot create folder '%s': %s", p, strerror(errno));
			free(p);
			return -1;
		}
		*q = '/';
	}
	if (mkdir(p, 0777) < 0 && errno != EEXIST) {
		error_set("site: cannot create folder '%s': %s", p, strerror(errno));
		free(p);
		return -1;
	}
	free(p);
	return 0;
}

/* 1 when dirfd holds anything, 0 when empty, -1 on error. */
static int site_nonempty(int dirfd, const char *outdir)
{
	int fd = dup(dirfd), found = 0;
	DIR *d = fd < 0 ? NULL : fdopendir(fd);
	struct dirent *de;

	if (!d) {
		if (fd >= 0)
			close(fd);
		return error_set("site: cannot read folder '%s': %s", outdir, strerror(errno));
	}
	while (!found && (de = readdir(d)))
		found = strcmp(de->d_name, ".") && strcmp(de->d_name, "..");
	closedir(d);
	return found;
}

/* Is name one the site writes (so it may remove it)? */
static int site_own_name(const char *name)
{
	const char *p = name;

	if (!strncmp(p, "adr/", 4))
		p += 4;
	else if (strcmp(p, "index.html") && strcmp(p, "timeline.html") &&
		 strcmp(p, "graph.html"))
		return 0;
	if (!*p || *p == '.' || strchr(p, '/') || strstr(p, ".."))
		return 0;
	for (const char *q = p; *q; q++)
		if (!((*q >= 'a' && *q <= 'z') || (*q >= 'A' && *q <= 'Z') ||
		      (*q >= '0' && *q <= '9') || *q == '-' || *q == '_' || *q == '.'))
			return 0;
	return strlen(p) > 5 && !strcmp(p + strlen(p) - 5, ".html");
}

/* Remove the pages the last build listed in its marker and this one did not write. */
static void site_remove_stale(const char *outdir, const struct strbuf *old,
			      const struct strvec *written)
{
	int adrfd = -1;
	char *copy = xstrdup(old->buf), *save = NULL;

	if (file_dir_under(&adrfd, outdir, "adr", 0) != 0)
		adrfd = -1;
	for (char *line = strtok_r(copy, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		if (!site_own_name(line) || strvec_find(written, line) >= 0)
			continue;
		if (!strncmp(line, "adr/", 4)) {
			if (adrfd >= 0)
				unlinkat(adrfd, line + 4, 0);	/* a link is removed, not followed */
		}
	}
	if (adrfd >= 0)
		close(adrfd);
	error_clear();
	free(copy);
}

static void site_init(struct site *s, const struct site_input *in)
{
	const struct adr_db *db = in->db;
	const struct adr_commit *c = *db->head ? adr_db_commit(db, db->head) : NULL;
	int64_t newest = 0;
	const char *newest_date = NULL;

	s->in = in;
	s->pages = xcalloc(db->nr + 1, sizeof(*s->pages));
	for (size_t i = 0; i < db->nr; i++) {
		const struct adr *a = db->adrs[i];

		if (!a->deleted || a->history_nr)
			s->pages[i] = site_page_name(s->pages, i, a->id);
	}
	*s->generated = '\0';
	if (c && c->date)
		snprintf(s->generated, sizeof(s->generated), "%.10s", c->date);
	else {
		for (size_t i = 0; i < db->events_nr; i++)
			if (db->events[i]->time >= newest && db->events[i]->date) {
				newest = db->events[i]->time;
				newest_date = db->events[i]->date;
			}
		if (newest_date)
			snprintf(s->generated, sizeof(s->generated), "%.10s", newest_date);
	}
}

static void site_release(struct site *s)
{
	for (size_t i = 0; i < s->in->db->nr; i++)
		free(s->pages[i]);
	free(s->pages);
}

static int site_put(const char *outdir, const char *rel, struct strbuf *page,
		    struct strvec *written)
{
	int rc = file_replace_under(outdir, rel, page->buf, page->len, FILE_MODE_KEEP);

	strbuf_setlen(page, 0);
	if (rc < 0)
		return -1;
	strvec_push(written, rel);
	return 0;
}

/* The timeline page: render_html's timeline, its lanes linked to the pages. */
static int site_timeline(struct strbuf *page, const struct site *s)
{
	struct render_ctx rc;
	char *buf = NULL;
	size_t len = 0;
	FILE *mem = open_memstream(&buf, &len);
	const char **pages;
	int r;

	if (!mem)
		return error_set("site: out of memory");
	pages = xcalloc(s->in->db->nr + 1, sizeof(*pages));
	for (size_t i = 0; i < s->in->db->nr; i++)
		pages[i] = s->pages[i];
	memset(&rc, 0, sizeof(rc));
	rc.out = mem;
	rc.db = s->in->db;
	rc.forge = s->in->forge;
	rc.repo_name = s->in->repo_name;
	rc.pages = pages;
	r = render_html(VIEW_TIMELINE, &rc);
	fclose(mem);
	strbuf_add(page, buf, len);
	free(buf);
	free(pages);
	return r;
}

int site_build(const char *outdir, const struct site_input *in, int force,
	       size_t *nfiles)
{
	struct site s;
	struct strbuf page = STRBUF_INIT, old = STRBUF_INIT, marker = STRBUF_INIT;
	struct strvec written;
	struct stat st;
	int dirfd = -1, rc = -1, adrfd = -1, have_marker = 0;

	strvec_init(&written);
	if (site_mkdirs(outdir) < 0)
		return -1;
	if (file_dir_under(&dirfd, outdir, "", 0) != 0)
		return error_set("site: cannot open folder '%s': %s", outdir, strerror(errno));
	if (fstatat(dirfd, SITE_MARKER, &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISREG(st.st_mode)) {
		have_marker = 1;
		if (file_read_under(&old, outdir, SITE_MARKER, 1 << 20) < 0)
			strbuf_setlen(&old, 0);
		error_clear();
	}
	if (!have_marker && !force) {
		int ne = site_nonempty(dirfd, outdir);

		if (ne != 0) {
			close(dirfd);
			if (ne > 0)
				error_set("site: refusing to write into '%s': the folder is not empty "
					  "and was not made by adr-log site (--force writes anyway)",
					  outdir);
			strbuf_release(&old);
			return -1;
		}
	}
	close(dirfd);
	if (file_dir_under(&adrfd, outdir, "adr", 1) != 0)
		goto out;
	close(adrfd);

	site_init(&s, in);
	site_index_page(&page, &s);
	if (site_put(outdir, "index.html", &page, &written) < 0)
		goto done;
	for (size_t i = 0; i < in->db->nr; i++) {
		if (!s.pages[i])
			continue;
		site_adr_page(&page, &s, i);
		if (site_put(outdir, s.pages[i], &page, &written) < 0)
			goto done;
	}
	site_graph_page(&page, &s);
	if (site_put(outdir, "graph.html", &page, &written) < 0)
		goto done;
	if (site_timeline(&page, &s) < 0 ||
	    site_put(outdir, "timeline.html", &page, &written) < 0)
		goto done;
	site_remove_stale(outdir, &old, &written);
	strbuf_addstr(&marker, "adr-log site: this folder is written by `adr-log site`; "
		      "the files below are its own\n");
	for (size_t i = 0; i < written.nr; i++)
		strbuf_addf(&marker, "%s\n", written.v[i]);
	if (file_replace_under(outdir, SITE_MARKER, marker.buf, marker.len, FILE_MODE_KEEP) < 0)
		goto done;
	*nfiles = written.nr;
	rc = 0;
done:
	site_release(&s);
out:
	strbuf_release(&page);
	strbuf_release(&old);
	strbuf_release(&marker);
	strvec_clear(&written);
	return rc;
}
