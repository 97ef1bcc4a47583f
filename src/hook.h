/*
 * hook: the rules of SPEC section 6 that the git hooks (cmd_hook.c) and
 * `check --range` share: the settings (adrlog.largeLines, largeFiles,
 * ignore, hookMode, failClosed), when a change is large, when it is
 * covered, the candidate ADRs to offer, and the edits a hook makes to a
 * commit message (a trailer, a commented hint) without ever losing it.
 */
#ifndef ADRLOG_HOOK_H
#define ADRLOG_HOOK_H

#include <stddef.h>

#include "adr.h"
#include "change.h"
#include "repo.h"
#include "strbuf.h"
#include "strvec.h"

enum hook_mode {
	HOOK_MODE_AUTO = 0,	/* unset: prompt on a terminal, else warn */
	HOOK_MODE_PROMPT,
	HOOK_MODE_WARN,
	HOOK_MODE_BLOCK
};

struct hook_settings {
	int large_lines;	/* adrlog.largeLines (400) */
	int large_files;	/* adrlog.largeFiles (20) */
	struct strvec ignore;	/* defaults + adrlog.ignore ("" resets) */
	struct strvec adr_dirs;	/* the ADR folders (discover_dirs) */
	enum hook_mode mode;	/* adrlog.hookMode */
	int fail_closed;	/* adrlog.failClosed */
};

/* The default adrlog.ignore globs, NULL-terminated. */
extern const char *const hook_default_ignore[];

/*
 * Read the settings from git config or the committed .adrlog (of HEAD, or
 * of the staged tree before the first commit).  cli_dirs: --adr-dir values
 * or NULL.  Returns 0 or -1; s is usable (defaults) even on failure.
 */
int hook_settings_load(struct hook_settings *s, struct repo *repo,
		       const struct strvec *cli_dirs);
void hook_settings_release(struct hook_settings *s);

/* "prompt", "warn", "block" (case-insensitive) into *out; -1 if unknown. */
int hook_mode_parse(const char *s, enum hook_mode *out);

/* Non-zero when c exceeds the thresholds of s. */
int hook_is_large(const struct change *c, const struct hook_settings *s);

/* Why a change is covered (SPEC section 6). */
enum hook_cover {
	HOOK_UNCOVERED = 0,
	HOOK_COVERED_REF,	/* the message references an existing ADR */
	HOOK_COVERED_EDIT,	/* the change adds or edits an ADR file */
	HOOK_COVERED_NONE	/* an "ADR: none (<reason>)" trailer */
};

/*
 * Is a change with message msg covered?  msg should be cleaned
 * (hook_msg_clean).  known: the ADRs a mention may name (an id, its base,
 * or an ADR path or file name); c may be NULL (no ADR file edited).
 */
enum hook_cover hook_coverage(const char *msg, const struct change *c,
			      const struct adr_db *known);

/*
 * For `check --range` and pre-push: *uncovered = 1 when commit rev is a
 * large change (against its first parent) that is not covered, else 0.
 * known: ADRs mentions may name (NULL: those at rev).  change (may be
 * NULL) receives the measured change (caller clears it).  Returns 0 or -1.
 */
int hook_commit_is_uncovered(int *uncovered, struct repo *repo, const char *rev,
			     const struct hook_settings *s, const struct adr_db *known,
			     struct change *change);

/* One ADR offered to the author, best first. */
struct hook_candidate {
	const struct adr *adr;	/* borrowed from the db */
	int related;		/* words of changed paths found in its text */
};

/*
 * Rank the Proposed and Accepted ADRs of db (loaded at HEAD; no others
 * are offered) for change c: those those whose text names words of the changed
 * paths, then the most recent (highest id).  At most max; out is
 * allocated (caller frees).  Texts are read from rev's tree.
 */
int hook_candidates(struct hook_candidate **out, size_t *nr, size_t max,
		    struct repo *repo, const struct adr_db *db, const struct change *c);

/*
 * The message as git will store it under the default cleanup: comment
 * lines (comment_char) and everything below a scissors line dropped.
 */
void hook_msg_clean(struct strbuf *out, const char *msg, size_t len, int comment_char);

/*
 * Add the trailer "key: value" to msg as `git interpret-trailers` would:
 * appended to the last paragraph when it is a trailer block, else after a
 * blank line; before any trailing comment lines and scissors part, so it
 * survives every --cleanup mode.  An identical trailer is not repeated.
 */
void hook_msg_add_trailer(struct strbuf *msg, const char *key, const char *value,
			  int comment_char);

/*
 * Insert the lines of hint (each gets comment_char and a space, or the
 * char alone for an empty line) before the first comment line of msg, or
 * at its end.
 */
void hook_msg_add_hint(struct strbuf *msg, const char *hint, int comment_char);

/*
 * core.commentChar=auto as git decides it: with an editor, the character
 * of git's own comment block (a scissors line, or the last comment line);
 * without one, git's adjust_comment_line_char over the message (the first
 * of "#;@!$%^&|:" that starts no line, '#' when the text has no '#').
 */
int hook_comment_char_auto(const char *msg, size_t len, int editor);

/*
 * The message as git will record it: strip (cleanup modes strip, scissors
 * and default with an editor) drops comment lines and the scissors part;
 * otherwise (whitespace, verbatim, default with -m/-F) '#' lines are
 * content and stay.
 */
void hook_msg_recorded(struct strbuf *out, const char *msg, size_t len, int strip,
		       int comment_char);

/*
 * Why the references in msg do not cover a change, one "  - ..." line
 * each: ids that name no ADR of known, "ADR: none" without a reason.
 */
void hook_coverage_why(struct strbuf *out, const char *msg, const struct adr_db *known);

/* Non-zero when text holds citation syntax (an id form, an ADR trailer,
 * a path of an ADR of known): the hint must never. */
int hook_text_cites(const char *text, const struct adr_db *known);

/* "523 changed lines in 24 files (limits: 400 lines, 20 files)". */
void hook_describe_size(struct strbuf *out, const struct change *c,
			const struct hook_settings *s);

/* "src/a.c (300), src/b.c (120), ..." for the largest n files. */
void hook_describe_largest(struct strbuf *out, const struct change *c, size_t n);

#endif
