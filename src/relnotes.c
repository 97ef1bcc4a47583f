/*
 * relnotes: release notes from a history db (relnotes.h).  Walks the
 * events once in timeline order, keeps those whose commit is in range,
 * groups each ADR by where its status went.  cmd_release_notes.c picks
 * the ranges (tags) and renders the result.
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

static struct relnotes_item *relnotes_item_for(struct relnotes_section *s,
					       const struct adr *a)
{
	for (size_t i = 0; i < s->nr; i++)
		if (s->items[i].adr == a)
			return &s->items[i];
	return relnotes_add_item(s, a);
}

void relnotes_build(struct relnotes_section *s, const struct adr_db *db,
		    relnotes_in_range_fn in_range, void *data)
{
	for (size_t i = 0; i < db->events_nr; i++) {
		const struct adr_event *e = db->events[i];
		struct relnotes_item *it;

		if (!in_range(e->commit, data))
			continue;
		it = relnotes_item_for(s, e->adr);
		XGROW(it->events, it->events_alloc, it->events_nr + 1);
		it->events[it->events_nr++] = e;
		it->group = relnotes_group_of(e->to);
	}
	for (size_t i = 0; i < s->nr; i++) {
		struct relnotes_item *it = &s->items[i];
		const struct strvec *impl = &it->adr->implemented_by;

		for (size_t k = 0; k < impl->nr; k++)
			if (in_range(impl->v[k], data))
				strvec_push(&it->commits, impl->v[k]);
	}
	relnotes_sort(s);
}
