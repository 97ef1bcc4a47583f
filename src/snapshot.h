/*
 * snapshot: the ADR files of one commit as the history engine sees them:
 * path -> (lineage, blob, id, status), plus tombstones of deleted files so
 * a later add at the same path continues the lineage (SPEC section 2).
 *
 * Snapshots are shared: a commit whose ADR folders did not change holds
 * its parent's snapshot (snapshot_ref); a commit that changes them works
 * on a copy.  The walk drops a commit's reference once its last child was
 * handled, so memory follows the ADRs, not the commits.  Paths and ids are
 * interned in a strpool that outlives every snapshot.
 */
#ifndef ADRLOG_SNAPSHOT_H
#define ADRLOG_SNAPSHOT_H

#include <git2.h>

#include "status.h"
#include "uthash_config.h"

struct lin;

/* Interned strings: equal text, same pointer; freed with the pool. */
struct strpool_item {
	UT_hash_handle hh;
	char s[];
};

struct strpool {
	struct strpool_item *items;
};

const char *strpool_intern(struct strpool *pool, const char *s);
/* The interned copy of s, or NULL when s was never interned. */
const char *strpool_find(const struct strpool *pool, const char *s);
void strpool_clear(struct strpool *pool);

struct snap_entry {
	const char *path;	/* interned */
	const char *id;		/* interned */
	struct lin *lin;	/* as stored; lineage_find() gives the current one */
	git_oid blob;
	enum adr_status status;
	int live;		/* 0: a tombstone (the file was deleted) */
	UT_hash_handle hh;	/* by path (pointer: paths are interned) */
};

struct snapshot {
	unsigned refs;
	struct snap_entry *by_path;
};

struct snapshot *snapshot_new(void);
/* A private copy of s (refs 1). */
struct snapshot *snapshot_copy(const struct snapshot *s);
struct snapshot *snapshot_ref(struct snapshot *s);
void snapshot_unref(struct snapshot *s);

/* The entry at path (interned), live or tombstone, or NULL. */
struct snap_entry *snapshot_get(const struct snapshot *s, const char *path);
/* Set path live with these values (creating or reviving the entry). */
struct snap_entry *snapshot_set(struct snapshot *s, const char *path, const char *id,
				struct lin *lin, const git_oid *blob,
				enum adr_status status);
/* Turn the entry at path into a tombstone (nothing when absent). */
void snapshot_kill(struct snapshot *s, const char *path);
/* Remove the entry at path altogether (a file moved away leaves no tombstone). */
void snapshot_del(struct snapshot *s, const char *path);
/* The live entry of lineage (compared by lineage_find), or NULL. */
struct snap_entry *snapshot_find_lin(const struct snapshot *s, struct lin *lin);

#endif
