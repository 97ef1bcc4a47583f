/*
 * walk: the one pass over the commits (SPEC section 2, "Walk" and "Diff").
 *
 * walk_load() reads every commit reachable from the tip (for A..B, those a
 * libgit2 revwalk gives) once, straight from the object database, sorts
 * them topologically (parents first), and keeps per commit only what
 * the history engine needs later: its parents as walk indices, the tree
 * ids of the ADR folders (so an unchanged folder is skipped by comparing
 * ids) and how many walked children it has (so per-commit state can be
 * released once the last child was handled).  Commit objects are not kept.
 * walk_diff() and walk_moves() diff two commits under the folders (or the
 * whole tree's documents) with rename detection like `git diff -M`.
 */
#ifndef ADRLOG_WALK_H
#define ADRLOG_WALK_H

#include <stdint.h>

#include "adr.h"
#include "repo.h"
#include "strvec.h"
#include "uthash_config.h"

#define WALK_NONE UINT32_MAX	/* a parent that is not walked */

struct walk_node {
	git_oid oid;
	git_oid tree;		/* the commit's root tree */
	uint32_t nparents;
	uint32_t children;	/* walked children not yet handled */
	uint32_t *parents;	/* walk index of each parent, or WALK_NONE */
	git_oid *parent_oids;	/* the parents' ids; zero: missing (shallow);
				   NULL for walk_prepend()'s nodes */
	git_oid *dir_ids;	/* tree id of each ADR folder; zero: absent */
	void *state;		/* the engine's per-commit state (a snapshot) */
	void *mentions;		/* the engine's scan of the message, or NULL */
	uint32_t landed;	/* first-parent chain position that brings it */
	uint32_t state_of;	/* the engine's: the node whose state this one
				   shares (itself when it has its own) */
	int dead;		/* listed as a parent but missing (shallow) */
};

/* Memo of subfolder look-ups: (tree, name) -> child tree id (zero: none). */
struct walk_memo {
	struct {
		git_oid tree;
		char name[64];
		int blob;	/* looking for a file, not a folder */
	} key;
	git_oid child;
	UT_hash_handle hh;
};

struct packr;
struct walk_sig;
struct walk_pair;
struct walk_tree;

struct walk {
	struct repo *repo;
	git_odb *odb;
	struct packr *packr;	/* the repository's pack reader (repo_packr()), or NULL */
	const struct strvec *dirs;	/* the ADR folders (borrowed) */
	struct walk_node *nodes;	/* walk order: parents first */
	uint32_t nr;
	size_t alloc;
	uint32_t *tab;		/* open addressing: oid -> node index */
	size_t tab_cap;
	struct walk_memo *memo;
	uint32_t *chain;	/* first-parent chain of the tip, oldest first */
	uint32_t chain_nr;
	uint32_t old_nr;	/* nodes [0, old_nr) came from walk_prepend() */
	void *old_block;	/* their parents, in one allocation */
	int truncated;		/* a shallow boundary was met */
	git_oid missing;	/* a missing commit in a repository that is not
				   shallow (corrupt or partial), or zero */
	git_oid *dir_block;	/* the folder ids after walk_redirs() */
	struct walk_sig *sigs;	/* rename detection: signatures by blob */
	struct walk_pair *pairs;	/* and scores by blob pair (walk_rename.c) */
	struct walk_tree *trees;	/* folder trees read by the diff, by id */
	size_t trees_bytes;
};

/*
 * Called once per commit during walk_load() (in no particular order;
 * indices change in the final sort, so the hook stores what it finds in
 * w->nodes[idx].mentions), with the commit's message.  Non-zero stops
 * the walk.  raw[0..len) is the whole commit object, msg[0..msg_len) its
 * message (inside raw, not NUL-terminated).
 */
typedef int (*walk_commit_fn)(struct walk *w, uint32_t idx, const char *raw,
			      size_t len, const char *msg, size_t msg_len,
			      void *payload);

/*
 * Fill subject, author ("Name <mail>"), time and ISO date of c from a raw
 * commit object (as the hook receives it).  Returns 0, -1 when malformed.
 */
int walk_commit_info(struct adr_commit *c, const char *raw, size_t len);

/*
 * Tune libgit2 for one pass over every commit (no object cache, small
 * pack windows); call before the repository reads its first object.
 */
void walk_tune(void);

/*
 * Walk the commits reachable from tip and not from hide (may be NULL),
 * parents first.  Fills w (which must be zeroed), computes the
 * first-parent chain and each commit's landed position.  Returns 0 or -1.
 */
int walk_load(struct walk *w, struct repo *repo, const git_oid *tip,
	      const git_oid *hide, const struct strvec *dirs,
	      walk_commit_fn fn, void *payload);
void walk_free(struct walk *w);

/*
 * The same walk for another set of folders (w->dirs changed): every
 * node's folder ids read again from its root tree, the walked children
 * counted again.  The commits are not read again.  Only for a walk that
 * walk_prepend() did not extend (w->old_nr == 0).  Returns 0 or -1.
 */
