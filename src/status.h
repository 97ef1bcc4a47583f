/*
 * status: the ADR status vocabulary (SPEC section 1, "Status (normalized)").
 *
 * STATUS_LIST is the single source of the canonical words; the synonyms
 * live in status.c next to status_normalize(), the only function that maps
 * free text to a status.
 */
#ifndef ADRLOG_STATUS_H
#define ADRLOG_STATUS_H

#include <stddef.h>

#include "strvec.h"

#define STATUS_LIST(X) \
	X(DRAFT, "draft") \
	X(PROPOSED, "proposed") \
	X(PENDING, "pending") \
	X(ACCEPTED, "accepted") \
	X(IMPLEMENTED, "implemented") \
	X(REJECTED, "rejected") \
	X(DEPRECATED, "deprecated") \
	X(SUPERSEDED, "superseded") \
	X(AMENDED, "amended") \
	X(WITHDRAWN, "withdrawn")

enum adr_status {
	ADR_STATUS_NONE = 0,	/* no status text at all (JSON null) */
	ADR_STATUS_UNKNOWN,	/* text that is not a status */
#define STATUS_ENUM(name, word) ADR_STATUS_##name,
	STATUS_LIST(STATUS_ENUM)
#undef STATUS_ENUM
	ADR_STATUS_DELETED,	/* only as an event's "to": the file was removed */
	ADR_STATUS__COUNT
};

/*
 * Normalize status text: case-folded, an alias phrase, a built-in phrase
 * ("in review") or the first run of letters if it is a canonical word, a
 * synonym or a word of SPEC 1a ("approved" -> accepted, "wip" -> proposed,
 * "akzeptiert" -> accepted).  Text offering choices ("a | b") and any other
 * text -> ADR_STATUS_UNKNOWN; NULL -> ADR_STATUS_NONE.
 */
enum adr_status status_normalize(const char *raw);

/*
 * The repository's own words, adrlog.statusAlias values "phrase=status"
 * ("Partially Implemented=implemented"): status_normalize() tries them,
 * case-folded, before the built-in words.  Replaces the earlier set; the
 * malformed values (no '=', no phrase, a target that is no status) are
 * skipped, pushed to bad (may be NULL) and counted in the return value.
 * One set per process: the settings of the repository being read.
 */
size_t status_set_aliases(const struct strvec *vals, struct strvec *bad);
void status_clear_aliases(void);
/* The aliases in force as text, for the keys of caches ("" for none). */
const char *status_aliases_key(void);

/* "proposed", "unknown", "deleted"; NULL for ADR_STATUS_NONE. */
const char *status_name(enum adr_status s);

/* Inverse of status_name (exact word); ADR_STATUS_NONE when not a name. */
enum adr_status status_from_name(const char *name);

#endif
