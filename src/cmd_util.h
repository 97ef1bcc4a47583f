/*
 * cmd_util: helpers for the cmd_* layer (format and color of a run).
 */
#ifndef ADRLOG_CMD_UTIL_H
#define ADRLOG_CMD_UTIL_H

#include "cmd.h"
#include "render.h"

struct adr_db;

/* The --format of this run, def when none; also checks --color.  Prints
 * the error and returns -1 for an unknown name. */
int cmd_format(const struct cmd_ctx *ctx, enum render_format def,
	       enum render_format *out);

/* A render context for stdout with this run's color choice. */
void cmd_render_ctx(struct render_ctx *rc, const struct cmd_ctx *ctx,
		    const struct adr_db *db);

/*
 * The ADR folders at rev (NULL: HEAD) by SPEC 1's rules, put in place of
 * this run's --adr-dir values so that every load reads the same ones; the
 * note on folders found by content, or on none found, goes to stderr.  A
 * named folder that does not exist is an error: printed, -1.
 */
int cmd_resolve_dirs(const struct cmd_ctx *ctx, const char *rev);

/*
 * The ADRs at rev (discover_load) with this run's --adr-dir, in a new db;
 * on failure the error is printed and -1 returned.
 */
int cmd_discover(struct adr_db **out, const struct cmd_ctx *ctx, const char *rev);

struct forge;
/* The forge links of this run's repository (forge_load() once), or NULL
 * without a repository: the one source of commit and file links. */
const struct forge *cmd_forge(const struct cmd_ctx *ctx);

struct repo;
/* The repository's name for page headers: its work tree's (or, bare, its
 * git folder's) last component.  Caller frees. */
char *cmd_repo_name(struct repo *repo);

struct history_opts;

/*
 * history_load() with this run's --adr-dir and --no-cache; on failure the
 * error is printed and -1 returned (the caller exits ADR_EXIT_USAGE).
 */
int cmd_history(struct adr_db **out, const struct cmd_ctx *ctx,
		struct history_opts *ho);

/*
 * The ADR a user named: an id ("12", "0012", "ADR-12"), a path the ADR has
 * or had (from the repository root, or from the current folder as a shell
 * completes it: "docs/adr/0012-use-nats.md", "./0012-use-nats.md"), its
 * file name, or its slug (the file name without id and extension:
 * "use-nats", case-insensitive).  NULL with an error set ("what: no ADR
 * ..." / "... names several ADRs") when none or several match.
 */
const struct adr *cmd_find_adr(const struct cmd_ctx *ctx, const struct adr_db *db,
			       const char *what, const char *arg);

/*
 * arg as a path from the repository root: the current folder's path in
 * the work tree prefixed, "./" and trailing "/" removed; "" for the root.
 * Caller frees.
 */
char *cmd_repo_path(const struct cmd_ctx *ctx, const char *arg);

/*
 * The committer date (ISO 8601 in its own offset) of the commit that
 * landed each of db->events, in a new array of db->events_nr strings
 * (cmd_free_dates() frees it); NULL entries where it cannot be read.
 */
char **cmd_landed_dates(const struct cmd_ctx *ctx, const struct adr_db *db);
void cmd_free_dates(char **dates, size_t nr);

#endif