int walk_redirs(struct walk *w);

/*
 * An earlier walk, as the repeat-run cache keeps it (cache.c): the walk of
 * every commit reachable from an ancestor T of the tip, in walk order
 * (T last), with what the engine reads of each commit afterwards.
 */
struct walk_old {
	uint32_t nr;
	const git_oid *oids;		/* nr commit ids */
	const uint32_t *landed;		/* nr chain positions */
	const uint32_t *state_of;	/* nr node indices */
	const uint32_t *parents_at;	/* nr + 1 offsets into parents */
	const uint32_t *parents;	/* walk indices (all below the child's) */
	const uint32_t *chain;		/* chain_nr node indices, oldest first */
	uint32_t chain_nr;
};

/*
 * Put old before the nodes of w, which holds the walk of T..tip (or
 * nothing, when the tip is T): indices, parents, the first-parent chain
 * and landed positions become those of a walk of the whole history from
 * the tip.  Only valid when T is on the tip's first-parent chain, which
 * walk_first_parent_base() tells.  The old nodes carry no tree, folder
 * ids, state or parent ids: walk_blob_at() reads their trees when asked,
 * walk_parent_oid() gives their parents' ids.
 */
void walk_prepend(struct walk *w, const struct walk_old *old);

/*
 * The first parent of the oldest commit of the tip's first-parent chain
 * in a range walk (T for a walk of T..tip when T is on that chain), or
 * NULL when the walk is empty or that commit has no parent.
 */
const git_oid *walk_first_parent_base(const struct walk *w);

/*
 * The id of parent j of node n (zero when missing): walk_prepend()'s
 * nodes have only their parents' indices.
 */
const git_oid *walk_parent_oid(const struct walk *w, const struct walk_node *n,
			       uint32_t j);

/* The walk index of oid, or WALK_NONE. */
uint32_t walk_find(const struct walk *w, const git_oid *oid);

/* Non-zero when two folder-id vectors are the same. */
int walk_same_dirs(const struct walk *w, const git_oid *a, const git_oid *b);

/* The ADR folders' tree ids of any commit (one per dir; zero: absent). */
int walk_dir_ids(git_oid *out, struct walk *w, const git_tree *tree);

enum walk_change {
	WALK_ADDED,
	WALK_DELETED,
	WALK_MODIFIED,
	WALK_RENAMED
};

struct walk_delta {
	enum walk_change change;
	char *old_path, *new_path;	/* full paths; NULL when absent */
	git_oid old_blob, new_blob;
};

struct walk_deltas {
	struct walk_delta *v;
	size_t nr, alloc;
};

void walk_deltas_clear(struct walk_deltas *d);

/*
 * walk_rename.c: pair the adds and deletes of d->v[from..] into renames
 * as libgit2's git_diff_find_similar does at 50% (exact renames by blob
 * id first), and sort them in libgit2's order.  Returns 0 or -1.
 */
int walk_renames(struct walk_deltas *d, size_t from, struct walk *w);
void walk_deltas_sort(struct walk_deltas *d, size_t from);
void walk_rename_free(struct walk *w);
/* walk_diff.c: drop the memo of folder trees. */
void walk_trees_free(struct walk *w);

/*
 * The changes of blobs under the folders between two folder-id vectors
 * (old may be NULL: everything is added), renames paired at 50%
 * similarity.  When the two commits are given and several folders
 * changed, one diff of their trees covers the folders, so that a move
 * between two folders is a rename.  Appends to out.  Returns 0 or -1.
 */
int walk_diff(struct walk_deltas *out, struct walk *w, const git_oid *old_dirs,
	      const git_oid *new_dirs, const git_oid *old_commit,
	      const git_oid *new_commit);

/*
 * Renames onto the targets between two commits' trees, the sources being
 * the .md, .markdown and .rst files outside the ADR folders that the
 * second commit deleted.  Only renamed pairs are appended.
 */
int walk_moves(struct walk_deltas *out, struct walk *w, const git_oid *old_commit,
	       const git_oid *new_commit, const struct strvec *targets);

/*
 * For walk_diff.c: the id of the entry name (nlen bytes; a folder, or a
 * file when blob is set) in tree id, through the memo when memo is set
 * (zero when absent); and a 40-hex id at p.
 */
int walk_entry(git_oid *out, struct walk *w, const git_oid *tree,
	       const char *name, size_t nlen, int memo, int blob);
int walk_hex_oid(git_oid *out, const char *p, const char *end);

/* The blob at path in commit; zero oid when there is none.  Returns 0 or -1. */
int walk_blob_at(git_oid *out, struct walk *w, const git_oid *commit,
		 const char *path);

/*
 * SPEC section 3 [rev2]: 1 when commit idx changes files (a merge: against
 * its first parent, a root: against the empty tree) and none outside dirs
 * (the ADR and history folders), 0 when not, -1 on error.
 */
int walk_bookkeeping(struct walk *w, uint32_t idx, const struct strvec *dirs);

#endif
