/*
 * discover: which folders hold ADRs and which files in them are ADR
 * candidates, read from a tree (SPEC section 1, "Finding ADRs").
 *
 * Folder rules, first that gives an answer wins: --adr-dir; adrlog.dir
 * (git config, then committed .adrlog); .adr-dir; .log4brains.yml
 * (adrFolder, packages[].adrFolder); the first default folder that exists
 * in the tree (exact names first, then compared case-insensitively); the
 * folders found by content (rule 6).  Folders are stored normalized: no
 * "./" prefix, no trailing '/', "" for the repository root.  Folder paths
 * from committed files that are absolute or hold ".." are refused.
 */
#ifndef ADRLOG_DISCOVER_H
#define ADRLOG_DISCOVER_H

#include "adr.h"
#include "repo.h"
#include "strvec.h"

struct adr_file {
	char *path;
	git_oid blob;
};

struct adr_files {
	struct adr_file *v;
	size_t nr, alloc;
};

void adr_files_clear(struct adr_files *files);

/*
 * The ADR folders for tree.  cli_dirs (may be NULL) are the --adr-dir
 * values, already relative to the root (discover_cli_dirs).  *source (may
 * be NULL) receives a static name of the rule that answered ("--adr-dir",
 * "adrlog.dir", ".adr-dir", ".log4brains.yml", "default", "content", or
 * "none" when nothing matched: out stays empty).  Also loads the
 * repository's adrlog.statusAlias words into status.c, so that every
 * reader of ADRs normalizes with them.  A named folder that does not
 * exist is no error here: `new` and the hooks write into it (see
 * discover_resolve for the readers).  -1 with an error for a folder
 * path from a committed file that leaves the work tree.
 */
int discover_dirs(struct strvec *out, const char **source, struct repo *repo,
		  const git_tree *tree, const struct strvec *cli_dirs);

/* What discovery found besides the folders. */
struct discover_info {
	const char *source;	/* as discover_dirs' *source */
	struct strvec missing;	/* named folders (--adr-dir, adrlog.dir) not in the tree */
};
#define DISCOVER_INFO_INIT { "none", STRVEC_INIT }
void discover_info_release(struct discover_info *info);

/* discover_dirs with the details in info (may be NULL). */
int discover_find(struct strvec *out, struct discover_info *info, struct repo *repo,
		  const git_tree *tree, const struct strvec *cli_dirs);

/*
 * For the commands that read ADRs at rev: the folders, into out, by the
 * rules above, and the one-line messages SPEC 1 asks for: an error when
 * the named folders do not exist at rev (-1; one of several may be gone), and in *note (caller
 * frees; NULL when there is nothing to say) the folders chosen by content
 * and how to pin them, or what was looked for when nothing was found.
 */
int discover_resolve(struct strvec *out, char **note, struct repo *repo, const char *rev,
		     const struct strvec *cli_dirs);

/*
 * --adr-dir values as typed, relative to the current directory (as git
 * reads paths on its command line), rewritten relative to the root of the
 * work tree.  -1 with an error for one outside the work tree.
 */
int discover_cli_dirs(struct strvec *dirs, struct repo *repo);

/* Normalize a folder as written by a user or a file ("./docs/adr/" -> "docs/adr"). */
char *discover_normalize_dir(const char *dir);

/* Non-zero when path is below one of dirs (at any depth). */
int discover_in_dirs(const char *path, const struct strvec *dirs);

/* Non-zero when path is below one of dirs and has an ADR candidate name. */
int discover_is_candidate(const char *path, const struct strvec *dirs);

/* Every candidate file (blob) below dirs in tree, sorted by path. */
int discover_files(struct adr_files *out, struct repo *repo, const git_tree *tree,
		   const struct strvec *dirs);

/*
 * The ADRs at rev: folders, candidate files, each parsed (first
 * PARSE_MAX_BYTES); files that have an id become ADRs in db, sorted by id.
 * db->dirs receives the folders; db->head the commit id of rev.  With memo
 * set, documents parsed by an earlier run are reused (docmemo.h).
 */
int discover_load(struct adr_db *db, struct repo *repo, const char *rev,
		  const struct strvec *cli_dirs, int memo);

#endif
