/*
 * mention: what a commit message says about ADRs (SPEC section 3).  Pure
 * text scanning; the history engine resolves the results against the ADRs
 * that exist at that commit.
 *
 *  - id mentions (rule 1: "ADR-023", "ADR 23", "adr#23", "feat(adr8):";
 *    rule 2: trailer-like lines "ADR: 23", "ADRs: 12, 14",
 *    "Implements: ADR-12"; "ADR: none ..." references nothing);
 *  - path mentions (rule 3): tokens ending in .md/.markdown/.rst, offered
 *    as the full token and every suffix after a '/', for lookup in a table
 *    of ADR paths and base names.
 */
#ifndef ADRLOG_MENTION_H
#define ADRLOG_MENTION_H

#include "strvec.h"

struct mention {
	char *id;	/* "12-2" for ADR-012-2, "23" for ADR-023 */
	char *base;	/* the id without its sub-number ("12"), or NULL when
			   id has none: use it when no ADR id exists */
};

struct mention_list {
	struct mention *v;
	size_t nr, alloc;
	int none;	/* an "ADR: none" trailer was seen */
	char *none_reason;	/* its reason text, or NULL */
};

#define MENTION_LIST_INIT { NULL, 0, 0, 0, NULL }

/* Append every id mention of msg to out (duplicates removed, in order). */
void mention_scan_ids(const char *msg, struct mention_list *out);

/* Append path-mention candidates of msg to out (see above). */
void mention_scan_paths(const char *msg, struct strvec *out);

void mention_list_clear(struct mention_list *ml);

#endif
