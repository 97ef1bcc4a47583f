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

static char *walk_join(const char *dir, const char *path)
{
	size_t a = strlen(dir), b = strlen(path);
	char *s;

	if (!a)
		return xstrdup(path);
	s = xmalloc(a + b + 2);
	memcpy(s, dir, a);
	s[a] = '/';
	memcpy(s + a + 1, path, b + 1);
	return s;
}

/* Append the blob deltas of diff (paths prefixed with dir) to out. */
static void walk_take_deltas(struct walk_deltas *out, git_diff *diff,
			     const char *dir, int renames_only)
{
	size_t n = git_diff_num_deltas(diff);

	for (size_t i = 0; i < n; i++) {
		const git_diff_delta *d = git_diff_get_delta(diff, i);
		struct walk_delta *o;
		enum walk_change ch;
		/* libgit2 passes a tree's mode on as written (0100664 too) */
		int old_blob = tree_mode_is_file(d->old_file.mode);
		int new_blob = tree_mode_is_file(d->new_file.mode);

		switch (d->status) {
		case GIT_DELTA_ADDED: ch = WALK_ADDED; break;
		case GIT_DELTA_DELETED: ch = WALK_DELETED; break;
		case GIT_DELTA_MODIFIED: ch = WALK_MODIFIED; break;
		case GIT_DELTA_RENAMED: ch = WALK_RENAMED; break;
		case GIT_DELTA_TYPECHANGE:
			/* a symlink became a file or back: only the file side counts */
			ch = old_blob ? WALK_DELETED : WALK_ADDED;
			break;
		default: continue;
		}
		if (renames_only && ch != WALK_RENAMED)
			continue;
		if ((ch == WALK_ADDED && !new_blob) || (ch == WALK_DELETED && !old_blob))
			continue;
		if ((ch == WALK_MODIFIED || ch == WALK_RENAMED) && (!old_blob || !new_blob))
			continue;
		XGROW(out->v, out->alloc, out->nr + 1);
		o = &out->v[out->nr++];
		memset(o, 0, sizeof(*o));
		o->change = ch;
		if (ch != WALK_ADDED) {
			o->old_path = walk_join(dir, d->old_file.path);
			git_oid_cpy(&o->old_blob, &d->old_file.id);
		}
		if (ch != WALK_DELETED) {
			o->new_path = walk_join(dir, d->new_file.path);
			git_oid_cpy(&o->new_blob, &d->new_file.id);
		}
	}
}

static int walk_tree(git_tree **out, struct walk *w, const git_oid *id)
{
	char hex[GIT_OID_HEXSZ + 1];

	*out = NULL;
	if (!id || git_oid_is_zero(id))
		return 0;
	if (git_tree_lookup(out, w->repo->git, id) < 0) {
		repo_oid_hex(hex, id);
		return repo_error("cannot read tree %s", hex);
	}
	return 0;
}

/* Diff two trees (either may be NULL) with rename detection at 50%. */
static int walk_diff_trees(git_diff **out, struct walk *w, git_tree *a, git_tree *b,
			   const git_diff_options *opts)
{
	git_diff_find_options fo;

	git_diff_find_options_init(&fo, GIT_DIFF_FIND_OPTIONS_VERSION);
	if (git_diff_tree_to_tree(out, w->repo->git, a, b, opts) < 0)
		return repo_error("cannot diff the ADR folder");
	fo.flags = GIT_DIFF_FIND_RENAMES;
	fo.rename_threshold = 50;
	fo.rename_limit = 1000;
	if (git_diff_find_similar(*out, &fo) < 0) {
		git_diff_free(*out);
		*out = NULL;
		return repo_error("cannot detect renames");
	}
	return 0;
}

static int walk_root_tree(git_oid *out, struct walk *w, const git_oid *commit);

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

/*
 * Several folders changed: one diff of the root trees limited to them, so
 * that a file moved from one folder to another is a rename.
 */
