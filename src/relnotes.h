/*
 * relnotes: which decisions changed status in a range, for
 * `adr-log release-notes`.  Pure over a history db: the caller says which
 * commits are in the range (a callback; the git side is tags.c) and gets
 * one report.h section filled and sorted.
 */
#ifndef ADRLOG_RELNOTES_H
#define ADRLOG_RELNOTES_H

#include "adr.h"
#include "report.h"

/* Non-zero when the commit sha (40 hex) is in the range. */
typedef int (*relnotes_in_range_fn)(const char *sha, void *data);

/*
 * Fill s with every live or deleted ADR that has a status event whose
 * commit is in range: its events there (timeline order), its group (from
 * the last event's "to"), and its implementing commits in range.
 */
void relnotes_build(struct relnotes_section *s, const struct adr_db *db,
		    relnotes_in_range_fn in_range, void *data);

/* The group a status lands in ("accepted" -> RELNOTES_ACCEPTED, ...). */
enum relnotes_group relnotes_group_of(enum adr_status to);

#endif
