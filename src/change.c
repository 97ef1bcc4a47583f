/*
 * change: diff sizes for the hooks (staged index, one commit), the commits
 * a push sends, and where git keeps hooks.  hook.c decides what a size
 * means; this file only asks git.  See change.h.
 */
#include "change.h"

#include <fnmatch.h>
#include <stdlib.h>
#include <string.h>

#include "adr.h"
#include "bloblines.h"
#include "config.h"
#include "discover.h"
#include "error.h"
#include "strbuf.h"
#include "xalloc.h"

void change_clear(struct change *c)
{
	for (size_t i = 0; i < c->nr; i++)
		free(c->v[i].path);
	free(c->v);
	memset(c, 0, sizeof(*c));
}

int change_path_ignored(const char *path, const struct strvec *globs)
{
	const char *base = strrchr(path, '/');

	base = base ? base + 1 : path;
	for (size_t i = 0; globs && i < globs->nr; i++) {
		const char *g = globs->v[i];
		size_t n = strlen(g);

		if (!n)
			continue;
		if (g[n - 1] == '/') {
			/* a folder at any depth: match each leading part of path */
			struct strbuf dir = STRBUF_INIT;
			const char *p = path, *slash;
			int hit = 0;

			strbuf_add(&dir, g, n - 1);
			while (!hit && (slash = strchr(p, '/'))) {
				char *part = xstrndup(path, (size_t)(slash - path));
				const char *last = strrchr(part, '/');
				last = last ? last + 1 : part;
				hit = !fnmatch(dir.buf, strchr(dir.buf, '/') ? part : last, 0);
				free(part);
				p = slash + 1;
			}
			strbuf_release(&dir);
			if (hit)
				return 1;
		} else if (!strchr(g, '/')) {
			if (!fnmatch(g, base, 0))
				return 1;
		} else if (!fnmatch(g[0] == '/' ? g + 1 : g, path, 0)) {
			return 1;
		}
	}
	return 0;
}

enum change_class change_classify(const char *path, const struct change_filter *f)
{
	if (f->adr_dirs && f->adr_dirs->nr && discover_in_dirs(path, f->adr_dirs))
		return CHANGE_ADR;
	if (change_path_ignored(path, f->ignore))
		return CHANGE_IGNORED;
	return CHANGE_COUNTED;
}

static int change_file_cmp(const void *a, const void *b)
{
	const struct change_file *x = a, *y = b;

	if (x->lines != y->lines)
		return x->lines < y->lines ? 1 : -1;
	return strcmp(x->path, y->path);
}

/* What a change is diffed between: two trees, or a tree and an index. */
struct change_src {
	git_tree *old;		/* NULL: the empty tree */
	git_tree *tree;		/* the new side, or */
	git_index *index;	/* this index */
};

/* The diff of src, limited to the literal paths when paths is set. */
static int change_diff(git_diff **out, struct repo *repo, const struct change_src *src,
		       const git_strarray *paths)
{
	git_diff_options opts;

	git_diff_options_init(&opts, GIT_DIFF_OPTIONS_VERSION);
	opts.flags |= GIT_DIFF_IGNORE_SUBMODULES;
	if (paths) {
		opts.pathspec = *paths;
		opts.flags |= GIT_DIFF_DISABLE_PATHSPEC_MATCH;
	}
	if (src->index)
		return git_diff_tree_to_index(out, repo->git, src->old, src->index, &opts);
	return git_diff_tree_to_tree(out, repo->git, src->old, src->tree, &opts);
}

static const char *change_delta_path(const git_diff_delta *d)
{
	return d->status == GIT_DELTA_DELETED ? d->old_file.path : d->new_file.path;
}

