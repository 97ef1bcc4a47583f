/*
 * site_int: what the site_*.c files share: the page names, escaping, the
 * page frame, and the per-ADR facts the index and the pages both show.
 */
#ifndef ADRLOG_SITE_INT_H
#define ADRLOG_SITE_INT_H

#include <stddef.h>

#include "site.h"
#include "strbuf.h"

struct site {
	const struct site_input *in;
	char **pages;		/* per db->adrs[i]: "adr/<name>.html" or NULL */
	char generated[16];	/* "YYYY-MM-DD" of the tip (or newest) commit */
};

/* s with & < > " ' as entities, control characters dropped (never NULL). */
void site_esc(struct strbuf *out, const char *s);
/* At most max bytes of s (cut at a UTF-8 boundary), escaped. */
void site_esc_n(struct strbuf *out, const char *s, size_t max);

/* <!DOCTYPE> to the opening of <main>; root is "" or "../". */
void site_head(struct strbuf *out, const struct site *s, const char *title,
	       const char *root, const char *current);
/* The closing of <main>, script (or NULL), </html>. */
void site_foot(struct strbuf *out, const char *script);

/* status_name(), "none" for no status (a CSS class and filter value). */
const char *site_status_word(enum adr_status st);
/* The status word shown for a ("deleted" for a tombstone). */
const char *site_status(const struct adr *a);
/* YYYY-MM-DD of the record (its Date field, else its first event), or "". */
void site_adr_date(char *buf, const struct adr *a);
/* YYYY-MM-DD of the last commit that changed its file, or "". */
void site_adr_last(char *buf, const struct site *s, const struct adr *a);
/* The folder of a's path ("" at the top). */
void site_adr_folder(struct strbuf *out, const struct adr *a);
/* The page of the ADR with this id (live first), relative to root; NULL. */
const char *site_page_of(const struct site *s, const char *id);

/* A commit as <a href=forge><code>abc1234</code></a> or plain <code>. */
void site_commit(struct strbuf *out, const struct site *s, const char *sha);

/* What site_body_url() made of a URL written in an ADR's body. */
enum site_url {
	SITE_URL_DROP,		/* no target on the site: the link's text stays */
	SITE_URL_KEEP,		/* as written: http(s), mailto, #fragment, data: image */
	SITE_URL_PAGE,		/* another ADR's file: its page, relative */
	SITE_URL_FORGE		/* another repository file: its page on the forge */
};

/*
 * The URL on a's page for url as written in a's body (image: an image's
 * source) into out (reset): see site_link.c.
 */
enum site_url site_body_url(struct strbuf *out, const struct site *s, const struct adr *a,
			    const char *url, int image);

/*
 * a's Markdown to HTML through cmark in safe mode (raw HTML is omitted,
 * javascript: links dropped), its links and images rewritten by
 * site_body_url(): an image that would load from elsewhere becomes a
 * link to it (the pages fetch nothing).  site_md.c, the other cmark user.
 */
void site_markdown(struct strbuf *out, const struct site *s, const struct adr *a,
		   const char *md, size_t len);

/* reStructuredText as simple HTML: titles, fields, lists, literal blocks
 * and paragraphs, all text escaped (site_rst.c). */
void site_rst(struct strbuf *out, const char *text, size_t len);

void site_index_page(struct strbuf *out, const struct site *s);
void site_adr_page(struct strbuf *out, const struct site *s, size_t i);
void site_graph_page(struct strbuf *out, const struct site *s);
/* The SVG of the supersede/amend graph, links relative to root. */
void site_graph_svg(struct strbuf *out, const struct site *s, const char *root);

#endif
