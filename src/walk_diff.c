/*
 * walk_diff: what changed between two commits as the walk sees it (see
 * walk.h): the blob deltas under the folders with rename detection, the
 * renames onto new files from outside them (history folders), a file's
 * blob at a commit, and whether a commit changed anything outside the
 * folders (bookkeeping, SPEC section 3).  Raw trees are compared entry by
 * entry, identical subtrees skipped.
 */
#include "walk.h"

#include <stdlib.h>
#include <string.h>

#include "discover.h"
#include "error.h"
#include "pack.h"
#include "strbuf.h"
#include "treemode.h"
#include "xalloc.h"

static const git_oid walk_zero_oid;

void walk_deltas_clear(struct walk_deltas *d)
{
	for (size_t i = 0; i < d->nr; i++) {
		free(d->v[i].old_path);
		free(d->v[i].new_path);
	}
	free(d->v);
	memset(d, 0, sizeof(*d));
}

/* One entry of a raw tree object. */
struct walk_entry {
	const char *name;
	size_t len;
	int is_tree;
	int is_blob;	/* a file (by type bits: 100664 is one) */
	unsigned mode;	/* a file's as git canonicalises it: 100644 or 100755 */
	git_oid oid;
};

/* Parse a raw tree into entries (pointing into buf). */
static void walk_parse_tree(struct walk_entry **out, size_t *nr, size_t *alloc,
			    const char *buf, size_t len)
{
	const char *p = buf, *end = buf + len;

	*nr = 0;
	while (p < end) {
		const char *sp = memchr(p, ' ', (size_t)(end - p)), *nul;
		struct walk_entry *e;
		unsigned mode;

		if (!sp)
			break;
		nul = memchr(sp + 1, '\0', (size_t)(end - sp - 1));
		if (!nul || nul + 21 > end)
			break;
		XGROW(*out, *alloc, *nr + 1);
		e = &(*out)[(*nr)++];
		e->name = sp + 1;
		e->len = (size_t)(nul - sp - 1);
		mode = tree_mode_parse(p, (size_t)(sp - p));
		e->is_tree = tree_mode_is_tree(mode);
		e->is_blob = tree_mode_is_file(mode);
		e->mode = e->is_blob ? (mode & 0100 ? 0100755 : 0100644) : mode;
		git_oid_fromraw(&e->oid, (const unsigned char *)nul + 1);
		p = nul + 21;
	}
}

/* git's tree order: names compared as if a folder's ended in '/'. */
static int walk_entry_cmp(const struct walk_entry *a, const struct walk_entry *b)
{
	size_t n = a->len < b->len ? a->len : b->len;
	int c = memcmp(a->name, b->name, n);
	unsigned char ca, cb;

	if (c)
		return c;
	ca = a->len > n ? (unsigned char)a->name[n] : a->is_tree ? '/' : 0;
	cb = b->len > n ? (unsigned char)b->name[n] : b->is_tree ? '/' : 0;
	return ca - cb;
}

static int walk_is_doc(const char *name, size_t len)
{
	return (len > 3 && !memcmp(name + len - 3, ".md", 3)) ||
	       (len > 9 && !memcmp(name + len - 9, ".markdown", 9)) ||
	       (len > 4 && !memcmp(name + len - 4, ".rst", 4));
}

/*
 * The memo of folder trees: each folder tree is read as the new side of
 * one diff and the old side of the next, and again by every pass over
 * the history folders (history.c), so reads repeat several times over.
 * Kept up to WALK_TREES_BYTES (8 MiB measured no faster, 2.4 MB more at
 * 100k commits) and then dropped whole (as pack.c's delta
 * bases): the folders' trees are small next to the repository's.
 */
#define WALK_TREES_BYTES (2u << 20)
#define WALK_TREE_MAX (64u << 10)	/* a bigger tree is read each time */

struct walk_tree {
	git_oid id;
	size_t len;
	UT_hash_handle hh;
	char data[];
};

