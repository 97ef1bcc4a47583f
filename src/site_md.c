/*
 * site_md: an ADR's Markdown as HTML for the site, through cmark in safe
 * mode (CMARK_OPT_SAFE is cmark 0.30's default; the flag is given anyway
 * for older releases): raw HTML blocks and inlines become a comment and
 * javascript:, vbscript:, file: and most data: URLs are dropped, so an
 * ADR's <script> shows as nothing runnable.  The second file that sees
 * cmark.h (scripts/check-layers knows it): the parser's AST walk and this
 * renderer share nothing else.
 */
#include "site_int.h"

#include <cmark.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "utf8.h"
#include "xalloc.h"

#ifndef CMARK_OPT_SAFE
#define CMARK_OPT_SAFE 0	/* cmark >= 0.29: safe is the default */
#endif

/* Move node's children before it and free it: a link that goes nowhere
 * on the site keeps its text. */
static void site_md_unwrap(cmark_node *node)
{
	cmark_node *c;

	while ((c = cmark_node_first_child(node)))
		cmark_node_insert_before(node, c);
	cmark_node_free(node);
}

static int site_md_in_link(cmark_node *node)
{
	for (cmark_node *p = cmark_node_parent(node); p; p = cmark_node_parent(p))
		if (cmark_node_get_type(p) == CMARK_NODE_LINK)
			return 1;
	return 0;
}

/*
 * An image is shown only when it is inline data (the pages load nothing);
 * any other becomes a link "image: ALT" to where it is (its text alone
 * inside a link, or when it has no place on the site).
 */
static void site_md_image(cmark_node *img, const struct site *s, const struct adr *a,
			  struct strbuf *url)
{
	enum site_url r = site_body_url(url, s, a, cmark_node_get_url(img), 1);
	cmark_node *link, *label;

	if (r == SITE_URL_KEEP && !strncasecmp(url->buf, "data:image/", 11)) {
		cmark_node_set_url(img, url->buf);
		return;
	}
	if (r == SITE_URL_DROP || site_md_in_link(img)) {
		site_md_unwrap(img);
		return;
	}
	link = cmark_node_new(CMARK_NODE_LINK);
	label = cmark_node_new(CMARK_NODE_TEXT);
	cmark_node_set_literal(label, "image: ");
	cmark_node_set_url(link, url->buf);
	cmark_node_set_title(link, cmark_node_get_title(img));
	cmark_node_append_child(link, label);
	cmark_node_insert_before(img, link);
	for (cmark_node *c; (c = cmark_node_first_child(img));)
		cmark_node_append_child(link, c);
	cmark_node_free(img);
}

void site_markdown(struct strbuf *out, const struct site *s, const struct adr *a,
		   const char *md, size_t len)
{
	struct strbuf clean = STRBUF_INIT, url = STRBUF_INIT;
	const int opts = CMARK_OPT_SAFE | CMARK_OPT_VALIDATE_UTF8 | CMARK_OPT_SMART;
	cmark_node *doc, **nodes = NULL;
	size_t nr = 0, alloc = 0;
	cmark_iter *it;
	cmark_event_type ev;
	char *html;

	utf8_sanitize(&clean, md, len);	/* cmark wants valid UTF-8 */
	doc = cmark_parse_document(clean.buf, clean.len, opts);
	strbuf_release(&clean);
	if (!doc)
		return;
	/* collect first: the tree changes under the rewrites */
	it = cmark_iter_new(doc);
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		cmark_node_type t = cmark_node_get_type(n);

		if (ev == CMARK_EVENT_ENTER && (t == CMARK_NODE_LINK || t == CMARK_NODE_IMAGE)) {
			if (nr == alloc)
				nodes = xrealloc(nodes, (alloc = alloc ? 2 * alloc : 16) * sizeof(*nodes));
			nodes[nr++] = n;
		}
	}
	cmark_iter_free(it);
	/* images first, while the links around them are still there */
	for (size_t i = 0; i < nr; i++)
		if (cmark_node_get_type(nodes[i]) == CMARK_NODE_IMAGE)
			site_md_image(nodes[i], s, a, &url);
	for (size_t i = 0; i < nr; i++) {
		if (cmark_node_get_type(nodes[i]) != CMARK_NODE_LINK)
			continue;
		if (site_body_url(&url, s, a, cmark_node_get_url(nodes[i]), 0) == SITE_URL_DROP)
			site_md_unwrap(nodes[i]);
		else
			cmark_node_set_url(nodes[i], url.buf);
	}
	free(nodes);
	html = cmark_render_html(doc, opts);
	if (html)
		strbuf_addstr(out, html);
	free(html);
	cmark_node_free(doc);
	strbuf_release(&url);
}
