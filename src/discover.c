/*
 * discover: ADR folders by the rules of SPEC section 1 and the candidate
 * files under them, read from git trees (never the work tree).  Parsing a
 * candidate is parse.c's job; discover_load() ties the two for `list`.
 */
#include "discover.h"

#include <stdlib.h>
#include <string.h>

#include "adrid.h"
#include "config.h"
#include "docmemo.h"
#include "error.h"
#include "parse.h"
#include "strbuf.h"
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

static void discover_push_dir(struct strvec *out, const char *dir)
{
	char *n = discover_normalize_dir(dir);

	strvec_push_unique(out, n);
	free(n);
}

/* adrFolder values of a .log4brains.yml, top level and in packages[]. */
static void discover_log4brains(struct strvec *out, const char *buf)
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
			if (*v)
				discover_push_dir(out, v);
		}
		free(l);
	}
}

static int discover_tree_has_dir(const git_tree *tree, const char *dir)
{
	git_tree_entry *e = NULL;
	int ok;

	if (!*dir)
		return 1;
	if (git_tree_entry_bypath(&e, tree, dir) < 0) {
		git_error_clear();
		return 0;
	}
	ok = git_tree_entry_type(e) == GIT_OBJECT_TREE;
	git_tree_entry_free(e);
	return ok;
}

int discover_dirs(struct strvec *out, const char **source, struct repo *repo,
		  const git_tree *tree, const struct strvec *cli_dirs)
{
	struct strvec vals = STRVEC_INIT;
	struct strbuf file = STRBUF_INIT;
	const char *src = "none";
	int rc = 0;

	if (cli_dirs && cli_dirs->nr) {
		for (size_t i = 0; i < cli_dirs->nr; i++)
			discover_push_dir(out, cli_dirs->v[i]);
		src = "--adr-dir";
		goto done;
	}
	if ((rc = config_get_all(&vals, repo, tree, "dir")) < 0)
		goto done;
	if (vals.nr) {
		for (size_t i = 0; i < vals.nr; i++)
			discover_push_dir(out, vals.v[i]);
		src = "adrlog.dir";
		goto done;
	}
	rc = repo_read_path(&file, repo, tree, ".adr-dir");
	if (rc < 0 && rc != GIT_ENOTFOUND)
		goto done;
	if (rc == 0) {
		char *nl = memchr(file.buf, '\n', file.len);
		if (nl)
			strbuf_setlen(&file, (size_t)(nl - file.buf));
		strbuf_trim(&file);
		if (file.len) {
			discover_push_dir(out, file.buf);
			src = ".adr-dir";
			rc = 0;
			goto done;
		}
	}
	strbuf_reset(&file);
	rc = repo_read_path(&file, repo, tree, ".log4brains.yml");
	if (rc < 0 && rc != GIT_ENOTFOUND)
		goto done;
	if (rc == 0) {
		discover_log4brains(out, file.buf);
		if (out->nr) {
			src = ".log4brains.yml";
			rc = 0;
			goto done;
		}
	}
	rc = 0;
	for (const char *const *d = default_dirs; *d; d++) {
		if (discover_tree_has_dir(tree, *d)) {
			strvec_push(out, *d);
			src = "default";
			break;
		}
	}
done:
	if (source)
		*source = src;
	strvec_clear(&vals);
	strbuf_release(&file);
	return rc < 0 ? -1 : 0;
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
	if (!discover_is_candidate(path.buf, w->dirs)) {
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
	for (size_t i = 0; i < dirs->nr; i++) {
		git_tree_entry *e = NULL;
		git_tree *sub = NULL;
		struct discover_walk w = { out, dirs, dirs->v[i] };
		int rc;

		/* a folder nested in another listed folder was walked already */
		if (discover_in_dirs(dirs->v[i], dirs) && *dirs->v[i]) {
			int nested = 0;
			for (size_t j = 0; j < dirs->nr; j++) {
				size_t n = strlen(dirs->v[j]);
				if (j != i && (!n || (!strncmp(dirs->v[i], dirs->v[j], n) &&
						      dirs->v[i][n] == '/')))
					nested = 1;
			}
			if (nested)
				continue;
		}
		if (!*dirs->v[i]) {
			rc = git_tree_walk(tree, GIT_TREEWALK_PRE, discover_walk_cb, &w);
		} else {
			if (git_tree_entry_bypath(&e, tree, dirs->v[i]) < 0 ||
			    git_tree_entry_type(e) != GIT_OBJECT_TREE) {
				git_error_clear();
				git_tree_entry_free(e);
				continue;	/* the folder does not exist at this revision */
			}
			if (git_tree_lookup(&sub, repo->git, git_tree_entry_id(e)) < 0) {
				git_tree_entry_free(e);
				return repo_error("cannot read folder '%s'", dirs->v[i]);
			}
			rc = git_tree_walk(sub, GIT_TREEWALK_PRE, discover_walk_cb, &w);
			git_tree_free(sub);
			git_tree_entry_free(e);
		}
		if (rc < 0)
			return repo_error("cannot walk folder '%s'", dirs->v[i]);
	}
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
