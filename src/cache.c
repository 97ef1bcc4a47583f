/*
 * cache: the repeat-run cache (see cache.h and docs/adr/0012): finding,
 * resuming and saving entries; cache_entry.c reads one.
 *
 * An entry is a cache file (cachefile.h: framing, checksum, strings)
 * with magic "ADRLOGC\n" and this payload:
 *	  str key, oid tip, u32 n + str (the folders walked: the ADR folders,
 *	  then the history folders found), u32 ndirs + oids (the tip's folder ids),
 *	  u32 n + str (the dashed ids at the tip: ADR-012-2 resolution),
 *	  walk: u32 n, per node oid u32 landed u32 state_of u32 np u32 parents[np];
 *	        u32 chain_nr u32 chain[]
 *	  lineages: u32 n, per: u32 up, u32vec edits, u32vec refs,
 *	        u32 paths (u32 idx, str), u32 last_idx, str last_path,
 *	        str last_id, oid last_blob, u32 n + str (from_dirs)
 *	  events: u32 n, per: u32 lineage u32 idx u32 from u32 to str path oid blob
 *	  tip snapshot: u32 n, per: str path, str id, u32 lineage, oid, u32
 *	        status, u8 live (in the snapshot's own order)
 *	  links: u32 n (u32 idx, str id) unknown; u32 n (u32 idx, str) pending;
 *	        u32 n (u32 idx, str name, u32 lineage, u8 is_path) held
 *	  fork-point states: u32 n, per: u32 idx, u32 chain position,
 *	        oids (its folder ids), u32 length + a snapshot as above
 *	  blobs: u32 n, per: oid u8 rst u32 status str heading_id
 *	  commits: u32 n, per: oid str subject str author str date i64 time
 *	  bookkeeping verdicts: u32 n, per: u32 idx, u8 (1 bookkeeping, 2 not)
 * Every index is checked while reading (cache_entry.c): a bad file is ignored, never
 * trusted.
 */
#include "cache.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <utime.h>

#include "cache_int.h"
#include "build_id.h"	/* ADRLOG_BUILD_ID: a hash of the sources (Makefile) */
#include "cachefile.h"
#include "error.h"
#include "strbuf.h"
#include "status.h"
#include "xalloc.h"

static void put_oid(struct strbuf *sb, const git_oid *oid)
{
	strbuf_add(sb, oid->id, GIT_OID_RAWSZ);
}

static void put_u32vec(struct strbuf *sb, const struct u32vec *v)
{
	cf_put_u32(sb, (uint32_t)v->nr);
	for (size_t i = 0; i < v->nr; i++)
		cf_put_u32(sb, v->v[i]);
}

/* ---- the folder ---- */

static char *entry_path(const struct cache *c, const git_oid *tip)
{
	char hex[GIT_OID_HEXSZ + 1];
	struct strbuf sb = STRBUF_INIT;

	git_oid_tostr(hex, sizeof(hex), tip);
	strbuf_addf(&sb, "%s/h-%s-%s", c->dir, c->keyhex, hex);
	return strbuf_detach(&sb, NULL);
}

/* The tips that have an entry with this key. */
static size_t cache_tips(git_oid **out, const struct cache *c)
{
	DIR *d = opendir(c->dir);
	struct dirent *de;
	size_t nr = 0, alloc = 0;

	*out = NULL;
	if (!d)
		return 0;
	while ((de = readdir(d))) {
		const char *n = de->d_name;
		git_oid oid;

		if (strncmp(n, "h-", 2) || strncmp(n + 2, c->keyhex, 16) || n[18] != '-' ||
		    strlen(n + 19) != GIT_OID_HEXSZ || git_oid_fromstr(&oid, n + 19) < 0)
			continue;
		XGROW(*out, alloc, nr + 1);
		(*out)[nr++] = oid;
	}
	closedir(d);
	return nr;
}