void walk_trees_free(struct walk *w)
{
	struct walk_tree *t, *tmp;

	HASH_ITER(hh, w->trees, t, tmp) {
		HASH_DEL(w->trees, t);
		free(t);
	}
	w->trees_bytes = 0;
}

static void walk_trees_put(struct walk *w, const git_oid *id, const char *data, size_t len)
{
	struct walk_tree *t;

	if (len > WALK_TREE_MAX)
		return;
	if (w->trees_bytes + len > WALK_TREES_BYTES)
		walk_trees_free(w);
	t = xmalloc(sizeof(*t) + len);
	git_oid_cpy(&t->id, id);
	t->len = len;
	memcpy(t->data, data, len);
	HASH_ADD(hh, w->trees, id, sizeof(t->id), t);
	w->trees_bytes += sizeof(*t) + len;
}

/*
 * A copy of tree id's raw data (NULL for a zero id): the tree merges below
 * hold two trees while they recurse.  The memo, then the pack reader (its
 * buffer is reused by the next read), libgit2 for anything it cannot give.
 */
static int walk_tree_copy(char **out, size_t *len, struct walk *w, const git_oid *id)
{
	git_odb_object *obj = NULL;
	const unsigned char *data;
	struct walk_tree *t;
	git_object_t type;
	char hex[GIT_OID_HEXSZ + 1];

	*out = NULL;
	*len = 0;
	if (!id || git_oid_is_zero(id))
		return 0;
	HASH_FIND(hh, w->trees, id, sizeof(*id), t);
	if (t) {
		*len = t->len;
		*out = xmalloc(t->len + 1);
		memcpy(*out, t->data, t->len);
		return 0;
	}
	if (packr_read(w->packr, id, &type, &data, len) == 0 && type == GIT_OBJECT_TREE) {
		*out = xmalloc(*len + 1);
		memcpy(*out, data, *len);
		walk_trees_put(w, id, *out, *len);
		return 0;
	}
	/* a cache hit walks nothing: the object database is not open yet */
	if ((!w->odb && git_repository_odb(&w->odb, w->repo->git) < 0) ||
	    git_odb_read(&obj, w->odb, id) < 0 || git_odb_object_type(obj) != GIT_OBJECT_TREE) {
		git_odb_object_free(obj);
		repo_oid_hex(hex, id);
		return repo_error("cannot read tree %s", hex);
	}
	*len = git_odb_object_size(obj);
	*out = xmalloc(*len + 1);
	memcpy(*out, git_odb_object_data(obj), *len);
	git_odb_object_free(obj);
	walk_trees_put(w, id, *out, *len);
	return 0;
}

/* One file's change, its paths prefix + name. */
static void walk_emit(struct walk_deltas *out, enum walk_change ch, const char *path,
		      const git_oid *old_blob, const git_oid *new_blob)
{
	struct walk_delta *o;

	XGROW(out->v, out->alloc, out->nr + 1);
	o = &out->v[out->nr++];
	memset(o, 0, sizeof(*o));
	o->change = ch;
	if (old_blob) {
		o->old_path = xstrdup(path);
		o->old_blob = *old_blob;
	}
	if (new_blob) {
		o->new_path = xstrdup(path);
		o->new_blob = *new_blob;
	}
}

/*
 * Two raw trees read side by side (either may be missing): entries come in
 * git's order as pairs, x from a and y from b, with one side NULL where
 * only the other tree has the name.
 */
struct walk_pair {
	char *da, *db;
	struct walk_entry *ea, *eb;
	size_t na, nb, i, j;
};

static int walk_pair_open(struct walk_pair *p, struct walk *w, const git_oid *a,
			  const git_oid *b)
{
	size_t la = 0, lb = 0, aa = 0, ab = 0;
	int rc;

	memset(p, 0, sizeof(*p));
	if ((rc = walk_tree_copy(&p->da, &la, w, a)) < 0 ||
	    (rc = walk_tree_copy(&p->db, &lb, w, b)) < 0)
		return rc;
	if (p->da)
		walk_parse_tree(&p->ea, &p->na, &aa, p->da, la);
	if (p->db)
		walk_parse_tree(&p->eb, &p->nb, &ab, p->db, lb);
	return 0;
}

