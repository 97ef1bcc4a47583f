/*
 * events: one commit applied to the history state (see events.h).  The
 * lineage rules of SPEC section 2 are decided here, delta by delta, in
 * the order the SPEC gives them; walk.c supplies the deltas, snapshot.c
 * the per-commit maps, lineage.c the identities.
 */
#include "events.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "adrid.h"
#include "discover.h"
#include "error.h"
#include "parse.h"
#include "strbuf.h"
#include "xalloc.h"

/* One changed file of a commit, resolved against the parent's snapshot. */
struct change {
	const char *old_path, *new_path;	/* interned; NULL: no ADR there */
	struct snap_entry *old;		/* the parent's live entry at old_path */
	const char *new_id;
	git_oid new_blob;
	enum adr_status new_status;
	struct lin *lin;	/* the lineage the new side continues */
	enum adr_status before;	/* status before (NONE: did not exist) */
	int del_done;		/* an unpaired delete paired with an add */
	int restored;		/* added at a tombstone of its lineage */
};

int events_tracked(const struct engine *e, const char *path)
{
	return discover_in_dirs(path, &e->dirs) && adrid_has_adr_ext(adrid_basename(path));
}

/*
 * The memo's key of blob under the file name base: its id and its parser.
 * Returns 0 when parse_adr() would pick another parser for the name (it
 * takes ".RST" as reStructuredText, the walk only ".rst"): a parse of the
 * whole file under that name is not the walk's.
 */
static int events_blob_key(struct blobinfo *key, const git_oid *blob, const char *base)
{
	size_t blen = strlen(base);

	memset(key, 0, sizeof(*key));
	git_oid_cpy(&key->key.oid, blob);
	key->key.rst = blen > 4 && !strcmp(base + blen - 4, ".rst");
	return key->key.rst || blen <= 4 || strcasecmp(base + blen - 4, ".rst");
}

int events_title(char **out, struct engine *e, const git_oid *blob, const char *path)
{
	const char *base = adrid_basename(path);
	struct blobinfo key, *bi = NULL;

	if (!events_blob_key(&key, blob, base))
		return 0;
	HASH_FIND(hh, e->blobs, &key.key, sizeof(key.key), bi);
	if (!bi || !bi->title_known)
		return 0;
	*out = bi->title ? xstrdup(bi->title) : adrid_slug(base);
	return 1;
}

void events_blob_seed(struct engine *e, const git_oid *blob, const char *path,
		      const struct adr_doc *doc, const char *heading_id, int big)
{
	const char *base = adrid_basename(path);
	struct blobinfo key, *bi = NULL;

	if (!events_blob_key(&key, blob, base))
		return;
	HASH_FIND(hh, e->blobs, &key.key, sizeof(key.key), bi);
	if (bi)
		return;
	/* what events_blob() would have taken from its own parse */
	bi = xcalloc(1, sizeof(*bi));
	bi->key = key.key;
	bi->status = doc->status;
	if (heading_id)
		bi->heading_id = strpool_intern(&e->pool, heading_id);
	if (doc->title_line)
		bi->title = strpool_intern(&e->pool, doc->title);
	bi->title_known = !big;
	HASH_ADD(hh, e->blobs, key, sizeof(bi->key), bi);
}

