/*
 * report: the model of the two reports that are not an adr_db alone,
 * handed to the renderers next to the db (render_ctx):
 *
 *   struct check_report  findings of `check` (check.c fills it); finding
 *                        kinds are one enum ordered by severity, errors
 *                        first (the mandoc model), with one table of
 *                        rule ids and severities in report.c;
 *   struct relnotes      release notes: sections (one per range or tag)
 *                        of decisions grouped by where their status went
 *                        (relnotes.c fills it).
 *
 * Like the db, a report owns its strings; adr and event pointers are
 * borrowed from the db it was built from.
 */
#ifndef ADRLOG_REPORT_H
#define ADRLOG_REPORT_H

#include <stddef.h>

#include "adr.h"

/* Finding kinds, errors first; the order is the severity order. */
enum check_kind {
	CHECK_DUPLICATE_ID,	/* two ADRs share an id */
	CHECK_NO_STATUS,	/* an ADR without any status text */
	CHECK_BROKEN_LINK,	/* supersedes/amends an id no ADR has */
	CHECK_INDEX_MISSING,	/* the index lacks an ADR */
	CHECK_INDEX_EXTRA,	/* the index lists an id no ADR has */
	CHECK_INDEX_STATUS,	/* the index shows another status */
	CHECK_INDEX_TITLE,	/* the index shows another title */
	CHECK_UNKNOWN_REF,	/* a commit message of A..B cites an id no ADR had */
	CHECK_BROKEN_FILE_LINK,	/* a Markdown link to an ADR file that is not there */
	CHECK__FIRST_WARNING,
	CHECK_UNKNOWN_STATUS = CHECK__FIRST_WARNING,	/* not a status word */
	CHECK_ONE_SIDED_LINK,	/* A supersedes B, B does not say so */
	CHECK_PROPOSED_IMPLEMENTED,	/* proposed/draft with implementing commits */
	CHECK_SUPERSEDED_ORPHAN,	/* superseded, but by no ADR */
	CHECK_SUPERSEDED_PROPOSED,	/* "Superseded by" next to Proposed */
	CHECK_SUPERSEDED_ACCEPTED,	/* "Superseded by" next to Accepted */
	CHECK_UNKNOWN_REF_OLD,	/* the same, with no range: old messages
				   cannot be fixed, so only a warning */
	CHECK__COUNT
};

enum check_severity { CHECK_ERROR, CHECK_WARNING };

struct check_finding {
	enum check_kind kind;
	char *path;		/* file, or a commit id for commit findings */
	unsigned line;		/* 1-based; 0: no line */
	char *adr;		/* id of the ADR concerned, or NULL */
	char *message;
	size_t seq;		/* order of addition (keeps sorting stable) */
};

struct check_report {
	struct check_finding *v;
	size_t nr, alloc;
	size_t errors, warnings;
};

#define CHECK_REPORT_INIT { NULL, 0, 0, 0, 0 }

/* "duplicate-id", ... */
const char *check_kind_name(enum check_kind kind);
enum check_severity check_kind_severity(enum check_kind kind);
/* "error" or "warning". */
const char *check_severity_name(enum check_severity s);

/* Add a finding; message is printf-style. */
#if defined(__GNUC__)
__attribute__((format(printf, 6, 7)))
#endif
void check_report_add(struct check_report *r, enum check_kind kind,
		      const char *path, unsigned line, const char *adr,
		      const char *fmt, ...);
/* Order findings by path, line, then kind. */
void check_report_sort(struct check_report *r);
void check_report_clear(struct check_report *r);

/* Release-note groups, in the order they are printed. */
enum relnotes_group {
	RELNOTES_NEW,		/* proposed/draft (new, or back to discussion) */
	RELNOTES_ACCEPTED,
	RELNOTES_IMPLEMENTED,
	RELNOTES_RETIRED,	/* deprecated, superseded, amended */
	RELNOTES_REJECTED,	/* rejected, withdrawn, deleted */
	RELNOTES_EARLIER,	/* status unchanged, implemented in the range */
	RELNOTES__COUNT
};

/* "New", "Accepted", "Implemented", "Deprecated/Superseded", ... */
const char *relnotes_group_title(enum relnotes_group g);
/* "new", "accepted", ... (JSON keys) */
const char *relnotes_group_key(enum relnotes_group g);

/*
 * One decision of a section.  from/to are its status at the two ends of
 * the range (ADR_STATUS_NONE at A: it is new); changed says they differ
 * (SPEC section 4: a flip-flop inside the range is not a change).  The
 * commit that changed it is the last event's: the one that set "to".
 */
struct relnotes_item {
	const struct adr *adr;	/* borrowed from the db */
	enum relnotes_group group;
	enum adr_status from, to;	/* status at A and at B */
	int changed;		/* from != to: a net change */
	const struct adr_event **events;	/* borrowed: every change in range */
	size_t events_nr, events_alloc;
	struct strvec commits;	/* implementing commits in range, oldest first */
};

struct relnotes_section {
	char *title;		/* tag name, or "A..B" */
	char *from;		/* revision names as given/found; from may be NULL */
	char *to;
	char *date;		/* date of the to commit (ISO 8601) or NULL */
	char to_sha[ADR_OID_HEX];	/* the commit at B ("" when unknown) */
	struct relnotes_item *items;	/* by group, then id */
	size_t nr, alloc;
};

struct relnotes {
	struct relnotes_section *v;	/* newest first */
	size_t nr, alloc;
	char *template;		/* --template text for each section, or NULL */
	int all_transitions;	/* list every step, not only the net change */
	int heading_level;	/* level of a section's heading; 0: 2 (##) */
};

#define RELNOTES_INIT { NULL, 0, 0, NULL, 0, 0 }

/* The event that set the item's status at B (the last in range), or NULL. */
const struct adr_event *relnotes_change_event(const struct relnotes_item *it);
/* Number of items of s that are status changes (not "earlier" work). */
size_t relnotes_changed_count(const struct relnotes_section *s);

struct relnotes_section *relnotes_add_section(struct relnotes *rn, const char *title,
					      const char *from, const char *to);
struct relnotes_item *relnotes_add_item(struct relnotes_section *s,
					const struct adr *adr);
/* Order a section's items by group, then id. */
void relnotes_sort(struct relnotes_section *s);
void relnotes_clear(struct relnotes *rn);

#endif