/* The nearest of tips on tip's first-parent chain, or -1. */
static int cache_nearest(struct repo *repo, const git_oid *tip, const git_oid *tips,
			 size_t nr)
{
	git_oid cur = *tip;
	int found = -1;

	for (int step = 0; step <= CACHE_MAX_BEHIND && found < 0; step++) {
		git_commit *gc = NULL;
		const git_oid *p;

		for (size_t i = 0; i < nr; i++)
			if (git_oid_equal(&tips[i], &cur))
				found = (int)i;
		if (found >= 0 || git_commit_lookup(&gc, repo->git, &cur) < 0)
			break;
		p = git_commit_parentcount(gc) ? git_commit_parent_id(gc, 0) : NULL;
		if (p)
			cur = *p;
		git_commit_free(gc);
		if (!p)
			break;
	}
	git_error_clear();
	return found;
}

struct cache *cache_open(struct engine *e, const git_oid *tip, const char *off)
{
	struct cache *c;
	struct strbuf sb = STRBUF_INIT;
	git_oid *tips;
	size_t nr;
	int at;

	if (off) {
		cf_trace("off (%s)", off);
		return NULL;
	}
	c = xcalloc(1, sizeof(*c));
	c->repo = e->repo;
	git_oid_cpy(&c->tip, tip);
	strbuf_init(&c->out, 0);
	strbuf_addf(&sb, "%s", git_repository_commondir(e->repo->git));
	if (sb.len && sb.buf[sb.len - 1] != '/')
		strbuf_addch(&sb, '/');
	strbuf_addstr(&sb, "adr-log");
	c->dir = strbuf_detach(&sb, NULL);
	/* the key: what changes the walk's answer besides the commits */
	strbuf_addf(&sb, "adr-log %s build %s cache %u", ADRLOG_VERSION, ADRLOG_BUILD_ID,
		    CACHE_FORMAT);
	for (size_t i = 0; i < e->adr_dirs.nr; i++)
		strbuf_addf(&sb, "\ndir %s", e->adr_dirs.v[i]);
	strbuf_addf(&sb, "\naliases %s", status_aliases_key());	/* statusAlias */
	c->key = strbuf_detach(&sb, NULL);
	snprintf(c->keyhex, sizeof(c->keyhex), "%016llx",
		 (unsigned long long)cf_hash(c->key,
						strlen(c->key)));
	nr = cache_tips(&tips, c);
	at = nr ? cache_nearest(e->repo, tip, tips, nr) : -1;
	if (at >= 0) {
		char *path = entry_path(c, &tips[at]);

		c->found = entry_read(c, e, path, &tips[at]);
		c->hit = c->found && git_oid_equal(&tips[at], tip);
		if (c->hit)	/* recently used: the last to be pruned */
			utime(path, NULL);
		free(path);
	}
	if (!c->found) {
		cf_trace("miss");
	} else {	/* walk the folders that entry's walk followed */
		strvec_clear(&e->dirs);
		for (size_t i = 0; i < c->found->dirs.nr; i++)
			strvec_push(&e->dirs, c->found->dirs.v[i]);
	}
	free(tips);
	return c;
}

const git_oid *cache_found(const struct cache *c)
{
	return c && c->found ? &c->found->tip : NULL;
}

void cache_seed(struct cache *c, struct engine *e)
{
	if (!c || !c->found)
		return;
	if (!e->blobs) {
		e->blobs = c->found->blobs;
	} else {	/* the tip's ids were read already: merge the two memos */
		struct blobinfo *b, *tmp, *old;

		HASH_ITER(hh, c->found->blobs, b, tmp) {
			HASH_DEL(c->found->blobs, b);
			HASH_FIND(hh, e->blobs, &b->key, sizeof(b->key), old);
			if (old)
				free(b);
			else
				HASH_ADD(hh, e->blobs, key, sizeof(b->key), b);
		}
	}
	c->found->blobs = NULL;
}