/* Delta i of diff into out, unless it is an ADR's or ignored. */
static int change_count_delta(struct change *out, struct repo *repo, git_diff *diff,
			      size_t i, const struct change_filter *f)
{
	const git_diff_delta *d = git_diff_get_delta(diff, i);
	const char *path = change_delta_path(d);
	git_patch *patch = NULL;
	size_t add = 0, del = 0;
	struct change_file *cf;

	switch (change_classify(path, f)) {
	case CHANGE_ADR:
		if (d->status != GIT_DELTA_DELETED && discover_is_candidate(path, f->adr_dirs))
			out->adr_touched = 1;
		return 0;
	case CHANGE_IGNORED:
		return 0;
	case CHANGE_COUNTED:
		break;
	}
	if (d->status == GIT_DELTA_RENAMED && git_oid_equal(&d->old_file.id, &d->new_file.id)) {
		;	/* moved as it was: no line changed */
	} else if (bloblines_too_big(repo, &d->old_file.id, &d->new_file.id)) {
		/* streamed: libgit2's diff holds both sides whole, and more */
		if (bloblines_count(&add, repo, &d->old_file.id, &d->new_file.id, path) < 0)
			return -1;
	} else {
		if (git_patch_from_diff(&patch, diff, i) < 0)
			return repo_error("cannot diff '%s'", path);
		if (patch && git_patch_line_stats(NULL, &add, &del, patch) < 0) {
			git_patch_free(patch);
			return repo_error("cannot count the lines of '%s'", path);
		}
		git_patch_free(patch);
	}
	XGROW(out->v, out->alloc, out->nr + 1);
	cf = &out->v[out->nr++];
	cf->path = xstrdup(path);
	cf->lines = add + del;
	out->lines += cf->lines;
	out->files++;
	return 0;
}

static int change_find_renames(git_diff *diff)
{
	git_diff_find_options fopts;

	git_diff_find_options_init(&fopts, GIT_DIFF_FIND_OPTIONS_VERSION);
	fopts.flags = GIT_DIFF_FIND_RENAMES;
	if (git_diff_find_similar(diff, &fopts) < 0)
		return repo_error("cannot detect renames");
	return 0;
}

/*
 * Rename detection reads every added and deleted file whole (libgit2's
 * similarity signatures), so a file too big to diff is kept out of it:
 * it pairs only with a file of the same content (an exact rename), and
 * the other added and deleted files are diffed again, alone, for their
 * renames.  Returns 1 when diff has no added or deleted file too big.
 */
static int change_count_big(struct change *out, struct repo *repo, git_diff *diff,
			    const struct change_src *src, const struct change_filter *f)
{
	size_t n = git_diff_num_deltas(diff), nbig = 0, nadd = 0, ndel = 0;
	unsigned char *big = xcalloc(n + 1, 1);
	struct strvec small = STRVEC_INIT;
	git_diff *again = NULL;
	git_strarray paths;
	int rc = -1;

	for (size_t i = 0; i < n; i++) {
		const git_diff_delta *d = git_diff_get_delta(diff, i);

		nadd += d->status == GIT_DELTA_ADDED;
		ndel += d->status == GIT_DELTA_DELETED;
	}
	/* renames pair a deleted file with an added one: none, nothing read */
	for (size_t i = 0; nadd && ndel && i < n; i++) {
		const git_diff_delta *d = git_diff_get_delta(diff, i);

		if ((d->status == GIT_DELTA_ADDED || d->status == GIT_DELTA_DELETED) &&
		    change_classify(change_delta_path(d), f) == CHANGE_COUNTED &&
		    bloblines_too_big(repo, &d->old_file.id, &d->new_file.id)) {
			big[i] = 1;
			nbig++;
		}
	}
	if (!nbig) {
		free(big);
		return 1;
	}
	for (size_t i = 0; i < n; i++) {
		const git_diff_delta *d = git_diff_get_delta(diff, i);

		if (big[i]) {
			/* a deleted big file whose content was added again: moved */
			for (size_t j = 0; d->status == GIT_DELTA_ADDED && j < n; j++) {
				const git_diff_delta *o = git_diff_get_delta(diff, j);
				if (big[j] == 1 && o->status == GIT_DELTA_DELETED &&
				    git_oid_equal(&o->old_file.id, &d->new_file.id)) {
					big[j] = 2;	/* counted with its new name */
					big[i] = 3;
					break;
				}
			}
		} else if (d->status == GIT_DELTA_ADDED || d->status == GIT_DELTA_DELETED) {
			strvec_push(&small, change_delta_path(d));
		} else if (change_count_delta(out, repo, diff, i, f) < 0) {
			goto done;
		}
	}
	for (size_t i = 0; i < n; i++) {
		if (big[i] == 1 && change_count_delta(out, repo, diff, i, f) < 0)
			goto done;
		if (big[i] == 3) {
			/* as a rename: the file counts, no line of it */
			const git_diff_delta *d = git_diff_get_delta(diff, i);
			XGROW(out->v, out->alloc, out->nr + 1);
			out->v[out->nr].path = xstrdup(d->new_file.path);
			out->v[out->nr++].lines = 0;
			out->files++;
		}
	}
	if (small.nr) {
		paths.strings = small.v;
		paths.count = small.nr;
		if (change_diff(&again, repo, src, &paths) < 0) {
			repo_error("cannot diff the added and deleted files");
			goto done;
		}
		if (change_find_renames(again) < 0)
			goto done;
		for (size_t i = 0; i < git_diff_num_deltas(again); i++)
			if (change_count_delta(out, repo, again, i, f) < 0)
				goto done;
	}
	rc = 0;
done:
	git_diff_free(again);
	strvec_clear(&small);
	free(big);
	return rc;
}

