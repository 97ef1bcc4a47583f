/*
 * lineage: lineage records, their union-find and the lists they gather
 * (see lineage.h).  Which delta continues which lineage is decided in
 * events.c, which applies a commit's changes to a snapshot.
 */
#include "lineage.h"

#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

void u32vec_push(struct u32vec *v, uint32_t x)
{
	if (v->nr && v->v[v->nr - 1] == x)
		return;	/* the same commit twice in a row */
	XGROW(v->v, v->alloc, v->nr + 1);
	v->v[v->nr++] = x;
}

static int u32_cmp(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	return x < y ? -1 : x > y;
}

void u32vec_sort_uniq(struct u32vec *v)
{
	size_t j = 0;

	if (v->nr < 2)
		return;
	qsort(v->v, v->nr, sizeof(*v->v), u32_cmp);
	for (size_t i = 1; i < v->nr; i++)
		if (v->v[i] != v->v[j])
			v->v[++j] = v->v[i];
	v->nr = j + 1;
}

int u32vec_has(const struct u32vec *v, uint32_t x)
{
	return v->nr && bsearch(&x, v->v, v->nr, sizeof(*v->v), u32_cmp) != NULL;
}

struct lin *lineage_new(struct lineages *set)
{
	struct lin *l = xcalloc(1, sizeof(*l));

	l->seq = set->nr;
	XGROW(set->v, set->alloc, set->nr + 1);
	set->v[set->nr++] = l;
	return l;
}

struct lin *lineage_find(struct lin *l)
{
	struct lin *root = l;

	while (root->up)
		root = root->up;
	while (l->up) {	/* path compression */
		struct lin *next = l->up;
		l->up = root;
		l = next;
	}
	return root;
}

struct lin *lineage_union(struct lin *a, struct lin *b)
{
	a = lineage_find(a);
	b = lineage_find(b);
	if (a == b)
		return a;
	if (b->seq < a->seq) {
		struct lin *t = a;
		a = b;
		b = t;
	}
	b->up = a;
	return a;
}

void lineage_seen(struct lin *l, uint32_t idx, const char *path, const char *id,
		  const git_oid *blob)
{
	if (!l->paths_nr || l->paths[l->paths_nr - 1].path != path) {
		XGROW(l->paths, l->paths_alloc, l->paths_nr + 1);
		l->paths[l->paths_nr].idx = idx;
		l->paths[l->paths_nr++].path = path;
	}
	if (!l->last_path || idx >= l->last_idx) {
		l->last_idx = idx;
		l->last_path = path;
		l->last_id = id;
		git_oid_cpy(&l->last_blob, blob);
	}
}

void lineage_edit(struct lin *l, uint32_t idx)
{
	u32vec_push(&l->edits, idx);
}

void lineage_ref(struct lin *l, uint32_t idx)
{
	u32vec_push(&l->refs, idx);
}

void lineage_from_dir(struct lin *l, const char *dir)
{
	for (size_t i = 0; i < l->from_nr; i++)
		if (l->from_dirs[i] == dir)
			return;
	XGROW(l->from_dirs, l->from_alloc, l->from_nr + 1);
	l->from_dirs[l->from_nr++] = dir;
}

static void u32vec_append(struct u32vec *dst, const struct u32vec *src)
{
	for (size_t i = 0; i < src->nr; i++) {
		XGROW(dst->v, dst->alloc, dst->nr + 1);
		dst->v[dst->nr++] = src->v[i];
	}
}

static int lin_path_cmp(const void *pa, const void *pb)
{
	const struct lin_path *a = pa, *b = pb;

	return a->idx < b->idx ? -1 : a->idx > b->idx;
}

void lineage_finish(struct lineages *set)
{
	for (size_t i = 0; i < set->nr; i++) {
		struct lin *l = set->v[i], *r = lineage_find(l);

		if (r == l)
			continue;
		u32vec_append(&r->edits, &l->edits);
		u32vec_append(&r->refs, &l->refs);
		for (size_t j = 0; j < l->paths_nr; j++) {
			XGROW(r->paths, r->paths_alloc, r->paths_nr + 1);
			r->paths[r->paths_nr++] = l->paths[j];
		}
		for (size_t j = 0; j < l->from_nr; j++)
			lineage_from_dir(r, l->from_dirs[j]);
		if (l->last_path && (!r->last_path || l->last_idx > r->last_idx)) {
			r->last_idx = l->last_idx;
			r->last_path = l->last_path;
			r->last_id = l->last_id;
			r->last_blob = l->last_blob;
		}
	}
	for (size_t i = 0; i < set->nr; i++) {
		struct lin *l = set->v[i];

		if (l->up)
			continue;
		u32vec_sort_uniq(&l->edits);
		u32vec_sort_uniq(&l->refs);
		if (l->paths_nr > 1)
			qsort(l->paths, l->paths_nr, sizeof(*l->paths), lin_path_cmp);
	}
}

void lineages_free(struct lineages *set)
{
	for (size_t i = 0; i < set->nr; i++) {
		struct lin *l = set->v[i];
		free(l->edits.v);
		free(l->refs.v);
		free(l->paths);
		free(l->from_dirs);
		free(l);
	}
	free(set->v);
	memset(set, 0, sizeof(*set));
}