static int same_dashed(const struct cache_entry *en, const struct engine *e)
{
	const struct strpool_item *it, *tmp;
	size_t nr = 0;

	HASH_ITER(hh, e->tip_ids.items, it, tmp) {
		int found = 0;

		if (!strchr(it->s, '-'))
			continue;
		nr++;
		for (size_t i = 0; i < en->dashed.nr && !found; i++)
			found = !strcmp(en->dashed.v[i], it->s);
		if (!found)
			return 0;
	}
	return nr == en->dashed.nr;
}

/*
 * Non-zero when dirs are the folder ids of commit oid in the repository:
 * an entry's state is only trusted where it matches what is there.
 */
static int dirs_match(struct engine *e, const git_oid *oid, const git_oid *dirs)
{
	git_commit *gc = NULL;
	git_tree *tree = NULL;
	git_oid *now = xcalloc(e->dirs.nr + 1, sizeof(git_oid));
	int ok = 0;

	if (git_commit_lookup(&gc, e->repo->git, oid) == 0 &&
	    git_commit_tree(&tree, gc) == 0) {
		walk_dir_ids(now, &e->walk, tree);
		ok = !memcmp(now, dirs, e->dirs.nr * sizeof(git_oid));
	}
	git_error_clear();
	git_tree_free(tree);
	git_commit_free(gc);
	free(now);
	return ok;
}

/* The kept state made by commit idx, decoded (snap NULL when it does not), or NULL. */
static struct cache_state *entry_state(struct cache_entry *en, struct engine *e,
				       uint32_t idx)
{
	for (size_t i = 0; i < en->states_nr; i++) {
		struct cache_state *st = &en->states[i];
		struct rd r;

		if (st->idx != idx)
			continue;
		if (!st->snap && st->raw) {
			r.c.p = st->raw;
			r.c.end = st->raw + st->raw_len;
			r.pool = &e->pool;
			r.c.bad = 0;
			st->snap = get_snapshot(&r, &en->lins);
			if (r.c.bad || r.c.p != r.c.end) {
				snapshot_unref(st->snap);
				st->snap = NULL;
			}
			free(st->raw);
			st->raw = NULL;
		}
		return st;
	}
	return NULL;
}

uint32_t cache_resume(struct cache *c, struct engine *e, struct links *lk,
		      struct adr_db *db)
{
	struct cache_entry *en = c->found;
	struct walk *w = &e->walk;
	struct walk_old old;
	char hex[GIT_OID_HEXSZ + 1];
	const char *why = NULL;
	uint32_t n, t;

