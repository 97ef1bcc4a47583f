/*
 * parse: the front door of the ADR parsers (SPEC section 1, "Title,
 * status, date, links").  Pure functions over bytes: no git, no I/O, so
 * they are unit-tested and fuzzed directly.
 *
 * parse_adr() normalizes the input (BOM, CRLF, invalid UTF-8 -> U+FFFD,
 * NUL bytes), splits YAML front matter off, then dispatches on the
 * extension: .rst to parse_rst.c, everything else to parse_md.c (cmark).
 */
#ifndef ADRLOG_PARSE_H
#define ADRLOG_PARSE_H

#include <stddef.h>

#include "adr.h"

/*
 * Parse buf[0..len), the content of the file at path (used for the
 * extension, the id from the name and the title fallback).  Fills out,
 * which must be initialized; out->id is NULL when the file is not an ADR
 * (neither its name nor its first level-1 heading gives an id).
 * Never fails: any bytes are a document.  Returns 0.
 */
int parse_adr(struct adr_doc *out, const char *path, const char *buf, size_t len);

/*
 * parse_adr() for readers of the id, title and status only (the history
 * walk, which reads every version of every ADR): those fields and their
 * lines are parse_adr()'s, date and links are left unset, and a Markdown
 * body is parsed only as far as its status where that cannot change them.
 */
int parse_adr_status(struct adr_doc *out, const char *path, const char *buf, size_t len);

/*
 * parse_adr(), and in *heading_id the id its first level-1 heading gives
 * whatever the name says (a new string, or NULL): what parse_adr_status()
 * of a file without an id in its name would take as the id.  The history
 * reads each tip version once this way, for its record and its walk.
 */
int parse_adr_heading_id(struct adr_doc *out, char **heading_id, const char *path,
			 const char *buf, size_t len);

/* Files larger than this are parsed from their first PARSE_MAX_BYTES only. */
#define PARSE_MAX_BYTES (4u << 20)

#endif