int events_blob(const char **id, enum adr_status *status, struct engine *e,
		const git_oid *blob, const char *path)
{
	const char *base = adrid_basename(path);
	struct blobinfo key, *bi = NULL;
	char *name_id;

	(void)events_blob_key(&key, blob, base);	/* the walk's own parse */
	HASH_FIND(hh, e->blobs, &key.key, sizeof(key.key), bi);
	if (!bi) {
		struct strbuf buf = STRBUF_INIT;
		struct adr_doc doc;

		bi = xcalloc(1, sizeof(*bi));
		bi->key = key.key;
		if (repo_read_blob(&buf, e->repo, blob, PARSE_MAX_BYTES) < 0) {
			strbuf_release(&buf);
			free(bi);
			return -1;
		}
		/* a name without an id, so the id can only come from the heading */
		adr_doc_init(&doc);
		parse_adr_status(&doc, key.key.rst ? "x.rst" : "x.md", buf.buf, buf.len);
		e->parsed++;
		bi->status = doc.status;
		if (doc.id)
			bi->heading_id = strpool_intern(&e->pool, doc.id);
		/* a title from the text (title_line 0 is the name's slug) */
		if (doc.title_line)
			bi->title = strpool_intern(&e->pool, doc.title);
		/* a version cut at the parse limit goes to docmemo, which warns */
		bi->title_known = buf.len < PARSE_MAX_BYTES;
		adr_doc_release(&doc);
		strbuf_release(&buf);
		HASH_ADD(hh, e->blobs, key, sizeof(bi->key), bi);
	}
	*status = bi->status;
	name_id = adrid_is_excluded(base) ? NULL : adrid_from_name(base);
	if (adrid_is_excluded(base)) {
		*id = NULL;
	} else if (name_id) {
		*id = strpool_intern(&e->pool, name_id);
		free(name_id);
	} else {
		*id = bi->heading_id;
	}
	return 0;
}

static void events_add(struct engine *e, struct lin *lin, uint32_t idx,
		       enum adr_status from, enum adr_status to, const char *path,
		       const git_oid *blob)
{
	struct hev *h;

	if (from == to)
		return;
	XGROW(e->events, e->events_alloc, e->events_nr + 1);
	h = &e->events[e->events_nr++];
	h->lin = lin;
	h->idx = idx;
	h->from = from;
	h->to = to;
	h->path = path;
	git_oid_cpy(&h->blob, blob);
}

/* The snapshot of a parent that is not walked (A of A..B), made once. */
static int events_boundary(struct boundary **out, struct engine *e,
			   const git_oid *oid)
{
	struct walk_deltas d = { 0 };
	git_commit *c = NULL;
	git_tree *t = NULL;
	struct boundary *b;
	int rc = 0;

	for (size_t i = 0; i < e->bounds_nr; i++)
		if (git_oid_equal(&e->bounds[i].oid, oid)) {
			*out = &e->bounds[i];
			return 0;
		}
	XGROW(e->bounds, e->bounds_alloc, e->bounds_nr + 1);
	b = &e->bounds[e->bounds_nr++];
	memset(b, 0, sizeof(*b));
	git_oid_cpy(&b->oid, oid);
	b->dir_ids = xcalloc(e->dirs.nr + 1, sizeof(git_oid));
	b->snap = snapshot_new();
	*out = b;
	if (git_commit_lookup(&c, e->repo->git, oid) < 0 || git_commit_tree(&t, c) < 0) {
		git_commit_free(c);
		return repo_error("cannot read a commit at the range's boundary");
	}
	walk_dir_ids(b->dir_ids, &e->walk, t);
	git_tree_free(t);
	git_commit_free(c);
	if ((rc = walk_diff(&d, &e->walk, NULL, b->dir_ids, NULL, NULL)) < 0)
		goto done;
	for (size_t i = 0; i < d.nr; i++) {
		const char *id;
		enum adr_status st;
		struct lin *l;

		if (!events_tracked(e, d.v[i].new_path))
			continue;
		if ((rc = events_blob(&id, &st, e, &d.v[i].new_blob, d.v[i].new_path)) < 0)
			goto done;
		l = lineage_new(&e->lins);
		lineage_seen(l, 0, strpool_intern(&e->pool, d.v[i].new_path), id,
			     &d.v[i].new_blob);
		snapshot_set(b->snap, strpool_intern(&e->pool, d.v[i].new_path), id, l,
			     &d.v[i].new_blob, st);
	}
done:
	walk_deltas_clear(&d);
	return rc;
}

int events_snapshot_at(struct snapshot **out, struct engine *e, const git_oid *commit)
{
	struct boundary *b;
	int rc = events_boundary(&b, e, commit);

	*out = rc < 0 ? NULL : b->snap;
	return rc;
}

/* Parent i of node n: its snapshot and folder ids (empty when missing). */
static int events_parent(struct snapshot **snap, const git_oid **dirs,
			 struct engine *e, const struct walk_node *n, uint32_t i)
{
	struct boundary *b;
	uint32_t pi = n->parents[i];
	int rc;

