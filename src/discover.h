/*
 * discover: which folders hold ADRs and which files in them are ADR
 * candidates, read from a tree (SPEC section 1, "Finding ADRs").
 *
 * Folder rules, first that gives an answer wins: --adr-dir; adrlog.dir
 * (git config, then committed .adrlog); .adr-dir; .log4brains.yml
 * (adrFolder, packages[].adrFolder); the first default folder that exists
 * in the tree.  Folders are stored normalized: no "./" prefix, no trailing
 * '/', "" for the repository root.
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
 * values.  *source (may be NULL) receives a static name of the rule that
 * answered ("--adr-dir", "adrlog.dir", ".adr-dir", ".log4brains.yml",
 * "default", or "none" when nothing matched: out stays empty).
 */
int discover_dirs(struct strvec *out, const char **source, struct repo *repo,
		  const git_tree *tree, const struct strvec *cli_dirs);

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