/* Count the change src (diffed as diff) into out. */
static int change_count(struct change *out, struct repo *repo, git_diff *diff,
			const struct change_src *src, const struct change_filter *f)
{
	int rc = change_count_big(out, repo, diff, src, f);

	if (rc < 0)
		return -1;
	if (rc == 1) {
		size_t n;

		if (change_find_renames(diff) < 0)
			return -1;
		n = git_diff_num_deltas(diff);
		for (size_t i = 0; i < n; i++)
			if (change_count_delta(out, repo, diff, i, f) < 0)
				return -1;
	}
	if (out->nr > 1)
		qsort(out->v, out->nr, sizeof(*out->v), change_file_cmp);
	return 0;
}

int change_staged_base(struct change *out, struct repo *repo, int amend,
		       const struct change_filter *f)
{
	struct change_src src = { NULL, NULL, NULL };
	const char *index_file = getenv("GIT_INDEX_FILE");
	git_index *index = NULL;
	git_tree *tree = NULL;
	git_diff *diff = NULL;
	int rc = -1;

	memset(out, 0, sizeof(*out));
	if (index_file && *index_file) {
		if (git_index_open(&index, index_file) < 0)
			return repo_error("cannot read the index '%s'", index_file);
	} else if (git_repository_index(&index, repo->git) < 0) {
		return repo_error("cannot read the index");
	}
	if (git_repository_head_unborn(repo->git) == 1) {
		;	/* the first commit: against the empty tree */
	} else if (!amend) {
		if ((rc = repo_tree(&tree, repo, "HEAD")) < 0)
			goto done;
	} else {
		/* --amend replaces HEAD: its base is HEAD's first parent (none
		 * for a root commit: the empty tree) */
		git_commit *head = NULL, *parent = NULL;
		rc = repo_commit(&head, repo, "HEAD");
		if (rc == 0 && git_commit_parentcount(head) > 0 &&
		    (git_commit_parent(&parent, head, 0) < 0 ||
		     git_commit_tree(&tree, parent) < 0))
			rc = repo_error("cannot read the parent of HEAD");
		git_commit_free(parent);
		git_commit_free(head);
		if (rc < 0)
			goto done;
	}
	src.old = tree;
	src.index = index;
	if (change_diff(&diff, repo, &src, NULL) < 0) {
		rc = repo_error("cannot diff the index against %s", amend ? "HEAD^" : "HEAD");
		goto done;
	}
	rc = change_count(out, repo, diff, &src, f);
done:
	git_diff_free(diff);
	git_tree_free(tree);
	git_index_free(index);
	return rc;
}

int change_staged(struct change *out, struct repo *repo, const struct change_filter *f)
{
	return change_staged_base(out, repo, 0, f);
}

