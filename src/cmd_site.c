/*
 * cmd_site: `adr-log site OUTDIR [--rev REV] [--force]`, the static site
 * (ADR 0029): the history at REV (default HEAD) from history_load(), each
 * live ADR's file read from REV's tree, then site_build() writes the pages.
 */
#include "cmd.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "adr.h"
#include "cmd_util.h"
#include "error.h"
#include "history.h"
#include "opt.h"
#include "repo.h"
#include "site.h"
#include "strbuf.h"
#include "xalloc.h"

/* A record larger than this is shown cut (the walk's parse limit is lower). */
#define SITE_BODY_MAX (4u << 20)

/*
 * A deleted ADR's last text: its file in the first parent of the commit
 * that deleted it (the last "deleted" event).  Nothing when that cannot be
 * read (a shallow boundary, a path that moved): the page says so.
 */
static void site_read_deleted(char **body, size_t *len, struct repo *repo,
			      const struct adr *a)
{
	struct strbuf rev = STRBUF_INIT, sb = STRBUF_INIT;
	git_tree *tree = NULL;
	const struct adr_event *del = NULL;

	for (size_t k = 0; k < a->history_nr; k++)
		if (a->history[k]->to == ADR_STATUS_DELETED)
			del = a->history[k];
	if (!del)
		return;
	strbuf_addf(&rev, "%s^", del->commit);
	if (repo_tree(&tree, repo, rev.buf) == 0 &&
	    repo_read_path(&sb, repo, tree, a->path) == 0) {
		if (sb.len > SITE_BODY_MAX)
			strbuf_setlen(&sb, SITE_BODY_MAX);
		*body = strbuf_detach(&sb, len);
	}
	error_clear();
	git_tree_free(tree);
	strbuf_release(&sb);
	strbuf_release(&rev);
}

int cmd_site(int argc, const char **argv, struct cmd_ctx *ctx)
{
	const char *rev = NULL;
	int force = 0, rc = ADR_EXIT_USAGE;
	struct history_opts ho = HISTORY_OPTS_INIT;
	struct adr_db *db = NULL;
	struct site_input in;
	git_tree *tree = NULL;
	char **bodies = NULL, *name = NULL;
	size_t *lens = NULL, nfiles = 0;
	const struct opt opts[] = {
		OPT_STRING(0, "rev", &rev, "REV", "the revision to publish (default HEAD)"),
		OPT_BOOL(0, "force", &force,
			 "write into a non-empty folder that adr-log site did not make"),
		OPT_GLOBALS(ctx->opts),
		OPT_END
	};

	argc = opt_parse(argc, argv, opts, "adr-log site OUTDIR [--rev REV] [--force]", 0);
	if (argc == OPT_HELP)
		return ADR_EXIT_OK;
	if (argc < 0)
		return ADR_EXIT_USAGE;
	if (argc != 1 || !*argv[0]) {
		error_report(argc > 1 ? "site: unexpected argument '%s'" :
			     "site: where? usage: adr-log site OUTDIR [--rev REV]%s",
			     argc > 1 ? argv[1] : "");
		return ADR_EXIT_USAGE;
	}
	ho.tip = rev;
	if (cmd_history(&db, ctx, &ho) < 0)
		return ADR_EXIT_USAGE;
	bodies = xcalloc(db->nr + 1, sizeof(*bodies));
	lens = xcalloc(db->nr + 1, sizeof(*lens));
	if (*db->head && repo_tree(&tree, ctx->repo, db->head) < 0) {
		error_print();
		goto out;
	}
	for (size_t i = 0; tree && i < db->nr; i++) {
		struct strbuf sb = STRBUF_INIT;
		int r;

		if (!db->adrs[i]->path)
			continue;
		if (db->adrs[i]->deleted) {
			site_read_deleted(&bodies[i], &lens[i], ctx->repo, db->adrs[i]);
			continue;
		}
		r = repo_read_path(&sb, ctx->repo, tree, db->adrs[i]->path);
		if (r < 0) {
			error_print();	/* one unreadable record: shown without its text */
			error_clear();
		}
		if (r == 0) {
			if (sb.len > SITE_BODY_MAX)
				strbuf_setlen(&sb, SITE_BODY_MAX);
			bodies[i] = strbuf_detach(&sb, &lens[i]);
		}
		strbuf_release(&sb);
	}
	name = cmd_repo_name(ctx->repo);
	memset(&in, 0, sizeof(in));
	in.db = db;
	in.bodies = (const char *const *)bodies;
	in.body_lens = lens;
	in.repo_name = name;
	in.rev = rev ? rev : "HEAD";
	in.forge = cmd_forge(ctx);
	if (site_build(argv[0], &in, force, &nfiles) < 0) {
		error_print();
		goto out;
	}
	fprintf(stderr, "site: wrote %zu pages to %s\n", nfiles, argv[0]);
	rc = ADR_EXIT_OK;
out:
	for (size_t i = 0; bodies && i < db->nr; i++)
		free(bodies[i]);
	free(bodies);
	free(lens);
	free(name);
	git_tree_free(tree);
	adr_db_free(db);
	return rc;
}
