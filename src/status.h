/*
 * status: the ADR status vocabulary (SPEC section 1, "Status (normalized)").
 *
 * STATUS_LIST is the single source of the canonical words; the synonyms
 * live in status.c next to status_normalize(), the only function that maps
 * free text to a status.
 */
#ifndef ADRLOG_STATUS_H
#define ADRLOG_STATUS_H

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
 * Normalize status text: the first run of letters, lower-cased, if it is a
 * canonical word or a synonym ("approved" -> accepted, "wip"/"in progress"
 * -> proposed, ...).  NULL -> ADR_STATUS_NONE; other text -> UNKNOWN.
 */
enum adr_status status_normalize(const char *raw);

/* "proposed", "unknown", "deleted"; NULL for ADR_STATUS_NONE. */
const char *status_name(enum adr_status s);

/* Inverse of status_name (exact word); ADR_STATUS_NONE when not a name. */
enum adr_status status_from_name(const char *name);

#endif
