/*
 * walk: the revwalk and the per-commit folder ids (see walk.h); the diffs
 * and tree comparisons are walk_diff.c's.  The lineage and event rules
 * live above, in lineage.c and events.c; this file only talks to libgit2.
 */
#include "walk.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "error.h"
#include "pack.h"
#include "strbuf.h"
#include "treemode.h"
#include "xalloc.h"

static const git_oid walk_zero_oid;

void walk_free(struct walk *w)
{
	struct walk_memo *m, *tmp;

	HASH_ITER(hh, w->memo, m, tmp) {
		HASH_DEL(w->memo, m);
		free(m);
	}
	free(w->tab);
	for (uint32_t i = w->old_nr; i < w->nr; i++)
		free(w->nodes[i].parent_oids);	/* the start of the node's block */
	free(w->old_block);
	free(w->dir_block);
	free(w->nodes);
	free(w->chain);
	walk_rename_free(w);
	walk_trees_free(w);
	git_odb_free(w->odb);
	memset(w, 0, sizeof(*w));
}

int walk_same_dirs(const struct walk *w, const git_oid *a, const git_oid *b)
{
	return !memcmp(a, b, w->dirs->nr * sizeof(git_oid));
}

int walk_dir_ids(git_oid *out, struct walk *w, const git_tree *tree)
{
	for (size_t i = 0; i < w->dirs->nr; i++) {
		const char *dir = w->dirs->v[i];
		git_tree_entry *e = NULL;

		out[i] = walk_zero_oid;
		if (!*dir) {
			git_oid_cpy(&out[i], git_tree_id(tree));
			continue;
		}
		if (git_tree_entry_bypath(&e, tree, dir) < 0) {
			git_error_clear();
			continue;
		}
		if (git_tree_entry_type(e) == GIT_OBJECT_TREE)
			git_oid_cpy(&out[i], git_tree_entry_id(e));
		git_tree_entry_free(e);
	}
	return 0;
}

/* Open-addressing table from oid to node index (nodes may move while growing). */
static uint32_t walk_hash(const git_oid *oid)
{
	uint32_t h;

	memcpy(&h, oid->id, sizeof(h));
	return h;
}

static void walk_table_put(struct walk *w, uint32_t idx)
{
	size_t mask = w->tab_cap - 1, i = walk_hash(&w->nodes[idx].oid) & mask;

	while (w->tab[i] != WALK_NONE)
		i = (i + 1) & mask;
	w->tab[i] = idx;
}

static void walk_table_grow(struct walk *w)
{
	free(w->tab);
	w->tab_cap = w->tab_cap ? w->tab_cap * 2 : 1024;
	while (w->tab_cap < (size_t)w->nr * 2)
		w->tab_cap *= 2;
	w->tab = xmalloc(w->tab_cap * sizeof(*w->tab));
	memset(w->tab, 0xff, w->tab_cap * sizeof(*w->tab));
	for (uint32_t i = 0; i < w->nr; i++)
		walk_table_put(w, i);
}

uint32_t walk_find(const struct walk *w, const git_oid *oid)
{
	size_t mask, i;

	if (!w->tab_cap)
		return WALK_NONE;
	mask = w->tab_cap - 1;
	for (i = walk_hash(oid) & mask; w->tab[i] != WALK_NONE; i = (i + 1) & mask)
		if (git_oid_equal(&w->nodes[w->tab[i]].oid, oid))
			return w->tab[i];
	return WALK_NONE;
}

/* A new node for oid (not yet read); returns its index. */
static uint32_t walk_add(struct walk *w, const git_oid *oid)
{
	uint32_t idx;

	XGROW(w->nodes, w->alloc, (size_t)w->nr + 1);
	idx = w->nr++;
	memset(&w->nodes[idx], 0, sizeof(w->nodes[idx]));
	git_oid_cpy(&w->nodes[idx].oid, oid);
	if ((size_t)w->nr * 2 > w->tab_cap)
		walk_table_grow(w);	/* puts every node, idx too */
	else
		walk_table_put(w, idx);
	return idx;
}

/*
 * The entry called name (nlen bytes) in a raw tree object: its id, if it
 * is a folder (or a regular file when blob is set).
 */
