/*
 * cmd_list: `adr-log list [--rev REV] [--all]`: the ADRs at a revision,
 * read from git objects (never the work tree).
 */
#include "cmd.h"

#include <stdio.h>

#include "adr.h"
#include "cmd_util.h"
#include "error.h"
#include "opt.h"
#include "repo.h"

int cmd_list(int argc, const char **argv, struct cmd_ctx *ctx)
{
	const char *rev = "HEAD";
	enum render_format fmt;
	struct render_ctx rc;
	struct adr_db *db;
	int rcode, all = 0;
	const struct opt opts[] = {
		OPT_STRING(0, "rev", &rev, "REV", "read the ADRs at REV (default HEAD)"),
		OPT_BOOL(0, "all", &all, "include ADRs deleted before REV"),
		OPT_GLOBALS(ctx->opts),
		OPT_END
	};

	argc = opt_parse(argc, argv, opts, "adr-log list [--rev REV] [--format FMT]", 0);
	if (argc == OPT_HELP)
		return ADR_EXIT_OK;
	if (argc < 0)
		return ADR_EXIT_USAGE;
	if (argc > 0) {
		error_report("list: unexpected argument '%s'", argv[0]);
		return ADR_EXIT_USAGE;
	}
	if (cmd_format(ctx, FMT_TEXT, &fmt) < 0)
		return ADR_EXIT_USAGE;
	if (cmd_discover(&db, ctx, rev) < 0)
		return ADR_EXIT_USAGE;
	cmd_render_ctx(&rc, ctx, db);
	rc.with_commits = 0;
	rc.all = all;
	rcode = render(fmt, VIEW_LIST, &rc);
	if (rcode < 0)
		error_print();
	adr_db_free(db);
	return rcode < 0 ? ADR_EXIT_USAGE : ADR_EXIT_OK;
}