static int walk_diff_across(struct walk_deltas *out, struct walk *w,
			    const git_oid *old_commit, const git_oid *new_commit)
{
	git_diff_options opts;
	git_oid ta, tb;
	git_tree *a = NULL, *b = NULL;
	git_diff *diff = NULL;
	int rc;

	if ((rc = walk_commit_tree(&ta, w, old_commit)) < 0 ||
	    (rc = walk_commit_tree(&tb, w, new_commit)) < 0)
		return rc;
	git_diff_options_init(&opts, GIT_DIFF_OPTIONS_VERSION);
	opts.pathspec.strings = (char **)w->dirs->v;
	opts.pathspec.count = w->dirs->nr;
	for (size_t i = 0; i < w->dirs->nr; i++)
		if (!*w->dirs->v[i])
			opts.pathspec.count = 0;	/* the root: everything */
	if ((rc = walk_tree(&a, w, &ta)) == 0 && (rc = walk_tree(&b, w, &tb)) == 0 &&
	    (rc = walk_diff_trees(&diff, w, a, b, &opts)) == 0)
		walk_take_deltas(out, diff, "", 0);
	git_diff_free(diff);
	git_tree_free(a);
	git_tree_free(b);
	return rc;
}

int walk_diff(struct walk_deltas *out, struct walk *w, const git_oid *old_dirs,
	      const git_oid *new_dirs, const git_oid *old_commit,
	      const git_oid *new_commit)
{
	size_t changed = 0;

	for (size_t i = 0; old_dirs && old_commit && i < w->dirs->nr; i++)
		changed += !git_oid_equal(&old_dirs[i], &new_dirs[i]);
	if (changed > 1)
		return walk_diff_across(out, w, old_commit, new_commit);
	for (size_t i = 0; i < w->dirs->nr; i++) {
		git_tree *a = NULL, *b = NULL;
		git_diff *diff = NULL;
		int rc;

		if (old_dirs && git_oid_equal(&old_dirs[i], &new_dirs[i]))
			continue;
		if ((rc = walk_tree(&a, w, old_dirs ? &old_dirs[i] : NULL)) < 0 ||
		    (rc = walk_tree(&b, w, &new_dirs[i])) < 0 ||
		    (rc = walk_diff_trees(&diff, w, a, b, NULL)) < 0) {
			git_tree_free(a);
			git_tree_free(b);
			return rc;
		}
		walk_take_deltas(out, diff, w->dirs->v[i], 0);
		git_diff_free(diff);
		git_tree_free(a);
		git_tree_free(b);
	}
	return 0;
}

/* One entry of a raw tree object. */
struct walk_entry {
	const char *name;
	size_t len;
	int is_tree;
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

