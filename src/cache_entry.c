/*
 * cache_entry: reading one cache entry (the format is in cache.c's opening
 * comment).  Every count and index is checked while decoding: a damaged
 * or hostile file is ignored, never trusted.
 */
#include "cache_int.h"

#include <stdlib.h>
#include <string.h>

#include "xalloc.h"


static void get_oid(struct rd *r, git_oid *out)
{
	cf_get_bytes(&r->c, out->id, GIT_OID_RAWSZ);
}

/* A string interned in the engine's pool. */
static const char *get_istr(struct rd *r, int null_ok)
{
	char *s = cf_get_str(&r->c);
	const char *i;

	if (!s) {
		if (!null_ok)
			r->c.bad = 1;
		return NULL;
	}
	i = strpool_intern(r->pool, s);
	free(s);
	return i;
}

static void get_u32vec(struct rd *r, struct u32vec *v, uint32_t limit)
{
	uint32_t n = cf_get_count(&r->c, 4);

	for (uint32_t i = 0; i < n && !r->c.bad; i++) {
		XGROW(v->v, v->alloc, v->nr + 1);
		v->v[v->nr++] = cf_get_idx(&r->c, limit, 0);
	}
}

static enum adr_status get_status(struct rd *r)
{
	return (enum adr_status)cf_get_idx(&r->c, ADR_STATUS__COUNT, 0);
}

/* ---- entries ---- */

static void blobs_free(struct blobinfo **blobs)
{
	struct blobinfo *b, *tmp;

	HASH_ITER(hh, *blobs, b, tmp) {
		HASH_DEL(*blobs, b);
		free(b);
	}
}

void state_release(struct cache_state *st)
{
	free(st->dirs);
	free(st->raw);
	snapshot_unref(st->snap);
}

void entry_free(struct cache_entry *en)
{
	if (!en)
		return;
	for (size_t i = 0; i < en->states_nr; i++)
		state_release(&en->states[i]);
	free(en->states);
	free(en->tip_dirs);
	strvec_clear(&en->dirs);
	strvec_clear(&en->dashed);
	free(en->oids);
	free(en->landed);
	free(en->state_of);
	free(en->parents_at);
	free(en->parents);
	free(en->chain);
	lineages_free(&en->lins);
	free(en->events);
	snapshot_unref(en->snap);
	links_free(&en->lk);
	blobs_free(&en->blobs);
	for (size_t i = 0; i < en->commits_nr; i++) {
		free(en->commits[i]->subject);
		free(en->commits[i]->author);
		free(en->commits[i]->date);
		free(en->commits[i]);
	}
	free(en->commits);
	free(en->bk_idx);
	free(en->bk_val);
	free(en);
}

static void entry_read_walk(struct rd *r, struct cache_entry *en)
{
	uint32_t n = cf_get_count(&r->c, GIT_OID_RAWSZ + 12), np = 0;
	size_t palloc = 0;

	if (!n)
		r->c.bad = 1;	/* the tip itself is always walked */
	en->nr = n;
	en->oids = xcalloc((size_t)n + 1, sizeof(*en->oids));
	en->landed = xcalloc((size_t)n + 1, sizeof(uint32_t));
	en->state_of = xcalloc((size_t)n + 1, sizeof(uint32_t));
	en->parents_at = xcalloc((size_t)n + 1, sizeof(uint32_t));
	for (uint32_t i = 0; i < n && !r->c.bad; i++) {
		uint32_t k;

		get_oid(r, &en->oids[i]);
		en->landed[i] = cf_get_u32(&r->c);
		en->state_of[i] = cf_get_idx(&r->c, i + 1, 0);	/* itself or older */
		k = cf_get_count(&r->c, 4);
		en->parents_at[i] = np;
		XGROW(en->parents, palloc, (size_t)np + k + 1);
		for (uint32_t j = 0; j < k && !r->c.bad; j++)
			en->parents[np++] = cf_get_idx(&r->c, i, 0);	/* parents first */
	}
	en->parents_at[n] = np;
	en->chain_nr = cf_get_count(&r->c, 4);
	en->chain = xcalloc((size_t)en->chain_nr + 1, sizeof(uint32_t));
	for (uint32_t i = 0; i < en->chain_nr && !r->c.bad; i++) {
		en->chain[i] = cf_get_idx(&r->c, n, 0);
		if (i && en->chain[i] <= en->chain[i - 1])
			r->c.bad = 1;
	}
	/* the chain ends at the tip, the last node; every node lands on it */
	if (!r->c.bad && (!en->chain_nr || en->chain[en->chain_nr - 1] != n - 1 ||
			!git_oid_equal(&en->oids[n - 1], &en->tip)))
		r->c.bad = 1;
	for (uint32_t i = 0; i < n && !r->c.bad; i++)
		if (en->landed[i] >= en->chain_nr)
			r->c.bad = 1;
}

