/*
 * repo: the opened repository and the few git look-ups every command
 * needs (resolve a revision, read a blob, the tree at a revision).  This
 * layer (repo, config, discover, walk, snapshot, ...) is the only one that
 * includes git2.h.
 *
 * Opening follows git: the repository containing the current directory
 * (main.c has already done -C), or $GIT_DIR (and $GIT_WORK_TREE) when set,
 * as inside a hook; bare repositories and linked worktrees work alike.
 */
#ifndef ADRLOG_REPO_H
#define ADRLOG_REPO_H

#include <git2.h>
#include <stddef.h>

struct strbuf;

struct packr;

struct repo {
	git_repository *git;
	/* the pack reader, opened on first use (repo_packr()) */
	struct packr *packr;
	git_odb *odb;
	int prefix_ready;
};

/*
 * The repository's one pack reader (pack.h), or NULL when it has no pack
 * it can read: shared by the walk and the blob reads, so that each pack
 * index is mapped once (at 100k commits, a 24 MB index touched whole by
 * both doubled it in memory).  Data it returns is valid until its next
 * read, by anyone.
 */
struct packr *repo_packr(struct repo *repo);

/* Change to path (when non-NULL, like git -C) and open the repository. */
int repo_open(struct repo **out, const char *path);
void repo_free(struct repo *repo);

/*
 * Record "<what>: <libgit2's message>" with error_set() and return -1.
 * what is printf-style.
 */
int repo_error(const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 1, 2)))
#endif
	;

/* The commit a revision names ("HEAD", a tag, "main~3"); caller frees. */
int repo_commit(git_commit **out, struct repo *repo, const char *rev);
/* The tree of that commit; caller frees. */
int repo_tree(git_tree **out, struct repo *repo, const char *rev);

/*
 * Read the blob at path in tree into out (appended).  Returns 0, or
 * GIT_ENOTFOUND (no error recorded) when there is no blob at path, or -1.
 */
int repo_read_path(struct strbuf *out, struct repo *repo, const git_tree *tree,
		   const char *path);
/* The same, at most max bytes (0: all), inflating only those (repo_read_blob). */
int repo_read_path_max(struct strbuf *out, struct repo *repo, const git_tree *tree,
		       const char *path, size_t max);
/*
 * Read a blob by id into out (appended); at most max bytes when max > 0,
 * and then only those are inflated where the blob is stored whole (a
 * loose object, or whole in a pack); a delta is read whole by libgit2.
 */
int repo_read_blob(struct strbuf *out, struct repo *repo, const git_oid *id,
		   size_t max);

/* The work tree's top folder, ending in '/'; NULL for a bare repository. */
const char *repo_workdir(struct repo *repo);

/* 40-hex text of an oid into buf (at least 41 bytes). */
void repo_oid_hex(char *buf, const git_oid *id);

#endif
