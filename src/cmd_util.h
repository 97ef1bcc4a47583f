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
 * The ADRs at rev (discover_load) with this run's --adr-dir, in a new db;
 * on failure the error is printed and -1 returned.
 */
int cmd_discover(struct adr_db **out, const struct cmd_ctx *ctx, const char *rev);

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

#endif