static void entry_read_lineages(struct rd *r, struct cache_entry *en)
{
	uint32_t n = cf_get_count(&r->c, 24);

	for (uint32_t i = 0; i < n && !r->c.bad; i++) {
		struct lin *l = lineage_new(&en->lins);
		uint32_t up = cf_get_idx(&r->c, i, 1), np;

		l->up = up == CF_NULL ? NULL : en->lins.v[up];
		get_u32vec(r, &l->edits, en->nr);
		get_u32vec(r, &l->refs, en->nr);
		np = cf_get_count(&r->c, 8);
		for (uint32_t j = 0; j < np && !r->c.bad; j++) {
			XGROW(l->paths, l->paths_alloc, l->paths_nr + 1);
			l->paths[l->paths_nr].idx = cf_get_idx(&r->c, en->nr, 0);
			l->paths[l->paths_nr++].path = get_istr(r, 0);
		}
		l->last_idx = cf_get_idx(&r->c, en->nr, 0);
		l->last_path = get_istr(r, 1);
		l->last_id = get_istr(r, 1);
		if (l->last_id && !l->last_path)
			r->c.bad = 1;	/* seen with an id means seen at a path */
		get_oid(r, &l->last_blob);
		np = cf_get_count(&r->c, 4);
		for (uint32_t j = 0; j < np && !r->c.bad; j++) {
			const char *d = get_istr(r, 0);
			if (d)
				lineage_from_dir(l, d);
		}
	}
}

struct snapshot *get_snapshot(struct rd *r, const struct lineages *lins)
{
	struct snapshot *snap = snapshot_new();
	uint32_t nl = (uint32_t)lins->nr, n = cf_get_count(&r->c, 37);

	for (uint32_t i = 0; i < n && !r->c.bad; i++) {
		/* the engine gives every entry an id and a lineage */
		/* every document has a lineage; only ADRs have an id */
		const char *path = get_istr(r, 0), *id = get_istr(r, 1);
		uint32_t li = cf_get_idx(&r->c, nl, 0);
		git_oid blob;
		enum adr_status st;
		struct snap_entry *s;
		int live;

		get_oid(r, &blob);
		st = get_status(r);
		live = cf_need(&r->c, 1) ? *r->c.p++ : 0;
		if (r->c.bad || snapshot_get(snap, path)) {
			r->c.bad = 1;
			break;
		}
		s = snapshot_set(snap, path, id, lins->v[li], &blob, st);
		s->live = live != 0;
	}
	return snap;
}

