/*
 * lineage: one ADR's identity across history (SPEC section 2, "Lineage").
 *
 * A lineage is born when an ADR file first appears and is carried by the
 * snapshots through renames, renumbering, tombstones and restores.  Two
 * lineages found to be one (the same live path in two parents of a merge)
 * are joined with union-find: lineage_find() gives the surviving one, and
 * lineage_finish() folds what the joined ones gathered into it.  Commits
 * are kept as walk indices (oldest first once finished).
 */
#ifndef ADRLOG_LINEAGE_H
#define ADRLOG_LINEAGE_H

#include <git2.h>
#include <stddef.h>
#include <stdint.h>

struct adr;

struct u32vec {
	uint32_t *v;
	size_t nr, alloc;
};

struct lin_path {
	uint32_t idx;		/* the commit that gave the lineage this path */
	const char *path;	/* interned */
};

struct lin {
	struct lin *up;		/* union-find parent; NULL for a root */
	size_t seq;		/* creation order: the older survives a union */
	struct u32vec edits;	/* commits that change its file */
	struct u32vec refs;	/* commits whose message references it */
	struct lin_path *paths;
	size_t paths_nr, paths_alloc;
	/* the last version seen (the tip's when live there) */
	uint32_t last_idx;
	const char *last_path, *last_id;
	git_oid last_blob;
	/*
	 * SPEC section 2 [rev2]: the folders outside the walked ones that
	 * an add of this lineage was renamed from (interned): history
	 * folders to walk when the lineage is an ADR's at the tip.
	 */
	const char **from_dirs;
	size_t from_nr, from_alloc;
	int tip_adr;		/* histdirs_next()'s mark: an ADR's at the tip */
	struct adr *adr;	/* the model record made by the history engine */
};

struct lineages {
	struct lin **v;
	size_t nr, alloc;
};

void u32vec_push(struct u32vec *v, uint32_t x);
/* Sort ascending and drop duplicates. */
void u32vec_sort_uniq(struct u32vec *v);
/* Non-zero when x is in the sorted vector v. */
int u32vec_has(const struct u32vec *v, uint32_t x);

/* A new lineage owned by set. */
struct lin *lineage_new(struct lineages *set);
/* The lineage l now belongs to (union-find root). */
struct lin *lineage_find(struct lin *l);
/* Join a and b; returns the survivor (the older one). */
struct lin *lineage_union(struct lin *a, struct lin *b);

/* Record that at commit idx the lineage has this path, id and blob. */
void lineage_seen(struct lin *l, uint32_t idx, const char *path, const char *id,
		  const git_oid *blob);
void lineage_edit(struct lin *l, uint32_t idx);
void lineage_ref(struct lin *l, uint32_t idx);
/* Record that an add of l was renamed from folder dir (interned). */
void lineage_from_dir(struct lin *l, const char *dir);

/* Fold joined lineages into their roots; sort every root's lists. */
void lineage_finish(struct lineages *set);
void lineages_free(struct lineages *set);

#endif