	git_oid_tostr(hex, sizeof(hex), &en->tip);
	if (!c->hit) {
		const git_oid *base = walk_first_parent_base(w);

		if (w->truncated)
			why = "the new commits reach a missing one";
		else if (!base || !git_oid_equal(base, &en->tip))
			why = "not on the tip's first-parent chain";
		/* ADR-012-2 is read against the ids at the tip (link.c) */
		else if (!same_dashed(en, e))
			why = "the ids with a dash at the tip changed";
	}
	if (why)
		goto fail;
	old.nr = en->nr;
	old.oids = en->oids;
	old.landed = en->landed;
	old.state_of = en->state_of;
	old.parents_at = en->parents_at;
	old.parents = en->parents;
	old.chain = en->chain;
	old.chain_nr = en->chain_nr;
	walk_prepend(w, &old);
	n = en->nr;
	t = n - 1;
	/*
	 * A new commit whose parent is an old commit needs that commit's
	 * snapshot: T's, which every old commit with no ADR change since
	 * shares, or one of the fork-point states kept.
	 */
	if (!dirs_match(e, &en->tip, en->tip_dirs)) {
		why = "its folder ids do not match the repository";
		goto fail;
	}
	w->nodes[t].state = snapshot_ref(en->snap);
	w->nodes[t].dir_ids = en->tip_dirs;
	for (uint32_t i = n; i < w->nr && !why; i++) {
		struct walk_node *x = &w->nodes[i];

		for (uint32_t j = 0; j < x->nparents && !why; j++) {
			uint32_t p = x->parents[j];
			struct cache_state *st;

			if (p == WALK_NONE && !git_oid_is_zero(&x->parent_oids[j])) {
				why = "a parent is in neither walk";
			} else if (p != WALK_NONE && p < n && !w->nodes[p].state) {
				if (w->nodes[p].state_of == w->nodes[t].state_of) {
					w->nodes[p].state = snapshot_ref(en->snap);
					w->nodes[p].dir_ids = en->tip_dirs;
				} else if (!(st = entry_state(en, e, w->nodes[p].state_of))) {
					why = "a new commit forks from an older ADR state";
				} else if (!st->snap || !dirs_match(e, &en->oids[st->idx], st->dirs)) {
					why = "a kept state does not match the repository";
				} else {
					w->nodes[p].state = snapshot_ref(st->snap);
					w->nodes[p].dir_ids = st->dirs;
				}
			}
		}
	}
	if (why)
		goto fail;
	e->lins = en->lins;
	memset(&en->lins, 0, sizeof(en->lins));
	e->events = en->events;
	e->events_nr = e->events_alloc = en->events_nr;
	en->events = NULL;
	en->events_nr = 0;
	*lk = en->lk;
	memset(&en->lk, 0, sizeof(en->lk));
	for (size_t i = 0; i < en->commits_nr; i++) {
		struct adr_commit *rec = en->commits[i];

		if (adr_db_commit(db, rec->sha)) {
			free(rec->subject);
			free(rec->author);
			free(rec->date);
			free(rec);
		} else {
			HASH_ADD_STR(db->commits, sha, rec);
		}
	}
	en->commits_nr = 0;
	if (en->bk_nr) {
		free(e->bookkeeping);
		e->bookkeeping = xcalloc(w->nr + 1, 1);
		for (size_t i = 0; i < en->bk_nr; i++)
			e->bookkeeping[en->bk_idx[i]] = en->bk_val[i];
	}
	if (c->hit)
		cf_trace("hit %s", hex);
	else
		cf_trace("resume %s +%u", hex, w->nr - n);
	return n;
fail:
	cf_trace("fallback %s: %s", hex, why);
	entry_free(c->found);
	c->found = NULL;
	c->hit = 0;
	return WALK_NONE;
}

/* ---- saving ---- */

/* A lineage's index in the file: its creation order, its place in e->lins. */
static uint32_t lin_index(const struct lin *l)
{
	return l ? (uint32_t)l->seq : CF_NULL;
}

void cache_note(struct cache *c, const struct engine *e, uint32_t idx)
{
	const struct walk *w = &e->walk;
	const struct walk_node *x = &w->nodes[idx];
	struct cache_state *st;

	/* a state of its own, on the chain, recent enough to be resumed from */
	if (!c || x->state_of != idx || x->landed == WALK_NONE ||
	    w->chain[x->landed] != idx || (size_t)x->landed + CACHE_MAX_BEHIND < w->chain_nr)
		return;
	if (c->ring_nr == CACHE_STATES + 1) {
		state_release(&c->ring[0]);
		memmove(c->ring, c->ring + 1, --c->ring_nr * sizeof(*c->ring));
	}
	XGROW(c->ring, c->ring_alloc, c->ring_nr + 1);
	st = &c->ring[c->ring_nr++];
	memset(st, 0, sizeof(*st));
	st->idx = idx;
	st->pos = x->landed;
	st->dirs = xcalloc(e->dirs.nr + 1, sizeof(git_oid));
	memcpy(st->dirs, x->dir_ids, e->dirs.nr * sizeof(git_oid));
	st->snap = snapshot_ref(x->state);
}

