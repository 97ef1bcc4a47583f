/*
 * docmemo: parsed ADR documents by (blob, path), kept between runs in
 * <git common dir>/adr-log/docs (a cache file, cachefile.h; ADR 12), so
 * that a repeat `timeline`, `list` and the hooks do not parse unchanged
 * ADRs again.  The path is part of the key because the file name gives
 * the id and the format (.md or .rst).
 *
 * The file keeps the documents used by the last run that parsed anything
 * new, plus older ones up to a bound; it is rewritten only when a run
 * parsed a document it did not have.
 */
#ifndef ADRLOG_DOCMEMO_H
#define ADRLOG_DOCMEMO_H

#include "adr.h"
#include "repo.h"

struct docmemo_entry;

struct docmemo {
	struct docmemo_entry *map;
	char *dir;		/* the cache folder; NULL: the memo is off */
	size_t added;		/* documents parsed in this run */
};

/* Read repo's memo when on (never fails: a bad file is ignored). */
void docmemo_open(struct docmemo *m, struct repo *repo, int on);

/*
 * The document of blob at path: the memo's, or the blob read and parsed
 * (and remembered).  Warns when a status may lie past the parse limit,
 * either way.  Returns 0, or -1 with an error set when the blob cannot be
 * read (doc is then an empty document).
 */
int docmemo_parse(struct adr_doc *doc, struct docmemo *m, struct repo *repo,
		  const git_oid *blob, const char *path);

/* What docmemo_parse_new() says of a document it had to parse. */
struct docmemo_new {
	int parsed;		/* read and parsed in this call (not the memo's) */
	int big;		/* the blob reached the parse limit */
	char *heading_id;	/* parse_adr_heading_id()'s, when parsed; free it */
};

/*
 * docmemo_parse(), telling in *nw whether it parsed the blob and what the
 * walk's memo wants besides (events_blob_seed()).  No warning: the
 * record's own docmemo_parse() gives it.
 */
int docmemo_parse_new(struct adr_doc *doc, struct docmemo_new *nw, struct docmemo *m,
		      struct repo *repo, const git_oid *blob, const char *path);

/* Save the memo when it gained documents, and free it. */
void docmemo_close(struct docmemo *m);

#endif
