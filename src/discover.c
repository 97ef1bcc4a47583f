/*
 * discover: ADR folders by the rules of SPEC section 1 and the candidate
 * files under them, read from git trees (never the work tree).  Parsing a
 * candidate is parse.c's job; discover_load() ties the two for `list`.
 */
#include "discover.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "adrid.h"
#include "config.h"
#include "docmemo.h"
#include "error.h"
#include "parse.h"
#include "status.h"
#include "strbuf.h"
#include "uthash_config.h"
#include "xalloc.h"

static const char *const default_dirs[] = {
	"doc/adr", "docs/adr", "docs/adrs", "docs/decisions", "doc/decisions",
	"docs/architecture/decisions", "docs/architecture-decisions",
	"docs/architecture/adr", "architecture/decisions", "adr", "decisions",
	"docs/architecture", NULL
};

void adr_files_clear(struct adr_files *files)
{
	for (size_t i = 0; i < files->nr; i++)
		free(files->v[i].path);
	free(files->v);
	memset(files, 0, sizeof(*files));
}

char *discover_normalize_dir(const char *dir)
{
	struct strbuf sb = STRBUF_INIT;
	const char *p = dir;

	while (*p == ' ' || *p == '\t')
		p++;
	while (p[0] == '.' && p[1] == '/')
		p += 2;
	while (*p == '/')
		p++;
	strbuf_addstr(&sb, p);
	strbuf_rtrim(&sb);
	while (sb.len && sb.buf[sb.len - 1] == '/')
		strbuf_setlen(&sb, sb.len - 1);
	if (sb.len >= 2 && !strcmp(sb.buf + sb.len - 2, "/."))
		strbuf_setlen(&sb, sb.len - 2);
	if (!strcmp(sb.buf, "."))
		strbuf_reset(&sb);
	return strbuf_detach(&sb, NULL);
}

/* A set of folder names, so that pushing N folders costs O(N). */
struct dir_seen {
	UT_hash_handle hh;
	char name[];
};

static void dir_seen_clear(struct dir_seen **set)
{
	struct dir_seen *d, *tmp;

	HASH_ITER(hh, *set, d, tmp) {
		HASH_DEL(*set, d);
		free(d);
	}
}

static int dir_seen_add(struct dir_seen **set, const char *name)
{
	struct dir_seen *d;
	size_t n = strlen(name);

	HASH_FIND(hh, *set, name, n, d);
	if (d)
		return 0;
	d = xmalloc(sizeof(*d) + n + 1);
	memcpy(d->name, name, n + 1);
	HASH_ADD_KEYPTR(hh, *set, d->name, n, d);
	return 1;
}

static void discover_push_dir(struct strvec *out, struct dir_seen **seen, const char *dir)
{
	char *n = discover_normalize_dir(dir);

	if (dir_seen_add(seen, n))
		strvec_push_owned(out, n);
	else
		free(n);
}

/*
 * A folder path from a committed file must stay inside the work tree
 * (SPEC 1 rev2): no absolute path, no ".." component.
 */
static int discover_check_committed(const char *dir, const char *file)
{
	const char *p = dir;

	while (*p == ' ' || *p == '\t')
		p++;
	if (*p == '/' || *p == '\\' || (p[0] && p[1] == ':' && (p[2] == '/' || p[2] == '\\')))
		return error_set("%s: folder '%s' is an absolute path; folders are "
				 "relative to the repository root", file, dir);
	for (; *p; p++) {
		if (p[0] == '.' && p[1] == '.' && (p == dir || p[-1] == '/' || p[-1] == '\\') &&
		    (!p[2] || p[2] == '/' || p[2] == '\\' || p[2] == ' ' || p[2] == '\t'))
			return error_set("%s: folder '%s' leaves the repository ('..'); "
					 "it is not read", file, dir);
	}
	return 0;
}