/* The next pair; 0 when both trees are done. */
static int walk_pair_next(struct walk_pair *p, const struct walk_entry **x,
			  const struct walk_entry **y)
{
	int c;

	if (p->i >= p->na && p->j >= p->nb)
		return 0;
	c = p->i >= p->na ? 1 : p->j >= p->nb ? -1 :
	    walk_entry_cmp(&p->ea[p->i], &p->eb[p->j]);
	*x = c <= 0 ? &p->ea[p->i++] : NULL;
	*y = c >= 0 ? &p->eb[p->j++] : NULL;
	return 1;
}

static void walk_pair_close(struct walk_pair *p)
{
	free(p->ea);
	free(p->eb);
	free(p->da);
	free(p->db);
}

/*
 * The file changes between trees a and b (either may be zero) below
 * prefix, as libgit2's tree-to-tree diff gives them without type changes:
 * identical subtrees skipped, a file whose type changed is a delete and an
 * add, only files (not links or submodules) kept, in path order.
 */
static int walk_diff_raw(struct walk_deltas *out, struct walk *w, const git_oid *a,
			 const git_oid *b, struct strbuf *prefix)
{
	struct walk_pair pr;
	const struct walk_entry *x, *y;
	size_t plen = prefix->len;
	int rc = walk_pair_open(&pr, w, a, b);

	while (rc == 0 && walk_pair_next(&pr, &x, &y)) {

		if (x && y && git_oid_equal(&x->oid, &y->oid) && x->mode == y->mode)
			continue;
		strbuf_add(prefix, (x ? x : y)->name, (x ? x : y)->len);
		if (x && y && x->is_tree && y->is_tree) {
			strbuf_addch(prefix, '/');
			rc = walk_diff_raw(out, w, &x->oid, &y->oid, prefix);
		} else if (x && y && x->is_blob && y->is_blob) {
			walk_emit(out, WALK_MODIFIED, prefix->buf, &x->oid, &y->oid);
		} else {
			size_t nlen = prefix->len;

			if (x && x->is_tree) {
				strbuf_addch(prefix, '/');
				rc = walk_diff_raw(out, w, &x->oid, NULL, prefix);
				strbuf_setlen(prefix, nlen);
			} else if (x && x->is_blob) {
				walk_emit(out, WALK_DELETED, prefix->buf, &x->oid, NULL);
			}
			if (rc == 0 && y && y->is_tree) {
				strbuf_addch(prefix, '/');
				rc = walk_diff_raw(out, w, NULL, &y->oid, prefix);
			} else if (y && y->is_blob) {
				walk_emit(out, WALK_ADDED, prefix->buf, NULL, &y->oid);
			}
		}
		strbuf_setlen(prefix, plen);
	}
	walk_pair_close(&pr);
	return rc;
}

/* Folder i of dirs lies inside another one of them (its files are that one's). */
static int walk_dir_nested(const struct strvec *dirs, size_t i)
{
	for (size_t j = 0; j < dirs->nr; j++) {
		size_t n = strlen(dirs->v[j]);

		if (j != i && strcmp(dirs->v[i], dirs->v[j]) &&
		    (!n || (!strncmp(dirs->v[i], dirs->v[j], n) && dirs->v[i][n] == '/')))
			return 1;
		if (j < i && !strcmp(dirs->v[i], dirs->v[j]))
			return 1;	/* listed twice */
	}
	return 0;
}

/* The changes of folder i between two tree ids, appended to out. */
static int walk_diff_dir(struct walk_deltas *out, struct walk *w, size_t i,
			 const git_oid *a, const git_oid *b)
{
	struct strbuf prefix = STRBUF_INIT;
	int rc;

	strbuf_addstr(&prefix, w->dirs->v[i]);
	if (prefix.len)
		strbuf_addch(&prefix, '/');
	rc = walk_diff_raw(out, w, a, b, &prefix);
	strbuf_release(&prefix);
	return rc;
}

