/*
 * cmd_check: `adr-log check [RANGE]`: lint the ADRs at the tip of RANGE
 * (default HEAD), the index files in their folders, and the commit
 * messages of RANGE (all history when none).  History is loaded to the
 * tip whatever A is, so lineages are whole; A only limits which commit
 * messages are judged.  Prints one finding per line (or JSON) and exits 1
 * when any finding is an error.
 */
#include "cmd.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "adr.h"
#include "adrid.h"
#include "check.h"
#include "cmd_edit.h"
#include "cmd_util.h"
#include "discover.h"
#include "error.h"
#include "history.h"
#include "opt.h"
#include "repo.h"
#include "report.h"
#include "strbuf.h"
#include "tags.h"
#include "xalloc.h"

static const char check_usage[] =
	"adr-log check [--fix] [--range A..B] [RANGE] [--format text|json]\n"
	"\n"
	"Lint the ADRs at the tip of RANGE (default HEAD).  One finding per\n"
	"line, 'path:line: rule: message'; exit 1 when any is an error.\n"
	"--fix first writes, in the work tree, the other side of each one-sided\n"
	"link and the index tables that drifted, and says what it changed.\n"
	"\n"
	"errors:\n"
	"    duplicate-id            two ADRs share an id\n"
	"    no-status               an ADR has no status\n"
	"    broken-link             supersedes/amends an id no ADR has, or a\n"
	"                            Markdown link to an ADR file that is not there\n"
	"    index-missing           the README index lacks an ADR\n"
	"    index-extra             the index lists an id no ADR has\n"
	"    index-status            the index shows another status\n"
	"    index-title             the index shows another title\n"
	"    unknown-reference       a commit message of A..B cites an id no ADR\n"
	"                            had at that commit\n"
	"warnings:\n"
	"    unknown-reference       the same without A..B (all history: old\n"
	"                            messages cannot be fixed)\n"
	"    unknown-status          the status is not a known word (shown raw,\n"
	"                            with the adrlog.statusAlias that would name it)\n"
	"    one-sided-link          A supersedes/amends B, B does not say so back\n"
	"    superseded-without-successor  superseded, but no ADR supersedes it\n"
	"    superseded-but-proposed, superseded-but-accepted\n"
	"                            'Superseded by' next to a Proposed/Accepted status\n"
	"    implemented-but-proposed      proposed/draft, yet commits implement it";

/* The index files a folder may hold, in the order they are looked for. */
static const char *const index_names[] = {
	"README.md", "README.markdown", "README.rst", "readme.md", "Readme.md",
	"index.md", "index.markdown", "index.rst", NULL
};

/* Run the index rules on every index file of the ADR folders at rev. */
static int cmd_check_indexes(struct check_report *r, struct repo *repo,
			     const struct adr_db *db, const char *rev)
{
	git_tree *tree = NULL;
	struct strbuf path = STRBUF_INIT, buf = STRBUF_INIT;
	int rc = 0;

	if (repo_tree(&tree, repo, rev) < 0)
		return -1;
	for (size_t i = 0; i < db->dirs.nr && rc >= 0; i++) {
		const char *dir = db->dirs.v[i];

		for (size_t k = 0; index_names[k]; k++) {
			strbuf_reset(&path);
			if (*dir)
				strbuf_addf(&path, "%s/", dir);
			strbuf_addstr(&path, index_names[k]);
			strbuf_reset(&buf);
			rc = repo_read_path(&buf, repo, tree, path.buf);
			if (rc == GIT_ENOTFOUND) {
				rc = 0;
				continue;
			}
			if (rc < 0)
				break;
			check_index(r, db, dir, path.buf, buf.buf, buf.len);
		}
	}
	git_tree_free(tree);
	strbuf_release(&path);
	strbuf_release(&buf);
	return rc;
}

/* broken-link: Markdown links from each ADR at rev to ADR files not in its tree. */
static int cmd_check_file_links(struct check_report *r, struct repo *repo,
				const struct adr_db *db, const char *rev)
{
	git_tree *tree = NULL;
	struct strbuf buf = STRBUF_INIT;
	int rc = 0;

	if (repo_tree(&tree, repo, rev) < 0)
		return -1;
	for (size_t i = 0; i < db->nr && rc >= 0; i++) {
		const struct adr *a = db->adrs[i];
		struct strvec links = STRVEC_INIT;

		/* Markdown only: reStructuredText links are another syntax */
		if (a->deleted || (strlen(a->path) > 4 &&
				   !strcmp(a->path + strlen(a->path) - 4, ".rst")))
			continue;
		strbuf_reset(&buf);
		rc = repo_read_path(&buf, repo, tree, a->path);
		if (rc == GIT_ENOTFOUND) {
			rc = 0;
			continue;
		}
		if (rc < 0)
			break;
		check_md_links(&links, a->path, buf.buf);
		for (size_t k = 0; k < links.nr; k++) {
			const char *target = strchr(links.v[k], '\t') + 1;
			git_tree_entry *e = NULL;

			if (git_tree_entry_bypath(&e, tree, target) == 0) {
				git_tree_entry_free(e);
				continue;
			}
			git_error_clear();
			check_report_add(r, CHECK_BROKEN_FILE_LINK, a->path,
					 (unsigned)strtoul(links.v[k], NULL, 10), a->id,
					 "ADR %s links to %s, which does not exist", a->id, target);
		}
		strvec_clear(&links);
	}
	git_tree_free(tree);
	strbuf_release(&buf);
	return rc;
}