	if (pi != WALK_NONE) {
		*snap = e->walk.nodes[pi].state;
		*dirs = e->walk.nodes[pi].dir_ids;
		return 0;
	}
	*snap = NULL;
	*dirs = e->zero_dirs;
	if (git_oid_is_zero(&n->parent_oids[i]))
		return 0;	/* shallow: nothing before */
	if ((rc = events_boundary(&b, e, &n->parent_oids[i])) < 0)
		return rc;
	*snap = b->snap;
	*dirs = b->dir_ids;
	return 0;
}

/* Resolve the deltas of node idx against base into changes. */
static int events_changes(struct change **out, size_t *nr, struct engine *e,
			  const struct walk_deltas *d, struct snapshot *base)
{
	struct change *ch = xcalloc(d->nr ? 2 * d->nr : 1, sizeof(*ch));
	int rc;

	*out = ch;
	*nr = 0;
	for (size_t i = 0; i < d->nr; i++) {
		const struct walk_delta *wd = &d->v[i];
		struct change *c = &ch[*nr];

		memset(c, 0, sizeof(*c));
		/*
		 * A rename between a name that is never an ADR (README, index,
		 * template) and any other name: the record ends, another starts.
		 */
		if (wd->old_path && wd->new_path &&
		    adrid_is_excluded(adrid_basename(wd->old_path)) !=
		    adrid_is_excluded(adrid_basename(wd->new_path)) &&
		    events_tracked(e, wd->old_path)) {
			struct snap_entry *o = snapshot_get(base,
					strpool_intern(&e->pool, wd->old_path));
			if (o && o->live) {
				c->old = o;
				c->old_path = o->path;
				c = &ch[++*nr];
				memset(c, 0, sizeof(*c));
			}
		} else if (wd->old_path && events_tracked(e, wd->old_path)) {
			struct snap_entry *o = snapshot_get(base,
					strpool_intern(&e->pool, wd->old_path));
			if (o && o->live) {
				c->old = o;
				c->old_path = o->path;
			}
		}
		if (wd->new_path && events_tracked(e, wd->new_path)) {
			if ((rc = events_blob(&c->new_id, &c->new_status, e,
					      &wd->new_blob, wd->new_path)) < 0)
				return rc;
			c->new_path = strpool_intern(&e->pool, wd->new_path);
			git_oid_cpy(&c->new_blob, &wd->new_blob);
		}
		if (c->old || c->new_path)
			(*nr)++;
	}
	return 0;
}

/* The unpaired adds and deletes of one (interned) id in a commit. */
struct pair_count {
	const char *id;		/* the key: the interned pointer */
	struct change *add, *del;
	size_t nadd, ndel;
	UT_hash_handle hh;
};

/*
 * Unpaired deletes and adds of one id in one commit are one lineage when
 * that id has exactly one of each (SPEC section 2).
 * One pass counts each id's unpaired adds and deletes, a second pairs the
 * ids with one of each: linear in the changes (a commit adding 100,000
 * files was quadratic).  Pairing one id never changes another's counts,
 * so this is what pairing add by add gave.
 */
static void events_pair_unpaired(struct change *ch, size_t nr)
{
	struct pair_count *counts = NULL, *pc, *tmp;

	for (size_t i = 0; i < nr; i++) {
		struct change *c = &ch[i];
		/* an add without an id never pairs (nor, then, a delete) */
		int is_add = !c->lin && c->new_path && !c->old && c->new_id;
		int is_del = c->old && !c->new_path && !c->del_done && c->old->id;
		const char *id;

		if (!is_add && !is_del)
			continue;
		id = is_add ? c->new_id : c->old->id;
		HASH_FIND(hh, counts, &id, sizeof(id), pc);
		if (!pc) {
			pc = xcalloc(1, sizeof(*pc));
			pc->id = id;
			HASH_ADD(hh, counts, id, sizeof(pc->id), pc);
		}
		if (is_add) {
			pc->nadd++;
			pc->add = c;
		} else {
			pc->ndel++;
			pc->del = c;
		}
	}
	HASH_ITER(hh, counts, pc, tmp) {
		if (pc->nadd == 1 && pc->ndel == 1) {
			pc->add->lin = pc->del->old->lin;
			pc->add->before = pc->del->old->status;
			pc->del->del_done = 1;
		}
		HASH_DEL(counts, pc);
		free(pc);
	}
}

