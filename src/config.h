/*
 * config: adr-log's settings, "adrlog.<key>" (SPEC sections 1 and 6).
 *
 * A key's values come from git as git reads them when it has any there:
 * its config files (all levels, multi-valued), then its command-line
 * channels, GIT_CONFIG_COUNT with GIT_CONFIG_KEY_n/GIT_CONFIG_VALUE_n and
 * GIT_CONFIG_PARAMETERS (`git -c`; git passes both to hooks), later
 * values winning.  Else they come from the committed .adrlog file at the
 * repository root of the revision being read, in git-config syntax:
 *	[adrlog]
 *		dir = docs/adr
 *		largeLines = 600
 * Keys are case-insensitive, as in git.
 */
#ifndef ADRLOG_CONFIG_H
#define ADRLOG_CONFIG_H

#include <stddef.h>
#include <stdint.h>

#include "repo.h"
#include "strvec.h"

/*
 * Append every value of adrlog.<key> to out (git config first; .adrlog in
 * tree only when git config has none; tree may be NULL).  Returns 0 or -1.
 */
int config_get_all(struct strvec *out, struct repo *repo, const git_tree *tree,
		   const char *key);

/* The last value of adrlog.<key>, or NULL (caller frees). */
int config_get(char **out, struct repo *repo, const git_tree *tree, const char *key);

/*
 * adrlog.<key> as an integer of 0 to INT_MAX (git's k/m/g suffixes); def
 * when unset.  A value out of range is an error, never wrapped.
 */
int config_get_int(int *out, struct repo *repo, const git_tree *tree,
		   const char *key, int def);

/* adrlog.<key> as a boolean (true/yes/on/1, false/no/off/0); def when unset. */
int config_get_bool(int *out, struct repo *repo, const git_tree *tree,
		    const char *key, int def);

/*
 * Pure parser for git-config text: append the values of section.key
 * (case-insensitive names; no subsections) found in buf[0..len) to out.
 * Handles comments (# ;), quotes, backslash escapes, continuation lines and
 * "key" alone (true).  Malformed lines are skipped.
 */
void config_text_get_all(const char *buf, size_t len, const char *section,
			 const char *key, struct strvec *out);

/*
 * The value of any git config key ("core.pager"), from git config and its
 * command-line channels (not .adrlog); NULL when unset (caller frees).
 * Returns 0 or -1.
 */
int config_get_git(char **out, struct repo *repo, const char *name);

/*
 * Parse an integer as git does (git_parse_signed): decimal, 0x hex or 0
 * octal, an optional k/m/g suffix (1024, 1024^2, 1024^3), the result
 * within -max..max.  Returns 0, -1 (not a number) or -2 (out of range).
 */
int config_parse_int(const char *s, intmax_t max, intmax_t *out);

/*
 * Append the values of name (section.key, or section.sub.key) that the
 * text of GIT_CONFIG_PARAMETERS holds ('key'='value' of git >= 2.31,
 * 'key=value' before, sq-quoted; 'key'= or 'key' alone is "true"), in
 * order.  Pure; stops at text git would refuse.
 */
void config_parse_parameters(const char *params, const char *name, struct strvec *out);

/* Parse a git boolean; -1 when s is not one. */
int config_parse_bool(const char *s);

#endif