/* Commits not reachable from A are in A..B (the walk holds only B's). */
static int cmd_check_in_range(const char *sha, void *data)
{
	return !commit_set_has(data, sha);
}

int cmd_check(int argc, const char **argv, struct cmd_ctx *ctx)
{
	const char *range = NULL;
	enum render_format fmt;
	struct render_ctx rc;
	struct check_report report = CHECK_REPORT_INIT;
	struct history_opts hopts = HISTORY_OPTS_INIT;
	struct commit_set *hidden = NULL;
	struct adr_db *db = NULL;
	const char *tip, *hide;
	char *rng = NULL;
	int rcode, fix = 0;
	const struct opt opts[] = {
		OPT_STRING(0, "range", &range, "A..B",
			   "check the commits of A..B and the ADRs at B"),
		OPT_BOOL(0, "fix", &fix, "first fix in the work tree what needs no "
			 "judgement: the other side of one-sided links, index tables"),
		OPT_GLOBALS(ctx->opts),
		OPT_END
	};

	argc = opt_parse(argc, argv, opts, check_usage, 0);
	if (argc == OPT_HELP)
		return ADR_EXIT_OK;
	if (argc < 0)
		return ADR_EXIT_USAGE;
	if (argc > 1 || (argc == 1 && range)) {
		error_report("check: unexpected argument '%s'", argv[argc - 1]);
		return ADR_EXIT_USAGE;
	}
	if (argc == 1)
		range = argv[0];
	if (cmd_format(ctx, FMT_TEXT, &fmt) < 0)
		return ADR_EXIT_USAGE;
	if (fmt != FMT_TEXT && fmt != FMT_JSON) {
		error_report("check: --format %s is not supported (text or json)",
			     render_format_name(fmt));
		return ADR_EXIT_USAGE;
	}
	if (fix && cmd_edit_check_fix(ctx, fmt == FMT_JSON ? stderr : stdout) < 0)
		return ADR_EXIT_USAGE;
	if (range) {
		rng = xstrdup(range);
		if (history_parse_range(&hopts, rng) < 0) {
			error_print();
			free(rng);
			return ADR_EXIT_USAGE;
		}
	}
	tip = hopts.tip ? hopts.tip : "HEAD";
	hide = hopts.hide;
	hopts.tip = tip;
	hopts.hide = NULL;	/* the whole history to B; A only cuts the findings */
	if (cmd_resolve_dirs(ctx, tip) < 0) {
		free(rng);
		return ADR_EXIT_USAGE;
	}
	hopts.cli_dirs = &ctx->opts->adr_dirs;
	hopts.no_cache = ctx->opts->no_cache;
	if (history_load(&db, ctx->repo, &hopts) < 0 ||
	    commit_set_reachable(&hidden, ctx->repo, hide) < 0 ||
	    cmd_check_indexes(&report, ctx->repo, db, tip) < 0 ||
	    cmd_check_file_links(&report, ctx->repo, db, tip) < 0) {
		error_print();
		free(rng);
		commit_set_free(hidden);
		check_report_clear(&report);
		adr_db_free(db);
		return ADR_EXIT_USAGE;
	}
	check_adrs(&report, db);
	check_unknown_refs(&report, db, hidden ? cmd_check_in_range : NULL, hidden);
	check_report_sort(&report);
	cmd_render_ctx(&rc, ctx, db);
	rc.check = &report;
	rcode = render(fmt, VIEW_CHECK, &rc);
	if (rcode < 0)
		error_print();
	else if (fmt == FMT_TEXT && report.nr)
		fprintf(stderr, "adr-log: check: %zu error%s, %zu warning%s\n",
			report.errors, report.errors == 1 ? "" : "s",
			report.warnings, report.warnings == 1 ? "" : "s");
	if (rcode >= 0)
		rcode = report.errors ? ADR_EXIT_FAIL : ADR_EXIT_OK;
	else
		rcode = ADR_EXIT_USAGE;
	free(rng);
	commit_set_free(hidden);
	check_report_clear(&report);
	adr_db_free(db);
	return rcode;
}