/* Non-zero when node idx has a first parent that is there to diff against. */
static int n_has_parent(struct engine *e, uint32_t idx)
{
	const struct walk_node *n = &e->walk.nodes[idx];

	return n->nparents && !git_oid_is_zero(&n->parent_oids[0]);
}

/*
 * Which lineage each change's new side continues; parents other than the
 * first (merges) are searched for the same live path first.
 */
static int events_resolve(struct engine *e, uint32_t idx, struct change *ch,
			  size_t nr, struct snapshot *base, struct snapshot **others,
			  size_t nothers)
{
	struct walk_deltas moves = { 0 };
	struct strvec fresh = STRVEC_INIT;
	int rc = 0;

	for (size_t i = 0; i < nr; i++) {
		struct change *c = &ch[i];

		if (!c->new_path)
			continue;
		for (size_t k = 0; k < nothers; k++) {
			struct snap_entry *o = snapshot_get(others[k], c->new_path);
			if (o && o->live)
				c->lin = c->lin ? lineage_union(c->lin, o->lin) : o->lin;
		}
		if (c->old) {
			c->before = c->old->status;
			c->lin = c->lin ? c->lin : c->old->lin;
			if (c->old_path == c->new_path)
				c->lin = lineage_union(c->lin, c->old->lin);
		}
		if (!c->lin) {
			struct snap_entry *t = snapshot_get(base, c->new_path);
			for (size_t k = 0; !(t && !t->live) && k < nothers; k++)
				t = snapshot_get(others[k], c->new_path);
			if (t && !t->live) {
				c->lin = t->lin;	/* restored at a tombstone */
				c->restored = 1;
			}
		} else if (c->old && c->old_path != c->new_path) {
			/* a file renamed onto a tombstone continues that lineage too */
			struct snap_entry *t = snapshot_get(base, c->new_path);
			if (t && !t->live && t->lin)
				c->lin = lineage_union(c->lin, t->lin);
		}
	}
	events_pair_unpaired(ch, nr);
	for (size_t i = 0; i < nr; i++) {
		struct change *c = &ch[i];

		if (!c->new_path || (c->lin && !c->restored))
			continue;
		if (!c->lin)
			c->lin = lineage_new(&e->lins);
		strvec_push(&fresh, c->new_path);
	}
	/*
	 * SPEC section 2 [rev2]: an add (a first one, or one after a
	 * delete) that is a rename from outside the folders walked names a
	 * history folder.  One rename detection for every add of the commit.
	 */
	if (fresh.nr && !nothers && n_has_parent(e, idx))
		rc = walk_moves(&moves, &e->walk, &e->walk.nodes[idx].parent_oids[0],
				&e->walk.nodes[idx].oid, &fresh);
	for (size_t m = 0; rc == 0 && m < moves.nr; m++) {
		const char *np = strpool_find(&e->pool, moves.v[m].new_path);
		char *dir = xstrdup(moves.v[m].old_path), *slash = strrchr(dir, '/');

		*(slash ? slash : dir) = '\0';
		for (size_t i = 0; np && i < nr; i++)
			if (ch[i].new_path == np)
				lineage_from_dir(ch[i].lin, strpool_intern(&e->pool, dir));
		free(dir);
	}
	walk_deltas_clear(&moves);
	strvec_clear(&fresh);
	return rc;
}

