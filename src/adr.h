/*
 * adr: the model every layer above the parsers shares.
 *
 *   struct adr_doc    one parsed version of one ADR file (parse.c fills it)
 *   struct adr        one ADR across history: a lineage of paths, its
 *                     current document, status history and commit links
 *   struct adr_event  one status change of one ADR in one commit
 *   struct adr_commit what output needs to know of a commit it names
 *   struct adr_db     everything a command renders: ADRs ordered by id,
 *                     events in timeline order, unknown references
 *
 * Ownership: the db owns every adr, event and commit record; an adr's
 * history[] and an event's adr pointer are borrowed views into the db.
 * Strings stored in a struct belong to it.  Commit ids are 40-hex strings.
 */
#ifndef ADRLOG_ADR_H
#define ADRLOG_ADR_H

#include <stddef.h>
#include <stdint.h>

#include "status.h"
#include "strvec.h"
#include "uthash_config.h"

#define ADR_OID_HEX 41	/* 40 hex digits and a NUL */

struct adr_doc {
	char *id;		/* normalized id; NULL: the file is not an ADR */
	int id_from_heading;	/* the id came from the title, not the name */
	char *title;		/* never NULL after parse_adr() */
	char *status_raw;	/* status text with markup removed; NULL: none */
	enum adr_status status;	/* status_normalize(status_raw) */
	char *date;		/* "YYYY-MM-DD" or NULL */
	unsigned title_line;	/* 1-based source line of the title, 0: none */
	unsigned status_line;	/* 1-based source line of the status, 0: none */
	struct strvec supersedes, superseded_by, amends, amended_by; /* ids */
};

void adr_doc_init(struct adr_doc *doc);
void adr_doc_release(struct adr_doc *doc);
/* Deep copy of src into dst (dst is overwritten, not released). */
void adr_doc_copy(struct adr_doc *dst, const struct adr_doc *src);

struct adr;

struct adr_event {
	struct adr *adr;	/* borrowed: the ADR this event belongs to */
	char commit[ADR_OID_HEX];	/* the commit that made the change */
	char landed[ADR_OID_HEX];	/* first-parent commit that brought it */
	char *date;		/* author date, ISO 8601 with the author's offset */
	int64_t time;		/* author date, seconds since the epoch */
	char *author;		/* "Name <mail>" (no mailmap) */
	char *path;		/* the file at that commit (SPEC 5 rev2) */
	char *title;		/* its title at that commit */
	enum adr_status from;	/* ADR_STATUS_NONE: JSON null */
	enum adr_status to;	/* ADR_STATUS_DELETED when the file was removed */
	size_t landed_pos;	/* position of landed on the first-parent chain */
	size_t commit_pos;	/* position of commit in the walk (topological) */
};

struct adr {
	char *id;		/* id at the tip (or when last seen) */
	char *path;		/* path at the tip (or when last seen) */
	int deleted;		/* no file at the tip: a tombstone */
	struct adr_doc doc;	/* the document at the tip (or last version) */
	struct adr_event **history;	/* borrowed, in timeline order */
	size_t history_nr, history_alloc;
	struct strvec paths;	/* every path of the lineage, oldest first */
	struct strvec references;	/* commits whose message references it */
	struct strvec edits;	/* commits that change its file */
	struct strvec implemented_by;	/* references minus edits */
};

struct adr_commit {
	char sha[ADR_OID_HEX];
	char *subject;		/* first line of the message */
	char *author;		/* "Name <mail>" */
	char *date;		/* ISO 8601 author date */
	int64_t time;
	UT_hash_handle hh;	/* db->commits, keyed by sha */
};

struct adr_unknown_ref {
	char commit[ADR_OID_HEX];
	char *id;
};

struct adr_db {
	char head[ADR_OID_HEX];	/* the walked tip; "" when none */
	int truncated;		/* the walk stopped at a shallow boundary */
	struct strvec dirs;	/* the ADR folders in use */
	struct adr **adrs;	/* ordered by adr_db_sort() */
	size_t nr, alloc;
	struct adr_event **events;	/* timeline order */
	size_t events_nr, events_alloc;
	struct adr_unknown_ref *unknown;
	size_t unknown_nr, unknown_alloc;
	struct adr_commit *commits;	/* uthash head */
};

struct adr_db *adr_db_new(void);
void adr_db_free(struct adr_db *db);

/* A new ADR owned by db (id and path copied). */
struct adr *adr_db_add(struct adr_db *db, const char *id, const char *path);
/* First ADR with this id (live ones before tombstones), or NULL. */
struct adr *adr_db_find(const struct adr_db *db, const char *id);
/* Order ADRs by id (adrid_cmp), then path. */
void adr_db_sort(struct adr_db *db);

/* A new event owned by db, appended to db->events and to adr->history. */
struct adr_event *adr_db_add_event(struct adr_db *db, struct adr *adr);
/* Order db->events (and each history) by landed_pos, then commit_pos. */
void adr_db_sort_events(struct adr_db *db);

void adr_db_add_unknown(struct adr_db *db, const char *commit, const char *id);

/* The record for sha, or NULL. */
struct adr_commit *adr_db_commit(const struct adr_db *db, const char *sha);
/* The record for sha, created empty when missing. */
struct adr_commit *adr_db_commit_add(struct adr_db *db, const char *sha);

#endif
