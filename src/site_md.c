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

#include "utf8.h"

#ifndef CMARK_OPT_SAFE
#define CMARK_OPT_SAFE 0	/* cmark >= 0.29: safe is the default */
#endif

void site_markdown(struct strbuf *out, const char *md, size_t len)
{
	struct strbuf clean = STRBUF_INIT;
	char *html;

	utf8_sanitize(&clean, md, len);	/* cmark wants valid UTF-8 */
	html = cmark_markdown_to_html(clean.buf, clean.len,
				      CMARK_OPT_SAFE | CMARK_OPT_VALIDATE_UTF8 |
				      CMARK_OPT_SMART);
	if (html)
		strbuf_addstr(out, html);
	free(html);
	strbuf_release(&clean);
}
