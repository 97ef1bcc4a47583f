/*
 * cache: the repeat-run cache of the history engine (ADR 12).
 *
 * A run that walks the whole history from a tip saves, in
 * <git common dir>/adr-log/h-<key>-<tip>, the engine's state after the
 * last commit: the walk (ids, parents, landed positions), the lineages,
 * the status events, the snapshot at the tip, the references still to be
 * settled, the parsed blobs, and the commit records output names (the
 * parsed documents have their own memo, docmemo.h).  The key is a hash of the tool version and the ADR folders in
 * use (the only configuration the walk reads).
 *
 * A later run with the same key finds the entry of its own tip (a hit: no
 * commit is read) or of an ancestor T on its first-parent chain (a
 * resume: only T..tip is walked, then applied after T's state).  The
 * state is kept before lineage_finish() and link_finish(), which need the
 * whole history, so a resumed run ends exactly like a full one; the
 * end-to-end tests compare every output with --no-cache.
 *
 * An entry is written to a temporary file and renamed, so concurrent runs
 * see an old entry or a new one.  A file that is short, fails its
 * checksum, has another key or does not decode is ignored (and replaced
 * by this run's).  Problems never fail a command: ADRLOG_CACHE_TRACE=1
 * prints what the cache did on stderr ("adr-log: cache: ...").
 */
#ifndef ADRLOG_CACHE_H
#define ADRLOG_CACHE_H

#include <stdint.h>

#include "adr.h"
#include "events.h"
#include "link.h"

struct cache;

/*
 * The cache of a walk of the whole history from tip with e's folders,
 * with the entry of the tip or of the nearest ancestor on its first-parent
 * chain that has one (up to CACHE_MAX_BEHIND commits back), read and
 * checked.  Strings are interned in e->pool.  NULL when off is non-NULL
 * (traced as the reason) or the cache folder cannot be found.
 */
struct cache *cache_open(struct engine *e, const git_oid *tip, const char *off);

#define CACHE_MAX_BEHIND 1000

/* The tip of the entry found, or NULL when there is none. */
const git_oid *cache_found(const struct cache *c);

/* Fill e's memo of blob statuses from the entry found. */
void cache_seed(struct cache *c, struct engine *e);

/*
 * Continue the entry found: e->walk holds the walk of T..tip (nothing
 * when the tip is T).  Puts T's walk before it and the entry's lineages,
 * events, references and snapshot into e and lk, and its commit records
 * into db.  Returns the index of the first commit still to apply, or
 * WALK_NONE when the entry cannot be continued (traced; e->walk must then
 * be walked again from scratch).
 */
uint32_t cache_resume(struct cache *c, struct engine *e, struct links *lk,
		      struct adr_db *db);

/*
 * Called after each commit idx is applied: keeps the state of the recent
 * first-parent commits that made one (where topic branches fork), so a
 * later run can apply a merged branch without walking again.
 */
void cache_note(struct cache *c, const struct engine *e, uint32_t idx);

/*
 * Record the engine's state once every commit is applied (before
 * lineage_finish() and link_finish()); cache_store() writes it.
 */
void cache_keep(struct cache *c, const struct engine *e, const struct links *lk);

/* Write the entry kept, with the documents and commit records of db. */
void cache_store(struct cache *c, const struct engine *e, const struct adr_db *db);

/*
 * Forget the entry found and the states noted: the walk starts again
 * with other folders (history folders found, SPEC 2 [rev2]).
 */
void cache_restart(struct cache *c);

void cache_close(struct cache *c);

/*
 * Open and decode the entry file at path (any key and tip, its kept
 * states too), then free it: 0 when it decodes, -1 when it is refused.
 * The reader's own checks without a repository: tests/fuzz/fuzz_cache.c.
 */
int cache_entry_check(const char *path);

#endif
