/*
 * cmd_util: helpers for the cmd_* layer (format and color of a run).
 */
#ifndef ADRLOG_CMD_UTIL_H
#define ADRLOG_CMD_UTIL_H

#include "cmd.h"
#include "render.h"

/* The --format of this run, def when none; also checks --color.  Prints
 * the error and returns -1 for an unknown name. */
int cmd_format(const struct cmd_ctx *ctx, enum render_format def,
	       enum render_format *out);

/* A render context for stdout with this run's color choice. */
void cmd_render_ctx(struct render_ctx *rc, const struct cmd_ctx *ctx,
		    const struct adr_db *db);

#endif
