/*
 * change: the size of a change, for the hooks (SPEC section 6): the staged
 * diff (index against HEAD, or against the empty tree before the first
 * commit) or one commit against its first parent, counted in changed lines
 * and files, minus ignored paths and the ADR folders.  Also the other git
 * look-ups of the hooks: the hooks folder, core.commentChar, the commits a
 * push sends.  Part of the git layer (it sees git2.h through repo.h).
 */
#ifndef ADRLOG_CHANGE_H
#define ADRLOG_CHANGE_H

#include <stddef.h>

#include "repo.h"
#include "strvec.h"

/* What a path of a diff counts as. */
enum change_class {
	CHANGE_COUNTED = 0,	/* counts towards the size */
	CHANGE_IGNORED,		/* matches an adrlog.ignore glob */
	CHANGE_ADR		/* below an ADR folder */
};

struct change_file {
	char *path;
	size_t lines;		/* added + deleted lines (0 for binary files) */
};

struct change {
	size_t lines;		/* changed lines of the counted files */
	size_t files;		/* number of counted files */
	int adr_touched;	/* an ADR candidate file was added or edited */
	struct change_file *v;	/* the counted files, most lines first */
	size_t nr, alloc;
};

struct change_filter {
	const struct strvec *ignore;	/* globs (see change_path_ignored) */
	const struct strvec *adr_dirs;	/* the ADR folders */
};

void change_clear(struct change *c);

/*
 * Does path match one of globs?  A glob ending in '/' names a folder at
 * any depth ("vendor/" matches "vendor/a.c" and "lib/vendor/b.c"); a glob
 * without '/' matches the base name at any depth ("*.lock"); any other glob
 * matches the whole path (fnmatch, '*' crosses '/').
 */
int change_path_ignored(const char *path, const struct strvec *globs);

/* The class of path under filter. */
enum change_class change_classify(const char *path, const struct change_filter *f);

/*
 * The staged change: the index ($GIT_INDEX_FILE when set, as git sets it
 * for hooks during `commit -a` and `commit PATHS`) against HEAD's tree, or
 * against the empty tree when HEAD is unborn.
 */
int change_staged(struct change *out, struct repo *repo, const struct change_filter *f);

/*
 * The same, against the base of the commit being made: HEAD, or with
 * amend (git commit --amend, rebase reword) HEAD's first parent, so an
 * amended commit is judged by its whole change.
 */
int change_staged_base(struct change *out, struct repo *repo, int amend,
		       const struct change_filter *f);

/* One commit (40-hex or any revision) against its first parent. */
int change_commit(struct change *out, struct repo *repo, const char *rev,
		  const struct change_filter *f);

/*
 * The commits a push of local (a commit id or revision) sends, oldest first (40-hex, merges
 * left out: their content is checked in the commits they bring).
 * remote_sha (an id or revision) is what the remote has for that ref; all zeros or NULL for a
 * new branch, then everything the remote's tracking refs
 * (refs/remotes/<remote>/) already hold is left out.
 */
int change_outgoing(struct strvec *out, struct repo *repo, const char *local,
		    const char *remote_sha, const char *remote);

/*
 * The tree the hooks read settings and ADR folders from: HEAD's, or before
 * the first commit the staged tree (the index written as a tree).
 */
int change_base_tree(git_tree **out, struct repo *repo);

/*
 * Read objects without re-hashing each one (git does not either); the
 * hooks run inside every commit and must stay fast.  Process-wide.
 */
void change_trust_objects(void);

/* The folder git runs hooks from (core.hooksPath, else <common dir>/hooks). */
int change_hooks_dir(char **out, struct repo *repo);

/* core.commentChar's first byte ('#' when unset or "auto"). */
int change_comment_char(struct repo *repo);

/* commit.cleanup's value or NULL (caller frees). */
char *change_cleanup_mode(struct repo *repo);

/* Non-zero before the first commit (HEAD names no commit yet). */
int change_head_unborn(struct repo *repo);

/* The full message of commit rev, or NULL (caller frees). */
char *change_message(struct repo *repo, const char *rev);

/* Non-zero while a merge is being concluded (MERGE_HEAD exists). */
int change_merging(struct repo *repo);

/* The work tree's top folder, or NULL for a bare repository. */
const char *change_workdir(struct repo *repo);

/* The first line of commit rev's message, or NULL (caller frees). */
char *change_subject(struct repo *repo, const char *rev);

/* Non-zero for an all-zero (or empty) commit id: "no such ref" in pre-push. */
int change_is_zero_sha(const char *sha);

#endif
