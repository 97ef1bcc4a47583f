/*
 * utf8: make arbitrary bytes safe text.  Repository content is untrusted:
 * commit messages and ADR files may hold invalid UTF-8 and terminal control
 * sequences.  Everything adr-log prints passes through one of these.
 */
#ifndef ADRLOG_UTF8_H
#define ADRLOG_UTF8_H

#include <stddef.h>

struct strbuf;

/*
 * Append s[0..len) to out with every invalid UTF-8 sequence (and NUL bytes)
 * replaced by U+FFFD.  Returns the number of replacements.
 */
size_t utf8_sanitize(struct strbuf *out, const char *s, size_t len);

/* Non-zero when s[0..len) is valid UTF-8 with no NUL byte. */
int utf8_valid(const char *s, size_t len);

/*
 * Append s to out for a terminal: invalid UTF-8 replaced, C0/C1 controls
 * (ESC, CR, BEL, backspace, DEL, U+0080..U+009F) and the bidi embedding,
 * override and isolate controls (U+202A..U+202E, U+2066..U+2069) shown as
 * U+FFFD, except that keep_newlines keeps '\n' and tabs become a space.
 * This is THE function for repository text (titles, file names, commit
 * subjects, status text) on its way to a terminal or a terminal-bound
 * file: every view uses it; never write a second one.
 */
void utf8_for_terminal(struct strbuf *out, const char *s, int keep_newlines);

/*
 * Cut sb (valid UTF-8) to at most max columns, ending it with an ellipsis
 * when anything was cut.  No-op when it fits or max is 0.
 */
void utf8_truncate(struct strbuf *sb, size_t max);

/* Display columns of a valid UTF-8 string (wide East Asian/emoji count 2). */
size_t utf8_width(const char *s);

/*
 * The code point at s (at most len bytes) into *cp; returns its length, 1
 * with U+FFFD for a byte that starts no valid sequence, 0 when len is 0.
 */
size_t utf8_next(const char *s, size_t len, unsigned *cp);

/* Simple case folding of one code point (Latin, Greek, Cyrillic). */
unsigned utf8_fold(unsigned cp);

/* Non-zero for a letter of the scripts SPEC 1a reads (Latin, Greek,
 * Cyrillic, kana, CJK ideographs, Hangul). */
int utf8_is_letter(unsigned cp);

/* Append s case-folded (utf8_fold on every code point) to out. */
void utf8_fold_str(struct strbuf *out, const char *s);

#endif
