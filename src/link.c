/*
 * link: commit-message mentions resolved to lineages (see link.h).  The
 * text rules are mention.c's; here only "which ADR is that at this
 * commit" is decided.
 */
#include "link.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "adrid.h"
#include "histdirs.h"
#include "mention.h"
#include "xalloc.h"

struct link_mentions {
	struct mention_list ids;
	struct strvec paths;
};

int link_may_mention(const char *msg, size_t len)
{
	for (size_t i = 0; i + 3 <= len; i++) {
		unsigned char c = (unsigned char)msg[i] | 0x20;

		if (c == 'a' && ((unsigned char)msg[i + 1] | 0x20) == 'd' &&
		    ((unsigned char)msg[i + 2] | 0x20) == 'r')
			return 1;
		if (msg[i] == '.' && (!strncasecmp(msg + i + 1, "md", 2) ||
				      (i + 4 <= len && !strncasecmp(msg + i + 1, "rst", 3)) ||
				      (i + 9 <= len && !strncasecmp(msg + i + 1, "markdown", 8))))
			return 1;
	}
	return 0;
}

void *link_scan(const char *msg)
{
	struct link_mentions *m = xcalloc(1, sizeof(*m));

	mention_scan_ids(msg, &m->ids);
	mention_scan_paths(msg, &m->paths);
	if (m->ids.nr || m->paths.nr)
		return m;
	link_mentions_free(m);
	return NULL;
}

void link_mentions_free(void *mentions)
{
	struct link_mentions *m = mentions;

	if (!m)
		return;
	mention_list_clear(&m->ids);
	strvec_clear(&m->paths);
	free(m);
}

static void link_hold(struct links *l, uint32_t idx, const char *name, struct lin *lin,
		      int is_path)
{
	struct link_held *h;

	XGROW(l->held, l->held_alloc, l->held_nr + 1);
	h = &l->held[l->held_nr++];
	h->idx = idx;
	h->name = name;
	h->lin = lin;
	h->is_path = is_path;
}

/* Hold every live file of snap with this id; 0 when there is none. */
static int link_id(struct links *l, struct snapshot *snap, const char *id, uint32_t idx)
{
	struct snap_entry *e, *tmp;
	int found = 0;

	if (!snap || !id)
		return 0;
	HASH_ITER(hh, snap->by_path, e, tmp) {
		if (e->live && e->id == id) {
			link_hold(l, idx, id, e->lin, 0);
			found = 1;
		}
	}
	return found;
}

/* Hold the live files whose path or base name is name; 0 when none. */
static int link_path(struct links *l, struct engine *en, struct snapshot *snap,
		     const char *name, uint32_t idx)
{
	struct snap_entry *e, *tmp;
	const char *iname = NULL;
	int found = 0;

	if (!snap)
		return 0;
	HASH_ITER(hh, snap->by_path, e, tmp) {
		if (e->live && (!strcmp(e->path, name) ||
				!strcmp(adrid_basename(e->path), name))) {
			if (!iname)
				iname = strpool_intern(&en->pool, name);
			link_hold(l, idx, iname, e->lin, 1);
			found = 1;
		}
	}
	return found;
}

/* Non-zero when an ADR with this id (interned or NULL) lives in snap. */
static int link_has_id(struct snapshot *snap, const char *id)
{
	struct snap_entry *e, *tmp;

	if (!snap || !id)
		return 0;
	HASH_ITER(hh, snap->by_path, e, tmp)
		if (e->live && e->id == id)
			return 1;
	return 0;
}

void link_resolve(struct links *l, struct engine *e, uint32_t idx)
{
	struct walk_node *n = &e->walk.nodes[idx];
	struct link_mentions *m = n->mentions;
	struct snapshot *snap = n->state;

	if (!m)
		return;
	for (size_t i = 0; i < m->ids.nr; i++) {
		const struct mention *mt = &m->ids.v[i];
		const char *want = mt->id, *id;

		/* ADR-012-2 is 12-2 only when such an ADR exists, else 12 */
		if (mt->base && !strpool_find(&e->tip_ids, mt->id) &&
		    !link_has_id(snap, strpool_find(&e->pool, mt->id)))
			want = mt->base;
		id = strpool_find(&e->pool, want);
		if (link_id(l, snap, id, idx))
			continue;
		/* not at this commit: settled against every lineage at the end */
		XGROW(l->unknown, l->unknown_alloc, l->unknown_nr + 1);
		l->unknown[l->unknown_nr].idx = idx;
		l->unknown[l->unknown_nr++].id = strpool_intern(&e->pool, want);
	}
	for (size_t i = 0; i < m->paths.nr; i++) {
		if (link_path(l, e, snap, m->paths.v[i], idx))
			continue;
		XGROW(l->pending, l->pending_alloc, l->pending_nr + 1);
		l->pending[l->pending_nr].idx = idx;
		l->pending[l->pending_nr++].name = strpool_intern(&e->pool, m->paths.v[i]);
	}
	/* kept with the walk: a next pass over other folders resolves them again */
}

