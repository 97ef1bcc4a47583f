/*
 * cmd_release_notes: `adr-log release-notes [A..B]`: the decisions whose
 * status changed between two revisions (default: the latest release tag
 * before B..B, B being HEAD), or one section per release tag with
 * --all-tags, each exactly previous tag..that tag.  Loads the full
 * history to the tip once, then cuts it per range (relnotes.c) with the
 * sets of commits each end reaches (tags.c), so an ADR created before A
 * still knows its status at A.
 */
#include "cmd.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "adr.h"
#include "cmd_util.h"
#include "config.h"
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
	"                      [--tag-pattern GLOB]... [--all-transitions]\n"
	"                      [--template FILE] [--heading-level N]\n"
	"                      [--format markdown|text|json]\n"
	"\n"
	"Decisions whose status changed in A..B, each once as its net change\n"
	"(status at A, or new, -> status at B), grouped New, Accepted,\n"
	"Implemented, Deprecated/Superseded, Rejected/Withdrawn, with the\n"
	"commit that changed it and the commits of the range that implement\n"
	"it; then \"Work on earlier decisions\": records whose status did not\n"
	"change but that the range implements.  A status the same at A and B\n"
	"is no change; --all-transitions lists every step instead.\n"
	"Default range: the latest release tag reachable from B (not B's own\n"
	"tag)..B, B being HEAD; with no such tag, all history.  --all-tags: one\n"
	"section per release tag, newest first, each previous tag..tag.  A\n"
	"section is titled with the tag at B.  Release tags: --tag-pattern GLOB\n"
	"(repeatable) or adrlog.tagPattern, as `git describe --match`.\n"
	"A template gets {{title}} {{from}} {{to}} {{date}} {{count}} {{body}}\n"
	"and {{new}} {{accepted}} {{implemented}} {{deprecated}} {{rejected}}\n"
	"{{earlier}} (each group's list).";

/*
 * The sets of commits that the ends of a range reach.  Each set is a
 * walk of the history below it, so the last two are kept: with
 * --all-tags, one section's start is the next section's end.
 */
struct relnotes_run {
	struct repo *repo;
	const struct adr_db *db;
	struct strvec tag_names, tag_shas;	/* release tags, newest first */
	char set_sha[2][ADR_OID_HEX];
	struct commit_set *sets[2];
	int next_slot;
	struct commit_index *ix;	/* --all-tags on one line: tag_shas' index */
	int all_transitions;
};

/*
 * The two ends of a range: sets of commits, or positions in the run's
 * tag index (-1: no start / the walked tip).
 */
struct relnotes_ends {
	const struct commit_set *from;	/* NULL: no start (all history) */
	const struct commit_set *to;	/* NULL: the walked tip (all of the db) */
	const struct commit_index *ix;	/* non-NULL: use the positions instead */
	long from_k, to_k;
};

static int relnotes_reach(const char *sha, enum relnotes_end end, void *data)
{
	const struct relnotes_ends *r = data;

	if (r->ix) {
		long k = end == RELNOTES_FROM ? r->from_k : r->to_k;

		if (k < 0)
			return end == RELNOTES_TO;
		return commit_index_reaches(r->ix, sha, (size_t)k);
	}
	if (end == RELNOTES_FROM)
		return commit_set_has(r->from, sha);
	return r->to ? commit_set_has(r->to, sha) : 1;
}

/* The commits sha reaches (borrowed from the run's two-entry cache). */
static int relnotes_set(const struct commit_set **out, struct relnotes_run *run,
			const char *sha)
{
	int k;

	for (k = 0; k < 2; k++)
		if (run->sets[k] && !strcmp(run->set_sha[k], sha)) {
			*out = run->sets[k];
			return 0;
		}
	k = run->next_slot;
	run->next_slot ^= 1;
	commit_set_free(run->sets[k]);
	run->sets[k] = NULL;
	if (commit_set_reachable(&run->sets[k], run->repo, sha) < 0)
		return -1;
	memcpy(run->set_sha[k], sha, ADR_OID_HEX);
	*out = run->sets[k];
	return 0;
}