/* adrFolder values of a .log4brains.yml, top level and in packages[]. */
static int discover_log4brains(struct strvec *out, struct dir_seen **seen, const char *buf)
{
	const char *p = buf;

	while (p && *p) {
		const char *line = p, *nl = strchr(p, '\n');
		const char *k;
		size_t len = nl ? (size_t)(nl - line) : strlen(line);
		char *l = xstrndup(line, len);

		p = nl ? nl + 1 : NULL;
		k = l;
		while (*k == ' ' || *k == '\t' || *k == '-')
			k++;
		if (!strncmp(k, "adrFolder:", 10)) {
			char *v = (char *)k + 10, *e;
			while (*v == ' ' || *v == '\t')
				v++;
			if ((e = strstr(v, " #")))
				*e = '\0';
			e = v + strlen(v);
			while (e > v && (e[-1] == ' ' || e[-1] == '\r' || e[-1] == '\t'))
				*--e = '\0';
			if ((*v == '"' || *v == '\'') && e > v + 1 && e[-1] == *v) {
				e[-1] = '\0';
				v++;
			}
			if (*v && discover_check_committed(v, ".log4brains.yml") < 0) {
				free(l);
				return -1;
			}
			if (*v)
				discover_push_dir(out, seen, v);
		}
		free(l);
	}
	return 0;
}

/*
 * The subtrees of one tree by folder path, each looked up once: with N
 * configured folders in one parent, git_tree_entry_bypath() would parse
 * the parent N times (O(N^2) for a committed .adrlog of 40,000 folders).
 */
struct tree_memo {
	UT_hash_handle hh;
	git_tree *tree;		/* NULL: no such folder */
	char name[];
};

static void tree_memo_clear(struct tree_memo **m)
{
	struct tree_memo *t, *tmp;

	HASH_ITER(hh, *m, t, tmp) {
		HASH_DEL(*m, t);
		git_tree_free(t->tree);
		free(t);
	}
}

/* The subtree at dir ("" is tree itself; not to be freed) or NULL. */
static const git_tree *tree_memo_get(struct tree_memo **m, struct repo *repo,
				     const git_tree *tree, const char *dir, size_t n)
{
	struct tree_memo *t;
	const git_tree *parent;
	const git_tree_entry *e;
	const char *slash;
	size_t p = n;

	if (!n)
		return tree;
	HASH_FIND(hh, *m, dir, n, t);
	if (t)
		return t->tree;
	while (p && dir[p - 1] != '/')
		p--;
	slash = p ? dir + p - 1 : NULL;
	parent = tree_memo_get(m, repo, tree, dir, slash ? (size_t)(slash - dir) : 0);
	t = xcalloc(1, sizeof(*t) + n + 1);
	memcpy(t->name, dir, n);
	if (parent) {
		char *last = xstrndup(dir + p, n - p);

		e = git_tree_entry_byname(parent, last);
		if (e && git_tree_entry_type(e) == GIT_OBJECT_TREE &&
		    git_tree_lookup(&t->tree, repo->git, git_tree_entry_id(e)) < 0) {
			git_error_clear();
			t->tree = NULL;
		}
		free(last);
	}
	HASH_ADD_KEYPTR(hh, *m, t->name, n, t);
	return t->tree;
}

/*
 * Is there anything at path?  A folder replaced by a file at the tip still
 * has its history to walk: only a name with nothing behind it is "missing".
 */
static int discover_path_exists(const git_tree *tree, const char *path)
{
	git_tree_entry *e = NULL;

	if (git_tree_entry_bypath(&e, tree, path) < 0) {
		git_error_clear();
		return 0;
	}
	git_tree_entry_free(e);
	return 1;
}

static int discover_tree_has_dir(struct tree_memo **m, struct repo *repo,
				 const git_tree *tree, const char *dir)
{
	return tree_memo_get(m, repo, tree, dir, strlen(dir)) != NULL;
}

/*
 * The folder dir in tree with its names compared case-insensitively
 * ("ADR", "Docs/ADR" for "adr", "docs/adr"; SPEC 1 rule 5): its real path
 * into real.  An exact name wins over another spelling.  0 when found.
 */
