/*
 * cmd_timeline: `adr-log timeline [RANGE] [ADR...] [-- PATH...]`, the
 * default command: every status event, oldest first (SPEC section 2),
 * from history_load(), filtered as git log filters commits (-n,
 * --reverse, --author, --since/--until in approxidate's forms) and by
 * status, ADR or path, then printed by the timeline renderers.
 */
#include "cmd.h"

#include <regex.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "adr.h"
#include "approxidate.h"
#include "cmd_util.h"
#include "error.h"
#include "history.h"
#include "opt.h"
#include "repo.h"
#include "status.h"
#include "xalloc.h"

static const char timeline_usage[] =
	"adr-log timeline [RANGE] [ADR...] [options] [-- PATH...]\n"
	"   or: adr-log [options]   (timeline options without the command's name)";

/* What the events are filtered by, beyond the engine's --since/--until. */
struct timeline_filter {
	const struct adr **adrs;	/* ADRs named as arguments */
	size_t adrs_nr;
	struct strvec paths;		/* -- PATH..., from the repository root */
	regex_t *authors;		/* --author (any may match) */
	size_t authors_nr;
	int statuses[ADR_STATUS__COUNT];	/* --status: wanted "to" values */
	int any_status;
};

/* A --since/--until value in approxidate's forms (error set on failure). */
static int timeline_date(int64_t *out, const char *s, int end, const char *opt)
{
	if (approxidate_parse(out, s, (int64_t)time(NULL), end) < 0)
		return error_set("invalid %s '%s': expected a date such as 2024-02-01, "
				 "2024-02, yesterday or \"2 weeks ago\"", opt, s);
	return 0;
}

/* --status values (repeatable, comma-separated) into f->statuses. */
static int timeline_statuses(struct timeline_filter *f, const struct strvec *v)
{
	for (size_t i = 0; i < v->nr; i++) {
		char *copy = xstrdup(v->v[i]), *save = NULL;

		for (char *t = strtok_r(copy, ", ", &save); t; t = strtok_r(NULL, ", ", &save)) {
			enum adr_status st = status_from_name(t);

			if (st == ADR_STATUS_NONE) {
				error_set("invalid --status '%s': expected one of draft, proposed, "
					  "pending, accepted, implemented, rejected, deprecated, "
					  "superseded, amended, withdrawn, unknown, deleted", t);
				free(copy);
				return -1;
			}
			f->statuses[st] = 1;
			f->any_status = 1;
		}
		free(copy);
	}
	return 0;
}

static int timeline_authors(struct timeline_filter *f, const struct strvec *v, int icase)
{
	f->authors = xcalloc(v->nr + 1, sizeof(*f->authors));
	for (size_t i = 0; i < v->nr; i++) {
		int rc = regcomp(&f->authors[i], v->v[i],
				 REG_EXTENDED | REG_NOSUB | (icase ? REG_ICASE : 0));
		if (rc) {
			char msg[128];
			regerror(rc, &f->authors[i], msg, sizeof(msg));
			return error_set("invalid --author '%s': %s", v->v[i], msg);
		}
		f->authors_nr++;
	}
	return 0;
}

/* path equals spec or lies below it (spec "" is the whole tree). */
static int timeline_path_in(const char *path, const char *spec)
{
	size_t n = strlen(spec);

	if (!n)
		return 1;
	return path && !strncmp(path, spec, n) && (!path[n] || path[n] == '/');
}

/* Does the event touch one of the paths?  Its path at the commit when the
 * engine gives it, else any path of its ADR's lineage. */
static int timeline_path_match(const struct timeline_filter *f, const struct adr_event *e)
{
	for (size_t i = 0; i < f->paths.nr; i++) {
		const char *spec = f->paths.v[i];

		if (e->path) {
			if (timeline_path_in(e->path, spec))
				return 1;
			continue;
		}
		if (timeline_path_in(e->adr->path, spec))
			return 1;
		for (size_t j = 0; j < e->adr->paths.nr; j++)
			if (timeline_path_in(e->adr->paths.v[j], spec))
				return 1;
	}
	return 0;
}

static int timeline_keep(const struct timeline_filter *f, const struct adr_event *e)
{
	if (f->adrs_nr) {
		size_t i;
		for (i = 0; i < f->adrs_nr && f->adrs[i] != e->adr; i++)
			;
		if (i == f->adrs_nr)
			return 0;
	}
	if (f->paths.nr && !timeline_path_match(f, e))
		return 0;
	if (f->any_status && !f->statuses[e->to])
		return 0;
	if (f->authors_nr) {
		size_t i;
		for (i = 0; i < f->authors_nr; i++)
			if (!regexec(&f->authors[i], e->author ? e->author : "", 0, NULL, 0))
				break;
		if (i == f->authors_nr)
			return 0;
	}
	return 1;
}