static void entry_read_state(struct rd *r, struct cache_entry *en, size_t ndirs)
{
	uint32_t nl = (uint32_t)en->lins.nr, n;

	n = cf_get_count(&r->c, 40);
	en->events = xcalloc((size_t)n + 1, sizeof(*en->events));
	for (uint32_t i = 0; i < n && !r->c.bad; i++) {
		struct hev *h = &en->events[en->events_nr];
		uint32_t li = cf_get_idx(&r->c, nl, 0);

		if (r->c.bad)
			break;
		en->events_nr++;
		h->lin = en->lins.v[li];
		h->idx = cf_get_idx(&r->c, en->nr, 0);
		h->from = get_status(r);
		h->to = get_status(r);
		h->path = get_istr(r, 1);
		get_oid(r, &h->blob);
	}
	en->snap = get_snapshot(r, &en->lins);
	n = cf_get_count(&r->c, 8);
	for (uint32_t i = 0; i < n && !r->c.bad; i++) {
		XGROW(en->lk.unknown, en->lk.unknown_alloc, en->lk.unknown_nr + 1);
		en->lk.unknown[en->lk.unknown_nr].idx = cf_get_idx(&r->c, en->nr, 0);
		en->lk.unknown[en->lk.unknown_nr++].id = get_istr(r, 0);
	}
	n = cf_get_count(&r->c, 8);
	for (uint32_t i = 0; i < n && !r->c.bad; i++) {
		XGROW(en->lk.pending, en->lk.pending_alloc, en->lk.pending_nr + 1);
		en->lk.pending[en->lk.pending_nr].idx = cf_get_idx(&r->c, en->nr, 0);
		en->lk.pending[en->lk.pending_nr++].name = get_istr(r, 0);
	}
	n = cf_get_count(&r->c, 13);
	for (uint32_t i = 0; i < n && !r->c.bad; i++) {
		struct link_held *h;
		uint32_t hidx = cf_get_idx(&r->c, en->nr, 0), li;
		const char *name = get_istr(r, 0);

		li = cf_get_idx(&r->c, nl, 0);
		if (r->c.bad)
			break;
		XGROW(en->lk.held, en->lk.held_alloc, en->lk.held_nr + 1);
		h = &en->lk.held[en->lk.held_nr++];
		h->idx = hidx;
		h->name = name;
		h->lin = en->lins.v[li];
		h->is_path = cf_need(&r->c, 1) ? *r->c.p++ != 0 : 0;
	}
	/* the fork-point states stay encoded until a resume needs one */
	n = cf_get_count(&r->c, 12);
	en->states = xcalloc((size_t)n + 1, sizeof(*en->states));
	for (uint32_t i = 0; i < n && !r->c.bad; i++) {
		struct cache_state *st = &en->states[en->states_nr++];
		uint32_t len;

		st->idx = cf_get_idx(&r->c, en->nr, 0);
		st->pos = cf_get_idx(&r->c, en->chain_nr, 0);
		if (!r->c.bad && en->chain[st->pos] != st->idx)
			r->c.bad = 1;
		st->dirs = xcalloc(ndirs + 1, sizeof(git_oid));
		for (size_t j = 0; j < ndirs; j++)
			get_oid(r, &st->dirs[j]);
		len = cf_get_u32(&r->c);
		if (!cf_need(&r->c, len))
			break;
		st->raw = xmalloc((size_t)len + 1);
		memcpy(st->raw, r->c.p, len);
		st->raw_len = len;
		r->c.p += len;
	}
}

static void entry_read_memos(struct rd *r, struct cache_entry *en)
{
	uint32_t n = cf_get_count(&r->c, GIT_OID_RAWSZ + 9);

	for (uint32_t i = 0; i < n && !r->c.bad; i++) {
		struct blobinfo *b = xcalloc(1, sizeof(*b)), *old = NULL;

		get_oid(r, &b->key.oid);
		b->key.rst = cf_need(&r->c, 1) ? *r->c.p++ != 0 : 0;
		b->status = get_status(r);
		b->heading_id = get_istr(r, 1);
		HASH_FIND(hh, en->blobs, &b->key, sizeof(b->key), old);
		if (r->c.bad || old) {
			r->c.bad = 1;
			free(b);
			break;
		}
		HASH_ADD(hh, en->blobs, key, sizeof(b->key), b);
	}
	n = cf_get_count(&r->c, GIT_OID_RAWSZ + 20);
	en->commits = xcalloc((size_t)n + 1, sizeof(*en->commits));
	for (uint32_t i = 0; i < n && !r->c.bad; i++) {
		struct adr_commit *c = xcalloc(1, sizeof(*c));
		git_oid oid;

		en->commits[en->commits_nr++] = c;
		get_oid(r, &oid);
		git_oid_tostr(c->sha, sizeof(c->sha), &oid);
		c->subject = cf_get_str(&r->c);
		c->author = cf_get_str(&r->c);
		c->date = cf_get_str(&r->c);
		c->time = (int64_t)cf_get_u64(&r->c);
		if (!c->subject || !c->author || !c->date)
			r->c.bad = 1;
	}
	n = cf_get_count(&r->c, 5);
	en->bk_idx = xcalloc((size_t)n + 1, sizeof(*en->bk_idx));
	en->bk_val = xcalloc((size_t)n + 1, 1);
	for (uint32_t i = 0; i < n && !r->c.bad; i++) {
		en->bk_idx[i] = cf_get_idx(&r->c, en->nr, 0);
		en->bk_val[i] = cf_need(&r->c, 1) ? *r->c.p++ : 0;
		if (en->bk_val[i] != 1 && en->bk_val[i] != 2)
			r->c.bad = 1;
		en->bk_nr++;
	}
}

