/*
 * cmd_timeline: `adr-log timeline [RANGE] [--since DATE] [--until DATE]`,
 * the default command: every status event, oldest first (SPEC section 2),
 * from history_load(), printed by the timeline renderers.
 */
#include "cmd.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "adr.h"
#include "cmd_util.h"
#include "error.h"
#include "history.h"
#include "opt.h"
#include "xalloc.h"

/* Days from 1970-01-01 to y-m-d (proleptic Gregorian, Howard Hinnant). */
static int64_t timeline_days(int64_t y, unsigned m, unsigned d)
{
	int64_t era;
	unsigned yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = (unsigned)(y - era * 400);
	doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + (int64_t)doe - 719468;
}

/*
 * A --since/--until value: "YYYY-MM-DD" (UTC; --until means the end of
 * that day) or "@SECONDS".  Returns 0, or -1 with an error set.
 */
static int timeline_parse_date(int64_t *out, const char *s, int end_of_day,
			       const char *opt)
{
	unsigned y, m, d;
	char tail;

	if (s[0] == '@' && isdigit((unsigned char)s[1])) {
		char *end;
		long long v = strtoll(s + 1, &end, 10);
		if (!*end) {
			*out = v;
			return 0;
		}
	} else if (sscanf(s, "%4u-%2u-%2u%c", &y, &m, &d, &tail) == 3 &&
		   m >= 1 && m <= 12 && d >= 1 && d <= 31) {
		*out = timeline_days(y, m, d) * 86400 + (end_of_day ? 86399 : 0);
		return 0;
	}
	return error_set("invalid %s '%s': expected YYYY-MM-DD or @SECONDS", opt, s);
}

int cmd_timeline(int argc, const char **argv, struct cmd_ctx *ctx)
{
	const char *since = NULL, *until = NULL;
	struct history_opts ho = HISTORY_OPTS_INIT;
	enum render_format fmt;
	struct render_ctx rc;
	struct adr_db *db = NULL;
	char *range = NULL, *name;
	int rcode;
	const struct opt opts[] = {
		OPT_STRING(0, "since", &since, "DATE", "only events on or after DATE"),
		OPT_STRING(0, "until", &until, "DATE", "only events on or before DATE"),
		OPT_GLOBALS(ctx->opts),
		OPT_END
	};

	argc = opt_parse(argc, argv, opts,
			 "adr-log timeline [RANGE] [--since DATE] [--until DATE]", 0);
	if (argc == OPT_HELP)
		return ADR_EXIT_OK;
	if (argc < 0)
		return ADR_EXIT_USAGE;
	if (argc > 1) {
		error_report("timeline: unexpected argument '%s'", argv[1]);
		return ADR_EXIT_USAGE;
	}
	if (cmd_format(ctx, FMT_TEXT, &fmt) < 0)
		return ADR_EXIT_USAGE;
	range = argc ? xstrdup(argv[0]) : NULL;
	if (history_parse_range(&ho, range) < 0 ||
	    (since && timeline_parse_date(&ho.since, since, 0, "--since") < 0) ||
	    (until && timeline_parse_date(&ho.until, until, 1, "--until") < 0)) {
		error_print();
		free(range);
		return ADR_EXIT_USAGE;
	}
	if (cmd_history(&db, ctx, &ho) < 0) {
		free(range);
		return ADR_EXIT_USAGE;
	}
	cmd_render_ctx(&rc, ctx, db);
	name = cmd_repo_name(ctx->repo);
	rc.repo_name = name;
	rcode = render(fmt, VIEW_TIMELINE, &rc);
	free(name);
	if (rcode < 0)
		error_print();
	adr_db_free(db);
	free(range);
	return rcode < 0 ? ADR_EXIT_USAGE : ADR_EXIT_OK;
}
