/*
 * cmd_release_notes: `adr-log release-notes [A..B]`: the decisions whose
 * status changed between two revisions (default: the latest tag before
 * HEAD..HEAD), or one section per tag with --all-tags.  Loads the full
 * history to the tip once, then cuts it per range (relnotes.c), so an
 * ADR created before A still knows its earlier statuses.
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
#include "relnotes.h"
#include "report.h"
#include "strbuf.h"
#include "tags.h"
#include "xalloc.h"

static const char relnotes_usage[] =
	"adr-log release-notes [A..B] [--from REV] [--to REV] [--all-tags]\n"
	"                      [--template FILE] [--format markdown|json]\n"
	"\n"
	"Decisions whose status changed in A..B, grouped New, Accepted,\n"
	"Implemented, Deprecated/Superseded, Rejected/Withdrawn, with their\n"
	"transitions and the commits in the range that implement them.\n"
	"Default range: the most recent tag reachable from B (not B's own tag)\n"
	"..B, B being HEAD; with no such tag, all history.  --all-tags: one\n"
	"section per tag, newest first.  A template gets {{title}} {{from}}\n"
	"{{to}} {{date}} {{count}} {{body}} and {{new}} {{accepted}}\n"
	"{{implemented}} {{deprecated}} {{rejected}} (each group's list).";

struct relnotes_range {
	struct commit_set *hide;	/* commits reachable from A */
};

static int relnotes_in_range(const char *sha, void *data)
{
	const struct relnotes_range *r = data;

	return !commit_set_has(r->hide, sha);
}

/* Add a section for from..to (from NULL: all history up to to). */
static int relnotes_section(struct relnotes *rn, struct repo *repo,
			    const struct adr_db *db, const char *title,
			    const char *from, const char *to, int keep_empty)
{
	struct relnotes_range range = { NULL };
	struct relnotes_section *s;
	char sha[ADR_OID_HEX], date[32];

	if (tags_commit_info(sha, date, repo, to) < 0)
		return -1;
	if (from && commit_set_reachable(&range.hide, repo, from) < 0)
		return -1;
	s = relnotes_add_section(rn, title, from, to);
	s->date = xstrdup(date);
	relnotes_build(s, db, relnotes_in_range, &range);
	commit_set_free(range.hide);
	if (!s->nr && !keep_empty) {
		struct relnotes tmp = RELNOTES_INIT;

		/* drop it: move it into a scratch list and clear that */
		tmp.v = xmalloc(sizeof(*tmp.v));
		tmp.v[0] = *s;
		tmp.nr = tmp.alloc = 1;
		rn->nr--;
		relnotes_clear(&tmp);
	}
	return 0;
}

/* One section per tag reachable from to, newest first (plus unreleased). */
static int relnotes_all_tags(struct relnotes *rn, struct repo *repo,
			     const struct adr_db *db, const char *to)
{
	struct strvec names = STRVEC_INIT, shas = STRVEC_INIT;
	char sha[ADR_OID_HEX], date[32];
	int rc = 0;

	if (tags_reachable(&names, &shas, repo, to, 0) < 0 ||
	    tags_commit_info(sha, date, repo, to) < 0) {
		rc = -1;
		goto done;
	}
	if (!names.nr || strcmp(shas.v[0], sha)) {
		struct strbuf title = STRBUF_INIT;

		strbuf_addf(&title, "Unreleased (%s..%s)", names.nr ? names.v[0] : "", to);
		rc = relnotes_section(rn, repo, db, names.nr ? title.buf : to,
				      names.nr ? names.v[0] : NULL, to, 0);
		strbuf_release(&title);
	}
	for (size_t i = 0; rc == 0 && i < names.nr; i++) {
		size_t j = i + 1;

		/* several tags on one commit: each is measured from an older commit */
		while (j < names.nr && !strcmp(shas.v[j], shas.v[i]))
			j++;
		rc = relnotes_section(rn, repo, db, names.v[i],
				      j < names.nr ? names.v[j] : NULL, names.v[i], 1);
	}
done:
	strvec_clear(&names);
	strvec_clear(&shas);
	return rc;
}

