/*
 * relnotes: which decisions changed status in a range, for
 * `adr-log release-notes` (SPEC section 4).  Pure over a history db: the
 * caller says which commits each end of the range reaches (a callback;
 * the git side is tags.c) and gets one report.h section filled and sorted.
 */
#ifndef ADRLOG_RELNOTES_H
#define ADRLOG_RELNOTES_H

#include "adr.h"
#include "report.h"

enum relnotes_end { RELNOTES_FROM, RELNOTES_TO };

/*
 * Non-zero when the commit sha (40 hex) is reachable from that end of the
 * range (A for RELNOTES_FROM; nothing when there is no A; B for
 * RELNOTES_TO).  A commit is in the range A..B when B reaches it and A
 * does not.
 */
typedef int (*relnotes_reach_fn)(const char *sha, enum relnotes_end end, void *data);

/*
 * Fill s with the decisions of the range: each ADR whose status at A
 * (the last event A reaches; none: new) differs from its status at B (the
 * last event B reaches), once, with every event of the range and its
 * implementing commits in the range.  A status the same at both ends is
 * no change; with all_transitions such an ADR is listed too when it has
 * events in the range.  An ADR that did not change but has implementing
 * commits in the range is listed in RELNOTES_EARLIER.
 */
void relnotes_build(struct relnotes_section *s, const struct adr_db *db,
		    relnotes_reach_fn reach, void *data, int all_transitions);

/* The group a status lands in ("accepted" -> RELNOTES_ACCEPTED, ...). */
enum relnotes_group relnotes_group_of(enum adr_status to);

#endif
