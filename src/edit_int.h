/*
 * edit_int: the line model edit.c and edit_doc.c share (internal to the
 * text layer): a file's lines over its raw bytes, and the spot where it
 * keeps its status.  edit_doc.c finds the spot; edit.c rewrites it.
 */
#ifndef ADRLOG_EDIT_INT_H
#define ADRLOG_EDIT_INT_H

#include <stddef.h>

#include "adr.h"
#include "strbuf.h"

struct ed_line {
	size_t start, end, next;	/* [start, end) without the line end */
};

/* Where the status lives. */
enum ed_kind {
	ED_FM = 1,	/* front matter "status:" key */
	ED_KV,		/* "Status: X", "* Status: X", "**Status:** X", ":Status: X" */
	ED_ROW,		/* "| Status | X |" */
	ED_COL,		/* a table with a Status column: the cell of a body row */
	ED_SECTION,	/* the line under a Status heading */
	ED_DATED	/* a dated status log under a Status heading */
};

struct ed_doc {
	const char *buf;
	size_t len;
	struct ed_line *v;
	size_t nr, alloc;
	const char *eol;	/* the file's line end, for new lines */
	size_t fm_close;	/* line of the closing front matter fence; 0: none */
	int rst;
	/* the status spot */
	enum ed_kind kind;
	size_t line;		/* 0-based */
	size_t vs, ve;		/* the value's bytes */
	size_t marker_s, marker_e;	/* list marker and indent of the line */
	struct adr_doc doc;
};

/* Split buf into lines, find its front matter, parse it (path: the format). */
int ed_open(struct ed_doc *d, const char *path, const char *buf, size_t len);
void ed_close(struct ed_doc *d);
/* Find the status spot (kind, line, value bytes); -1 with the reason recorded. */
int ed_locate(struct ed_doc *d, const char *path);

/* Line tests: blank, a heading starts here, a dated status line, a table
 * row, a line that opens with a link word (Supersedes, Amended by, ...). */
int ed_blank(const struct ed_doc *d, size_t i);
int ed_heading(const struct ed_doc *d, size_t i);
int ed_dated(const struct ed_doc *d, size_t i);
int ed_is_row(const struct ed_doc *d, size_t i);
int ed_link_line(const struct ed_doc *d, size_t i);
/* The last line of the block at i and the link lines after it; *sep is
 * set when they are separate paragraphs. */
size_t ed_block_end(const struct ed_doc *d, size_t i, int *sep);
/* The front matter line "key:" (its value starts at *value), or 0. */
size_t ed_fm_key(const struct ed_doc *d, const char *key, size_t *value);

/* Byte helpers over b[p, e): skip blanks, trim blanks, skip a list or
 * quote marker, a YYYY-MM-DD date at p. */
size_t ed_skip(const char *b, size_t p, size_t e);
size_t ed_rtrim(const char *b, size_t s, size_t e);
size_t ed_marker(const char *b, size_t p, size_t e);
int ed_is_date(const char *b, size_t p, size_t e);

/* out = the file with [s, e) replaced by text. */
void ed_replace(struct strbuf *out, const struct ed_doc *d, size_t s, size_t e,
		const char *text, size_t tlen);
/* out = the file with lines (without line ends) inserted after line i, in
 * the file's line end; a last line without one stays without. */
void ed_insert_after(struct strbuf *out, const struct ed_doc *d, size_t i,
		     const char *const *lines, size_t n);

#endif