int walk_diff(struct walk_deltas *out, struct walk *w, const git_oid *old_dirs,
	      const git_oid *new_dirs, const git_oid *old_commit,
	      const git_oid *new_commit)
{
	size_t changed = 0, from = out->nr;
	int rc = 0;

	(void)new_commit;
	for (size_t i = 0; old_dirs && old_commit && i < w->dirs->nr; i++)
		changed += !git_oid_equal(&old_dirs[i], &new_dirs[i]);
	if (changed > 1) {
		/*
		 * Several folders changed: one rename detection over them all,
		 * so that a file moved from one folder to another is a rename.
		 */
		for (size_t i = 0; rc == 0 && i < w->dirs->nr; i++)
			if (!git_oid_equal(&old_dirs[i], &new_dirs[i]) &&
			    !walk_dir_nested(w->dirs, i))
				rc = walk_diff_dir(out, w, i, &old_dirs[i], &new_dirs[i]);
		return rc < 0 ? rc : walk_renames(out, from, w);
	}
	for (size_t i = 0; rc == 0 && i < w->dirs->nr; i++) {
		if (old_dirs && git_oid_equal(&old_dirs[i], &new_dirs[i]))
			continue;
		from = out->nr;
		if ((rc = walk_diff_dir(out, w, i, old_dirs ? &old_dirs[i] : NULL,
					&new_dirs[i])) == 0)
			rc = walk_renames(out, from, w);
	}
	return rc;
}

/*
 * The documents (.md, .markdown, .rst) outside the ADR folders that are in
 * tree a and not in tree b (either may be NULL), as deletes, by a merge of
 * the two trees that skips identical subtrees: a move needs a deleted
 * source.
 */
static int walk_deleted_docs(struct walk_deltas *out, struct walk *w, const git_oid *a,
			     const git_oid *b, struct strbuf *prefix)
{
	char *da = NULL, *db = NULL;
	size_t la = 0, lb = 0;
	struct walk_entry *ea = NULL, *eb = NULL;
	size_t na = 0, nb = 0, aa = 0, ab = 0, i = 0, j = 0, plen = prefix->len;
	int rc;

	if ((rc = walk_tree_copy(&da, &la, w, a)) < 0 ||
	    (rc = walk_tree_copy(&db, &lb, w, b)) < 0)
		goto done;
	if (da)
		walk_parse_tree(&ea, &na, &aa, da, la);
	if (db)
		walk_parse_tree(&eb, &nb, &ab, db, lb);
	while (i < na) {
		int c = j < nb ? walk_entry_cmp(&ea[i], &eb[j]) : -1;
		const struct walk_entry *x = &ea[i];

		if (c > 0) {
			j++;
			continue;
		}
		if (c == 0 && git_oid_equal(&x->oid, &eb[j].oid)) {
			i++, j++;
			continue;
		}
		strbuf_add(prefix, x->name, x->len);
		if (x->is_tree) {
			strbuf_addch(prefix, '/');
			rc = walk_deleted_docs(out, w, &x->oid, c == 0 ? &eb[j].oid : NULL,
					       prefix);
		} else if (x->is_blob && (c < 0 || !eb[j].is_blob) &&
			   walk_is_doc(x->name, x->len) &&
			   !discover_in_dirs(prefix->buf, w->dirs)) {
			walk_emit(out, WALK_DELETED, prefix->buf, &x->oid, NULL);
		}
		strbuf_setlen(prefix, plen);
		if (rc < 0)
			goto done;
		i++;
		if (c == 0)
			j++;
	}
done:
	free(ea);
	free(eb);
	free(da);
	free(db);
	return rc;
}