static int discover_tree_find_ci(struct strbuf *real, struct repo *repo,
				 const git_tree *tree, const char *dir)
{
	git_tree *cur = NULL;
	const char *p = dir;
	int rc = -1;

	strbuf_reset(real);
	if (git_tree_dup(&cur, (git_tree *)tree) < 0)
		return -1;
	while (*p) {
		const char *slash = strchr(p, '/');
		size_t n = slash ? (size_t)(slash - p) : strlen(p);
		const git_tree_entry *hit = NULL;
		git_tree *next = NULL;

		for (size_t i = 0; i < git_tree_entrycount(cur); i++) {
			const git_tree_entry *e = git_tree_entry_byindex(cur, i);
			const char *name = git_tree_entry_name(e);

			if (git_tree_entry_type(e) != GIT_OBJECT_TREE || strlen(name) != n ||
			    strncasecmp(name, p, n))
				continue;
			if (!hit || !strncmp(name, p, n))
				hit = e;
		}
		if (!hit || git_tree_lookup(&next, repo->git, git_tree_entry_id(hit)) < 0) {
			git_error_clear();
			goto done;
		}
		if (real->len)
			strbuf_addch(real, '/');
		strbuf_addstr(real, git_tree_entry_name(hit));
		git_tree_free(cur);
		cur = next;
		p += n;
		while (*p == '/')
			p++;
	}
	rc = 0;
done:
	git_tree_free(cur);
	return rc;
}

/* Rule 6 (SPEC 1 rev2): folders by content. */
struct content_dir {
	UT_hash_handle hh;
	git_oid *blobs;		/* its files that are ADRs by name */
	char **paths;
	size_t nr, alloc;
	char name[];
};

struct content_walk {
	struct content_dir *dirs;
};

static int discover_content_cb(const char *root, const git_tree_entry *e, void *payload)
{
	struct content_walk *w = payload;
	const char *name = git_tree_entry_name(e);
	struct content_dir *d;
	size_t n = strlen(root);
	char *id;

	if (git_tree_entry_type(e) != GIT_OBJECT_BLOB ||
	    git_tree_entry_filemode(e) == GIT_FILEMODE_LINK ||
	    !adrid_has_adr_ext(name) || adrid_is_excluded(name))
		return 0;
	if (!(id = adrid_from_name(name)))
		return 0;
	free(id);
	if (n && root[n - 1] == '/')
		n--;	/* libgit2 gives "docs/adr/" */
	HASH_FIND(hh, w->dirs, root, n, d);
	if (!d) {
		d = xcalloc(1, sizeof(*d) + n + 1);
		memcpy(d->name, root, n);
		HASH_ADD_KEYPTR(hh, w->dirs, d->name, n, d);
	}
	XGROW(d->blobs, d->alloc, d->nr + 1);
	d->paths = xrealloc(d->paths, d->alloc * sizeof(*d->paths));
	git_oid_cpy(&d->blobs[d->nr], git_tree_entry_id(e));
	d->paths[d->nr++] = xstrdup(name);
	return 0;
}

static int discover_str_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Does folder d hold ADRs that are at least half with a status? */
static int discover_content_ok(struct repo *repo, const struct content_dir *d)
{
	size_t with = 0;

	for (size_t i = 0; i < d->nr; i++) {
		struct strbuf buf = STRBUF_INIT;
		struct adr_doc doc;

		if (repo_read_blob(&buf, repo, &d->blobs[i], PARSE_MAX_BYTES) < 0) {
			git_error_clear();
			error_clear();
			strbuf_release(&buf);
			continue;
		}
		adr_doc_init(&doc);
		parse_adr(&doc, d->paths[i], buf.buf, buf.len);
		with += doc.status != ADR_STATUS_NONE;
		adr_doc_release(&doc);
		strbuf_release(&buf);
	}
	return with * 2 >= d->nr;
}

/* Non-zero when dir is below one of the chosen (sorted) folders. */
static int discover_below_any(const char *dir, struct dir_seen *chosen)
{
	struct dir_seen *hit;
	size_t n = strlen(dir);

	HASH_FIND(hh, chosen, "", 0, hit);
	if (hit && n)
		return 1;	/* the root holds them all */
	for (size_t i = 0; i < n; i++) {
		if (dir[i] != '/')
			continue;
		HASH_FIND(hh, chosen, dir, i, hit);
		if (hit)
			return 1;
	}
	return 0;
}