static int relnotes_read_template(char **out, const char *path)
{
	struct strbuf sb = STRBUF_INIT;
	char buf[8192];
	size_t n;
	FILE *f = fopen(path, "rb");

	if (!f)
		return error_set("release-notes: cannot read template '%s'", path);
	while ((n = fread(buf, 1, sizeof(buf), f)) > 0)
		strbuf_add(&sb, buf, n);
	fclose(f);
	*out = strbuf_detach(&sb, NULL);
	return 0;
}

int cmd_release_notes(int argc, const char **argv, struct cmd_ctx *ctx)
{
	const char *from = NULL, *to = NULL, *template = NULL;
	struct history_opts hopts = HISTORY_OPTS_INIT;
	struct relnotes rn = RELNOTES_INIT;
	struct strvec prev = STRVEC_INIT, prev_shas = STRVEC_INIT;
	struct adr_db *db = NULL;
	enum render_format fmt;
	struct render_ctx rc;
	struct strbuf title = STRBUF_INIT;
	char *range = NULL;
	int all_tags = 0, rcode = ADR_EXIT_USAGE;
	const struct opt opts[] = {
		OPT_STRING(0, "from", &from, "REV", "start after REV (a tag or revision)"),
		OPT_STRING(0, "to", &to, "REV", "end at REV (default HEAD)"),
		OPT_BOOL(0, "all-tags", &all_tags, "one section per tag, newest first"),
		OPT_STRING(0, "template", &template, "FILE",
			   "render each section through FILE's {{placeholders}}"),
		OPT_GLOBALS(ctx->opts),
		OPT_END
	};

	argc = opt_parse(argc, argv, opts, relnotes_usage, 0);
	if (argc == OPT_HELP)
		return ADR_EXIT_OK;
	if (argc < 0)
		return ADR_EXIT_USAGE;
	if (argc > 1 || (argc == 1 && (from || to))) {
		error_report("release-notes: unexpected argument '%s'", argv[argc - 1]);
		return ADR_EXIT_USAGE;
	}
	if (cmd_format(ctx, FMT_MARKDOWN, &fmt) < 0)
		return ADR_EXIT_USAGE;
	if (fmt == FMT_TEXT)
		fmt = FMT_MARKDOWN;
	if (fmt != FMT_MARKDOWN && fmt != FMT_JSON) {
		error_report("release-notes: --format %s is not supported (markdown or json)",
			     render_format_name(fmt));
		return ADR_EXIT_USAGE;
	}
	if (template && fmt == FMT_JSON) {
		/* a template shapes Markdown; JSON has one shape (SPEC section 5) */
		error_report("release-notes: --template does not apply to --format json");
		return ADR_EXIT_USAGE;
	}
	if (argc == 1) {
		range = xstrdup(argv[0]);
		if (history_parse_range(&hopts, range) < 0) {
			error_print();
			goto done;
		}
		from = hopts.hide;
		to = hopts.tip;
	}
	if (!to)
		to = "HEAD";
	if (template && relnotes_read_template(&rn.template, template) < 0) {
		error_print();
		goto done;
	}
	if (!from && !all_tags && argc == 0) {
		if (tags_reachable(&prev, &prev_shas, ctx->repo, to, 1) < 0) {
			error_print();
			goto done;
		}
		if (prev.nr)
			from = prev.v[0];
	}
	hopts.tip = to;
	hopts.hide = NULL;
	hopts.cli_dirs = &ctx->opts->adr_dirs;
	hopts.no_cache = ctx->opts->no_cache;
	if (history_load(&db, ctx->repo, &hopts) < 0) {
		error_print();
		goto done;
	}
	if (all_tags) {
		if (relnotes_all_tags(&rn, ctx->repo, db, to) < 0) {
			error_print();
			goto done;
		}
	} else {
		if (from)
			strbuf_addf(&title, "%s..%s", from, to);
		else
			strbuf_addstr(&title, to);
		if (relnotes_section(&rn, ctx->repo, db, title.buf, from, to, 1) < 0) {
			error_print();
			goto done;
		}
	}
	cmd_render_ctx(&rc, ctx, db);
	rc.notes = &rn;
	if (render(fmt, VIEW_RELEASE_NOTES, &rc) < 0) {
		error_print();
		goto done;
	}
	rcode = ADR_EXIT_OK;
done:
	relnotes_clear(&rn);
	strvec_clear(&prev);
	strvec_clear(&prev_shas);
	strbuf_release(&title);
	adr_db_free(db);
	free(range);
	return rcode;
}