		if (!sp)
			break;
		nul = memchr(sp + 1, '\0', (size_t)(end - sp - 1));
		if (!nul || nul + 21 > end)
			break;
		XGROW(*out, *alloc, *nr + 1);
		e = &(*out)[(*nr)++];
		e->name = sp + 1;
		e->len = (size_t)(nul - sp - 1);
		e->is_tree = tree_mode_is_tree(tree_mode_parse(p, (size_t)(sp - p)));
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

static int walk_read_tree(git_odb_object **obj, struct walk *w, const git_oid *id)
{
	char hex[GIT_OID_HEXSZ + 1];

	*obj = NULL;
	if (!id || git_oid_is_zero(id))
		return 0;
	if (git_odb_read(obj, w->odb, id) < 0) {
		repo_oid_hex(hex, id);
		return repo_error("cannot read tree %s", hex);
	}
	return 0;
}

/*
 * The documents (.md, .markdown, .rst) outside the ADR folders that are in
 * tree a and not in tree b (either may be NULL), by a merge of the two
 * trees that skips identical subtrees: a move needs a deleted source.
 */
static int walk_deleted_docs(struct strvec *out, struct walk *w, const git_oid *a,
			     const git_oid *b, struct strbuf *prefix)
{
	git_odb_object *oa = NULL, *ob = NULL;
	struct walk_entry *ea = NULL, *eb = NULL;
	size_t na = 0, nb = 0, aa = 0, ab = 0, i = 0, j = 0, plen = prefix->len;
	int rc;

	if ((rc = walk_read_tree(&oa, w, a)) < 0 || (rc = walk_read_tree(&ob, w, b)) < 0)
		goto done;
	if (oa)
		walk_parse_tree(&ea, &na, &aa, git_odb_object_data(oa), git_odb_object_size(oa));
	if (ob)
		walk_parse_tree(&eb, &nb, &ab, git_odb_object_data(ob), git_odb_object_size(ob));
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
		} else if (c < 0 && walk_is_doc(x->name, x->len) &&
			   !discover_in_dirs(prefix->buf, w->dirs)) {
			strvec_push(out, prefix->buf);
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
	git_odb_object_free(oa);
	git_odb_object_free(ob);
	return rc;
}

/* The root tree id of a commit. */
static int walk_root_tree(git_oid *out, struct walk *w, const git_oid *commit)
{
	git_odb_object *obj = NULL;
	char hex[GIT_OID_HEXSZ + 1];
	const char *buf;
	int rc = 0;

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

int walk_moves(struct walk_deltas *out, struct walk *w, const git_oid *old_commit,
	       const git_oid *new_commit, const struct strvec *targets)
{
	struct strvec paths = STRVEC_INIT;
	struct strbuf prefix = STRBUF_INIT;
	git_diff_options opts;
	git_oid ta, tb;
	git_tree *a = NULL, *b = NULL;
	git_diff *diff = NULL;
	int rc;

	if ((rc = walk_root_tree(&ta, w, old_commit)) < 0 ||
	    (rc = walk_root_tree(&tb, w, new_commit)) < 0 ||
	    (rc = walk_deleted_docs(&paths, w, &ta, &tb, &prefix)) < 0 || !paths.nr)
		goto done;
	/* rename detection among the deleted documents and the targets only */
	for (size_t i = 0; i < targets->nr; i++)
		strvec_push(&paths, targets->v[i]);
	git_diff_options_init(&opts, GIT_DIFF_OPTIONS_VERSION);
	opts.flags |= GIT_DIFF_DISABLE_PATHSPEC_MATCH;
	opts.pathspec.strings = paths.v;
	opts.pathspec.count = paths.nr;
	if ((rc = walk_tree(&a, w, &ta)) < 0 || (rc = walk_tree(&b, w, &tb)) < 0 ||
	    (rc = walk_diff_trees(&diff, w, a, b, &opts)) < 0)
		goto done;
	walk_take_deltas(out, diff, "", 1);
done:
	git_diff_free(diff);
	git_tree_free(a);
	git_tree_free(b);
	strvec_clear(&paths);
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
/*
 * A copy of tree id's raw data (NULL for a zero id): walk_outside() holds
 * two trees while it recurses.  (Not through the pack reader: its blocks
 * suit the walk's reads in pack order, not these scattered ones.)
 */
static int walk_tree_copy(char **out, size_t *len, struct walk *w, const git_oid *id)
{
	git_odb_object *obj = NULL;
	int rc;

	*out = NULL;
	*len = 0;
	if (!id || git_oid_is_zero(id))
		return 0;
	if ((rc = walk_read_tree(&obj, w, id)) < 0)
		return rc;
	*len = git_odb_object_size(obj);
	*out = xmalloc(*len + 1);
	memcpy(*out, git_odb_object_data(obj), *len);
	git_odb_object_free(obj);
	return 0;
}

static int walk_outside(struct walk *w, const git_oid *a, const git_oid *b,
			struct strbuf *prefix, const struct strvec *dirs, int *changed)
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
	while (rc == 0 && (i < na || j < nb)) {
		int c = i >= na ? 1 : j >= nb ? -1 : walk_entry_cmp(&ea[i], &eb[j]);
		const struct walk_entry *x = c <= 0 ? &ea[i] : NULL;
		const struct walk_entry *y = c >= 0 ? &eb[j] : NULL;
		const struct walk_entry *any = x ? x : y;

		i += c <= 0;
		j += c >= 0;
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
done:
	free(ea);
	free(eb);
	free(da);
	free(db);
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