static int discover_by_content(struct strvec *out, struct repo *repo, const git_tree *tree)
{
	struct content_walk w = { NULL };
	struct content_dir *d, *tmp;
	struct strvec cand = STRVEC_INIT;
	struct dir_seen *chosen = NULL;

	if (git_tree_walk(tree, GIT_TREEWALK_PRE, discover_content_cb, &w) < 0)
		git_error_clear();
	HASH_ITER(hh, w.dirs, d, tmp) {
		if (d->nr >= 3 && discover_content_ok(repo, d))
			strvec_push(&cand, d->name);
	}
	/* shortest first: a candidate inside a kept one is dropped */
	if (cand.nr > 1)
		qsort(cand.v, cand.nr, sizeof(*cand.v), discover_str_cmp);
	for (size_t i = 0; i < cand.nr; i++)
		if (!discover_below_any(cand.v[i], chosen)) {
			dir_seen_add(&chosen, cand.v[i]);
			strvec_push(out, cand.v[i]);
		}
	dir_seen_clear(&chosen);
	HASH_ITER(hh, w.dirs, d, tmp) {
		HASH_DEL(w.dirs, d);
		for (size_t i = 0; i < d->nr; i++)
			free(d->paths[i]);
		free(d->paths);
		free(d->blobs);
		free(d);
	}
	strvec_clear(&cand);
	return 0;
}

/* Append the folders of values to out (deduplicated); committed ones checked. */
static int discover_push_all(struct strvec *out, struct dir_seen **seen,
			     const struct strvec *vals, const char *committed)
{
	for (size_t i = 0; i < vals->nr; i++) {
		if (committed && discover_check_committed(vals->v[i], committed) < 0)
			return -1;
		discover_push_dir(out, seen, vals->v[i]);
	}
	return 0;
}

/* Load adrlog.statusAlias (git config, then .adrlog) into status.c. */
static int discover_aliases(struct repo *repo, const git_tree *tree)
{
	struct strvec vals = STRVEC_INIT, bad = STRVEC_INIT;

	if (config_get_all(&vals, repo, tree, "statusAlias") < 0)
		return -1;
	if (status_set_aliases(&vals, &bad))
		for (size_t i = 0; i < bad.nr; i++)
			warning("adrlog.statusAlias: '%s' is not 'phrase=status'; ignored",
				bad.v[i]);
	strvec_clear(&vals);
	strvec_clear(&bad);
	return 0;
}

