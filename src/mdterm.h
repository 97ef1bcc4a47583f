/*
 * mdterm: an ADR's Markdown text laid out for a terminal (`show --body`):
 * headings in bold without their '#', emphasis and code markers removed
 * (bold and underline with color), links as "text <url>", list bullets as
 * "•", fenced code indented, front matter dimmed, paragraphs kept as
 * written (the terminal wraps).  A line-based reading: no renderer may see
 * cmark (docs/adr/0005), and a record's text needs no more.
 */
#ifndef ADRLOG_MDTERM_H
#define ADRLOG_MDTERM_H

#include <stddef.h>

struct strbuf;

/*
 * Append md laid out for a terminal to out; safe for a terminal
 * (utf8_for_terminal) whatever md holds.  width: the columns available
 * (rules are drawn that wide, at most 80; 0: 80).  color: use SGR bold,
 * underline and dim.
 */
void mdterm_render(struct strbuf *out, const char *md, size_t width, int color);

#endif