static void put_snapshot(struct strbuf *sb, const struct snapshot *snap)
{
	const struct snap_entry *s, *tmp;

	cf_put_u32(sb, snap ? HASH_COUNT(snap->by_path) : 0);
	if (!snap)
		return;
	HASH_ITER(hh, snap->by_path, s, tmp) {
		cf_put_str(sb, s->path);
		cf_put_str(sb, s->id);
		cf_put_u32(sb, lin_index(s->lin));
		put_oid(sb, &s->blob);
		cf_put_u32(sb, (uint32_t)s->status);
		strbuf_addch(sb, s->live ? 1 : 0);
	}
}

/* The fork-point states: the entry's still recent ones, then this run's. */
static void cache_keep_states(struct cache *c, const struct engine *e)
{
	const struct walk *w = &e->walk;
	struct cache_state **v = NULL;
	size_t nr = 0, alloc = 0, from;
	struct strbuf one = STRBUF_INIT;
	struct cache_entry *en = c->found;
	struct cache_state old_tip;

	for (size_t i = 0; en && i < en->states_nr; i++)
		if (en->states[i].raw || en->states[i].snap) {
			XGROW(v, alloc, nr + 1);
			v[nr++] = &en->states[i];
		}
	/* the entry's tip is now an older commit of the chain, where topics fork */
	if (en && en->state_of[en->nr - 1] == en->nr - 1) {
		memset(&old_tip, 0, sizeof(old_tip));
		old_tip.idx = en->nr - 1;
		old_tip.pos = en->chain_nr - 1;
		old_tip.dirs = en->tip_dirs;
		old_tip.snap = en->snap;
		XGROW(v, alloc, nr + 1);
		v[nr++] = &old_tip;
	}
	for (size_t i = 0; i < c->ring_nr; i++) {
		XGROW(v, alloc, nr + 1);
		v[nr++] = &c->ring[i];
	}
	/* drop the tip's own (saved apart) and the ones too far back */
	from = 0;
	for (size_t i = 0; i < nr; i++)
		if (v[i]->idx != w->nr - 1 &&
		    (size_t)v[i]->pos + CACHE_MAX_BEHIND >= w->chain_nr)
			v[from++] = v[i];
	nr = from;
	from = nr > CACHE_STATES ? nr - CACHE_STATES : 0;
	cf_put_u32(&c->out, (uint32_t)(nr - from));
	for (size_t i = from; i < nr; i++) {
		cf_put_u32(&c->out, v[i]->idx);
		cf_put_u32(&c->out, v[i]->pos);
		for (size_t j = 0; j < e->dirs.nr; j++)
			put_oid(&c->out, &v[i]->dirs[j]);
		strbuf_setlen(&one, 0);
		if (v[i]->snap)
			put_snapshot(&one, v[i]->snap);
		else
			strbuf_add(&one, v[i]->raw, v[i]->raw_len);
		cf_put_u32(&c->out, (uint32_t)one.len);
		strbuf_addbuf(&c->out, &one);
	}
	strbuf_release(&one);
	free(v);
}

