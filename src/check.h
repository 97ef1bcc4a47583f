/*
 * check: the lint rules of `adr-log check` over the model (SPEC section 4).
 * Pure functions: the db (from discover_load or history_load) and the
 * texts of index files in, findings (report.h) out.  Which rule is an
 * error and which a warning is fixed by the order of enum check_kind.
 */
#ifndef ADRLOG_CHECK_H
#define ADRLOG_CHECK_H

#include <stddef.h>

#include "adr.h"
#include "report.h"

/*
 * Rules on the ADRs themselves (live ones; tombstones are skipped):
 * duplicate ids, missing or unknown status, supersede/amend links that do
 * not resolve or are one-sided, superseded without a successor, and
 * proposed/draft ADRs with implementing commits (needs implemented_by,
 * which only a history db fills).
 */
void check_adrs(struct check_report *r, const struct adr_db *db);

/*
 * Index drift: the index in buf[0..len) (the file path, in folder dir)
 * against the live ADRs below dir: missing rows, rows for no ADR, another
 * status or another title.  A file without an index table or list is no
 * finding.
 */
void check_index(struct check_report *r, const struct adr_db *db, const char *dir,
		 const char *path, const char *buf, size_t len);

/*
 * The ADR files that the Markdown text of the ADR at path links to
 * ("[x](0005-y.md)", "[x]: ../adr/0005-y.md"), resolved against its folder
 * and pushed to out as "LINE<TAB>PATH" (PATH is the target as written
 * when it leaves the root); URLs, anchors and code blocks are skipped.
 * cmd_check reports those missing from the tree as broken-link.
 */
void check_md_links(struct strvec *out, const char *path, const char *text);

/*
 * Commit messages that cite ids no ADR had at that commit (db->unknown),
 * for the commits in_range accepts: errors.  With in_range NULL, every
 * commit is judged, and the findings are warnings (history cannot be
 * rewritten to fix them; check a range in CI).
 */
void check_unknown_refs(struct check_report *r, const struct adr_db *db,
			int (*in_range)(const char *sha, void *data), void *data);

#endif