static int walk_raw_tree_find(git_oid *out, const char *buf, size_t len,
			      const char *name, size_t nlen, int blob)
{
	const char *p = buf, *end = buf + len;

	while (p < end) {
		const char *sp = memchr(p, ' ', (size_t)(end - p)), *nul;
		if (!sp)
			break;
		nul = memchr(sp + 1, '\0', (size_t)(end - sp - 1));
		if (!nul || nul + 21 > end)
			break;
		if ((size_t)(nul - sp - 1) == nlen && !memcmp(sp + 1, name, nlen)) {
			uint32_t mode = tree_mode_parse(p, (size_t)(sp - p));
			int is_tree = tree_mode_is_tree(mode);
			int is_file = tree_mode_is_file(mode);
			if (blob ? !is_file : !is_tree)
				return 0;	/* not the kind asked for */
			git_oid_fromraw(out, (const unsigned char *)nul + 1);
			return 1;
		}
		p = nul + 21;
	}
	return 0;
}

/*
 * The id of the entry name (a folder, or a file when blob is set) in tree
 * id, through the memo when memo is set.
 */
int walk_entry(git_oid *out, struct walk *w, const git_oid *tree,
		      const char *name, size_t nlen, int memo, int blob)
{
	struct walk_memo key, *m = NULL;
	git_odb_object *obj = NULL;
	const unsigned char *pdata;
	size_t plen;
	git_object_t type;
	int found;

	memset(&key, 0, sizeof(key));
	if (nlen >= sizeof(key.key.name))
		memo = 0;	/* a name too long for the memo's key */
	if (memo) {
		key.key.blob = blob;
		git_oid_cpy(&key.key.tree, tree);
		memcpy(key.key.name, name, nlen < sizeof(key.key.name) ? nlen : sizeof(key.key.name) - 1);
		HASH_FIND(hh, w->memo, &key.key, sizeof(key.key), m);
		if (m) {
			*out = m->child;
			return 0;
		}
	}
	memset(out, 0, sizeof(*out));
	if (packr_read(w->packr, tree, &type, &pdata, &plen) == 0 &&
	    type == GIT_OBJECT_TREE) {
		found = walk_raw_tree_find(out, (const char *)pdata, plen, name, nlen, blob);
	} else {
		if (git_odb_read(&obj, w->odb, tree) < 0) {
			char hex[GIT_OID_HEXSZ + 1];
			repo_oid_hex(hex, tree);
			return repo_error("cannot read tree %s", hex);
		}
		found = walk_raw_tree_find(out, git_odb_object_data(obj),
					   git_odb_object_size(obj), name, nlen, blob);
		git_odb_object_free(obj);
	}
	if (!found)
		memset(out, 0, sizeof(*out));
	if (memo) {
		m = xmalloc(sizeof(*m));
		*m = key;
		m->child = *out;
		HASH_ADD(hh, w->memo, key, sizeof(m->key), m);
	}
	return 0;
}

/* The folders' ids below root tree id (each path component in turn). */
static int walk_raw_dir_ids(git_oid *out, struct walk *w, const git_oid *root)
{
	for (size_t i = 0; i < w->dirs->nr; i++) {
		const char *p = w->dirs->v[i];
		git_oid cur = *root;
		int level = 0, rc;

		while (*p && !git_oid_is_zero(&cur)) {
			const char *slash = strchr(p, '/');
			size_t n = slash ? (size_t)(slash - p) : strlen(p);

			git_oid parent = cur;

			/* root trees differ in every commit; deeper ones repeat */
			if ((rc = walk_entry(&cur, w, &parent, p, n, level > 0, 0)) < 0)
				return rc;
			p += n + (slash ? 1 : 0);
			level++;
		}
		out[i] = cur;
	}
	return 0;
}

int walk_hex_oid(git_oid *out, const char *p, const char *end)
{
	return end - p < GIT_OID_HEXSZ || git_oid_fromstrn(out, p, GIT_OID_HEXSZ) < 0 ? -1 : 0;
}

/*
 * A commit the walk needs is not in the object database.  In a shallow
 * clone that is the depth's boundary; otherwise the repository is corrupt
 * (or a partial clone): remember the first such commit so the caller can
 * name it in a warning instead of calling the history shallow.
 */
static void walk_note_missing(struct walk *w, const git_oid *oid)
{
	if (git_oid_is_zero(&w->missing) && !git_repository_is_shallow(w->repo->git))
		git_oid_cpy(&w->missing, oid);
}

/*
 * Read commit node idx from the object database and parse what the walk
 * needs (tree, parents, message) straight from the raw object: one read,
 * a few allocations.  Parents are added as nodes when push is set.
 * Returns 0, 1 when the object is missing (a shallow boundary), or -1.
 */
