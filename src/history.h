/*
 * history: the one entry point commands call to get ADRs with their status
 * history and commit links (SPEC sections 2 and 3).
 *
 * history_load() walks the commits reachable from the tip (parents before
 * children), diffs each against its first parent under the ADR folders
 * with rename detection, parses each changed blob once, follows each ADR's
 * lineage through renames, renumbering, deletes and restores, turns status
 * differences into events (with `landed`), and scans every message for
 * references.  The result is an adr_db:
 *   - adrs: every lineage; those with no file at the tip are tombstones
 *     (deleted = 1); doc is the document at the tip (or the last version);
 *   - events and each adr's history in timeline order (SPEC section 2);
 *   - references / edits / implemented_by per ADR, oldest first;
 *   - unknown references (ids no ADR has at that commit);
 *   - commits: subject/author/date of every commit any list names;
 *   - truncated when the history is shallow (a warning is printed too).
 */
#ifndef ADRLOG_HISTORY_H
#define ADRLOG_HISTORY_H

#include <stdint.h>

#include "adr.h"
#include "repo.h"
#include "strvec.h"

struct history_opts {
	const char *tip;	/* the walked tip; NULL means "HEAD" */
	const char *hide;	/* A of A..B: commits reachable from it are not walked */
	int64_t since;		/* only events with author time >= since (0: no limit) */
	int64_t until;		/* only events with author time <= until (0: no limit) */
	const struct strvec *cli_dirs;	/* --adr-dir values, or NULL */
	int no_cache;		/* --no-cache */
};

#define HISTORY_OPTS_INIT { NULL, NULL, 0, 0, NULL, 0 }

/*
 * Fill tip/hide from a range argument: "A..B", "A..", "..B", "B" or NULL
 * (HEAD).  The strings point into range (which must outlive opts).
 * Returns 0, or -1 with an error set for "A...B" and empty ranges.
 */
int history_parse_range(struct history_opts *opts, char *range);

/*
 * The id a user typed ("12", "0012", "ADR-12", "adr_12-1"), normalized, or
 * NULL when it is not an id.  Caller frees.
 */
char *history_parse_id(const char *arg);

/*
 * The record (subject, author, date) of commit oid in db, made once.  A
 * commit that cannot be read gets an empty record when always is set, and
 * none (NULL) otherwise.
 */
struct adr_commit *history_commit_record(struct adr_db *db, struct repo *repo,
					  const git_oid *oid, int always);

/* Build the db; caller frees it with adr_db_free().  Returns 0 or -1. */
int history_load(struct adr_db **out, struct repo *repo,
		 const struct history_opts *opts);

#endif