/* Apply resolved changes to snap, and their events and edits for a non-merge. */
static void events_commit(struct engine *e, uint32_t idx, struct change *ch,
			  size_t nr, struct snapshot *snap)
{
	/* removals first, so that a file moved onto a freed path is kept */
	for (size_t i = 0; i < nr; i++) {
		struct change *c = &ch[i];

		if (!c->old)
			continue;
		if (!c->new_path && !c->del_done) {
			snapshot_kill(snap, c->old_path);
			lineage_edit(c->old->lin, idx);
			events_add(e, lineage_find(c->old->lin), idx, c->old->status,
				   ADR_STATUS_DELETED, c->old_path, &c->old->blob);
		} else if (c->old_path != c->new_path) {
			snapshot_del(snap, c->old_path);	/* moved away: no tombstone */
		}
	}
	for (size_t i = 0; i < nr; i++) {
		struct change *c = &ch[i];

		if (!c->new_path)
			continue;
		snapshot_set(snap, c->new_path, c->new_id, c->lin, &c->new_blob,
			     c->new_status);
		lineage_seen(c->lin, idx, c->new_path, c->new_id, &c->new_blob);
		lineage_edit(c->lin, idx);
		events_add(e, c->lin, idx, c->before, c->new_status, c->new_path,
			   &c->new_blob);
	}
}

/* Non-zero when a change's new side continues lineage lin. */
static int events_continued(const struct change *ch, size_t nr, struct lin *lin)
{
	lin = lineage_find(lin);
	for (size_t i = 0; i < nr; i++)
		if (ch[i].new_path && ch[i].lin && lineage_find(ch[i].lin) == lin)
			return 1;
	return 0;
}

/*
 * A merge: every change is applied; a lineage whose result differs from
 * its version in every parent is a conflict resolution (an edit), and an
 * event when its status also differs from every parent's.
 */
static void events_merge(struct engine *e, uint32_t idx, struct change *ch,
			 size_t nr, struct snapshot *snap, struct snapshot **parents,
			 size_t nparents)
{
	for (size_t i = 0; i < nr; i++) {
		struct change *c = &ch[i];
		struct lin *lin = c->new_path ? c->lin : c->old->lin;
		enum adr_status after = c->new_path ? c->new_status : ADR_STATUS_DELETED;
		enum adr_status from = ADR_STATUS_NONE;
		int resolved = 1, status_differs = 1;

		if (!c->new_path && (c->del_done || events_continued(ch, nr, lin))) {
			/* paired with an add, or its lineage lives on elsewhere */
			snapshot_del(snap, c->old_path);
			continue;
		}
		for (size_t k = 0; k < nparents; k++) {
			struct snap_entry *v = snapshot_find_lin(parents[k], lin);
			enum adr_status st = v ? v->status : ADR_STATUS_NONE;

			if (!v ? !c->new_path : (c->new_path && git_oid_equal(&v->blob, &c->new_blob)))
				resolved = 0;
			if (v ? st == after : !c->new_path)
				status_differs = 0;
			if (k == 0)
				from = st;
		}
		if (c->old && c->new_path && c->old_path != c->new_path)
			snapshot_del(snap, c->old_path);
		else if (c->old && !c->new_path)
			snapshot_kill(snap, c->old_path);
		if (c->new_path) {
			snapshot_set(snap, c->new_path, c->new_id, c->lin, &c->new_blob,
				     c->new_status);
			lineage_seen(c->lin, idx, c->new_path, c->new_id, &c->new_blob);
		}
		if (resolved) {
			lineage_edit(lin, idx);
			if (status_differs)
				events_add(e, lineage_find(lin), idx, from, after,
					   c->new_path ? c->new_path : c->old_path,
					   c->new_path ? &c->new_blob : &c->old->blob);
		}
	}
}

/*
 * At a merge, the same live path in several parents is one lineage.  The
 * other parents' tombstones are not carried into the merge: a file that
 * a side branch created and deleted never existed on the line merged
 * into, and a later add there starts afresh (as the corpus answers do).
 */
static void events_join_parents(struct snapshot *snap, struct snapshot **others,
				size_t nothers)
{
	for (size_t k = 0; k < nothers; k++) {
		struct snap_entry *o, *tmp;

		if (!others[k] || others[k] == snap)
			continue;
		HASH_ITER(hh, others[k]->by_path, o, tmp) {
			struct snap_entry *r;

			if (!o->live || !o->lin)
				continue;
			r = snapshot_get(snap, o->path);
			if (r && r->live && r->lin)
				lineage_union(r->lin, o->lin);
		}
	}
}