/* The root tree id of a commit. */
static int walk_root_tree(git_oid *out, struct walk *w, const git_oid *commit)
{
	git_odb_object *obj = NULL;
	char hex[GIT_OID_HEXSZ + 1];
	const char *buf;
	int rc = 0;

	if (!w->odb && git_repository_odb(&w->odb, w->repo->git) < 0)
		return repo_error("cannot open the object database");
	if (git_odb_read(&obj, w->odb, commit) < 0) {
		repo_oid_hex(hex, commit);
		return repo_error("cannot read commit %s", hex);
	}
	buf = git_odb_object_data(obj);
	if (git_odb_object_size(obj) < 45 || memcmp(buf, "tree ", 5) ||
	    walk_hex_oid(out, buf + 5, buf + git_odb_object_size(obj)) < 0) {
		repo_oid_hex(hex, commit);
		rc = error_set("cannot parse commit %s", hex);
	}
	git_odb_object_free(obj);
	return rc;
}

/* The root tree of a commit, from its node when walked. */
static int walk_commit_tree(git_oid *out, struct walk *w, const git_oid *commit)
{
	uint32_t idx = walk_find(w, commit);

	if (idx != WALK_NONE && !git_oid_is_zero(&w->nodes[idx].tree)) {
		*out = w->nodes[idx].tree;
		return 0;
	}
	return walk_root_tree(out, w, commit);
}

int walk_moves(struct walk_deltas *out, struct walk *w, const git_oid *old_commit,
	       const git_oid *new_commit, const struct strvec *targets)
{
	struct walk_deltas d = { 0 };
	struct strbuf prefix = STRBUF_INIT;
	git_oid ta, tb;
	int rc;

	if ((rc = walk_commit_tree(&ta, w, old_commit)) < 0 ||
	    (rc = walk_commit_tree(&tb, w, new_commit)) < 0 ||
	    (rc = walk_deleted_docs(&d, w, &ta, &tb, &prefix)) < 0 || !d.nr)
		goto done;
	/*
	 * Rename detection among the deleted documents and the targets only
	 * (a target that was a file in the old tree too is no add).
	 */
	for (size_t i = 0; i < targets->nr; i++) {
		git_oid was, is;

		if ((rc = walk_blob_at(&is, w, new_commit, targets->v[i])) < 0 ||
		    (rc = walk_blob_at(&was, w, old_commit, targets->v[i])) < 0)
			goto done;
		if (!git_oid_is_zero(&is) && git_oid_is_zero(&was))
			walk_emit(&d, WALK_ADDED, targets->v[i], NULL, &is);
	}
	if ((rc = walk_renames(&d, 0, w)) < 0)
		goto done;
	for (size_t i = 0; i < d.nr; i++) {
		if (d.v[i].change != WALK_RENAMED)
			continue;
		XGROW(out->v, out->alloc, out->nr + 1);
		out->v[out->nr++] = d.v[i];
		memset(&d.v[i], 0, sizeof(d.v[i]));
	}
done:
	walk_deltas_clear(&d);
	strbuf_release(&prefix);
	return rc;
}

int walk_blob_at(git_oid *out, struct walk *w, const git_oid *commit,
		 const char *path)
{
	uint32_t idx = walk_find(w, commit);
	git_oid cur;
	int rc;

	*out = walk_zero_oid;
	if (idx != WALK_NONE && !git_oid_is_zero(&w->nodes[idx].tree))
		cur = w->nodes[idx].tree;	/* zero for walk_prepend()'s nodes */
	else if ((rc = walk_root_tree(&cur, w, commit)) < 0)
		return rc;
	/*
	 * Every level through the memo: following a file back through many
	 * commits (and many files through the same commits) reads each tree
	 * once.
	 */
	while (*path && !git_oid_is_zero(&cur)) {
		const char *slash = strchr(path, '/');
		size_t n = slash ? (size_t)(slash - path) : strlen(path);
		git_oid parent = cur;

		if ((rc = walk_entry(&cur, w, &parent, path, n, 1, !slash)) < 0)
			return rc;
		path += n + (slash ? 1 : 0);
	}
	*out = cur;
	return 0;
}

