/*
 * edit: rewrite the status and the links of one ADR file, in its bytes
 * (`adr-log status`, `supersede`, `link`, `check --fix`).  Pure functions
 * over bytes, like the parsers: they find where the file keeps its status
 * (front matter key, a `Status: X` line or list item, a `| Status | X |`
 * row, an rst field, the line under a Status heading, a dated status log,
 * a table with a Status column), change only that spot, and copy every
 * other byte as it was (BOM, CRLF, a missing last newline, trailing
 * blanks).  parse_adr() gives the line of the status; the rules of
 * docs/adr/0027 say what is written where.
 */
#ifndef ADRLOG_EDIT_H
#define ADRLOG_EDIT_H

#include <stddef.h>

#include "strbuf.h"

/* The relations of SPEC section 1 ("Links"). */
enum edit_rel {
	EDIT_SUPERSEDES = 0,
	EDIT_SUPERSEDED_BY,
	EDIT_AMENDS,
	EDIT_AMENDED_BY
};

/* "Supersedes", "Superseded by", "Amends", "Amended by". */
const char *edit_rel_word(enum edit_rel rel);
/* Supersedes <-> Superseded by, Amends <-> Amended by. */
enum edit_rel edit_rel_inverse(enum edit_rel rel);
/*
 * A relation as a user types it ("Amends", "amended-by", "superseded_by",
 * "Superseded by", "supercedes"); 0, or -1 when it is none.
 */
int edit_rel_parse(const char *words, enum edit_rel *out);

/*
 * The ADR a link points at, as each kind of file writes it: md (Markdown
 * link text, e.g. "12. Use NATS"), href (path relative to the file that
 * gets the link), short ("ADR-0012", for front matter values) and id
 * (normalized, for the "already there" test).
 */
struct edit_target {
	const char *id;
	const char *text;
	const char *href;
	const char *shortref;
};

/* What an edit did. */
enum edit_result {
	EDIT_CHANGED = 0,	/* out holds the new bytes */
	EDIT_UNCHANGED = 1	/* the file already says so; out holds it unchanged */
};

/*
 * Set the status of the ADR in buf[0..len) (path: for the format) to
 * status, keeping the file's style: the case of the old word (Accepted,
 * ACCEPTED, accepted), its emphasis and brackets, an emoji before it.
 * A dated status log gets a new line dated date (YYYY-MM-DD).  With by
 * set, the status becomes "<status> by <link>" (how adr-tools and MADR
 * write a successor).  The new bytes go to out (reset first).
 * Returns an enum edit_result, or -1 with the reason recorded
 * (error_set): no status to change, a form that needs a person.
 */
int edit_status(struct strbuf *out, const char *path, const char *buf, size_t len,
		const char *status, const char *date, const struct edit_target *by);

/*
 * Add the link "<rel> <target>" in the form and at the place the file
 * keeps its status: a front matter key (supersedes:, amends:,
 * amended_by:), a list item or line after a `Status:` line, a table row,
 * an rst field, or a line in the Status section.  EDIT_SUPERSEDED_BY
 * sets the status too (edit_status with by; date for dated logs).  A
 * link the file already has is EDIT_UNCHANGED.
 */
int edit_link(struct strbuf *out, const char *path, const char *buf, size_t len,
	      enum edit_rel rel, const struct edit_target *target, const char *date);

/*
 * The text of a status in the style of old (the status text as the file
 * writes it, markup included): prefix (emoji, emphasis, brackets) and
 * closing markup kept, the word's case followed.  For unit tests and
 * edit.c.
 */
void edit_styled_status(struct strbuf *out, const char *old, size_t old_len,
			const char *status);

#endif