/*
 * A merge whose folders equal its first parent's: nothing changed and the
 * first parent's snapshot is shared, but the other parents' lineages at
 * the same live paths are joined (an `-X ours` merge keeps the side
 * branch's history).
 */
static void events_merge_same(struct engine *e, struct walk_node *n,
			      struct snapshot *base)
{
	n->state = base ? snapshot_ref(base) : snapshot_new();
	for (uint32_t i = 1; base && i < n->nparents; i++) {
		const git_oid *ignored;
		struct snapshot *o = NULL;

		if (events_parent(&o, &ignored, e, n, i) < 0) {
			error_clear();	/* unreadable boundary: nothing to join */
			continue;
		}
		if (o && o != base)
			events_join_parents(base, &o, 1);
	}
}

int events_apply(struct engine *e, uint32_t idx)
{
	struct walk_node *n = &e->walk.nodes[idx];
	struct walk_deltas d = { 0 };
	struct snapshot *base, *snap, **parents;
	const git_oid *base_dirs = e->zero_dirs;
	struct change *ch = NULL;
	size_t nr = 0, np = n->nparents ? n->nparents : 1;
	int rc;

	/* the common case first: the folders did not change */
	n->state_of = idx;
	if (n->nparents && n->parents[0] != WALK_NONE) {
		struct walk_node *p = &e->walk.nodes[n->parents[0]];
		if (walk_same_dirs(&e->walk, p->dir_ids, n->dir_ids)) {
			if (n->nparents > 1)
				events_merge_same(e, n, p->state);
			else
				n->state = snapshot_ref(p->state);
			n->state_of = p->state_of;
			return 0;
		}
	}
	parents = xcalloc(np, sizeof(*parents));
	if ((rc = n->nparents ? events_parent(&parents[0], &base_dirs, e, n, 0) : 0) < 0)
		goto done;
	base = parents[0];
	if (walk_same_dirs(&e->walk, base_dirs, n->dir_ids)) {
		if (n->nparents > 1)
			events_merge_same(e, n, base);
		else
			n->state = base ? snapshot_ref(base) : snapshot_new();
		goto done;
	}
	for (uint32_t i = 1; i < n->nparents; i++) {
		const git_oid *ignored;
		if ((rc = events_parent(&parents[i], &ignored, e, n, i)) < 0)
			goto done;
	}
	if ((rc = walk_diff(&d, &e->walk, base_dirs, n->dir_ids,
			     n_has_parent(e, idx) ? &n->parent_oids[0] : NULL, &n->oid)) < 0)
		goto done;
	snap = snapshot_copy(base);
	n->state = snap;
	if ((rc = events_changes(&ch, &nr, e, &d, base)) < 0)
		goto done;
	if ((rc = events_resolve(e, idx, ch, nr, base, parents + 1,
				 n->nparents > 1 ? n->nparents - 1 : 0)) < 0)
		goto done;
	if (n->nparents > 1) {
		events_merge(e, idx, ch, nr, snap, parents, n->nparents);
		events_join_parents(snap, parents + 1, n->nparents - 1);
	} else {
		events_commit(e, idx, ch, nr, snap);
	}
done:
	free(ch);
	free(parents);
	walk_deltas_clear(&d);
	return rc;
}

void events_release(struct engine *e, uint32_t idx)
{
	struct walk_node *n = &e->walk.nodes[idx];

	for (uint32_t i = 0; i < n->nparents; i++) {
		uint32_t pi = n->parents[i];
		struct walk_node *p;

		if (pi == WALK_NONE)
			continue;
		p = &e->walk.nodes[pi];
		if (p->children && --p->children == 0) {
			snapshot_unref(p->state);
			p->state = NULL;
		}
	}
}

void events_free(struct engine *e)
{
	struct blobinfo *b, *tmp;

	HASH_ITER(hh, e->blobs, b, tmp) {
		HASH_DEL(e->blobs, b);
		free(b);
	}
	for (size_t i = 0; i < e->bounds_nr; i++) {
		free(e->bounds[i].dir_ids);
		snapshot_unref(e->bounds[i].snap);
	}
	free(e->bounds);
	free(e->events);
}