static int walk_read(struct walk *w, uint32_t idx, int push, walk_commit_fn fn,
		     void *payload)
{
	git_odb_object *obj = NULL;
	const unsigned char *pdata;
	size_t plen;
	git_object_t type;
	const char *buf, *p, *end, *msg;
	git_oid tree, parents[64];
	git_oid *more = NULL;
	size_t np = 0, more_alloc = 0, ndirs = w->dirs->nr;
	char hex[GIT_OID_HEXSZ + 1];
	struct walk_node *n;
	char *block;
	int rc;

	if (packr_read(w->packr, &w->nodes[idx].oid, &type, &pdata, &plen) == 0) {
		if (type != GIT_OBJECT_COMMIT) {
			repo_oid_hex(hex, &w->nodes[idx].oid);
			return error_set("cannot read commit %s: not a commit", hex);
		}
		buf = (const char *)pdata;
		end = buf + plen;
	} else {
		rc = git_odb_read(&obj, w->odb, &w->nodes[idx].oid);
		if (rc == GIT_ENOTFOUND) {
			git_error_clear();
			return 1;
		}
		if (rc < 0 || git_odb_object_type(obj) != GIT_OBJECT_COMMIT) {
			git_odb_object_free(obj);
			repo_oid_hex(hex, &w->nodes[idx].oid);
			return repo_error("cannot read commit %s", hex);
		}
		buf = git_odb_object_data(obj);
		end = buf + git_odb_object_size(obj);
	}
	if (end - buf < 5 || memcmp(buf, "tree ", 5) || walk_hex_oid(&tree, buf + 5, end) < 0)
		goto bad;
	p = buf + 5 + GIT_OID_HEXSZ + 1;
	while (p + 7 < end && !memcmp(p, "parent ", 7)) {
		git_oid poid;
		if (walk_hex_oid(&poid, p + 7, end) < 0)
			goto bad;
		if (np < 64) {
			parents[np] = poid;
		} else {
			XGROW(more, more_alloc, np - 63);
			more[np - 64] = poid;
		}
		np++;
		p += 7 + GIT_OID_HEXSZ + 1;
	}
	msg = NULL;
	for (const char *q = p; q < end; q++) {
		if (*q == '\n' && (q == p || q[-1] == '\n')) {
			msg = q + 1;
			break;
		}
	}
	n = &w->nodes[idx];
	n->nparents = (uint32_t)np;
	block = xcalloc(1, np * (sizeof(uint32_t) + sizeof(git_oid)) +
			(ndirs + 1) * sizeof(git_oid));
	n->parent_oids = (git_oid *)block;
	n->dir_ids = n->parent_oids + np;
	n->parents = (uint32_t *)(n->dir_ids + ndirs + 1);
	for (size_t i = 0; i < np; i++) {
		n->parent_oids[i] = i < 64 ? parents[i] : more[i - 64];
		n->parents[i] = WALK_NONE;
	}
	free(more);
	more = NULL;
	n->tree = tree;
	/* the hook first: the folder look-ups reuse the reader's buffer */
	if (fn && msg) {
		rc = fn(w, idx, buf, (size_t)(end - buf), msg, (size_t)(end - msg),
			payload);
		if (rc)
			goto fail;
	}
	if ((rc = walk_raw_dir_ids(n->dir_ids, w, &tree)) < 0)
		goto fail;
	git_odb_object_free(obj);
	for (size_t i = 0; push && i < np; i++) {
		git_oid poid = w->nodes[idx].parent_oids[i];
		if (walk_find(w, &poid) == WALK_NONE)
			walk_add(w, &poid);
	}
	return 0;
bad:
	repo_oid_hex(hex, &w->nodes[idx].oid);
	rc = error_set("cannot parse commit %s", hex);
fail:
	free(more);
	git_odb_object_free(obj);
	return rc < 0 ? rc : -1;
}

void walk_tune(void)
{
	/*
	 * Every object is read once and its id is the key it was found by:
	 * neither the object cache nor re-hashing each object pays here.
	 */
	git_libgit2_opts(GIT_OPT_ENABLE_CACHING, 0);
	git_libgit2_opts(GIT_OPT_ENABLE_STRICT_HASH_VERIFICATION, 0);
	/* pack windows: small ones, few mapped, so pages read once are let go */
	git_libgit2_opts(GIT_OPT_SET_MWINDOW_SIZE, (size_t)(2 << 20));
	git_libgit2_opts(GIT_OPT_SET_MWINDOW_MAPPED_LIMIT, (size_t)(8 << 20));
}