void cache_keep(struct cache *c, const struct engine *e, const struct links *lk)
{
	const struct walk *w = &e->walk;
	struct strbuf *sb;
	const struct strpool_item *it, *itmp;
	struct strvec dashed = STRVEC_INIT;

	if (!c || c->hit || !w->nr || w->truncated)
		return;
	sb = &c->out;
	strbuf_setlen(sb, 0);
	cf_put_str(sb, c->key);
	put_oid(sb, &w->nodes[w->nr - 1].oid);
	cf_put_strvec(sb, &e->dirs);
	cf_put_u32(sb, (uint32_t)e->dirs.nr);
	for (size_t i = 0; i < e->dirs.nr; i++)
		put_oid(sb, &w->nodes[w->nr - 1].dir_ids[i]);
	HASH_ITER(hh, e->tip_ids.items, it, itmp)
		if (strchr(it->s, '-'))
			strvec_push(&dashed, it->s);
	cf_put_strvec(sb, &dashed);
	strvec_clear(&dashed);
	cf_put_u32(sb, w->nr);
	for (uint32_t i = 0; i < w->nr; i++) {
		const struct walk_node *x = &w->nodes[i];

		put_oid(sb, &x->oid);
		cf_put_u32(sb, x->landed);
		cf_put_u32(sb, x->state_of);
		cf_put_u32(sb, x->nparents);
		for (uint32_t j = 0; j < x->nparents; j++)
			cf_put_u32(sb, x->parents[j]);
	}
	cf_put_u32(sb, w->chain_nr);
	for (uint32_t i = 0; i < w->chain_nr; i++)
		cf_put_u32(sb, w->chain[i]);
	cf_put_u32(sb, (uint32_t)e->lins.nr);
	for (size_t i = 0; i < e->lins.nr; i++) {
		const struct lin *l = e->lins.v[i];

		cf_put_u32(sb, lin_index(l->up));
		put_u32vec(sb, &l->edits);
		put_u32vec(sb, &l->refs);
		cf_put_u32(sb, (uint32_t)l->paths_nr);
		for (size_t j = 0; j < l->paths_nr; j++) {
			cf_put_u32(sb, l->paths[j].idx);
			cf_put_str(sb, l->paths[j].path);
		}
		cf_put_u32(sb, l->last_idx);
		cf_put_str(sb, l->last_path);
		cf_put_str(sb, l->last_id);
		put_oid(sb, &l->last_blob);
		cf_put_u32(sb, (uint32_t)l->from_nr);
		for (size_t j = 0; j < l->from_nr; j++)
			cf_put_str(sb, l->from_dirs[j]);
	}
	cf_put_u32(sb, (uint32_t)e->events_nr);
	for (size_t i = 0; i < e->events_nr; i++) {
		cf_put_u32(sb, lin_index(e->events[i].lin));
		cf_put_u32(sb, e->events[i].idx);
		cf_put_u32(sb, (uint32_t)e->events[i].from);
		cf_put_u32(sb, (uint32_t)e->events[i].to);
		cf_put_str(sb, e->events[i].path);
		put_oid(sb, &e->events[i].blob);
	}
	put_snapshot(sb, w->nodes[w->nr - 1].state);
	cf_put_u32(sb, (uint32_t)lk->unknown_nr);
	for (size_t i = 0; i < lk->unknown_nr; i++) {
		cf_put_u32(sb, lk->unknown[i].idx);
		cf_put_str(sb, lk->unknown[i].id);
	}
	cf_put_u32(sb, (uint32_t)lk->pending_nr);
	for (size_t i = 0; i < lk->pending_nr; i++) {
		cf_put_u32(sb, lk->pending[i].idx);
		cf_put_str(sb, lk->pending[i].name);
	}
	cf_put_u32(sb, (uint32_t)lk->held_nr);
	for (size_t i = 0; i < lk->held_nr; i++) {
		cf_put_u32(sb, lk->held[i].idx);
		cf_put_str(sb, lk->held[i].name);
		cf_put_u32(sb, lin_index(lk->held[i].lin));
		strbuf_addch(sb, lk->held[i].is_path ? 1 : 0);
	}
	cache_keep_states(c, e);
	c->kept = 1;
}

/* Non-zero when a is older than b. */
static int older(const struct timespec *a, const struct timespec *b)
{
	return a->tv_sec < b->tv_sec || (a->tv_sec == b->tv_sec && a->tv_nsec < b->tv_nsec);
}

/*
 * Drop the least recently used entries beyond CACHE_KEEP (never keep, the
 * one just written: several runs in one second tie on whole seconds), and
 * the temporary files of writers that died.
 */
