/*
 * link: which ADR a commit message means (SPEC section 3, the resolution
 * side; mention.c finds the mentions in the text).
 *
 * link_scan() runs during the walk and keeps a commit's mentions only when
 * there are some; link_resolve() runs when the commit's snapshot is built
 * and turns them into references of lineages: an id names the ADRs live
 * at that commit (ADR-012-2 is 12-2 when an ADR 12-2 exists at the tip or
 * at that commit, else 12), a path or base name names the ADR whose file
 * has it at that commit, else the lineage that ever had it (settled in
 * link_finish(), once every lineage's paths are known).  Ids that name no
 * ADR at that commit are unknown references.
 */
#ifndef ADRLOG_LINK_H
#define ADRLOG_LINK_H

#include <stdint.h>

#include "events.h"

struct link_unknown {
	uint32_t idx;
	const char *id;		/* interned */
};

struct link_pending {
	uint32_t idx;
	const char *name;	/* interned path or base name */
};

/*
 * A mention that a file held at its commit: it names that file's lineage
 * only if the lineage is an ADR's (reaches an ADR folder, SPEC 2 [rev2]),
 * which is known once every commit is applied.  Entries of one mention
 * (the same commit and text) are next to each other.
 */
struct link_held {
	uint32_t idx;
	const char *name;	/* interned id, or path / base name */
	struct lin *lin;
	int is_path;
};

struct links {
	struct link_held *held;
	size_t held_nr, held_alloc;
	struct link_unknown *unknown;
	size_t unknown_nr, unknown_alloc;
	struct link_pending *pending;
	size_t pending_nr, pending_alloc;
};

/*
 * Zero when msg[0..len) cannot mention an ADR: it holds neither "adr" (any
 * case) nor ".md", ".markdown" or ".rst".  A cheap test before link_scan().
 */
int link_may_mention(const char *msg, size_t len);

/* The mentions of msg, or NULL when it has none (free with link_mentions_free). */
void *link_scan(const char *msg);
void link_mentions_free(void *mentions);

/* Resolve node idx's mentions against its snapshot (and free them). */
void link_resolve(struct links *l, struct engine *e, uint32_t idx);
/* Resolve what needed every lineage's paths; call after lineage_finish(). */
void link_finish(struct links *l, struct engine *e);
void links_free(struct links *l);

#endif
