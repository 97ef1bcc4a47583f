/*
 * cache_int: what cache.c (finding, resuming, saving entries) and
 * cache_entry.c (reading one) share; the file format is in cache.c's
 * opening comment.  Private to those two files.
 */
#ifndef ADRLOG_CACHE_INT_H
#define ADRLOG_CACHE_INT_H

#include "cache.h"
#include "cachefile.h"
#include "strbuf.h"

#define CACHE_MAGIC "ADRLOGC\n"
#define CACHE_FORMAT 2u
#define CACHE_KEEP 8		/* entries kept in the folder */

#ifndef ADRLOG_VERSION
#define ADRLOG_VERSION "dev"
#endif

/*
 * The state of a recent commit of the first-parent chain, kept because
 * topic branches fork there: a merge that brings such a branch can then
 * be applied without walking the history again.
 */
struct cache_state {
	uint32_t idx;		/* the commit that made the state */
	uint32_t pos;		/* its first-parent chain position */
	git_oid *dirs;		/* its folder ids */
	unsigned char *raw;	/* the encoded snapshot, from a file, or NULL */
	size_t raw_len;
	struct snapshot *snap;	/* decoded, or held during a run, or NULL */
};

#define CACHE_STATES 64		/* states kept besides the tip's */

/* An entry read from disk, decoded but not yet given to the engine. */
struct cache_entry {
	git_oid tip;
	struct strvec dirs;	/* the folders its walk followed */
	git_oid *tip_dirs;
	struct strvec dashed;
	git_oid *oids;
	uint32_t *landed, *state_of, *parents_at, *parents, *chain;
	uint32_t nr, chain_nr;
	struct lineages lins;
	struct hev *events;
	size_t events_nr;
	struct snapshot *snap;
	struct links lk;
	struct blobinfo *blobs;
	struct adr_commit **commits;
	size_t commits_nr;
	struct cache_state *states;
	size_t states_nr;
	uint32_t *bk_idx;	/* commits asked whether they are bookkeeping */
	unsigned char *bk_val;	/* and the answers (history.c) */
	size_t bk_nr;
};

struct cache {
	struct repo *repo;
	char *dir;		/* <common dir>/adr-log */
	char *key;		/* the key text */
	char keyhex[17];
	git_oid tip;		/* this run's tip */
	struct cache_entry *found;
	int hit;
	struct strbuf out;	/* the payload kept by cache_keep() */
	int kept;
	struct cache_state *ring;	/* states noted in this run, oldest first */
	size_t ring_nr, ring_alloc;
};

/* The reader of an entry: interns its strings in the engine's pool. */
struct rd {
	struct cf_reader c;
	struct strpool *pool;
};

/* A snapshot in its own entry order (which later copies keep). */
struct snapshot *get_snapshot(struct rd *r, const struct lineages *lins);
void state_release(struct cache_state *st);
void entry_free(struct cache_entry *en);
/* Read and check the file at path; NULL (traced) when it is not usable. */
struct cache_entry *entry_read(struct cache *c, struct engine *e,
			       const char *path, const git_oid *tip);

#endif