/* Non-zero when folder path is one of dirs or holds one of them. */
static int walk_holds_dir(const char *path, size_t plen, const struct strvec *dirs)
{
	for (size_t i = 0; i < dirs->nr; i++) {
		const char *d = dirs->v[i];

		if (!*d || (!strncmp(d, path, plen) && (d[plen] == '/' || !d[plen])))
			return 1;
	}
	return 0;
}

/*
 * Compare trees a and b (either may be zero) below prefix: *changed is set
 * when anything differs; returns 1 as soon as a difference outside dirs is
 * found, 0 when none is, -1 on error.  Identical subtrees are skipped and
 * only a subtree that is or holds a folder of dirs is opened.
 */
static int walk_outside(struct walk *w, const git_oid *a, const git_oid *b,
			struct strbuf *prefix, const struct strvec *dirs, int *changed)
{
	struct walk_pair pr;
	const struct walk_entry *x, *y;
	size_t plen = prefix->len;
	int rc = walk_pair_open(&pr, w, a, b);

	while (rc == 0 && walk_pair_next(&pr, &x, &y)) {
		const struct walk_entry *any = x ? x : y;

		if (x && y && git_oid_equal(&x->oid, &y->oid))
			continue;
		*changed = 1;
		strbuf_add(prefix, any->name, any->len);
		if (discover_in_dirs(prefix->buf, dirs)) {
			/* a file or folder inside an ADR folder */
		} else if ((!x || x->is_tree) && (!y || y->is_tree) &&
			   walk_holds_dir(prefix->buf, prefix->len, dirs)) {
			strbuf_addch(prefix, '/');
			rc = walk_outside(w, x ? &x->oid : NULL, y ? &y->oid : NULL,
					  prefix, dirs, changed);
		} else {
			rc = 1;
		}
		strbuf_setlen(prefix, plen);
	}
	walk_pair_close(&pr);
	return rc;
}

int walk_bookkeeping(struct walk *w, uint32_t idx, const struct strvec *dirs)
{
	const struct walk_node *n = &w->nodes[idx];
	struct strbuf prefix = STRBUF_INIT;
	git_oid tree, ptree;
	int rc, changed = 0;

	memset(&ptree, 0, sizeof(ptree));
	/* a cache hit walks nothing: the object database is not open yet */
	if (!w->odb && git_repository_odb(&w->odb, w->repo->git) < 0)
		return repo_error("cannot open the object database");
	if (!git_oid_is_zero(&n->tree))
		tree = n->tree;
	else if ((rc = walk_root_tree(&tree, w, &n->oid)) < 0)
		return rc;
	if (n->nparents) {
		const git_oid *p = walk_parent_oid(w, n, 0);
		uint32_t pi = n->parents[0];

		if (git_oid_is_zero(p))
			return 0;	/* shallow: what it changed is unknown */
		if (pi != WALK_NONE && !git_oid_is_zero(&w->nodes[pi].tree))
			ptree = w->nodes[pi].tree;
		else if ((rc = walk_root_tree(&ptree, w, p)) < 0)
			return rc;
	}
	if (git_oid_equal(&tree, &ptree))
		return 0;	/* changes nothing: not bookkeeping */
	/*
	 * The walk's folder ids, when both are known and walked with the
	 * same folders: equal ones and different trees mean a change outside.
	 */
	if (dirs == w->dirs && n->dir_ids && n->nparents && n->parents[0] != WALK_NONE &&
	    w->nodes[n->parents[0]].dir_ids &&
	    walk_same_dirs(w, n->dir_ids, w->nodes[n->parents[0]].dir_ids))
		return 0;
	rc = walk_outside(w, &ptree, &tree, &prefix, dirs, &changed);
	strbuf_release(&prefix);
	if (rc < 0)
		return rc;
	return !rc && changed;
}
