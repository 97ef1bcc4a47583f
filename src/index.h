/*
 * index: the ADR index of a README (`index --write`, `check`'s index
 * rules).  Pure text functions: splice a fresh table into a file's text,
 * and read the rows of an existing index (a Markdown table with
 * Number/Title/Status-like columns, or a list of links to ADR files);
 * plus the one file write of adr-log (temp file, then rename).
 */
#ifndef ADRLOG_INDEX_H
#define ADRLOG_INDEX_H

#include <stddef.h>

struct strbuf;

#define INDEX_MARK_START "<!-- adrlog -->"
#define INDEX_MARK_STOP "<!-- adrlogstop -->"

/*
 * Put table (ending in '\n') into the text old[0..len) and append the
 * result to out: between the markers when both are there; else in place
 * of the first index table; else appended after a blank line, inside
 * markers (so the next splice finds them).  Splicing the same table twice
 * gives the same text.
 */
void index_splice(struct strbuf *out, const char *old, size_t len, const char *table);

struct index_row {
	char *id;		/* normalized id; NULL when the row names none */
	char *title;		/* markup removed, id prefix removed */
	char *status;		/* the status cell's text; NULL: no status column */
	unsigned line;		/* 1-based line in the file */
};

struct index_rows {
	struct index_row *v;
	size_t nr, alloc;
	int is_table;		/* rows came from a table (else from a list) */
	int has_status;		/* the table has a status column */
	int weak_title;		/* its title column is a Description: not compared */
	unsigned line;		/* first line of the table or list (0: none found) */
	int markers;		/* the index is between <!-- adrlog --> markers */
};

#define INDEX_ROWS_INIT { NULL, 0, 0, 0, 0, 0, 0, 0 }

/*
 * Read the index in buf[0..len): between the markers when present, else
 * the first table whose header names a title column (Title/Name/Decision)
 * and a number column (Number/No/#/Id/ADR) or links to ADR files; else
 * the list items that link to ADR files.  rows->line stays 0 when the
 * text has no index.  The start marker may also be npm adr-log's
 * "<!-- adrlog -- Regenerate ... -->".
 */
void index_parse(struct index_rows *rows, const char *buf, size_t len);
void index_rows_clear(struct index_rows *rows);

/*
 * A title reduced for comparison: lower-case letters and digits only,
 * after a leading "[...]" (npm adr-log's "[Superseded by ...] Title").
 */
void index_title_key(struct strbuf *out, const char *title);

/*
 * Write data to path through a temp file in the same folder and rename(),
 * keeping an existing file's mode.  *changed (may be NULL) is set when the
 * content differs from what was there; an equal file is not rewritten.
 */
int index_write_file(const char *path, const char *data, size_t len, int *changed);

#endif
