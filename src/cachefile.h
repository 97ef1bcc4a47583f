/*
 * cachefile: the binary format and the safety rules shared by adr-log's
 * cache files in <git common dir>/adr-log/ (ADR 12): the history entries
 * (cache.c) and the parsed-document memo (docmemo.c).
 *
 * A file is "magic (8 bytes), u32 format, u64 payload length, u64 payload
 * hash, payload", integers little-endian.  It is written beside its final
 * name and renamed, so a reader sees an old file or a new one, never half
 * of one; it is mapped and checked whole (magic, format, length,
 * checksum) before anything in it is believed, and the reader below turns
 * every overrun or out-of-range index into "bad" instead of a crash.
 * Cache files are disposable: no problem with one ever fails a command.
 */
#ifndef ADRLOG_CACHEFILE_H
#define ADRLOG_CACHEFILE_H

#include <stddef.h>
#include <stdint.h>

#include "error.h"
#include "strbuf.h"
#include "strvec.h"

#define CF_NULL 0xffffffffu	/* a NULL string, a missing index */

void cf_put_u32(struct strbuf *sb, uint32_t v);
void cf_put_u64(struct strbuf *sb, uint64_t v);
void cf_put_u8(struct strbuf *sb, int v);
/* A string: u32 length (CF_NULL for NULL) and its bytes. */
void cf_put_str(struct strbuf *sb, const char *s);
void cf_put_strvec(struct strbuf *sb, const struct strvec *v);

/* A cursor over a payload; once bad, every read gives zero. */
struct cf_reader {
	const unsigned char *p, *end;
	int bad;
};

/* Non-zero when n more bytes are there (else the reader turns bad). */
int cf_need(struct cf_reader *r, size_t n);
uint32_t cf_get_u32(struct cf_reader *r);
uint64_t cf_get_u64(struct cf_reader *r);
int cf_get_u8(struct cf_reader *r);
void cf_get_bytes(struct cf_reader *r, void *out, size_t n);
/* A count of items of at least min bytes each: never more than remain. */
uint32_t cf_get_count(struct cf_reader *r, size_t min);
/* An index below limit (or CF_NULL when null_ok). */
uint32_t cf_get_idx(struct cf_reader *r, uint32_t limit, int null_ok);
/* A string, copied (caller frees); NULL for NULL, or when bad or holding a NUL. */
char *cf_get_str(struct cf_reader *r);
/* Strings appended to v; a NULL one makes the reader bad. */
void cf_get_strvec(struct cf_reader *r, struct strvec *v);

/* A file mapped for reading, its frame checked. */
struct cf_map {
	void *map;
	size_t size;
	struct cf_reader payload;
};

/*
 * Map path and check its frame.  Returns 0, or -1 with *why ("truncated",
 * "checksum mismatch", ...; nothing to release).  *why is cf_missing when
 * there is no such file (never written, or pruned by a concurrent run).
 */
extern const char cf_missing[];
int cf_open(struct cf_map *m, const char *path, const char *magic, uint32_t format,
	    const char **why);
void cf_close(struct cf_map *m);

/*
 * Frame payload and put it at path (its folder dir made when missing),
 * through a temporary file and a rename.  Returns 0, or -1 with an error set.
 */
int cf_write(const char *dir, const char *path, const char *magic, uint32_t format,
	     const struct strbuf *payload);

/* 64-bit FNV-1a over 8-byte words: the checksum, and the key hash. */
uint64_t cf_hash(const void *p, size_t len);

/* "adr-log: cache: <message>" on stderr when ADRLOG_CACHE_TRACE is set. */
ADR_PRINTF(1, 2) void cf_trace(const char *fmt, ...);

/* "<git common dir>/adr-log" for a common dir path. */
char *cf_dir(const char *commondir);

#endif