int discover_find(struct strvec *out, struct discover_info *info, struct repo *repo,
		  const git_tree *tree, const struct strvec *cli_dirs)
{
	struct strvec vals = STRVEC_INIT;
	struct strbuf file = STRBUF_INIT, real = STRBUF_INIT;
	struct dir_seen *seen = NULL;
	struct tree_memo *memo = NULL;
	const char *src = "none";
	int rc = 0;

	if ((rc = discover_aliases(repo, tree)) < 0)
		goto done;
	if (cli_dirs && cli_dirs->nr) {
		discover_push_all(out, &seen, cli_dirs, NULL);
		src = "--adr-dir";
		goto done;
	}
	if ((rc = config_get_all(&vals, repo, tree, "dir")) < 0)
		goto done;
	if (vals.nr) {
		struct strvec git = STRVEC_INIT;
		int from_file;

		/* values only from the committed .adrlog must stay inside */
		rc = config_get_all(&git, repo, NULL, "dir");
		from_file = !git.nr;
		strvec_clear(&git);
		if (rc < 0 || discover_push_all(out, &seen, &vals,
						from_file ? ".adrlog" : NULL) < 0) {
			rc = -1;
			goto done;
		}
		src = "adrlog.dir";
		goto done;
	}
	if (!tree)
		goto done;
	rc = repo_read_path(&file, repo, tree, ".adr-dir");
	if (rc < 0 && rc != GIT_ENOTFOUND)
		goto done;
	if (rc == 0) {
		char *nl = memchr(file.buf, '\n', file.len);
		if (nl)
			strbuf_setlen(&file, (size_t)(nl - file.buf));
		strbuf_trim(&file);
		if (file.len) {
			if ((rc = discover_check_committed(file.buf, ".adr-dir")) < 0)
				goto done;
			discover_push_dir(out, &seen, file.buf);
			src = ".adr-dir";
			goto done;
		}
	}
	strbuf_reset(&file);
	rc = repo_read_path(&file, repo, tree, ".log4brains.yml");
	if (rc < 0 && rc != GIT_ENOTFOUND)
		goto done;
	if (rc == 0) {
		if ((rc = discover_log4brains(out, &seen, file.buf)) < 0)
			goto done;
		if (out->nr) {
			src = ".log4brains.yml";
			goto done;
		}
	}
	rc = 0;
	for (const char *const *d = default_dirs; *d; d++) {
		if (discover_tree_has_dir(&memo, repo, tree, *d)) {
			strvec_push(out, *d);
			src = "default";
			goto done;
		}
	}
	for (const char *const *d = default_dirs; *d; d++) {
		if (!discover_tree_find_ci(&real, repo, tree, *d)) {
			strvec_push(out, real.buf);
			src = "default";
			goto done;
		}
	}
	if ((rc = discover_by_content(out, repo, tree)) < 0)
		goto done;
	if (out->nr)
		src = "content";
done:
	if (info) {
		info->source = src;
		if (rc >= 0 && tree && (!strcmp(src, "--adr-dir") || !strcmp(src, "adrlog.dir")))
			for (size_t i = 0; i < out->nr; i++)
				if (!discover_tree_has_dir(&memo, repo, tree, out->v[i]) &&
				    !discover_path_exists(tree, out->v[i]))
					strvec_push(&info->missing, out->v[i]);
	}
	dir_seen_clear(&seen);
	tree_memo_clear(&memo);
	strvec_clear(&vals);
	strbuf_release(&file);
	strbuf_release(&real);
	return rc < 0 ? -1 : 0;
}

int discover_dirs(struct strvec *out, const char **source, struct repo *repo,
		  const git_tree *tree, const struct strvec *cli_dirs)
{
	struct discover_info info = DISCOVER_INFO_INIT;
	int rc = discover_find(out, &info, repo, tree, cli_dirs);

	if (source)
		*source = info.source;
	discover_info_release(&info);
	return rc;
}

void discover_info_release(struct discover_info *info)
{
	strvec_clear(&info->missing);
}

int discover_in_dirs(const char *path, const struct strvec *dirs)
{
	for (size_t i = 0; i < dirs->nr; i++) {
		const char *d = dirs->v[i];
		size_t n = strlen(d);
		if (!n || (!strncmp(path, d, n) && path[n] == '/'))
			return 1;
	}
	return 0;
}

int discover_is_candidate(const char *path, const struct strvec *dirs)
{
	const char *base = adrid_basename(path);

	return discover_in_dirs(path, dirs) && adrid_has_adr_ext(base) &&
	       !adrid_is_excluded(base);
}

struct discover_walk {
	struct adr_files *out;
	const struct strvec *dirs;
	const char *prefix;	/* the folder being walked, "" for root */
};

static int discover_walk_cb(const char *root, const git_tree_entry *e, void *payload)
{
	struct discover_walk *w = payload;
	struct strbuf path = STRBUF_INIT;
	struct adr_file *f;

	if (git_tree_entry_type(e) != GIT_OBJECT_BLOB)
		return 0;
	if (git_tree_entry_filemode(e) == GIT_FILEMODE_LINK)
		return 0;	/* symlinks: not documents (see docs/adr) */
	if (*w->prefix)
		strbuf_addf(&path, "%s/", w->prefix);
	strbuf_addf(&path, "%s%s", root, git_tree_entry_name(e));
	/* below its folder by construction: only the name is judged here */
	if (!adrid_has_adr_ext(git_tree_entry_name(e)) ||
	    adrid_is_excluded(git_tree_entry_name(e))) {
		strbuf_release(&path);
		return 0;
	}
	XGROW(w->out->v, w->out->alloc, w->out->nr + 1);
	f = &w->out->v[w->out->nr++];
	f->path = strbuf_detach(&path, NULL);
	git_oid_cpy(&f->blob, git_tree_entry_id(e));
	return 0;
}