/*
 * Everything after the key and the tip; adr_dirs are the folders the
 * entry must start with.  0, or -1 when it does not decode.
 */
static int entry_read_body(struct rd *r, struct cache_entry *en,
			   const struct strvec *adr_dirs)
{
	cf_get_strvec(&r->c, &en->dirs);
	/* the ADR folders are the key's; history folders follow them */
	for (size_t i = 0; i < adr_dirs->nr && !r->c.bad; i++)
		if (i >= en->dirs.nr || strcmp(en->dirs.v[i], adr_dirs->v[i]))
			r->c.bad = 1;
	if (cf_get_u32(&r->c) != en->dirs.nr)
		r->c.bad = 1;
	en->tip_dirs = xcalloc(en->dirs.nr + 1, sizeof(git_oid));
	for (size_t i = 0; i < en->dirs.nr && !r->c.bad; i++)
		get_oid(r, &en->tip_dirs[i]);
	cf_get_strvec(&r->c, &en->dashed);
	entry_read_walk(r, en);
	entry_read_lineages(r, en);
	entry_read_state(r, en, en->dirs.nr);
	entry_read_memos(r, en);
	if (!r->c.bad && r->c.p != r->c.end)
		r->c.bad = 1;
	return r->c.bad ? -1 : 0;
}

/*
 * The fuzz target's entry point (tests/fuzz/fuzz_cache.c): the whole
 * decoder, key and tip taken as they come, every kept state's snapshot
 * decoded as cache.c's entry_state() does on a resume.
 */
int cache_entry_check(const char *path)
{
	struct strvec none = STRVEC_INIT;
	struct strpool pool;
	struct cache_entry *en;
	struct cf_map map;
	struct rd r;
	const char *why;
	char *key;
	int rc;

	if (cf_open(&map, path, CACHE_MAGIC, CACHE_FORMAT, &why) < 0)
		return -1;
	memset(&pool, 0, sizeof(pool));
	r.c = map.payload;
	r.pool = &pool;
	en = xcalloc(1, sizeof(*en));
	key = cf_get_str(&r.c);
	get_oid(&r, &en->tip);
	rc = !key || r.c.bad ? -1 : entry_read_body(&r, en, &none);
	for (size_t i = 0; !rc && i < en->states_nr; i++) {
		struct cache_state *st = &en->states[i];
		struct snapshot *snap;

		r.c.p = st->raw;
		r.c.end = st->raw + st->raw_len;
		r.c.bad = 0;
		snap = get_snapshot(&r, &en->lins);
		if (r.c.bad || r.c.p != r.c.end)
			rc = -1;
		snapshot_unref(snap);
	}
	free(key);
	entry_free(en);
	cf_close(&map);
	strpool_clear(&pool);
	return rc;
}

struct cache_entry *entry_read(struct cache *c, struct engine *e,
				      const char *path, const git_oid *tip)
{
	struct cache_entry *en = NULL;
	struct cf_map map;
	struct rd r;
	const char *why = NULL;
	char *key = NULL;

	if (cf_open(&map, path, CACHE_MAGIC, CACHE_FORMAT, &why) < 0) {
		/* gone since the folder was listed: a concurrent run pruned it */
		if (why != cf_missing)
			cf_trace("ignored %s: %s", path, why);
		return NULL;
	}
	r.c = map.payload;
	r.pool = &e->pool;
	en = xcalloc(1, sizeof(*en));
	key = cf_get_str(&r.c);
	get_oid(&r, &en->tip);
	if (r.c.bad || !key || strcmp(key, c->key) || !git_oid_equal(&en->tip, tip)) {
		why = "another key or tip";
		goto out;
	}
	if (entry_read_body(&r, en, &e->adr_dirs) < 0)
		why = "does not decode";
out:
	free(key);
	cf_close(&map);
	if (why) {
		cf_trace("ignored %s: %s", path, why);
		entry_free(en);
		return NULL;
	}
	return en;
}