int walk_commit_info(struct adr_commit *c, const char *raw, size_t len)
{
	const char *end = raw + len, *p = raw, *line = NULL, *le, *sp, *msg = NULL;
	char date[DATE_ISO_MAX];
	struct strbuf sb = STRBUF_INIT;
	long long t;
	int off, tz;

	while (p < end && *p != '\n') {	/* the header, up to a blank line */
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		if (!nl)
			return -1;
		if (!line && (size_t)(nl - p) > 7 && !memcmp(p, "author ", 7))
			line = p + 7;
		p = nl + 1;
	}
	if (!line)
		return -1;
	msg = p < end ? p + 1 : end;
	le = memchr(line, '\n', (size_t)(end - line));
	/* "Name <mail> 1700000000 +0200": the two last fields from the end */
	for (sp = le - 1; sp > line && *sp != ' '; sp--)
		;
	if (sp <= line || sscanf(sp + 1, "%d", &tz) != 1)
		return -1;
	off = (tz < 0 ? -1 : 1) * ((abs(tz) / 100) * 60 + abs(tz) % 100);
	for (le = sp, sp--; sp > line && *sp != ' '; sp--)
		;
	if (sp <= line || sscanf(sp + 1, "%lld", &t) != 1)
		return -1;
	c->author = xstrndup(line, (size_t)(sp - line));
	c->time = t;
	date_iso8601(date, c->time, off);
	c->date = xstrdup(date);
	/* the subject: the first paragraph, lines joined (git_commit_summary) */
	while (msg < end && (*msg == ' ' || *msg == '\t' || *msg == '\n'))
		msg++;
	for (p = msg; p < end; p++) {
		if (*p == '\n' && (p + 1 == end || p[1] == '\n'))
			break;
		strbuf_addch(&sb, *p == '\n' ? ' ' : *p);
	}
	strbuf_rtrim(&sb);
	c->subject = strbuf_detach(&sb, NULL);
	return 0;
}

/* A's side of A..B: the commits reachable from B and not A, by libgit2. */
static int walk_collect_range(struct walk *w, const git_oid *tip, const git_oid *hide)
{
	git_revwalk *rw = NULL;
	git_oid oid;
	int rc;

	if (git_revwalk_new(&rw, w->repo->git) < 0)
		return repo_error("cannot start the walk");
	git_revwalk_sorting(rw, GIT_SORT_NONE);
	if (git_revwalk_push(rw, tip) < 0 || git_revwalk_hide(rw, hide) < 0) {
		git_revwalk_free(rw);
		return repo_error("cannot start the walk");
	}
	while (!(rc = git_revwalk_next(&oid, rw)))
		if (walk_find(w, &oid) == WALK_NONE)
			walk_add(w, &oid);
	git_revwalk_free(rw);
	if (rc != GIT_ITEROVER)
		return repo_error("cannot walk the history");
	return 0;
}

/*
 * Order the nodes parents first (a depth-first post-order from the tip,
 * first parents first, as `git log --topo-order --reverse` would place a
 * topic branch after the mainline it forked from), renumber them, and
 * count each node's walked children.  The search starts at node first
 * (the tip): every walked commit is reached from it, so the order does not
 * depend on how the commits were collected, and the walk of T..tip orders
 * its commits as the walk of the whole history does after T's ancestors
 * (what walk_prepend() relies on).
 */
