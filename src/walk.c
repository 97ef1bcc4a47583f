/*
 * walk: the revwalk, the per-commit folder ids and the diffs under the ADR
 * folders (see walk.h).  The lineage and event rules live above, in
 * lineage.c and events.c; this file only talks to libgit2.
 */
#include "walk.h"

#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "xalloc.h"

static const git_oid walk_zero_oid;

void walk_free(struct walk *w)
{
	HASH_CLEAR(hh, w->by_oid);
	for (uint32_t i = 0; i < w->nr; i++)
		free(w->nodes[i].parent_oids);	/* the start of the node's block */
	free(w->nodes);
	free(w->chain);
	git_odb_free(w->odb);
	memset(w, 0, sizeof(*w));
}

uint32_t walk_find(const struct walk *w, const git_oid *oid)
{
	struct walk_node *n = NULL;

	HASH_FIND(hh, w->by_oid, oid, sizeof(*oid), n);
	return n ? (uint32_t)(n - w->nodes) : WALK_NONE;
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

/* The revwalk itself: every oid, parents first, into a flat array. */
static int walk_collect(git_oid **out, uint32_t *nr, struct walk *w,
			const git_oid *tip, const git_oid *hide)
{
	git_revwalk *rw = NULL;
	git_oid oid;
	size_t alloc = 0;
	int rc;

	*out = NULL;
	*nr = 0;
	if (git_revwalk_new(&rw, w->repo->git) < 0)
		return repo_error("cannot start the walk");
	git_revwalk_sorting(rw, GIT_SORT_TOPOLOGICAL | GIT_SORT_REVERSE);
	if (git_revwalk_push(rw, tip) < 0 || (hide && git_revwalk_hide(rw, hide) < 0)) {
		git_revwalk_free(rw);
		return repo_error("cannot start the walk");
	}
	while (!(rc = git_revwalk_next(&oid, rw))) {
		XGROW(*out, alloc, (size_t)*nr + 1);
		(*out)[(*nr)++] = oid;
	}
	git_revwalk_free(rw);
	if (rc != GIT_ITEROVER)
		return repo_error("cannot walk the history");
	return 0;
}

/* Parents, folder ids and the caller's per-commit hook for node idx. */
static int walk_node_load(struct walk *w, uint32_t idx, walk_commit_fn fn,
			  void *payload)
{
	struct walk_node *n = &w->nodes[idx];
	git_commit *c = NULL;
	git_tree *tree = NULL;
	char hex[GIT_OID_HEXSZ + 1];
	size_t ndirs = w->dirs->nr;
	char *block;
	int rc;

	if (git_commit_lookup(&c, w->repo->git, &n->oid) < 0) {
		repo_oid_hex(hex, &n->oid);
		return repo_error("cannot read commit %s", hex);
	}
	n->nparents = git_commit_parentcount(c);
	block = xcalloc(1, n->nparents * (sizeof(uint32_t) + sizeof(git_oid)) +
			ndirs * sizeof(git_oid) + sizeof(git_oid));
	/* oids first, so every member stays aligned */
	n->parent_oids = (git_oid *)block;
	n->dir_ids = n->parent_oids + n->nparents;
	n->parents = (uint32_t *)(n->dir_ids + ndirs + 1);
	/* parents points into the block: keep the block's start for free() */
	for (uint32_t i = 0; i < n->nparents; i++) {
		const git_oid *p = git_commit_parent_id(c, i);
		uint32_t pi;

		git_oid_cpy(&n->parent_oids[i], p);
		pi = walk_find(w, p);
		n->parents[i] = pi;
		if (pi != WALK_NONE)
			w->nodes[pi].children++;
		else if (!git_odb_exists(w->odb, p)) {
			/* a shallow boundary: the parent is not there at all */
			w->truncated = 1;
			memset(&n->parent_oids[i], 0, sizeof(git_oid));
		}
	}
	if (git_commit_tree(&tree, c) < 0) {
		git_commit_free(c);
		repo_oid_hex(hex, &n->oid);
		free(block);
		n->parent_oids = NULL;
		n->parents = NULL;
		n->dir_ids = NULL;
		return repo_error("cannot read the tree of %s", hex);
	}
	walk_dir_ids(n->dir_ids, w, tree);
	git_tree_free(tree);
	rc = fn ? fn(w, idx, c, payload) : 0;
	git_commit_free(c);
	return rc;
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
	git_oid *oids = NULL;
	uint32_t nr = 0;
	int rc;

	w->repo = repo;
	w->dirs = dirs;
	if (git_repository_odb(&w->odb, repo->git) < 0)
		return repo_error("cannot open the object database");
	if ((rc = walk_collect(&oids, &nr, w, tip, hide)) < 0)
		return rc;
	w->nodes = xcalloc(nr ? nr : 1, sizeof(*w->nodes));
	w->nr = w->alloc = nr;
	for (uint32_t i = 0; i < nr; i++) {
		w->nodes[i].oid = oids[i];
		HASH_ADD(hh, w->by_oid, oid, sizeof(git_oid), &w->nodes[i]);
	}
	free(oids);
	for (uint32_t i = 0; i < nr; i++)
		if ((rc = walk_node_load(w, i, fn, payload)) != 0)
			return rc < 0 ? rc : 0;
	walk_landed(w);
	return 0;
}

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
		int old_blob = d->old_file.mode == GIT_FILEMODE_BLOB ||
			       d->old_file.mode == GIT_FILEMODE_BLOB_EXECUTABLE;
		int new_blob = d->new_file.mode == GIT_FILEMODE_BLOB ||
			       d->new_file.mode == GIT_FILEMODE_BLOB_EXECUTABLE;

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

int walk_diff(struct walk_deltas *out, struct walk *w, const git_oid *old_dirs,
	      const git_oid *new_dirs)
{
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

static int walk_commit_tree(git_tree **out, struct walk *w, const git_oid *commit)
{
	git_commit *c = NULL;
	char hex[GIT_OID_HEXSZ + 1];
	int rc;

	*out = NULL;
	if (!commit)
		return 0;
	if (git_commit_lookup(&c, w->repo->git, commit) < 0) {
		repo_oid_hex(hex, commit);
		return repo_error("cannot read commit %s", hex);
	}
	rc = git_commit_tree(out, c);
	git_commit_free(c);
	if (rc < 0)
		return repo_error("cannot read a commit's tree");
	return 0;
}

int walk_moves(struct walk_deltas *out, struct walk *w, const git_oid *old_commit,
	       const git_oid *new_commit)
{
	static char md[] = "*.md", markdown[] = "*.markdown", rst[] = "*.rst";
	char *exts[] = { md, markdown, rst };
	git_diff_options opts;
	git_tree *a = NULL, *b = NULL;
	git_diff *diff = NULL;
	int rc;

	git_diff_options_init(&opts, GIT_DIFF_OPTIONS_VERSION);
	opts.pathspec.strings = exts;
	opts.pathspec.count = 3;
	if ((rc = walk_commit_tree(&a, w, old_commit)) < 0 ||
	    (rc = walk_commit_tree(&b, w, new_commit)) < 0 ||
	    (rc = walk_diff_trees(&diff, w, a, b, &opts)) < 0)
		goto done;
	walk_take_deltas(out, diff, "", 1);
done:
	git_diff_free(diff);
	git_tree_free(a);
	git_tree_free(b);
	return rc;
}

int walk_blob_at(git_oid *out, struct walk *w, const git_oid *commit,
		 const char *path)
{
	git_tree *t = NULL;
	git_tree_entry *e = NULL;
	int rc;

	*out = walk_zero_oid;
	if ((rc = walk_commit_tree(&t, w, commit)) < 0)
		return rc;
	if (git_tree_entry_bypath(&e, t, path) == 0) {
		if (git_tree_entry_type(e) == GIT_OBJECT_BLOB)
			git_oid_cpy(out, git_tree_entry_id(e));
		git_tree_entry_free(e);
	} else {
		git_error_clear();
	}
	git_tree_free(t);
	return 0;
}