/* Does ADR a stay in the document's "adrs" (JSON) for these filters? */
static int timeline_keep_adr(const struct timeline_filter *f, const struct adr *a)
{
	if (f->adrs_nr) {
		for (size_t i = 0; i < f->adrs_nr; i++)
			if (f->adrs[i] == a)
				return 1;
		return 0;
	}
	for (size_t i = 0; i < f->paths.nr; i++) {
		if (timeline_path_in(a->path, f->paths.v[i]))
			return 1;
		for (size_t j = 0; j < a->paths.nr; j++)
			if (timeline_path_in(a->paths.v[j], f->paths.v[i]))
				return 1;
	}
	return !f->paths.nr;
}

static void timeline_filter_free(struct timeline_filter *f)
{
	for (size_t i = 0; i < f->authors_nr; i++)
		regfree(&f->authors[i]);
	free(f->authors);
	free(f->adrs);
	strvec_clear(&f->paths);
}

/*
 * Sort the arguments: a range (A..B) or a revision, else ADRs (ids, paths,
 * slugs: resolved once the history is read).  An id form is always an
 * ADR; anything else that names a commit is the revision.
 */
static int timeline_args(const char **range, struct strvec *adrs, const struct cmd_ctx *ctx,
			 int argc, const char **argv)
{
	for (int i = 0; i < argc; i++) {
		const char *a = argv[i];
		char *id = history_parse_id(a);
		git_commit *c = NULL;
		int is_rev = 0;

		if (!id && !strstr(a, "..")) {
			is_rev = repo_commit(&c, ctx->repo, a) == 0;
			git_commit_free(c);
			error_clear();
		}
		free(id);
		if (strstr(a, "..") || is_rev) {
			if (*range)
				return error_set("timeline: more than one range or revision "
						 "('%s' and '%s')", *range, a);
			*range = a;
		} else {
			strvec_push(adrs, a);
		}
	}
	return 0;
}

/*
 * Point db at the events (and ADRs) the filters keep, -n and --reverse
 * applied; the full arrays go to *saved_* for timeline_restore().
 */
static void timeline_apply(struct adr_db *db, const struct timeline_filter *f, int max_count,
			   int reverse, struct adr_event ***saved_ev, size_t *saved_ev_nr,
			   struct adr ***saved_adrs, size_t *saved_nr)
{
	struct adr_event **ev = xcalloc(db->events_nr + 1, sizeof(*ev));
	struct adr **adrs = xcalloc(db->nr + 1, sizeof(*adrs));
	size_t n = 0, m = 0, skip = 0;

	for (size_t i = 0; i < db->events_nr; i++)
		if (timeline_keep(f, db->events[i]))
			ev[n++] = db->events[i];
	/* -n N: the N most recent, as git log -n */
	if (max_count >= 0 && (size_t)max_count < n)
		skip = n - (size_t)max_count;
	memmove(ev, ev + skip, (n - skip) * sizeof(*ev));
	n -= skip;
	if (reverse)
		for (size_t i = 0; i < n / 2; i++) {
			struct adr_event *t = ev[i];
			ev[i] = ev[n - 1 - i];
			ev[n - 1 - i] = t;
		}
	for (size_t i = 0; i < db->nr; i++)
		if (timeline_keep_adr(f, db->adrs[i]))
			adrs[m++] = db->adrs[i];
	*saved_ev = db->events;
	*saved_ev_nr = db->events_nr;
	*saved_adrs = db->adrs;
	*saved_nr = db->nr;
	db->events = ev;
	db->events_nr = n;
	db->adrs = adrs;
	db->nr = m;
}

/* timeline's own options (main.c asks about them through cmd_timeline_takes()). */
struct timeline_opts {
	const char *since, *until;
	struct strvec author, status;
	int max_count, reverse, icase;
};

static void timeline_opts_table(struct opt *o, struct timeline_opts *v)
{
	const struct opt t[] = {
		OPT_INT('n', "max-count", &v->max_count, "N", "only the N most recent events"),
		OPT_BOOL(0, "reverse", &v->reverse, "newest first"),
		OPT_STRING(0, "since", &v->since, "DATE",
			   "only events on or after DATE (2024-02-01, \"2 weeks ago\")"),
		OPT_STRING(0, "until", &v->until, "DATE", "only events on or before DATE"),
		OPT_STRLIST(0, "author", &v->author, "REGEX",
			    "only events whose author (Name <mail>) matches"),
		OPT_BOOL('i', "regexp-ignore-case", &v->icase, "--author ignores case"),
		OPT_STRLIST(0, "status", &v->status, "STATUS",
			    "only changes to STATUS (repeatable or a,b)"),
		OPT_END
	};
	memcpy(o, t, sizeof(t));
}

#define TIMELINE_OPTS_NR 8	/* the table above, OPT_END included */