int change_commit(struct change *out, struct repo *repo, const char *rev,
		  const struct change_filter *f)
{
	struct change_src src = { NULL, NULL, NULL };
	git_commit *commit = NULL, *parent = NULL;
	git_tree *tree = NULL, *ptree = NULL;
	git_diff *diff = NULL;
	int rc;

	memset(out, 0, sizeof(*out));
	if ((rc = repo_commit(&commit, repo, rev)) < 0)
		return rc;
	rc = -1;
	if (git_commit_tree(&tree, commit) < 0) {
		repo_error("cannot read the tree of '%s'", rev);
		goto done;
	}
	if (git_commit_parentcount(commit) > 0) {
		if (git_commit_parent(&parent, commit, 0) < 0 ||
		    git_commit_tree(&ptree, parent) < 0) {
			repo_error("cannot read the parent of '%s'", rev);
			goto done;
		}
	}
	src.old = ptree;
	src.tree = tree;
	if (change_diff(&diff, repo, &src, NULL) < 0) {
		repo_error("cannot diff '%s'", rev);
		goto done;
	}
	rc = change_count(out, repo, diff, &src, f);
done:
	git_diff_free(diff);
	git_tree_free(ptree);
	git_tree_free(tree);
	git_commit_free(parent);
	git_commit_free(commit);
	return rc;
}

int change_is_zero_sha(const char *sha)
{
	if (!sha || !*sha)
		return 1;
	for (; *sha; sha++)
		if (*sha != '0')
			return 0;
	return 1;
}

/* The commit rev names, as an oid; 0 or -1 (no error recorded). */
static int change_resolve(git_oid *out, struct repo *repo, const char *rev)
{
	git_object *obj = NULL, *peeled = NULL;
	int rc = -1;

	if (git_revparse_single(&obj, repo->git, rev) == 0 &&
	    git_object_peel(&peeled, obj, GIT_OBJECT_COMMIT) == 0) {
		git_oid_cpy(out, git_object_id(peeled));
		rc = 0;
	}
	git_object_free(peeled);
	git_object_free(obj);
	git_error_clear();
	return rc;
}

int change_outgoing(struct strvec *out, struct repo *repo, const char *local,
		    const char *remote_sha, const char *remote)
{
	git_revwalk *walk = NULL;
	git_oid oid;
	int rc = -1, hidden = 0;

	if (change_resolve(&oid, repo, local) < 0)
		return error_set("pre-push: unknown commit '%s'", local);
	if (git_revwalk_new(&walk, repo->git) < 0)
		return repo_error("cannot walk commits");
	git_revwalk_sorting(walk, GIT_SORT_TOPOLOGICAL | GIT_SORT_REVERSE);
	if (git_revwalk_push(walk, &oid) < 0) {
		repo_error("cannot walk from '%s'", local);
		goto done;
	}
	if (!change_is_zero_sha(remote_sha)) {
		git_oid r;
		/* the remote's commit may be unknown here (someone else pushed) */
		if (change_resolve(&r, repo, remote_sha) == 0 &&
		    git_revwalk_hide(walk, &r) == 0)
			hidden = 1;
		git_error_clear();
	}
	if (!hidden && remote && *remote) {
		struct strbuf glob = STRBUF_INIT;
		strbuf_addf(&glob, "refs/remotes/%s/*", remote);
		git_revwalk_hide_glob(walk, glob.buf);	/* none: nothing hidden */
		git_error_clear();
		strbuf_release(&glob);
	}
	for (;;) {
		git_commit *c = NULL;
		char hex[ADR_OID_HEX];
		int r = git_revwalk_next(&oid, walk);

		if (r == GIT_ITEROVER)
			break;
		if (r < 0) {
			repo_error("cannot walk from '%s'", local);
			goto done;
		}
		if (git_commit_lookup(&c, repo->git, &oid) < 0) {
			repo_error("cannot read commit");
			goto done;
		}
		if (git_commit_parentcount(c) <= 1) {
			repo_oid_hex(hex, &oid);
			strvec_push(out, hex);
		}
		git_commit_free(c);
	}
	rc = 0;
done:
	git_revwalk_free(walk);
	return rc;
}

