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

/* Where index_splice put the table. */
enum index_splice_how {
	INDEX_SPLICE_MARKERS,	/* between the markers */
	INDEX_SPLICE_TABLE,	/* over an existing ADR index table */
	INDEX_SPLICE_APPENDED	/* at the end, inside new markers */
};

/*
 * Put table (ending in '\n', the fresh index) into the text old[0..len)
 * and append the result to out: between the markers when both are there;
 * else in place of the first table that is an ADR index (its rows link to
 * ADR files, or name ADRs of table; any other table is the author's data
 * and never replaced); else appended after a blank line, inside markers
 * (so the next splice finds them).  Splicing the same table twice gives
 * the same text.  Returns an enum index_splice_how.
 */
int index_splice(struct strbuf *out, const char *old, size_t len, const char *table);

struct index_row {
	char *id;		/* normalized id; NULL when the row names none */
	char *title;		/* markup removed, id prefix removed */
	char *status;		/* the status cell's text; NULL: no status column */
	int linked;		/* the id came from a link to an ADR file */
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
 * keeping an existing file's mode.  With top, path is relative to the top
 * of the work tree and no symbolic link in it is followed (file.h: a link
 * is refused); without, path is the user's own (its folders followed, a
 * link at path itself refused).  *changed (may be NULL) is set when the
 * content differs from what was there; an equal file is not rewritten.
 */
int index_write_file(const char *top, const char *path, const char *data, size_t len,
		     int *changed);

/* A README larger than this is not read for its index. */
#define INDEX_FILE_MAX (16 * 1024 * 1024)

#endif
