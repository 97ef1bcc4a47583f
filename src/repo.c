/*
 * repo: open the repository and resolve revisions, trees and blobs.
 * Every libgit2 error message is turned into adr-log's one-line form here
 * (repo_error), so callers above only pass codes up.
 */
#include "repo.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "error.h"
#include "pack.h"
#include "strbuf.h"
#include "xalloc.h"

int repo_error(const char *fmt, ...)
{
	struct strbuf sb = STRBUF_INIT;
	const git_error *e = git_error_last();
	va_list ap;

	va_start(ap, fmt);
	strbuf_vaddf(&sb, fmt, ap);
	va_end(ap);
	error_set("%s: %s", sb.buf, e && e->message ? e->message : "unknown git error");
	strbuf_release(&sb);
	return -1;
}

/*
 * A pack index whose offsets leave its pack would crash libgit2 on the
 * first read of such an object (ADR 19): refuse the repository first.
 */
static int repo_check_packs(git_repository *git)
{
	struct strbuf objects = STRBUF_INIT;
	char *bad = NULL;
	int rc;

	strbuf_addf(&objects, "%sobjects", git_repository_commondir(git));
	rc = packr_verify(objects.buf, &bad);
	strbuf_release(&objects);
	if (rc < 0) {
		error_set("damaged pack index '%s': an object offset is outside its pack", bad);
		free(bad);
	}
	return rc;
}

int repo_open(struct repo **out, const char *path)
{
	git_repository *git = NULL;
	const char *gitdir = getenv("GIT_DIR");
	int rc;

	*out = NULL;
	if (path && chdir(path) < 0)
		return error_set("cannot change to '%s': %s", path, strerror(errno));
	if (gitdir && *gitdir) {
		/* inside a hook, or a user's GIT_DIR: open exactly that */
		const char *worktree = getenv("GIT_WORK_TREE");
		rc = git_repository_open(&git, gitdir);
		if (rc == 0 && worktree && *worktree)
			rc = git_repository_set_workdir(git, worktree, 0);
	} else {
		rc = git_repository_open_ext(&git, ".", 0, getenv("GIT_CEILING_DIRECTORIES"));
	}
	if (rc == GIT_ENOTFOUND)
		return error_set("not a git repository: '%s'", path ? path : ".");
	if (rc < 0)
		return repo_error("cannot open repository '%s'", path ? path : ".");
	if (repo_check_packs(git) < 0) {
		git_repository_free(git);
		return -1;
	}
	*out = xcalloc(1, sizeof(**out));
	(*out)->git = git;
	return 0;
}

void repo_free(struct repo *repo)
{
	if (!repo)
		return;
	packr_free(repo->packr);
	git_odb_free(repo->odb);
	git_repository_free(repo->git);
	free(repo);
}

const char *repo_workdir(struct repo *repo)
{
	return git_repository_workdir(repo->git);
}

void repo_oid_hex(char *buf, const git_oid *id)
{
	git_oid_tostr(buf, GIT_OID_HEXSZ + 1, id);
}

int repo_commit(git_commit **out, struct repo *repo, const char *rev)
{
	git_object *obj = NULL;
	int rc;

	*out = NULL;
	rc = git_revparse_single(&obj, repo->git, rev);
	if (rc == GIT_ENOTFOUND || rc == GIT_EAMBIGUOUS || rc == GIT_EINVALIDSPEC) {
		if (!strcmp(rev, "HEAD") && git_repository_head_unborn(repo->git) == 1)
			return error_set("'HEAD': the repository has no commits yet");
		return error_set("unknown revision '%s'", rev);
	}
	if (rc < 0)
		return repo_error("cannot resolve '%s'", rev);
	rc = git_object_peel((git_object **)out, obj, GIT_OBJECT_COMMIT);
	git_object_free(obj);
	if (rc < 0)
		return error_set("'%s' does not name a commit", rev);
	return 0;
}

int repo_tree(git_tree **out, struct repo *repo, const char *rev)
{
	git_commit *c = NULL;
	int rc;

	*out = NULL;
	if ((rc = repo_commit(&c, repo, rev)) < 0)
		return rc;
	rc = git_commit_tree(out, c);
	git_commit_free(c);
	if (rc < 0)
		return repo_error("cannot read the tree of '%s'", rev);
	return 0;
}

/*
 * Whether the repository is a partial clone (git clone --filter): its
 * missing objects are expected, and libgit2 cannot fetch them on demand.
 */
