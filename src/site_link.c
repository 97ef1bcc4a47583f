/*
 * site_link: where a link or image written inside an ADR's body goes on
 * the site (ADR 0037).  The body was written for the repository: a
 * relative URL names a file next to the record.  On the site that file is
 * not there, so a link to another ADR's file goes to that ADR's page, a
 * link to any other repository file goes to the forge's page of it when
 * the forge is known, and otherwise the link is dropped (its text stays):
 * nothing on a page ever points outside the output folder by a relative
 * path, or at a file:// neighbour of it.
 *
 * Pure: reads the model and the pages, never the repository.
 */
#include "site_int.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "forge.h"
#include "path.h"

/* "http:", "mailto:", ...: the length of url's scheme and colon, or 0. */
static size_t site_url_scheme(const char *url)
{
	size_t n = 0;

	if (!isalpha((unsigned char)url[0]))
		return 0;
	while (isalnum((unsigned char)url[n]) || url[n] == '+' || url[n] == '-' || url[n] == '.')
		n++;
	return url[n] == ':' ? n + 1 : 0;
}

static int site_hex(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c = tolower(c);
	return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

/*
 * The repository path url names from the folder of from (a path in the
 * repository): percent escapes decoded, "." and ".." applied, a leading
 * "/" meaning the repository's top (as forges read it).  Returns 0, or -1
 * when it climbs above the top or decodes to a NUL or control byte.
 */
static int site_resolve(struct strbuf *out, const char *from, const char *url, size_t len)
{
	struct strbuf dec = STRBUF_INIT;
	int r = 0;

	for (size_t i = 0; i < len; i++) {
		int hi, lo;

		if (url[i] == '%' && i + 2 < len && (hi = site_hex(url[i + 1])) >= 0 &&
		    (lo = site_hex(url[i + 2])) >= 0) {
			strbuf_addch(&dec, (char)(hi * 16 + lo));
			i += 2;
		} else {
			strbuf_addch(&dec, url[i]);
		}
	}
	strbuf_reset(out);
	for (size_t i = 0; i < dec.len; i++)
		if ((unsigned char)dec.buf[i] < 0x20 || dec.buf[i] == 0x7f || dec.buf[i] == '\\')
			r = -1;
	if (r == 0)
		r = path_resolve_link(out, from ? from : "", dec.buf);
	if (r == 0 && !out->len)
		r = -1;		/* the top itself: no file to show */
	strbuf_release(&dec);
	return r;
}

/* The index of the ADR with a page whose file is, or once was, path. */
static int site_adr_at(const struct site *s, const char *path, size_t *at)
{
	const struct adr_db *db = s->in->db;

	for (int earlier = 0; earlier < 2; earlier++)
		for (size_t i = 0; i < db->nr; i++) {
			const struct adr *a = db->adrs[i];

			if (!s->pages[i])
				continue;
			if (!earlier && a->path && !strcmp(a->path, path) && !a->deleted) {
				*at = i;
				return 1;
			}
			for (size_t k = 0; earlier && k < a->paths.nr; k++)
				if (!strcmp(a->paths.v[k], path)) {
					*at = i;
					return 1;
				}
		}
	return 0;
}

enum site_url site_body_url(struct strbuf *out, const struct site *s, const struct adr *a,
			    const char *url, int image)
{
	size_t scheme = site_url_scheme(url), len;
	struct strbuf path = STRBUF_INIT;
	size_t at;
	enum site_url r = SITE_URL_DROP;

	strbuf_reset(out);
	if (!*url)
		return SITE_URL_DROP;
	if (scheme) {
		/* cmark's safe mode left only harmless schemes; the web ones and
		 * mail are kept (an inline data: image loads nothing) */
		if ((scheme == 5 && !strncasecmp(url, "http:", 5)) ||
		    (scheme == 6 && !strncasecmp(url, "https:", 6)) ||
		    (scheme == 7 && !strncasecmp(url, "mailto:", 7) && !image) ||
		    (image && !strncasecmp(url, "data:image/", 11))) {
			strbuf_addstr(out, url);
			return SITE_URL_KEEP;
		}
		return SITE_URL_DROP;
	}
	if (url[0] == '#')
		return image ? SITE_URL_DROP : (strbuf_addstr(out, url), SITE_URL_KEEP);
	if (url[0] == '/' && url[1] == '/')
		return SITE_URL_DROP;	/* another host, by the page's own scheme */
	len = strcspn(url, "?#");
	/* the body was written where the file was: try each of its paths */
	for (size_t k = a->paths.nr + 1; k-- > 0;) {
		const char *from = k == a->paths.nr ? a->path : a->paths.v[k];

		if (site_resolve(&path, from, url, len) < 0)
			continue;
		if (!image && site_adr_at(s, path.buf, &at)) {
			/* pages are all in adr/: the page's own name is relative */
			strbuf_reset(out);
			strbuf_addstr(out, strrchr(s->pages[at], '/') + 1);
			strbuf_release(&path);
			return SITE_URL_PAGE;
		}
		if (k == a->paths.nr && r == SITE_URL_DROP && *s->in->db->head &&
		    forge_file_link(out, s->in->forge, s->in->db->head, path.buf) == 0)
			r = SITE_URL_FORGE;
	}
	strbuf_release(&path);
	return r;
}
