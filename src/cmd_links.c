/*
 * cmd_links: `adr-log links [ADR]`: the commits whose messages reference
 * ADRs (SPEC section 3), for every ADR or for one (by id, path or slug).
 */
#include "cmd.h"

#include <stdlib.h>

#include "adr.h"
#include "cmd_util.h"
#include "error.h"
#include "history.h"
#include "opt.h"

int cmd_links(int argc, const char **argv, struct cmd_ctx *ctx)
{
	struct history_opts ho = HISTORY_OPTS_INIT;
	enum render_format fmt;
	struct render_ctx rc;
	struct adr_db *db = NULL;
	const struct adr *a = NULL;
	int rcode;
	const struct opt opts[] = {
		OPT_GLOBALS(ctx->opts),
		OPT_END
	};

	argc = opt_parse(argc, argv, opts, "adr-log links [ID | PATH | SLUG] [--format FMT]", 0);
	if (argc == OPT_HELP)
		return ADR_EXIT_OK;
	if (argc < 0)
		return ADR_EXIT_USAGE;
	if (argc > 1) {
		error_report("links: unexpected argument '%s'", argv[1]);
		return ADR_EXIT_USAGE;
	}
	if (cmd_format(ctx, FMT_TEXT, &fmt) < 0)
		return ADR_EXIT_USAGE;
	if (cmd_history(&db, ctx, &ho) < 0) {
		return ADR_EXIT_USAGE;
	}
	if (argc == 1 && !(a = cmd_find_adr(ctx, db, "links", argv[0]))) {
		error_print();
		adr_db_free(db);
		return ADR_EXIT_USAGE;
	}
	cmd_render_ctx(&rc, ctx, db);
	rc.adr = a;
	rc.all = a != NULL;
	rcode = render(fmt, VIEW_LINKS, &rc);
	if (rcode < 0)
		error_print();
	adr_db_free(db);
	return rcode < 0 ? ADR_EXIT_USAGE : ADR_EXIT_OK;
}