static void walk_sort(struct walk *w, uint32_t first)
{
	uint32_t *order = xmalloc(sizeof(*order) * (w->nr + 1));
	uint32_t *stack = xmalloc(sizeof(*stack) * (w->nr + 1));
	uint32_t *next = xcalloc(w->nr + 1, sizeof(*next));	/* next parent to visit */
	uint32_t *newidx = xmalloc(sizeof(*newidx) * (w->nr + 1));
	unsigned char *state = xcalloc(w->nr + 1, 1);	/* 0 new, 1 open, 2 done */
	struct walk_node *nodes;
	uint32_t nord = 0, sp = 0;

	for (uint32_t r = 0; r <= w->nr; r++) {
		uint32_t root = r == 0 ? first : r - 1;

		if (root >= w->nr || state[root] || w->nodes[root].dead)
			continue;
		stack[sp++] = root;
		state[root] = 1;
		while (sp) {
			uint32_t top = stack[sp - 1];
			struct walk_node *n = &w->nodes[top];

			if (next[top] < n->nparents) {
				uint32_t p = n->parents[next[top]++];
				if (p != WALK_NONE && !state[p]) {
					state[p] = 1;
					stack[sp++] = p;
				}
				continue;
			}
			state[top] = 2;
			order[nord++] = top;
			sp--;
		}
	}
	for (uint32_t i = 0; i < nord; i++)
		newidx[order[i]] = i;
	nodes = xmalloc(sizeof(*nodes) * (w->nr ? w->nr : 1));
	for (uint32_t i = 0; i < nord; i++) {
		nodes[i] = w->nodes[order[i]];
		for (uint32_t j = 0; j < nodes[i].nparents; j++)
			if (nodes[i].parents[j] != WALK_NONE) {
				nodes[i].parents[j] = newidx[nodes[i].parents[j]];
				nodes[nodes[i].parents[j]].children++;
			}
	}
	free(w->nodes);
	w->nodes = nodes;
	w->nr = w->alloc = nord;
	free(w->tab);
	w->tab = NULL;
	w->tab_cap = 0;
	walk_table_grow(w);
	free(order);
	free(stack);
	free(next);
	free(newidx);
	free(state);
}
/* The tip's first-parent chain, oldest first, and landed for every node. */
static void walk_landed(struct walk *w)
{
	uint32_t i, nr = 0;

	for (i = 0; i < w->nr; i++)
		w->nodes[i].landed = WALK_NONE;
	if (!w->nr)
		return;
	w->chain = xmalloc(sizeof(*w->chain) * w->nr);
	for (i = w->nr - 1; i != WALK_NONE;
	     i = w->nodes[i].nparents ? w->nodes[i].parents[0] : WALK_NONE)
		w->chain[nr++] = i;
	w->chain_nr = nr;
	for (i = 0; i < nr / 2; i++) {
		uint32_t t = w->chain[i];
		w->chain[i] = w->chain[nr - 1 - i];
		w->chain[nr - 1 - i] = t;
	}
	for (i = 0; i < nr; i++)
		w->nodes[w->chain[i]].landed = i;
	/* children come after parents: a parent lands with its earliest child */
	for (i = w->nr; i-- > 0;) {
		struct walk_node *n = &w->nodes[i];
		for (uint32_t p = 0; p < n->nparents; p++) {
			uint32_t pi = n->parents[p];
			if (pi != WALK_NONE && n->landed < w->nodes[pi].landed)
				w->nodes[pi].landed = n->landed;
		}
	}
}

int walk_load(struct walk *w, struct repo *repo, const git_oid *tip,
	      const git_oid *hide, const struct strvec *dirs,
	      walk_commit_fn fn, void *payload)
{
	uint32_t i;
	int rc;

	w->repo = repo;
	w->dirs = dirs;
	/* the tip's ADR ids may have opened it already (walk_diff.c) */
	if (!w->odb && git_repository_odb(&w->odb, repo->git) < 0)
		return repo_error("cannot open the object database");
	w->packr = repo_packr(repo);	/* the repository's, not freed here */
	/* the tip first (unless A..B hides it): index 0 until walk_sort() */
	if (!hide)
		walk_add(w, tip);
	else if ((rc = walk_collect_range(w, tip, hide)) < 0)
		return rc;
	/* without a range, reading a commit discovers its parents */
	for (i = 0; i < w->nr; i++) {
		if ((rc = walk_read(w, i, !hide, fn, payload)) < 0)
			return rc;
		if (rc == 1) {	/* missing: the history is shallow here */
			w->truncated = 1;
			w->nodes[i].dead = 1;
			walk_note_missing(w, &w->nodes[i].oid);
		}
	}
	/* parents as indices; missing ones (shallow) are zeroed */
	for (i = 0; i < w->nr; i++) {
		struct walk_node *n = &w->nodes[i];
		for (uint32_t j = 0; j < n->nparents; j++) {
			uint32_t p = walk_find(w, &n->parent_oids[j]);
			if (p != WALK_NONE && w->nodes[p].dead) {
				memset(&n->parent_oids[j], 0, sizeof(git_oid));
				p = WALK_NONE;
			} else if (p == WALK_NONE && !git_odb_exists(w->odb, &n->parent_oids[j])) {
				walk_note_missing(w, &n->parent_oids[j]);
				memset(&n->parent_oids[j], 0, sizeof(git_oid));
				w->truncated = 1;
			}
			n->parents[j] = p;
		}
	}
	/* also leaves the missing commits out */
	walk_sort(w, hide ? walk_find(w, tip) : 0);
	walk_landed(w);
	return 0;
}