static void cache_prune(const struct cache *c, const char *keep)
{
	DIR *d = opendir(c->dir);
	struct dirent *de;
	struct { char *path; struct timespec mtime; } *v = NULL;
	size_t nr = 0, alloc = 0, live = 0;
	time_t now = time(NULL);

	if (!d)
		return;
	while ((de = readdir(d))) {
		struct strbuf p = STRBUF_INIT;
		struct stat st;
		int tmpfile = strstr(de->d_name, ".adrlog-") != NULL;

		if (!tmpfile && strncmp(de->d_name, "h-", 2))
			continue;
		strbuf_addf(&p, "%s/%s", c->dir, de->d_name);
		if (stat(p.buf, &st) < 0) {
			strbuf_release(&p);
			continue;
		}
		if (tmpfile) {	/* a writer that died: gone after an hour */
			if (now - st.st_mtime > 3600)
				unlink(p.buf);
			strbuf_release(&p);
			continue;
		}
		live++;
		if (!strcmp(p.buf, keep)) {
			strbuf_release(&p);
			continue;
		}
		XGROW(v, alloc, nr + 1);
		v[nr].path = strbuf_detach(&p, NULL);
		v[nr++].mtime = st.st_mtim;
	}
	closedir(d);
	while (live > CACHE_KEEP && nr) {
		size_t oldest = 0;

		for (size_t i = 1; i < nr; i++)
			if (older(&v[i].mtime, &v[oldest].mtime))
				oldest = i;
		unlink(v[oldest].path);
		free(v[oldest].path);
		v[oldest] = v[--nr];
		live--;
	}
	for (size_t i = 0; i < nr; i++)
		free(v[i].path);
	free(v);
}

void cache_store(struct cache *c, const struct engine *e, const struct adr_db *db)
{
	struct strbuf *sb;
	const struct blobinfo *b, *btmp;
	const struct adr_commit *rec, *rtmp;
	char *path;

	if (!c || !c->kept || c->hit)
		return;
	sb = &c->out;
	cf_put_u32(sb, HASH_COUNT(e->blobs));
	HASH_ITER(hh, e->blobs, b, btmp) {
		put_oid(sb, &b->key.oid);
		strbuf_addch(sb, b->key.rst ? 1 : 0);
		cf_put_u32(sb, (uint32_t)b->status);
		cf_put_str(sb, b->heading_id);
	}
	cf_put_u32(sb, HASH_COUNT(db->commits));
	HASH_ITER(hh, db->commits, rec, rtmp) {
		git_oid oid;

		git_oid_fromstr(&oid, rec->sha);
		put_oid(sb, &oid);
		cf_put_str(sb, rec->subject ? rec->subject : "");
		cf_put_str(sb, rec->author ? rec->author : "");
		cf_put_str(sb, rec->date ? rec->date : "");
		cf_put_u64(sb, (uint64_t)rec->time);
	}
	{
		uint32_t nbk = 0;

		for (uint32_t i = 0; e->bookkeeping && i < e->walk.nr; i++)
			nbk += e->bookkeeping[i] != 0;
		cf_put_u32(sb, nbk);
		for (uint32_t i = 0; e->bookkeeping && i < e->walk.nr; i++)
			if (e->bookkeeping[i]) {
				cf_put_u32(sb, i);
				strbuf_addch(sb, (char)e->bookkeeping[i]);
			}
	}
	path = entry_path(c, &c->tip);
	if (cf_write(c->dir, path, CACHE_MAGIC, CACHE_FORMAT, sb) < 0) {
		cf_trace("write failed %s: %s", path, error_last());
		error_clear();
	} else {
		cf_trace("wrote %s", path);
		cache_prune(c, path);
	}
	free(path);
}

void cache_restart(struct cache *c)
{
	if (!c)
		return;
	if (c->found)
		cf_trace("walk again: the history folders changed");
	entry_free(c->found);
	c->found = NULL;
	c->hit = 0;
	for (size_t i = 0; i < c->ring_nr; i++)
		state_release(&c->ring[i]);
	c->ring_nr = 0;
}

void cache_close(struct cache *c)
{
	if (!c)
		return;
	entry_free(c->found);
	for (size_t i = 0; i < c->ring_nr; i++)
		state_release(&c->ring[i]);
	free(c->ring);
	strbuf_release(&c->out);
	free(c->dir);
	free(c->key);
	free(c);
}