static int discover_file_cmp(const void *a, const void *b)
{
	return strcmp(((const struct adr_file *)a)->path,
		      ((const struct adr_file *)b)->path);
}

int discover_files(struct adr_files *out, struct repo *repo, const git_tree *tree,
		   const struct strvec *dirs)
{
	struct dir_seen *all = NULL;
	struct tree_memo *memo = NULL;
	int rc = 0;

	for (size_t i = 0; i < dirs->nr; i++)
		dir_seen_add(&all, dirs->v[i]);
	for (size_t i = 0; i < dirs->nr && rc >= 0; i++) {
		struct discover_walk w = { out, dirs, dirs->v[i] };
		const git_tree *sub;

		/* a folder nested in another listed folder was walked already */
		if (*dirs->v[i] && discover_below_any(dirs->v[i], all))
			continue;
		sub = tree_memo_get(&memo, repo, tree, dirs->v[i], strlen(dirs->v[i]));
		if (!sub)
			continue;	/* the folder does not exist at this revision */
		if (git_tree_walk(sub, GIT_TREEWALK_PRE, discover_walk_cb, &w) < 0)
			rc = repo_error("cannot walk folder '%s'", dirs->v[i]);
	}
	dir_seen_clear(&all);
	tree_memo_clear(&memo);
	if (rc < 0)
		return rc;
	if (out->nr > 1)
		qsort(out->v, out->nr, sizeof(*out->v), discover_file_cmp);
	return 0;
}

int discover_load(struct adr_db *db, struct repo *repo, const char *rev,
		  const struct strvec *cli_dirs, int memo)
{
	git_commit *commit = NULL;
	git_tree *tree = NULL;
	struct adr_files files = { 0 };
	struct docmemo docs;
	int rc;

	if ((rc = repo_commit(&commit, repo, rev)) < 0)
		return rc;
	repo_oid_hex(db->head, git_commit_id(commit));
	if (git_commit_tree(&tree, commit) < 0) {
		rc = repo_error("cannot read the tree of '%s'", rev);
		goto done;
	}
	if ((rc = discover_dirs(&db->dirs, NULL, repo, tree, cli_dirs)) < 0)
		goto done;
	if ((rc = discover_files(&files, repo, tree, &db->dirs)) < 0)
		goto done;
	docmemo_open(&docs, repo, memo);
	for (size_t i = 0; i < files.nr; i++) {
		struct adr_doc doc;
		struct adr *a;

		if (docmemo_parse(&doc, &docs, repo, &files.v[i].blob, files.v[i].path) < 0) {
			warning("%s", error_last());
			continue;
		}
		if (!doc.id) {
			adr_doc_release(&doc);
			continue;
		}
		a = adr_db_add(db, doc.id, files.v[i].path);
		strvec_push(&a->paths, files.v[i].path);
		a->doc = doc;
	}
	docmemo_close(&docs);
	adr_db_sort(db);
	rc = 0;
done:
	adr_files_clear(&files);
	git_tree_free(tree);
	git_commit_free(commit);
	return rc;
}