static int repo_is_partial(struct repo *repo)
{
	git_config *cfg = NULL;
	git_buf buf = GIT_BUF_INIT;
	git_config_iterator *it = NULL;
	git_config_entry *entry;
	int partial, b;

	if (git_repository_config_snapshot(&cfg, repo->git) < 0) {
		git_error_clear();
		return 0;
	}
	partial = git_config_get_string_buf(&buf, cfg, "extensions.partialclone") == 0;
	git_buf_dispose(&buf);
	/*
	 * newer git marks the remote instead: remote.<name>.promisor = true
	 * (names compared here: libgit2's glob iterator leaks its regex data)
	 */
	if (!partial && git_config_iterator_new(&it, cfg) == 0) {
		while (!partial && git_config_next(&entry, it) == 0) {
			size_t n = strlen(entry->name);
			if (!strncmp(entry->name, "remote.", 7) && n > 16 &&
			    !strcmp(entry->name + n - 9, ".promisor"))
				partial = git_config_parse_bool(&b, entry->value) == 0 && b;
		}
		git_config_iterator_free(it);
	}
	git_config_free(cfg);
	git_error_clear();
	return partial;
}

/*
 * The first max bytes of blob id without inflating the rest: through the
 * pack reader for a blob stored whole in a pack, through libgit2's stream
 * for a loose one (issue 12: a 200 MB ADR was read whole for the 4 MiB
 * parsed).  0, or 1 when neither can (the caller reads it whole).
 */
struct packr *repo_packr(struct repo *repo)
{
	if (!repo->prefix_ready) {
		struct strbuf objects = STRBUF_INIT;

		repo->prefix_ready = 1;
		strbuf_addf(&objects, "%sobjects", git_repository_commondir(repo->git));
		packr_open(&repo->packr, objects.buf);
		strbuf_release(&objects);
		if (git_repository_odb(&repo->odb, repo->git) < 0) {
			git_error_clear();
			repo->odb = NULL;
		}
	}
	return repo->packr;
}

static int repo_read_blob_prefix(struct strbuf *out, struct repo *repo, const git_oid *id,
				 size_t max)
{
	const unsigned char *data;
	git_odb_stream *st = NULL;
	git_object_t type;
	size_t len, start = out->len;

	if (packr_read_prefix(repo_packr(repo), id, max, &type, &data, &len) == 0) {
		if (type != GIT_OBJECT_BLOB)
			return 1;
		strbuf_add(out, data, len);
		return 0;
	}
	/* libgit2 streams loose objects only; a packed one fails here */
	if (!repo->odb || git_odb_open_rstream(&st, &len, &type, repo->odb, id) < 0) {
		git_error_clear();
		return 1;
	}
	if (type != GIT_OBJECT_BLOB) {
		git_odb_stream_free(st);
		return 1;
	}
	while (out->len - start < max) {
		size_t want = max - (out->len - start);
		int n;

		if (want > 65536)
			want = 65536;
		strbuf_grow(out, want);
		n = git_odb_stream_read(st, out->buf + out->len, want);
		if (n < 0) {
			git_error_clear();
			git_odb_stream_free(st);
			strbuf_setlen(out, start);
			return 1;
		}
		if (n == 0)
			break;
		strbuf_setlen(out, out->len + (size_t)n);
	}
	git_odb_stream_free(st);
	return 0;
}

int repo_read_blob(struct strbuf *out, struct repo *repo, const git_oid *id,
		   size_t max)
{
	git_blob *blob = NULL;
	char hex[GIT_OID_HEXSZ + 1];
	size_t size;
	int rc;

	if (max && repo_read_blob_prefix(out, repo, id, max) == 0)
		return 0;

	if ((rc = git_blob_lookup(&blob, repo->git, id)) < 0) {
		repo_oid_hex(hex, id);
		repo_error("cannot read blob %s", hex);
		if (rc == GIT_ENOTFOUND && repo_is_partial(repo))
			return error_set("cannot read blob %s: not in this partial clone "
					 "(libgit2 cannot fetch it; clone without --filter)", hex);
		return -1;
	}
	size = (size_t)git_blob_rawsize(blob);
	if (max && size > max)
		size = max;
	strbuf_add(out, git_blob_rawcontent(blob), size);
	git_blob_free(blob);
	return 0;
}

int repo_read_path(struct strbuf *out, struct repo *repo, const git_tree *tree,
		   const char *path)
{
	return repo_read_path_max(out, repo, tree, path, 0);
}

int repo_read_path_max(struct strbuf *out, struct repo *repo, const git_tree *tree,
		       const char *path, size_t max)
{
	git_tree_entry *e = NULL;
	int rc;

	rc = git_tree_entry_bypath(&e, tree, path);
	if (rc == GIT_ENOTFOUND) {
		git_error_clear();
		return GIT_ENOTFOUND;
	}
	if (rc < 0)
		return repo_error("cannot look up '%s'", path);
	if (git_tree_entry_type(e) != GIT_OBJECT_BLOB) {
		git_tree_entry_free(e);
		return GIT_ENOTFOUND;
	}
	rc = repo_read_blob(out, repo, git_tree_entry_id(e), max);
	git_tree_entry_free(e);
	return rc;
}