/* The release tag on commit sha (the greatest name when several), or NULL. */
static const char *relnotes_tag_at(const struct relnotes_run *run, const char *sha)
{
	for (size_t i = 0; i < run->tag_shas.nr; i++)
		if (!strcmp(run->tag_shas.v[i], sha))
			return run->tag_names.v[i];
	return NULL;
}

/*
 * Add a section for from..to (from NULL: all history up to to), titled
 * title, or the tag at to when title is NULL.  from_k/to_k: the ends'
 * positions in run->tag_shas (-1: none / the tip), used with run->ix.
 */
static int relnotes_section(struct relnotes *rn, struct relnotes_run *run,
			    const char *title, const char *from, const char *to,
			    long from_k, long to_k, int keep_empty)
{
	struct relnotes_ends ends = { NULL, NULL, run->ix, from_k, to_k };
	struct relnotes_section *s;
	struct strbuf t = STRBUF_INIT;
	char sha[ADR_OID_HEX], from_sha[ADR_OID_HEX], date[32], from_date[32];
	const char *tag;

	if (tags_commit_info(sha, date, run->repo, to) < 0)
		return -1;
	if (from && tags_commit_info(from_sha, from_date, run->repo, from) < 0)
		return -1;
	if (!run->ix && from && relnotes_set(&ends.from, run, from_sha) < 0)
		return -1;
	if (!run->ix && strcmp(sha, run->db->head) && relnotes_set(&ends.to, run, sha) < 0)
		return -1;
	if (!title) {
		tag = relnotes_tag_at(run, sha);
		if (tag)
			strbuf_addstr(&t, tag);
		else if (from)
			strbuf_addf(&t, "%s..%s", from, to);
		else
			strbuf_addstr(&t, to);
		title = t.buf;
	}
	s = relnotes_add_section(rn, title, from, to);
	strbuf_release(&t);
	s->date = xstrdup(date);
	memcpy(s->to_sha, sha, ADR_OID_HEX);
	relnotes_build(s, run->db, relnotes_reach, &ends, run->all_transitions);
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

/*
 * One section per release tag reachable from to, newest first, each
 * from the next older tag on another commit; plus the unreleased part
 * when to itself carries no release tag.
 */
static int relnotes_all_tags(struct relnotes *rn, struct relnotes_run *run,
			     const char *to)
{
	const struct strvec *names = &run->tag_names, *shas = &run->tag_shas;
	char sha[ADR_OID_HEX], date[32];
	int rc = 0;

	if (tags_commit_info(sha, date, run->repo, to) < 0)
		return -1;
	/* one pass over the history for every section, when the tags allow */
	if (commit_index_build(&run->ix, run->repo, shas) < 0)
		return -1;
	if (!relnotes_tag_at(run, sha)) {
		struct strbuf title = STRBUF_INIT;

		if (names->nr)
			strbuf_addf(&title, "Unreleased (%s..%s)", names->v[0], to);
		rc = relnotes_section(rn, run, names->nr ? title.buf : to,
				      names->nr ? names->v[0] : NULL, to,
				      names->nr ? 0 : -1, -1, 0);
		strbuf_release(&title);
	}
	for (size_t i = 0; rc == 0 && i < names->nr; i++) {
		size_t j = i + 1;

		/* several tags on one commit: each is measured from an older commit */
		while (j < names->nr && !strcmp(shas->v[j], shas->v[i]))
			j++;
		rc = relnotes_section(rn, run, names->v[i],
				      j < names->nr ? names->v[j] : NULL, names->v[i],
				      j < names->nr ? (long)j : -1, (long)i, 1);
	}
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

/* --tag-pattern, else adrlog.tagPattern (git config, else .adrlog at to). */
static int relnotes_patterns(struct strvec *out, struct repo *repo, const char *to)
{
	git_tree *tree = NULL;
	int rc;

	if (out->nr)
		return 0;
	if (repo_tree(&tree, repo, to) < 0)
		return -1;
	rc = config_get_all(out, repo, tree, "tagPattern");
	git_tree_free(tree);
	return rc;
}

int cmd_release_notes(int argc, const char **argv, struct cmd_ctx *ctx)
{
	const char *from = NULL, *to = NULL, *template = NULL;
	struct history_opts hopts = HISTORY_OPTS_INIT;
	struct relnotes rn = RELNOTES_INIT;
	struct relnotes_run run;
	struct strvec patterns = STRVEC_INIT;
	struct adr_db *db = NULL;
	enum render_format fmt;
	struct render_ctx rc;
	char *range = NULL;
	int all_tags = 0, all_transitions = 0, level = 2, rcode = ADR_EXIT_USAGE;
	const struct opt opts[] = {
		OPT_STRING(0, "from", &from, "REV", "start after REV (a tag or revision)"),
		OPT_STRING(0, "to", &to, "REV", "end at REV (default HEAD)"),
		OPT_BOOL(0, "all-tags", &all_tags, "one section per release tag, newest first"),
		OPT_STRLIST(0, "tag-pattern", &patterns, "GLOB",
			    "release tags are those matching GLOB (repeatable)"),
		OPT_BOOL(0, "all-transitions", &all_transitions,
			 "every status step in the range, not only the net change"),
		OPT_STRING(0, "template", &template, "FILE",
			   "render each section through FILE's {{placeholders}}"),
		OPT_INT(0, "heading-level", &level, "N",
			"Markdown level of a section's heading (default 2)"),
		OPT_GLOBALS(ctx->opts),
		OPT_END
	};

	memset(&run, 0, sizeof(run));
	argc = opt_parse(argc, argv, opts, relnotes_usage, 0);
	if (argc == OPT_HELP)
		return ADR_EXIT_OK;
	if (argc < 0)
		return ADR_EXIT_USAGE;
	if (argc > 1 || (argc == 1 && (from || to))) {
		error_report("release-notes: unexpected argument '%s'", argv[argc - 1]);
		goto done;
	}
	if (level < 1 || level > 5) {
		error_report("release-notes: --heading-level must be 1 to 5");
		goto done;
	}
	if (cmd_format(ctx, FMT_MARKDOWN, &fmt) < 0)
		goto done;
	if (fmt != FMT_MARKDOWN && fmt != FMT_JSON && fmt != FMT_TEXT) {
		error_report("release-notes: --format %s is not supported (markdown, text or json)",
			     render_format_name(fmt));
		goto done;
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
	if (all_tags && from) {
		error_report("release-notes: --all-tags takes an end (--to B), not a range");
		goto done;
	}
	if (template && relnotes_read_template(&rn.template, template) < 0) {
		error_print();
		goto done;
	}
	run.repo = ctx->repo;
	run.all_transitions = all_transitions;
	rn.all_transitions = all_transitions;
	rn.heading_level = level;
	if (relnotes_patterns(&patterns, ctx->repo, to) < 0 ||
	    tags_reachable(&run.tag_names, &run.tag_shas, ctx->repo, to, 0, &patterns) < 0) {
		error_print();
		goto done;
	}
	if (!from && !all_tags && argc == 0) {
		char sha[ADR_OID_HEX], date[32];

		if (tags_commit_info(sha, date, ctx->repo, to) < 0) {
			error_print();
			goto done;
		}
		/* the latest release tag that is not on B itself */
		for (size_t i = 0; !from && i < run.tag_names.nr; i++)
			if (strcmp(run.tag_shas.v[i], sha))
				from = run.tag_names.v[i];
	}
	hopts.tip = to;
	hopts.hide = NULL;
	if (cmd_history(&db, ctx, &hopts) < 0)
		goto done;
	run.db = db;
	if (all_tags ? relnotes_all_tags(&rn, &run, to) < 0
		     : relnotes_section(&rn, &run, NULL, from, to, -1, -1, 1) < 0) {
		error_print();
		goto done;
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
	strvec_clear(&run.tag_names);
	strvec_clear(&run.tag_shas);
	commit_set_free(run.sets[0]);
	commit_set_free(run.sets[1]);
	commit_index_free(run.ix);
	strvec_clear(&patterns);
	adr_db_free(db);
	free(range);
	return rcode;
}
