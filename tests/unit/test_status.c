/*
 * test_status: status_normalize() over every canonical word, every synonym
 * and the near-misses that must stay "unknown" (SPEC section 1).
 */
#include <stddef.h>

#include "harness.h"
#include "status.h"

static const struct { const char *raw, *want; } rows[] = {
	{ "draft", "draft" }, { "proposed", "proposed" }, { "pending", "pending" },
	{ "accepted", "accepted" }, { "implemented", "implemented" },
	{ "rejected", "rejected" }, { "deprecated", "deprecated" },
	{ "superseded", "superseded" }, { "amended", "amended" },
	{ "withdrawn", "withdrawn" },
	{ "approved", "accepted" }, { "Approved", "accepted" },
	{ "done", "implemented" }, { "obsolete", "deprecated" },
	{ "replaced", "superseded" }, { "Replaced by ADR-9", "superseded" },
	{ "Superceded", "superseded" }, { "superseeded", "superseded" },
	{ "wip", "proposed" }, { "WIP", "proposed" },
	{ "in progress", "proposed" }, { "In  Progress", "proposed" },
	{ "in-progress", "unknown" }, { "inprogress", "unknown" },
	{ "in", "unknown" }, { "in review", "unknown" },
	{ "declined", "rejected" },
	{ "✅ Accepted", "accepted" }, { "✅Accepted", "accepted" },
	{ "PROPOSED", "proposed" }, { "*Accepted*", "accepted" },
	{ "Accepted, implemented in v6", "accepted" },
	{ "Superseded by [ADR-5](0005-x.md)", "superseded" },
	{ "Superseded by ADR-5", "superseded" },
	{ "  accepted  ", "accepted" }, { "Accepted.", "accepted" },
	{ "2020-01-01 accepted", "accepted" },
	{ "Accepted (2020-01-01)", "accepted" },
	{ "acceptedx", "unknown" }, { "accept", "unknown" },
	{ "Status: accepted", "unknown" },
	{ "What is the status, such as proposed?", "unknown" },
	{ "Akzeptiert", "unknown" }, { "", "unknown" }, { "---", "unknown" },
	{ "✅", "unknown" }, { "TBD", "unknown" },
	{ "Supersededsupersededsupersededsuperseded", "unknown" },
};

TEST_GROUP(status_normalize)
{
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++)
		STR_EQ(status_name(status_normalize(rows[i].raw)), rows[i].want,
		       rows[i].raw);
	INT_EQ(status_normalize(NULL), ADR_STATUS_NONE, "NULL is no status");
	STR_EQ(status_name(ADR_STATUS_NONE), NULL, "none has no name");
}

TEST_GROUP(status_names)
{
	for (int i = 1; i < ADR_STATUS__COUNT; i++)
		INT_EQ(status_from_name(status_name((enum adr_status)i)), i,
		       status_name((enum adr_status)i));
	INT_EQ(status_from_name("approved"), ADR_STATUS_NONE, "synonyms are not names");
}
