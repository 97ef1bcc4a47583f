/*
 * walk_rename: rename detection over one diff's deltas (see walk.h),
 * libgit2's git_diff_find_similar at 50% without its repeated work.
 *
 * The answer is libgit2's: the same similarity (libgit2's hashsig with
 * smart whitespace, the same "sizes nowhere near" rule), the same greedy
 * pairing of targets and sources in path order, with its re-runs when a
 * pair is displaced.  Three things make it cost what the renames cost
 * rather than (adds x deletes) per commit, every commit again:
 *   - exact renames first, by blob id: the i-th add of a blob takes the
 *     i-th unclaimed delete of it (what libgit2's greedy ends up with,
 *     since 100 is never displaced), so a commit that moves 200 files
 *     compares no pair of contents;
 *   - similarity only among the adds and deletes that remain;
 *   - signatures memoised by blob and scores by blob pair across the
 *     walk's commits (a merge of the main line into an old topic branch
 *     repeats a folder's whole move), both bounded.
 * See docs/adr/0033.
 */
#include "walk.h"

#include <git2/sys/hashsig.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "pack.h"
#include "xalloc.h"

#define RENAME_THRESHOLD 50
#define RENAME_LIMIT 1000	/* libgit2's default: sources tried per target */
#define SIG_MEMO_MAX 4096	/* signatures kept (each about 1 KiB) */
#define PAIR_MEMO_MAX 65536	/* scores kept */

struct walk_sig {
	git_oid oid;
	size_t size;
	git_hashsig *sig;
	UT_hash_handle hh;
};

struct walk_pair {
	struct {
		git_oid a, b;
	} key;
	int score;
	UT_hash_handle hh;
};

static void walk_sigs_clear(struct walk *w)
{
	struct walk_sig *s, *st;

	HASH_ITER(hh, w->sigs, s, st) {
		HASH_DEL(w->sigs, s);
		git_hashsig_free(s->sig);
		free(s);
	}
}

void walk_rename_free(struct walk *w)
{
	struct walk_pair *p, *pt;

	walk_sigs_clear(w);
	HASH_ITER(hh, w->pairs, p, pt) {
		HASH_DEL(w->pairs, p);
		free(p);
	}
}

/* A blob's size and signature, through the memo. */
static int walk_sig_of(struct walk_sig **out, struct walk *w, const git_oid *oid)
{
	struct walk_sig *s;
	const unsigned char *data;
	size_t len;
	git_object_t type;
	git_odb_object *obj = NULL;
	char hex[GIT_OID_HEXSZ + 1];
	int rc;

	HASH_FIND(hh, w->sigs, oid, sizeof(*oid), s);
	if (s) {
		*out = s;
		return 0;
	}
	if (packr_read(w->packr, oid, &type, &data, &len) != 0 || type != GIT_OBJECT_BLOB) {
		if (!w->odb && git_repository_odb(&w->odb, w->repo->git) < 0)
			return repo_error("cannot open the object database");
		if (git_odb_read(&obj, w->odb, oid) < 0) {
			repo_oid_hex(hex, oid);
			return repo_error("cannot read blob %s", hex);
		}
		data = git_odb_object_data(obj);
		len = git_odb_object_size(obj);
	}
	s = xcalloc(1, sizeof(*s));
	s->oid = *oid;
	s->size = len;
	rc = git_hashsig_create(&s->sig, (const char *)data, len,
				GIT_HASHSIG_SMART_WHITESPACE | GIT_HASHSIG_ALLOW_SMALL_FILES);
	git_odb_object_free(obj);
	if (rc < 0) {
		free(s);
		repo_oid_hex(hex, oid);
		return repo_error("cannot compare blob %s", hex);
	}
	HASH_ADD(hh, w->sigs, oid, sizeof(s->oid), s);
	*out = s;
	return 0;
}

/* libgit2's similarity_measure for two blobs: 100 same, -1 not comparable. */
static int walk_score(int *score, struct walk *w, const git_oid *a, const git_oid *b)
{
	struct walk_pair key, *p;
	struct walk_sig *sa, *sb;
	int rc;

	if (git_oid_equal(a, b)) {
		*score = 100;
		return 0;
	}
	memset(&key, 0, sizeof(key));
	key.key.a = *a;
	key.key.b = *b;
	HASH_FIND(hh, w->pairs, &key.key, sizeof(key.key), p);
	if (p) {
		*score = p->score;
		return 0;
	}
	/* a full memo starts over before, not between, the two look-ups */
	if (HASH_COUNT(w->sigs) + 2 > SIG_MEMO_MAX)
		walk_sigs_clear(w);
	if ((rc = walk_sig_of(&sa, w, a)) < 0 || (rc = walk_sig_of(&sb, w, b)) < 0)
		return rc;
	if (sa->size > 127 && sb->size > 127 &&
	    (sa->size > (sb->size << 3) || sb->size > (sa->size << 3)))
		*score = -1;	/* sizes nowhere near each other */
	else if ((*score = git_hashsig_compare(sa->sig, sb->sig)) < 0)
		return repo_error("cannot compare two blobs");
	if (HASH_COUNT(w->pairs) >= PAIR_MEMO_MAX) {
		struct walk_pair *x, *t;
		HASH_ITER(hh, w->pairs, x, t) {
			HASH_DEL(w->pairs, x);
			free(x);
		}
	}
	p = xmalloc(sizeof(*p));
	*p = key;
	p->score = *score;
	HASH_ADD(hh, w->pairs, key, sizeof(p->key), p);
	return 0;
}

