/*
 * adrid: ADR identifiers (SPEC section 1, "Ids").
 *
 * An id is the normalized text of the numeric parts: "0012-use-nats.md" ->
 * "12", "017-1-nats.md" -> "17-1", "20210304-x.md" -> "20210304".  Ids are
 * strings (sub-numbers and date ids do not fit an int) and sort by their
 * numeric parts with adrid_cmp().
 */
#ifndef ADRLOG_ADRID_H
#define ADRLOG_ADRID_H

#include <stddef.h>

/*
 * Id from a file's base name (extension removed first): optional
 * "adr"/"ADR" prefix and one '-'/'_', digits, optionally "-digits" when that
 * part is only digits and is followed by '-', '_', '.' or the end; a name
 * that starts with a date "YYYY-MM-DD" and '-'/'_' takes the digits after
 * it ("2021-06-05_001-x" -> "1") or else the date's ("2021-06-05-x" ->
 * "20210605").  Returns a new string (caller frees) or NULL when the name gives none.
 */
char *adrid_from_name(const char *basename);

/*
 * The name without its extension, its id and the separator after the id
 * ("001-drop-kafka.md" -> "drop-kafka"), the whole stem when that leaves
 * nothing or there is no id.  New string.
 */
char *adrid_slug(const char *basename);

/*
 * Id from the start of a level-1 heading's text ("ADR-5: x", "5. x",
 * "ADR 001: x"); same digit rules.  New string or NULL.
 */
char *adrid_from_heading(const char *text);

/*
 * Length of the id prefix at the start of a heading's text ("ADR-023: ",
 * "ADR 001: ", "23. ", "0023 - "), spaces after it included; 0 when the
 * text starts with none.  A bare number needs punctuation after it
 * ("5 Whys" has no id); "ADR-5 Title" does not.  *id (may be NULL)
 * receives the normalized id (caller frees) or NULL.
 */
size_t adrid_heading_prefix(const char *text, char **id);

/*
 * Normalize an id written in text: "0023" -> "23", "012-2" -> "12-2",
 * "0000" -> "0".  s[0..len) must be digits with at most one inner '-'.
 * Returns a new string.
 */
char *adrid_normalize(const char *s, size_t len);

/* Order ids by numeric parts ("2" < "10" < "10-1" < "11"); strcmp-like. */
int adrid_cmp(const char *a, const char *b);

/* Non-zero for .md, .markdown and .rst names. */
int adrid_has_adr_ext(const char *name);

/*
 * Non-zero for names that are never ADRs: README.*, index.*, template.*,
 * _*, 0000-template*, and a name whose rest after its id is exactly index,
 * readme, toc or template, in any case ("000-index.md").
 */
int adrid_is_excluded(const char *basename);

/* Base name of a path (pointer into path). */
const char *adrid_basename(const char *path);

#endif
