/*
 * events: applying one commit to the history state (SPEC section 2,
 * "Lineage" and "Events").  For each walked commit, events_apply() builds
 * its snapshot from its parents' (shared when the ADR folders did not
 * change), decides which lineage each changed file continues (rename,
 * tombstone restore, unpaired delete+add of one id, a move from outside
 * the folders) and records status events and edits; merges give events
 * only for conflict resolutions.
 *
 * struct engine is the history engine's working state, shared by
 * history.c (which owns it), events.c and link.c.
 */
#ifndef ADRLOG_EVENTS_H
#define ADRLOG_EVENTS_H

#include "docmemo.h"
#include "lineage.h"
#include "snapshot.h"
#include "status.h"
#include "strvec.h"
#include "walk.h"

/* A status event before it becomes an adr_event (the walk index of its commit). */
struct hev {
	struct lin *lin;
	uint32_t idx;
	enum adr_status from, to;
	const char *path;	/* interned: the file at that commit (the deleted one) */
	git_oid blob;		/* its version there (the last one for a delete) */
};

/* What a blob says, parsed once (keyed by blob id and md/rst). */
struct blobinfo {
	struct { git_oid oid; int rst; } key;
	enum adr_status status;
	const char *heading_id;	/* interned id of its first heading, or NULL */
	const char *title;	/* interned title from a heading or front matter */
	int title_known;	/* title is this run's parse (not the cache's) */
	UT_hash_handle hh;
};

/* A parent outside the walk (A of A..B): its snapshot, made once. */
struct boundary {
	git_oid oid;
	git_oid *dir_ids;
	struct snapshot *snap;
};

struct engine {
	struct repo *repo;
	struct strvec adr_dirs;	/* the ADR folders (SPEC section 1) */
	struct strvec dirs;	/* the folders walked: ADR and history folders */
	struct walk walk;
	struct strpool pool;
	struct lineages lins;
	struct blobinfo *blobs;
	struct hev *events;
	size_t events_nr, events_alloc;
	struct boundary *bounds;
	size_t bounds_nr, bounds_alloc;
	git_oid *zero_dirs;	/* a folder-id vector of absent folders */
	struct strpool tip_ids;	/* ids of the ADRs at the tip */
	struct docmemo docs;	/* parsed documents by blob and path */
	unsigned char *bookkeeping;	/* per walk index: 0 not asked, 1 yes, 2 no */
	size_t parsed;		/* versions events_blob() read and parsed (the trace) */
	struct adr_commit **recs;	/* per walk index: its commit record, once made */
};

/*
 * Non-zero when path is a document (.md, .markdown, .rst) under the
 * folders walked: every one has a lineage, ADR or not (SPEC 2 [rev2]).
 */
int events_tracked(const struct engine *e, const char *path);

/*
 * The id the file at path (a candidate under the folders) with this blob
 * has, interned, or NULL when it has none or a name that is never an ADR
 * (README, template, index: SPEC section 1); *status its status.
 */
int events_blob(const char **id, enum adr_status *status, struct engine *e,
		const git_oid *blob, const char *path);

/*
 * The title of the version blob of the ADR at path, as parse_adr() gives
 * it, from the walk's parse of that blob (events_blob()): a new string in
 * *out and 1, or 0 when the walk did not parse it this run (the caller
 * parses the version itself).
 */
int events_title(char **out, struct engine *e, const git_oid *blob, const char *path);

/*
 * Give the walk's memo the blob at path from a whole parse made anyway
 * (the tip's record, docmemo_parse_new()), so that events_blob() does not
 * parse it again: its status, heading id (heading_id) and title.  Nothing
 * when the memo has it, or when its parser would not be the walk's
 * (".RST" names).
 */
void events_blob_seed(struct engine *e, const git_oid *blob, const char *path,
		      const struct adr_doc *doc, const char *heading_id, int big);

/*
 * The snapshot of a commit outside the walk (made once, owned by e), as
 * for a range's boundary: every ADR there starts a lineage.
 */
int events_snapshot_at(struct snapshot **out, struct engine *e, const git_oid *commit);

/* Build node idx's snapshot and record its events and edits. */
int events_apply(struct engine *e, uint32_t idx);

/* Drop the parents' snapshots that no later commit needs. */
void events_release(struct engine *e, uint32_t idx);

void events_free(struct engine *e);

#endif
