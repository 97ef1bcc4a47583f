/*
 * relnotes: release notes from a history db (relnotes.h).  For each ADR,
 * its history (timeline order) gives the status at each end of the range
 * and the events inside it; the net change decides whether and where it
 * is listed.  cmd_release_notes.c picks the ranges (tags) and renders the
 * result.
 */
#include "relnotes.h"

#include <stdlib.h>

#include "xalloc.h"

enum relnotes_group relnotes_group_of(enum adr_status to)
{
	switch (to) {
	case ADR_STATUS_ACCEPTED:
		return RELNOTES_ACCEPTED;
	case ADR_STATUS_IMPLEMENTED:
		return RELNOTES_IMPLEMENTED;
	case ADR_STATUS_DEPRECATED:
	case ADR_STATUS_SUPERSEDED:
	case ADR_STATUS_AMENDED:
		return RELNOTES_RETIRED;
	case ADR_STATUS_REJECTED:
	case ADR_STATUS_WITHDRAWN:
	case ADR_STATUS_DELETED:
		return RELNOTES_REJECTED;
	default:
		return RELNOTES_NEW;
	}
}

/*
 * A net change: the status at B differs from the one at A.  A record
 * that did not exist at A and is gone at B (a draft written and dropped
 * inside the range) did not change either.
 */
static int relnotes_is_change(enum adr_status from, enum adr_status to)
{
	if (from == to)
		return 0;
	if (from == ADR_STATUS_NONE && to == ADR_STATUS_DELETED)
		return 0;
	return 1;
}

static void relnotes_build_one(struct relnotes_section *s, const struct adr *a,
			       relnotes_reach_fn reach, void *data, int all_transitions)
{
	enum adr_status from = ADR_STATUS_NONE, to = ADR_STATUS_NONE;
	const struct adr_event **evs = NULL;
	size_t nr = 0, alloc = 0;
	struct strvec impl = STRVEC_INIT;
	struct relnotes_item *it;
	int changed, listed;

	for (size_t i = 0; i < a->history_nr; i++) {
		const struct adr_event *e = a->history[i];
		int at_b = reach(e->commit, RELNOTES_TO, data);
		int at_a = reach(e->commit, RELNOTES_FROM, data);

		if (at_a)
			from = e->to;
		if (at_b)
			to = e->to;
		if (at_b && !at_a) {
			XGROW(evs, alloc, nr + 1);
			evs[nr++] = e;
		}
	}
	for (size_t k = 0; k < a->implemented_by.nr; k++) {
		const char *c = a->implemented_by.v[k];

		if (reach(c, RELNOTES_TO, data) && !reach(c, RELNOTES_FROM, data))
			strvec_push(&impl, c);
	}
	changed = nr && relnotes_is_change(from, to);
	listed = changed || (all_transitions && nr);
	/* work on a record that exists at B and did not change status */
	if (!listed && (!impl.nr || to == ADR_STATUS_DELETED)) {
		free(evs);
		strvec_clear(&impl);
		return;
	}
	it = relnotes_add_item(s, a);
	it->from = from;
	it->to = to;
	it->changed = changed;
	it->group = listed ? relnotes_group_of(to) : RELNOTES_EARLIER;
	it->events = evs;
	it->events_nr = nr;
	it->events_alloc = alloc;
	it->commits = impl;
}

void relnotes_build(struct relnotes_section *s, const struct adr_db *db,
		    relnotes_reach_fn reach, void *data, int all_transitions)
{
	for (size_t i = 0; i < db->nr; i++)
		relnotes_build_one(s, db->adrs[i], reach, data, all_transitions);
	relnotes_sort(s);
}