/* Lineages by a string (an id, a path or a base name), for link_finish(). */
struct link_index {
	const char *key;	/* not owned */
	struct lin **lins;
	size_t nr, alloc;
	UT_hash_handle hh;
};

static void link_index_add(struct link_index **idx, const char *key, struct lin *lin)
{
	struct link_index *x = NULL;
	size_t len = strlen(key);

	HASH_FIND(hh, *idx, key, len, x);
	if (!x) {
		x = xcalloc(1, sizeof(*x));
		x->key = key;
		HASH_ADD_KEYPTR(hh, *idx, x->key, len, x);
	}
	if (x->nr && x->lins[x->nr - 1] == lin)
		return;	/* a lineage once per key */
	XGROW(x->lins, x->alloc, x->nr + 1);
	x->lins[x->nr++] = lin;
}

static const struct link_index *link_index_get(struct link_index *idx, const char *key)
{
	struct link_index *x = NULL;

	HASH_FIND(hh, idx, key, strlen(key), x);
	return x;
}

static void link_index_free(struct link_index **idx)
{
	struct link_index *x, *tmp;

	HASH_ITER(hh, *idx, x, tmp) {
		HASH_DEL(*idx, x);
		free(x->lins);
		free(x);
	}
}

void link_finish(struct links *l, struct engine *e)
{
	struct link_index *ids = NULL, *names = NULL;
	size_t kept = 0;

	/*
	 * A mention of a file at its commit names that file's ADR; when
	 * none of the files it named is an ADR's (a document of a history
	 * folder that never reached an ADR folder), it is settled like a
	 * mention that named nothing there.
	 */
	for (size_t i = 0; i < l->held_nr;) {
		size_t j = i;
		int any = 0;

		for (; j < l->held_nr && l->held[j].idx == l->held[i].idx &&
		       l->held[j].name == l->held[i].name &&
		       l->held[j].is_path == l->held[i].is_path; j++) {
			struct lin *r = lineage_find(l->held[j].lin);

			if (histdirs_reached(e, r)) {
				u32vec_push(&r->refs, l->held[j].idx);
				any = 1;
			}
		}
		if (!any && l->held[i].is_path) {
			XGROW(l->pending, l->pending_alloc, l->pending_nr + 1);
			l->pending[l->pending_nr].idx = l->held[i].idx;
			l->pending[l->pending_nr++].name = l->held[i].name;
		} else if (!any) {
			XGROW(l->unknown, l->unknown_alloc, l->unknown_nr + 1);
			l->unknown[l->unknown_nr].idx = l->held[i].idx;
			l->unknown[l->unknown_nr++].id = l->held[i].name;
		}
		i = j;
	}
	/* every ADR's lineage by the id it ends with, by each path and base name */
	for (size_t j = 0; j < e->lins.nr; j++) {
		struct lin *lin = e->lins.v[j];

		if (lin->up || !histdirs_reached(e, lin))
			continue;
		if (lin->last_id)
			link_index_add(&ids, lin->last_id, lin);
		for (size_t k = 0; k < lin->paths_nr; k++) {
			link_index_add(&names, lin->paths[k].path, lin);
			link_index_add(&names, adrid_basename(lin->paths[k].path), lin);
		}
	}
	/*
	 * An id no ADR had at that commit still names the ADR that has it
	 * now (or last had it): a topic branch may cite an ADR written on
	 * another branch.  Only an id no lineage ever ended with is unknown.
	 */
	for (size_t i = 0; i < l->unknown_nr; i++) {
		const struct link_index *x = link_index_get(ids, l->unknown[i].id);

		for (size_t j = 0; x && j < x->nr; j++)
			u32vec_push(&x->lins[j]->refs, l->unknown[i].idx);
		if (!x)
			l->unknown[kept++] = l->unknown[i];
	}
	l->unknown_nr = kept;
	for (size_t i = 0; i < l->pending_nr; i++) {
		const struct link_index *x = link_index_get(names, l->pending[i].name);

		for (size_t j = 0; x && j < x->nr; j++)
			u32vec_push(&x->lins[j]->refs, l->pending[i].idx);
	}
	for (size_t j = 0; j < e->lins.nr; j++)
		if (!e->lins.v[j]->up)
			u32vec_sort_uniq(&e->lins.v[j]->refs);
	link_index_free(&ids);
	link_index_free(&names);
}

void links_free(struct links *l)
{
	free(l->held);
	free(l->unknown);
	free(l->pending);
	memset(l, 0, sizeof(*l));
}