int discover_resolve(struct strvec *out, char **note, struct repo *repo, const char *rev,
		     const struct strvec *cli_dirs)
{
	struct discover_info info = DISCOVER_INFO_INIT;
	struct strbuf sb = STRBUF_INIT;
	git_tree *tree = NULL;
	int rc;

	*note = NULL;
	if ((rc = repo_tree(&tree, repo, rev)) < 0)
		return rc;
	if ((rc = discover_find(out, &info, repo, tree, cli_dirs)) < 0)
		goto done;
	/* one of several folders may be gone at the tip (moved, ADR history
	 * still walked); only when none of them is there is it a mistake */
	if (info.missing.nr && info.missing.nr == out->nr) {
		rc = error_set("%s '%s': no such folder at %s", info.source,
			       info.missing.v[0], rev);
		goto done;
	}
	if (!strcmp(info.source, "content")) {
		strbuf_addstr(&sb, "no ADR folder is configured; reading the folders that "
			      "hold numbered ADRs with a status:");
		for (size_t i = 0; i < out->nr; i++)
			strbuf_addf(&sb, " %s", *out->v[i] ? out->v[i] : ".");
		if (out->nr == 1)
			strbuf_addf(&sb, "; pin it with 'git config adrlog.dir %s' (or "
				    "'dir = %s' under [adrlog] in a committed .adrlog)",
				    *out->v[0] ? out->v[0] : ".", *out->v[0] ? out->v[0] : ".");
		else
			strbuf_addstr(&sb, "; pin them with 'git config --add adrlog.dir "
				      "FOLDER' for each (or 'dir = FOLDER' lines under "
				      "[adrlog] in a committed .adrlog)");
	} else if (!strcmp(info.source, "none")) {
		strbuf_addstr(&sb, "no ADR folder found: no --adr-dir, adrlog.dir, .adr-dir "
			      "or .log4brains.yml, none of doc/adr, docs/adr, docs/decisions, "
			      "adr, decisions and the other usual folders, and no folder "
			      "holds 3 numbered ADRs with a status; name one with --adr-dir "
			      "PATH or 'git config adrlog.dir PATH'");
	}
	if (sb.len)
		*note = strbuf_detach(&sb, NULL);
done:
	strbuf_release(&sb);
	discover_info_release(&info);
	git_tree_free(tree);
	return rc < 0 ? -1 : 0;
}

/*
 * Resolve "." and ".." of rel lexically into out (no file system: the
 * folder may exist only in git objects).  -1 when ".." leaves the top.
 */
static int discover_lexical(struct strbuf *out, const char *rel)
{
	const char *p = rel;

	strbuf_reset(out);
	while (*p) {
		const char *slash = strchr(p, '/');
		size_t n = slash ? (size_t)(slash - p) : strlen(p);

		if (n == 2 && !strncmp(p, "..", 2)) {
			char *last;

			if (!out->len)
				return -1;
			last = strrchr(out->buf, '/');
			strbuf_setlen(out, last ? (size_t)(last - out->buf) : 0);
		} else if (n && !(n == 1 && *p == '.')) {
			if (out->len)
				strbuf_addch(out, '/');
			strbuf_add(out, p, n);
		}
		p += n;
		while (*p == '/')
			p++;
	}
	return 0;
}

int discover_cli_dirs(struct strvec *dirs, struct repo *repo)
{
	const char *wd = repo_workdir(repo);
	char *top = NULL, *here = NULL;
	struct strbuf rel = STRBUF_INIT, res = STRBUF_INIT;
	size_t tn = 0;
	int rc = 0;

	if (wd) {
		top = realpath(wd, NULL);
		here = realpath(".", NULL);
	}
	if (top)
		tn = strlen(top);
	for (size_t i = 0; i < dirs->nr && rc == 0; i++) {
		const char *d = dirs->v[i];

		strbuf_reset(&rel);
		if (*d == '/') {
			/* absolute: it must name a folder of the work tree */
			char *real = realpath(d, NULL);
			const char *abs = real ? real : d;

			if (!top || strncmp(abs, top, tn) || (abs[tn] && abs[tn] != '/' && tn > 1)) {
				rc = error_set("--adr-dir '%s': outside the work tree", d);
				free(real);
				break;
			}
			strbuf_addstr(&rel, abs + tn);
			free(real);
		} else {
			if (top && here && !strncmp(here, top, tn) &&
			    (here[tn] == '/' || !here[tn]))
				strbuf_addf(&rel, "%s/", here + tn + (here[tn] == '/'));
			strbuf_addstr(&rel, d);
		}
		if (discover_lexical(&res, rel.buf) < 0) {
			rc = error_set("--adr-dir '%s': outside the work tree", d);
			break;
		}
		free(dirs->v[i]);
		dirs->v[i] = xstrdup(res.len ? res.buf : ".");
	}
	free(top);
	free(here);
	strbuf_release(&rel);
	strbuf_release(&res);
	return rc;
}