int change_base_tree(git_tree **out, struct repo *repo)
{
	git_index *index = NULL;
	const char *index_file = getenv("GIT_INDEX_FILE");
	git_oid id;
	int rc;

	*out = NULL;
	if (git_repository_head_unborn(repo->git) != 1)
		return repo_tree(out, repo, "HEAD");
	if (index_file && *index_file)
		rc = git_index_open(&index, index_file);
	else
		rc = git_repository_index(&index, repo->git);
	if (rc < 0)
		return repo_error("cannot read the index");
	rc = git_index_write_tree_to(&id, index, repo->git);
	git_index_free(index);
	if (rc < 0)
		return repo_error("cannot write the index as a tree");
	if (git_tree_lookup(out, repo->git, &id) < 0)
		return repo_error("cannot read the staged tree");
	return 0;
}

/* A string from git config (its command-line channels too: config.c), or
 * NULL (caller frees). */
static char *change_config_string(struct repo *repo, const char *name)
{
	char *ret = NULL;

	if (config_get_git(&ret, repo, name) < 0)
		error_clear();
	return ret;
}

int change_head_unborn(struct repo *repo)
{
	return git_repository_head_unborn(repo->git) == 1;
}

char *change_message(struct repo *repo, const char *rev)
{
	git_commit *c = NULL;
	const char *m;
	char *ret;

	if (repo_commit(&c, repo, rev) < 0)
		return NULL;
	m = git_commit_message(c);
	ret = xstrdup(m ? m : "");
	git_commit_free(c);
	return ret;
}

int change_merging(struct repo *repo)
{
	return git_repository_state(repo->git) == GIT_REPOSITORY_STATE_MERGE;
}

const char *change_workdir(struct repo *repo)
{
	return git_repository_workdir(repo->git);
}

void change_trust_objects(void)
{
	git_libgit2_opts(GIT_OPT_ENABLE_STRICT_HASH_VERIFICATION, 0);
}

int change_hooks_dir(char **out, struct repo *repo)
{
	char *hp = change_config_string(repo, "core.hooksPath");
	struct strbuf sb = STRBUF_INIT;

	if (hp && *hp) {
		const char *home = getenv("HOME");
		if (hp[0] == '~' && hp[1] == '/' && home) {
			strbuf_addf(&sb, "%s/%s", home, hp + 2);
		} else if (hp[0] == '/') {
			strbuf_addstr(&sb, hp);
		} else {
			/* relative: to where hooks run, the top of the work tree */
			const char *wd = git_repository_workdir(repo->git);
			strbuf_addstr(&sb, wd ? wd : git_repository_path(repo->git));
			if (sb.len && sb.buf[sb.len - 1] != '/')
				strbuf_addch(&sb, '/');
			strbuf_addstr(&sb, hp);
		}
	} else {
		strbuf_addstr(&sb, git_repository_commondir(repo->git));
		if (sb.len && sb.buf[sb.len - 1] != '/')
			strbuf_addch(&sb, '/');
		strbuf_addstr(&sb, "hooks");
	}
	while (sb.len > 1 && sb.buf[sb.len - 1] == '/')
		strbuf_setlen(&sb, sb.len - 1);
	free(hp);
	*out = strbuf_detach(&sb, NULL);
	return 0;
}

int change_comment_char(struct repo *repo)
{
	char *v = change_config_string(repo, "core.commentChar");
	int c = '#';

	if (v && *v && strcmp(v, "auto"))
		c = (unsigned char)v[0];
	free(v);
	return c;
}

char *change_cleanup_mode(struct repo *repo)
{
	return change_config_string(repo, "commit.cleanup");
}

char *change_subject(struct repo *repo, const char *rev)
{
	git_commit *c = NULL;
	const char *s;
	char *ret = NULL;

	if (repo_commit(&c, repo, rev) < 0) {
		error_clear();
		return NULL;
	}
	s = git_commit_summary(c);
	ret = xstrdup(s ? s : "");
	git_commit_free(c);
	return ret;
}