int walk_redirs(struct walk *w)
{
	size_t nd = w->dirs->nr + 1;
	git_oid *block = xcalloc((size_t)w->nr * nd + 1, sizeof(git_oid));
	int rc;

	for (uint32_t i = 0; i < w->nr; i++) {
		w->nodes[i].dir_ids = block + (size_t)i * nd;
		w->nodes[i].children = 0;
	}
	free(w->dir_block);
	w->dir_block = block;
	for (uint32_t i = 0; i < w->nr; i++) {
		struct walk_node *n = &w->nodes[i];

		for (uint32_t j = 0; j < n->nparents; j++)
			if (n->parents[j] != WALK_NONE)
				w->nodes[n->parents[j]].children++;
		if ((rc = walk_raw_dir_ids(n->dir_ids, w, &n->tree)) < 0)
			return rc;
	}
	return 0;
}

const git_oid *walk_parent_oid(const struct walk *w, const struct walk_node *n,
			       uint32_t j)
{
	if (n->parents[j] != WALK_NONE)
		return &w->nodes[n->parents[j]].oid;
	return &n->parent_oids[j];
}

const git_oid *walk_first_parent_base(const struct walk *w)
{
	const struct walk_node *n;

	if (!w->chain_nr)
		return NULL;
	n = &w->nodes[w->chain[0]];
	return n->nparents && !git_oid_is_zero(&n->parent_oids[0]) ?
		&n->parent_oids[0] : NULL;
}

void walk_prepend(struct walk *w, const struct walk_old *old)
{
	uint32_t n = old->nr, nnew = w->nr, *chain, *pblock;
	size_t np = old->parents_at[n];
	struct walk_node *nodes;

	/* the old nodes' parents, as indices, in one block */
	w->old_block = xmalloc(np * sizeof(uint32_t) + 1);
	pblock = w->old_block;
	nodes = xcalloc((size_t)n + nnew + 1, sizeof(*nodes));
	for (uint32_t i = 0; i < n; i++) {
		struct walk_node *o = &nodes[i];
		uint32_t at = old->parents_at[i];

		git_oid_cpy(&o->oid, &old->oids[i]);
		o->nparents = old->parents_at[i + 1] - at;
		o->parents = pblock + at;
		memcpy(o->parents, old->parents + at, o->nparents * sizeof(uint32_t));
		o->landed = old->landed[i];
		o->state_of = old->state_of[i];
	}
	if (nnew)	/* a hit: nothing walked, w->nodes is NULL */
		memcpy(nodes + n, w->nodes, (size_t)nnew * sizeof(*nodes));
	free(w->nodes);
	w->nodes = nodes;
	w->nr = n + nnew;
	w->alloc = (size_t)w->nr + 1;
	w->old_nr = n;
	free(w->tab);
	w->tab = NULL;
	w->tab_cap = 0;
	walk_table_grow(w);
	/* the new nodes: indices shifted, parents among the old ones found */
	for (uint32_t i = n; i < w->nr; i++) {
		struct walk_node *x = &w->nodes[i];

		for (uint32_t j = 0; j < x->nparents; j++) {
			uint32_t p = x->parents[j];

			if (p != WALK_NONE) {
				x->parents[j] = p + n;
			} else if (!git_oid_is_zero(&x->parent_oids[j]) &&
				   (p = walk_find(w, &x->parent_oids[j])) != WALK_NONE &&
				   p < n) {
				x->parents[j] = p;
				w->nodes[p].children++;
			}
		}
		if (x->landed != WALK_NONE)
			x->landed += old->chain_nr;
	}
	chain = xmalloc(((size_t)old->chain_nr + w->chain_nr + 1) * sizeof(*chain));
	if (old->chain_nr)
		memcpy(chain, old->chain, (size_t)old->chain_nr * sizeof(*chain));
	for (uint32_t i = 0; i < w->chain_nr; i++)
		chain[old->chain_nr + i] = w->chain[i] + n;
	free(w->chain);
	w->chain = chain;
	w->chain_nr += old->chain_nr;
}