int cmd_timeline_takes(const char *arg)
{
	struct opt o[TIMELINE_OPTS_NR];
	struct timeline_opts v;

	if (!strcmp(arg, "--"))
		return 1;
	timeline_opts_table(o, &v);
	for (const struct opt *p = o; p->type != OPT_T_END; p++) {
		size_t n = p->long_name ? strlen(p->long_name) : 0;

		if (arg[0] != '-')
			return 0;
		if (arg[1] == '-' && n && !strncmp(arg + 2, p->long_name, n) &&
		    (!arg[2 + n] || arg[2 + n] == '='))
			return 1;
		if (arg[1] == '-' && n && p->type == OPT_T_BOOL && !strncmp(arg + 2, "no-", 3) &&
		    !strcmp(arg + 5, p->long_name))
			return 1;
		if (arg[1] != '-' && p->short_name && arg[1] == p->short_name)
			return 1;
	}
	return 0;
}

int cmd_timeline(int argc, const char **argv, struct cmd_ctx *ctx)
{
	const char *range_arg = NULL;
	struct history_opts ho = HISTORY_OPTS_INIT;
	struct timeline_filter f;
	struct timeline_opts v = { NULL, NULL, STRVEC_INIT, STRVEC_INIT, -1, 0, 0 };
	struct strvec adr_args = STRVEC_INIT;
	enum render_format fmt;
	struct render_ctx rc;
	struct adr_db *db = NULL;
	struct adr_event **all_ev = NULL;
	struct adr **all_adrs = NULL;
	size_t all_ev_nr = 0, all_nr = 0;
	char *range = NULL, **landed = NULL, *name = NULL;
	int rcode = ADR_EXIT_USAGE, dashdash = -1;
	struct opt opts[TIMELINE_OPTS_NR + 6];
	const struct opt globals[] = { OPT_GLOBALS(ctx->opts), OPT_END };

	timeline_opts_table(opts, &v);
	memcpy(opts + TIMELINE_OPTS_NR - 1, globals, sizeof(globals));
	memset(&f, 0, sizeof(f));
	strvec_init(&f.paths);
	/* "-- PATH...": opt_parse() would mix the paths with the arguments */
	for (int i = 1; i < argc; i++)
		if (!strcmp(argv[i], "--")) {
			dashdash = i;
			break;
		}
	if (dashdash > 0) {
		for (int i = dashdash + 1; i < argc; i++) {
			char *p = cmd_repo_path(ctx, argv[i]);
			strvec_push(&f.paths, p);
			free(p);
		}
		argc = dashdash;
	}
	argc = opt_parse(argc, argv, opts, timeline_usage, 0);
	if (argc == OPT_HELP) {
		rcode = ADR_EXIT_OK;
		goto done;
	}
	if (argc < 0)
		goto done;
	if (v.max_count < -1) {
		error_report("timeline: -n expects a count, not %d", v.max_count);
		goto done;
	}
	if (cmd_format(ctx, FMT_TEXT, &fmt) < 0)
		goto done;
	if (v.reverse && (fmt == FMT_MERMAID || fmt == FMT_HTML)) {
		/* a chart has its own direction: time runs left to right */
		error_report("timeline: --reverse does not apply to --format %s",
			     render_format_name(fmt));
		goto done;
	}
	if (timeline_args(&range_arg, &adr_args, ctx, argc, argv) < 0 ||
	    timeline_statuses(&f, &v.status) < 0 ||
	    timeline_authors(&f, &v.author, v.icase) < 0) {
		error_print();
		goto done;
	}
	range = range_arg ? xstrdup(range_arg) : NULL;
	if (history_parse_range(&ho, range) < 0 ||
	    (v.since && timeline_date(&ho.since, v.since, 0, "--since") < 0) ||
	    (v.until && timeline_date(&ho.until, v.until, 1, "--until") < 0)) {
		error_print();
		goto done;
	}
	if (cmd_history(&db, ctx, &ho) < 0)
		goto done;
	f.adrs = xcalloc(adr_args.nr + 1, sizeof(*f.adrs));
	for (size_t i = 0; i < adr_args.nr; i++) {
		const struct adr *a = cmd_find_adr(ctx, db, "timeline", adr_args.v[i]);
		if (!a) {
			error_print();
			goto done;
		}
		f.adrs[f.adrs_nr++] = a;
	}
	timeline_apply(db, &f, v.max_count, v.reverse, &all_ev, &all_ev_nr, &all_adrs, &all_nr);
	cmd_render_ctx(&rc, ctx, db);
	if (fmt == FMT_TEXT || fmt == FMT_MERMAID || fmt == FMT_MARKDOWN)
		landed = cmd_landed_dates(ctx, db);
	rc.landed_dates = landed;
	name = cmd_repo_name(ctx->repo);
	rc.repo_name = name;
	rc.reverse = v.reverse;
	rcode = render(fmt, VIEW_TIMELINE, &rc) < 0 ? ADR_EXIT_USAGE : ADR_EXIT_OK;
	if (rcode)
		error_print();
	cmd_free_dates(landed, db->events_nr);
	free(db->events);
	free(db->adrs);
	db->events = all_ev;
	db->events_nr = all_ev_nr;
	db->adrs = all_adrs;
	db->nr = all_nr;
done:
	free(name);
	adr_db_free(db);
	timeline_filter_free(&f);
	strvec_clear(&v.author);
	strvec_clear(&v.status);
	strvec_clear(&adr_args);
	free(range);
	return rcode;
}
