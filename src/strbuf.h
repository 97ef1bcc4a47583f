/*
 * strbuf: a growable byte buffer with git's invariants.
 *
 *  - buf is never NULL and always NUL-terminated (an empty strbuf points at
 *    a shared static "" until something is added);
 *  - len is the number of bytes used, excluding the terminating NUL; the
 *    contents may hold NUL bytes;
 *  - strbuf_detach() is the only way to take ownership of buf.
 *
 * USAGE
 *	struct strbuf sb = STRBUF_INIT;
 *	strbuf_addf(&sb, "%s-%d", name, n);
 *	use(sb.buf);
 *	strbuf_release(&sb);
 */
#ifndef ADRLOG_STRBUF_H
#define ADRLOG_STRBUF_H

#include <stdarg.h>
#include <stddef.h>

struct strbuf {
	size_t alloc;
	size_t len;
	char *buf;
};

extern char strbuf_slopbuf[];
#define STRBUF_INIT { 0, 0, strbuf_slopbuf }

void strbuf_init(struct strbuf *sb, size_t hint);
/* Free the contents; sb is left as STRBUF_INIT. */
void strbuf_release(struct strbuf *sb);
/* Return buf (caller frees) and reset sb to empty. */
char *strbuf_detach(struct strbuf *sb, size_t *len);
/* Make room for extra more bytes. */
void strbuf_grow(struct strbuf *sb, size_t extra);
void strbuf_setlen(struct strbuf *sb, size_t len);
#define strbuf_reset(sb) strbuf_setlen((sb), 0)

void strbuf_add(struct strbuf *sb, const void *data, size_t len);
void strbuf_addstr(struct strbuf *sb, const char *s);
void strbuf_addch(struct strbuf *sb, int c);
void strbuf_addbuf(struct strbuf *sb, const struct strbuf *other);
#if defined(__GNUC__)
__attribute__((format(printf, 2, 3)))
#endif
void strbuf_addf(struct strbuf *sb, const char *fmt, ...);
void strbuf_vaddf(struct strbuf *sb, const char *fmt, va_list ap);

/* Remove leading/trailing ASCII whitespace in place. */
void strbuf_trim(struct strbuf *sb);
void strbuf_rtrim(struct strbuf *sb);

#endif
