/*
 * parse_int: what the format parsers (parse_md.c, parse_rst.c) hand back
 * to parse.c, and the shared line rules they both use.  Internal to the
 * text layer.
 */
#ifndef ADRLOG_PARSE_INT_H
#define ADRLOG_PARSE_INT_H

#include <stddef.h>

#include "strbuf.h"
#include "strvec.h"

struct parse_out {
	char *title;		/* first level-1 heading, markup removed; NULL */
	unsigned title_line;	/* 1-based within the body */
	char *status;		/* status text, markup removed; NULL: none */
	unsigned status_line;
	struct strbuf section;	/* source text of the status section (links) */
};

/* Markdown body (LF line ends, valid UTF-8, no NUL) via cmark. */
void parse_md(struct parse_out *out, const char *body, size_t len);
/*
 * Where the Markdown body may be cut with its title and status unchanged
 * (or len), parse_cut.c: at the first heading at column 0, after a blank
 * line, past the first line that begins with a status word (or with
 * !want_status, that may be the title), when nothing before it can run
 * on past it (a fence, an HTML block that ends at a marker) and no link
 * reference definition after it can change the text before it.  cmark
 * then builds the same blocks and inlines for every line before the cut.
 */
size_t parse_md_head_len(const char *body, size_t len, int want_status);

/*
 * The title and status of parse_md(), for readers that need nothing
 * else (the section is left partial): the head up to
 * parse_md_head_len() is parsed first, and the whole body only when the
 * head lacks the title or (need_status) the status.  Both are then the
 * whole body's: every block before the cut is the same, and the first
 * title and status found are never changed by the blocks after them.
 */
void parse_md_status(struct parse_out *out, const char *body, size_t len, int need_status);

/* reStructuredText body by line rules. */
void parse_rst(struct parse_out *out, const char *body, size_t len);

/*
 * The value of a status line in one of SPEC's forms, given the line with
 * markup already removed: "Status: X", "* Status: X", "- Status: X",
 * "| Status | X |", ":Status: X".  Returns a new trimmed string or NULL.
 */
char *parse_status_line(const char *line, size_t len);

/*
 * Is this heading text "Status" or one of its SPEC 1a translations
 * ("Statut", "Estado", "Статус", "状态", ...; case-folded, blanks and a
 * ':' allowed)?
 */
int parse_is_status_heading(const char *text);

/* The trimmed cells of a table row, pushed to out; returns their number. */
size_t parse_table_cells(const char *line, size_t len, struct strvec *out);

/* Is this line a table's delimiter row ("| --- | :-: |")? */
int parse_is_delimiter_row(const char *line, size_t len);

/* Collapse runs of blanks to one space and trim (in place). */
void parse_squeeze(struct strbuf *sb);

#endif
