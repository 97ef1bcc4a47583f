/*
 * cmd_show: `adr-log show ID`: one ADR with its metadata, full status
 * history, supersede chain and the commits that reference or implement
 * it, from history_load().  An unknown id is a usage error (exit 2).
 */
#include "cmd.h"

#include <stdlib.h>

#include "adr.h"
#include "cmd_util.h"
#include "error.h"
#include "history.h"
#include "opt.h"

int cmd_show(int argc, const char **argv, struct cmd_ctx *ctx)
{
	struct history_opts ho = HISTORY_OPTS_INIT;
	enum render_format fmt;
	struct render_ctx rc;
	struct adr_db *db = NULL;
	const struct adr *a;
	char *id;
	int rcode;
	const struct opt opts[] = {
		OPT_GLOBALS(ctx->opts),
		OPT_END
	};

	argc = opt_parse(argc, argv, opts, "adr-log show ID [--format FMT]", 0);
	if (argc == OPT_HELP)
		return ADR_EXIT_OK;
	if (argc < 0)
		return ADR_EXIT_USAGE;
	if (argc != 1) {
		error_report(argc ? "show: unexpected argument '%s'" :
			     "show: which ADR? usage: adr-log show ID%s", argc ? argv[1] : "");
		return ADR_EXIT_USAGE;
	}
	if (cmd_format(ctx, FMT_TEXT, &fmt) < 0)
		return ADR_EXIT_USAGE;
	if (cmd_history(&db, ctx, &ho) < 0) {
		return ADR_EXIT_USAGE;
	}
	id = history_parse_id(argv[0]);
	a = id ? adr_db_find(db, id) : NULL;
	free(id);
	if (!a) {
		error_report("show: no ADR with id '%s'", argv[0]);
		adr_db_free(db);
		return ADR_EXIT_USAGE;
	}
	cmd_render_ctx(&rc, ctx, db);
	rc.adr = a;
	rc.all = 1;	/* a deleted ADR is shown too */
	rcode = render(fmt, VIEW_SHOW, &rc);
	if (rcode < 0)
		error_print();
	adr_db_free(db);
	return rcode < 0 ? ADR_EXIT_USAGE : ADR_EXIT_OK;
}