/* libgit2's order of deltas: by the new path of an add or rename, else the old. */
static const char *walk_delta_path(const struct walk_delta *d)
{
	return d->change == WALK_ADDED || d->change == WALK_RENAMED ? d->new_path : d->old_path;
}

static int walk_delta_cmp(const void *pa, const void *pb)
{
	const struct walk_delta *a = pa, *b = pb;
	int c = strcmp(walk_delta_path(a), walk_delta_path(b));

	return c ? c : (int)a->change - (int)b->change;
}

void walk_deltas_sort(struct walk_deltas *d, size_t from)
{
	if (d->nr - from > 1)
		qsort(d->v + from, d->nr - from, sizeof(*d->v), walk_delta_cmp);
}

struct match {
	size_t idx;
	int sim;
};

/* A source by blob id, for the exact pass. */
struct exact {
	git_oid oid;
	size_t src;	/* delta index */
};

static int exact_cmp(const void *pa, const void *pb)
{
	const struct exact *a = pa, *b = pb;
	int c = git_oid_cmp(&a->oid, &b->oid);

	return c ? c : (a->src > b->src) - (a->src < b->src);
}

int walk_renames(struct walk_deltas *d, size_t from, struct walk *w)
{
	size_t n = d->nr - from, nsrc = 0, ntgt = 0, rsrc = 0, rtgt = 0, keep;
	struct walk_delta *v = d->v + from;
	struct match *t2s, *s2t;
	struct exact *ex;
	size_t *cursor;
	int rc = 0, bumped;

	walk_deltas_sort(d, from);
	for (size_t i = 0; i < n; i++) {
		nsrc += v[i].change == WALK_DELETED;
		ntgt += v[i].change == WALK_ADDED;
	}
	if (!nsrc || !ntgt)
		return 0;
	t2s = xcalloc(n, sizeof(*t2s));
	s2t = xcalloc(n, sizeof(*s2t));
	ex = xmalloc(nsrc * sizeof(*ex));
	cursor = xmalloc(nsrc * sizeof(*cursor));
	nsrc = 0;
	for (size_t i = 0; i < n; i++)
		if (v[i].change == WALK_DELETED) {
			ex[nsrc].oid = v[i].old_blob;
			ex[nsrc++].src = i;
		}
	qsort(ex, nsrc, sizeof(*ex), exact_cmp);
	for (size_t i = 0; i < nsrc; i++)	/* each group's next unclaimed */
		cursor[i] = i;
	/* exact renames: targets in order take their blob's sources in order */
	for (size_t t = 0; t < n; t++) {
		size_t lo = 0, hi = nsrc;

		if (v[t].change != WALK_ADDED)
			continue;
		while (lo < hi) {
			size_t mid = lo + (hi - lo) / 2;
			if (git_oid_cmp(&ex[mid].oid, &v[t].new_blob) < 0)
				lo = mid + 1;
			else
				hi = mid;
		}
		if (lo < nsrc && git_oid_equal(&ex[lo].oid, &v[t].new_blob) &&
		    cursor[lo] < nsrc && git_oid_equal(&ex[cursor[lo]].oid, &v[t].new_blob)) {
			size_t s = ex[cursor[lo]++].src;
			t2s[t].idx = s;
			t2s[t].sim = 100;
			s2t[s].idx = t;
			s2t[s].sim = 100;
		}
	}
	for (size_t i = 0; i < n; i++) {
		rsrc += v[i].change == WALK_DELETED && !s2t[i].sim;
		rtgt += v[i].change == WALK_ADDED && !t2s[i].sim;
	}
	/* libgit2's greedy among the rest, again while pairs were displaced */
	do {
		size_t tried_tgts = 0;

		bumped = 0;
		for (size_t t = 0; rsrc && rtgt && t < n && rc == 0; t++) {
			size_t tried_srcs = 0;

			if (v[t].change != WALK_ADDED || t2s[t].sim == 100)
				continue;
			for (size_t s = 0; s < n; s++) {
				int sim;

				if (v[s].change != WALK_DELETED || s2t[s].sim == 100)
					continue;
				if ((rc = walk_score(&sim, w, &v[s].old_blob, &v[t].new_blob)) < 0)
					break;
				if (sim >= 0 && t2s[t].sim < sim && s2t[s].sim < sim) {
					if (s2t[s].sim > 0) {
						t2s[s2t[s].idx].sim = 0;
						bumped++;
					}
					if (t2s[t].sim > 0) {
						s2t[t2s[t].idx].sim = 0;
						bumped++;
					}
					t2s[t].idx = s;
					t2s[t].sim = sim;
					s2t[s].idx = t;
					s2t[s].sim = sim;
				}
				if (++tried_srcs >= rsrc || tried_srcs > RENAME_LIMIT)
					break;
			}
			if (++tried_tgts >= rtgt)
				break;
		}
	} while (bumped && rc == 0);
	/* the pairs at the threshold become renames; their deletes go */
	for (size_t t = 0; rc == 0 && t < n; t++) {
		struct walk_delta *src;

		if (v[t].change != WALK_ADDED || t2s[t].sim < RENAME_THRESHOLD)
			continue;
		src = &v[t2s[t].idx];
		v[t].change = WALK_RENAMED;
		v[t].old_path = src->old_path;
		v[t].old_blob = src->old_blob;
		src->old_path = NULL;
	}
	keep = 0;
	for (size_t i = 0; i < n; i++) {
		if (v[i].change == WALK_DELETED && !v[i].old_path) {
			free(v[i].new_path);
			continue;
		}
		v[keep++] = v[i];
	}
	d->nr = from + keep;
	walk_deltas_sort(d, from);
	free(t2s);
	free(s2t);
	free(ex);
	free(cursor);
	return rc;
}
