/*
 * cachefile: framing, checksum, bounds-checked reading and atomic
 * writing of the cache files (see cachefile.h).
 */
#include "cachefile.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "file.h"
#include "xalloc.h"

#define CF_HEADER 28	/* magic, format, length, hash */

const char cf_missing[] = "no such file";

void cf_trace(const char *fmt, ...)
{
	const char *t = getenv("ADRLOG_CACHE_TRACE");
	va_list ap;

	if (!t || !*t || !strcmp(t, "0"))
		return;
	fputs("adr-log: cache: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

uint64_t cf_hash(const void *data, size_t len)
{
	const unsigned char *p = data;
	uint64_t h = 0xcbf29ce484222325ull, w;
	size_t i = 0;

	for (; i + 8 <= len; i += 8) {
		memcpy(&w, p + i, 8);
		h = (h ^ w) * 0x100000001b3ull;
		h ^= h >> 29;
	}
	for (; i < len; i++)
		h = (h ^ p[i]) * 0x100000001b3ull;
	return h;
}

char *cf_dir(const char *commondir)
{
	struct strbuf sb = STRBUF_INIT;

	strbuf_addstr(&sb, commondir);
	if (sb.len && sb.buf[sb.len - 1] != '/')
		strbuf_addch(&sb, '/');
	strbuf_addstr(&sb, "adr-log");
	return strbuf_detach(&sb, NULL);
}

/* ---- writing ---- */

void cf_put_u32(struct strbuf *sb, uint32_t v)
{
	unsigned char b[4] = { v & 0xff, (v >> 8) & 0xff, (v >> 16) & 0xff, v >> 24 };

	strbuf_add(sb, b, 4);
}

void cf_put_u64(struct strbuf *sb, uint64_t v)
{
	cf_put_u32(sb, (uint32_t)v);
	cf_put_u32(sb, (uint32_t)(v >> 32));
}

void cf_put_u8(struct strbuf *sb, int v)
{
	strbuf_addch(sb, v ? 1 : 0);
}

void cf_put_str(struct strbuf *sb, const char *s)
{
	size_t n = s ? strlen(s) : 0;

	cf_put_u32(sb, s ? (uint32_t)n : CF_NULL);
	strbuf_add(sb, s, n);
}

void cf_put_strvec(struct strbuf *sb, const struct strvec *v)
{
	cf_put_u32(sb, (uint32_t)v->nr);
	for (size_t i = 0; i < v->nr; i++)
		cf_put_str(sb, v->v[i]);
}

/* ---- reading ---- */

int cf_need(struct cf_reader *r, size_t n)
{
	if (r->bad || (size_t)(r->end - r->p) < n) {
		r->bad = 1;
		return 0;
	}
	return 1;
}

uint32_t cf_get_u32(struct cf_reader *r)
{
	uint32_t v;

	if (!cf_need(r, 4))
		return 0;
	v = (uint32_t)r->p[0] | (uint32_t)r->p[1] << 8 | (uint32_t)r->p[2] << 16 |
	    (uint32_t)r->p[3] << 24;
	r->p += 4;
	return v;
}

uint64_t cf_get_u64(struct cf_reader *r)
{
	uint64_t lo = cf_get_u32(r);

	return lo | (uint64_t)cf_get_u32(r) << 32;
}

int cf_get_u8(struct cf_reader *r)
{
	return cf_need(r, 1) ? *r->p++ : 0;
}

void cf_get_bytes(struct cf_reader *r, void *out, size_t n)
{
	if (!cf_need(r, n)) {
		memset(out, 0, n);
		return;
	}
	memcpy(out, r->p, n);
	r->p += n;
}

uint32_t cf_get_count(struct cf_reader *r, size_t min)
{
	uint32_t n = cf_get_u32(r);

	if (!r->bad && (size_t)n > (size_t)(r->end - r->p) / (min ? min : 1))
		r->bad = 1;
	return r->bad ? 0 : n;
}

uint32_t cf_get_idx(struct cf_reader *r, uint32_t limit, int null_ok)
{
	uint32_t v = cf_get_u32(r);

	if (!(v < limit || (null_ok && v == CF_NULL)))
		r->bad = 1;
	return r->bad ? (null_ok ? CF_NULL : 0) : v;
}

char *cf_get_str(struct cf_reader *r)
{
	uint32_t n = cf_get_u32(r);
	char *s;

	if (r->bad || n == CF_NULL || !cf_need(r, n))
		return NULL;
	if (memchr(r->p, '\0', n)) {
		r->bad = 1;
		return NULL;
	}
	s = xstrndup((const char *)r->p, n);
	r->p += n;
	return s;
}

void cf_get_strvec(struct cf_reader *r, struct strvec *v)
{
	uint32_t n = cf_get_count(r, 4);

	for (uint32_t i = 0; i < n && !r->bad; i++) {
		char *s = cf_get_str(r);

		if (!s) {
			r->bad = 1;
			break;
		}
		strvec_push_owned(v, s);
	}
}

/* ---- files ---- */

int cf_open(struct cf_map *m, const char *path, const char *magic, uint32_t format,
	    const char **why)
{
	struct stat st;
	uint64_t len, hash;
	int fd = open(path, O_RDONLY);

	memset(m, 0, sizeof(*m));
	*why = NULL;
	/* mapped, not read: a history entry is large and read once, in order */
	if (fd < 0 && errno == ENOENT)
		*why = cf_missing;
	else if (fd < 0 || fstat(fd, &st) < 0)
		*why = strerror(errno);
	else if (!S_ISREG(st.st_mode))
		*why = "not a file";
	else if ((size_t)st.st_size < CF_HEADER)
		*why = "truncated";
	else if ((m->map = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd,
				0)) == MAP_FAILED)
		*why = strerror(errno);
	if (fd >= 0)
		close(fd);
	if (*why) {
		m->map = NULL;
		return -1;
	}
	m->size = (size_t)st.st_size;
	m->payload.p = (const unsigned char *)m->map + 8;
	m->payload.end = (const unsigned char *)m->map + m->size;
	if (memcmp(m->map, magic, 8))
		*why = "not a cache file";
	else if (cf_get_u32(&m->payload) != format)
		*why = "another format";
	len = cf_get_u64(&m->payload);
	hash = cf_get_u64(&m->payload);
	if (!*why && len != m->size - CF_HEADER)
		*why = "truncated";
	else if (!*why && cf_hash(m->payload.p, (size_t)len) != hash)
		*why = "checksum mismatch";
	if (*why) {
		cf_close(m);
		return -1;
	}
	return 0;
}

void cf_close(struct cf_map *m)
{
	if (m->map)
		munmap(m->map, m->size);
	memset(m, 0, sizeof(*m));
}

int cf_write(const char *dir, const char *path, const char *magic, uint32_t format,
	     const struct strbuf *payload)
{
	struct strbuf file = STRBUF_INIT;
	struct stat st;
	int rc;

	if (mkdir(dir, 0777) < 0 && errno != EEXIST)
		return error_set("cannot create '%s': %s", dir, strerror(errno));
	/* an empty folder where the file goes (damage) is replaced too */
	if (stat(path, &st) == 0 && S_ISDIR(st.st_mode))
		rmdir(path);
	strbuf_grow(&file, CF_HEADER + payload->len);
	strbuf_add(&file, magic, 8);
	cf_put_u32(&file, format);
	cf_put_u64(&file, payload->len);
	cf_put_u64(&file, cf_hash(payload->buf, payload->len));
	strbuf_addbuf(&file, payload);
	/* no sync: a file lost in a crash is rebuilt, and readers check it whole */
	rc = file_replace(path, file.buf, file.len, FILE_MODE_KEEP, 0);
	strbuf_release(&file);
	return rc;
}
