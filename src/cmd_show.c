/*
 * cmd_show: `adr-log show ADR [--body [--raw]]`: one ADR with its metadata,
 * full status history, supersede chain and the commits that reference or
 * implement it, from history_load(); with --body also its text at the tip.
 * The ADR is named by id, path or slug (cmd_find_adr()); one that matches
 * nothing is a usage error (exit 2).
 */
#include "cmd.h"

#include <stdlib.h>
#include <string.h>

#include "adr.h"
#include "cmd_util.h"
#include "error.h"
#include "history.h"
#include "opt.h"
#include "repo.h"
#include "strbuf.h"

/* The ADR's file at the walked tip into out (SPEC section 1: git objects only). */
static int show_read_body(struct strbuf *out, const struct cmd_ctx *ctx,
			  const struct adr_db *db, const struct adr *a)
{
	git_tree *tree = NULL;
	int rc;

	if (a->deleted)
		return error_set("show: ADR %s has no file at %.7s (it was deleted)",
				 a->id, db->head);
	if (repo_tree(&tree, ctx->repo, db->head) < 0)
		return -1;
	rc = repo_read_path(out, ctx->repo, tree, a->path);
	git_tree_free(tree);
	return rc;
}

static int show_is_rst(const char *path)
{
	size_t n = path ? strlen(path) : 0;
	return n > 4 && !strcmp(path + n - 4, ".rst");
}

int cmd_show(int argc, const char **argv, struct cmd_ctx *ctx)
{
	struct history_opts ho = HISTORY_OPTS_INIT;
	enum render_format fmt;
	struct render_ctx rc;
	struct adr_db *db = NULL;
	const struct adr *a;
	struct strbuf body = STRBUF_INIT;
	char **landed = NULL;
	int rcode, with_body = 0, raw = 0;
	const struct opt opts[] = {
		OPT_BOOL(0, "body", &with_body, "also print the record's text"),
		OPT_BOOL(0, "raw", &raw, "--body as written, not laid out for a terminal"),
		OPT_GLOBALS(ctx->opts),
		OPT_END
	};

	argc = opt_parse(argc, argv, opts,
			 "adr-log show (ID | PATH | SLUG) [--body [--raw]] [--format FMT]", 0);
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
	if (raw && !with_body) {
		error_report("show: --raw goes with --body");
		return ADR_EXIT_USAGE;
	}
	if (with_body && fmt != FMT_TEXT) {
		/* the other formats describe the record; its text is the file */
		error_report("show: --body is for text output, not --format %s",
			     render_format_name(fmt));
		return ADR_EXIT_USAGE;
	}
	if (cmd_history(&db, ctx, &ho) < 0)
		return ADR_EXIT_USAGE;
	if (!(a = cmd_find_adr(ctx, db, "show", argv[0])) ||
	    (with_body && show_read_body(&body, ctx, db, a) < 0)) {
		error_print();
		adr_db_free(db);
		strbuf_release(&body);
		return ADR_EXIT_USAGE;
	}
	cmd_render_ctx(&rc, ctx, db);
	rc.adr = a;
	rc.all = 1;	/* a deleted ADR is shown too */
	if (with_body) {
		rc.body = body.buf;
		rc.body_raw = raw || show_is_rst(a->path);
	}
	if (fmt == FMT_MERMAID)
		rc.landed_dates = landed = cmd_landed_dates(ctx, db);
	rcode = render(fmt, VIEW_SHOW, &rc);
	if (rcode < 0)
		error_print();
	cmd_free_dates(landed, db->events_nr);
	adr_db_free(db);
	strbuf_release(&body);
	return rcode < 0 ? ADR_EXIT_USAGE : ADR_EXIT_OK;
}
