/*
 * test_cachefile: the cache files' rules (cachefile.h): values read back
 * as written, every overrun and bad index turns the reader bad instead of
 * reading past the end, and a framed file is refused when its magic,
 * format, length or checksum is wrong.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "harness.h"
#include "cachefile.h"

TEST_GROUP(cachefile_roundtrip)
{
	struct strbuf sb = STRBUF_INIT;
	struct strvec v = STRVEC_INIT, back = STRVEC_INIT;
	struct cf_reader r;
	char *s, *n;
	unsigned char raw[3];

	strvec_push(&v, "docs/adr/0001-a.md");
	strvec_push(&v, "");
	cf_put_u32(&sb, 0xdeadbeefu);
	cf_put_u64(&sb, 0x0123456789abcdefull);
	cf_put_u8(&sb, 7);
	cf_put_str(&sb, "héllo");
	cf_put_str(&sb, NULL);
	cf_put_strvec(&sb, &v);
	strbuf_add(&sb, "xyz", 3);
	r.p = (const unsigned char *)sb.buf;
	r.end = r.p + sb.len;
	r.bad = 0;
	INT_EQ(cf_get_u32(&r), 0xdeadbeefu, "u32 back");
	OK(cf_get_u64(&r) == 0x0123456789abcdefull, "u64 back");
	INT_EQ(cf_get_u8(&r), 1, "u8 is a flag: non-zero reads back as 1");
	s = cf_get_str(&r);
	STR_EQ(s, "héllo", "string back, UTF-8 intact");
	n = cf_get_str(&r);
	OK(n == NULL && !r.bad, "NULL string back, reader still good");
	cf_get_strvec(&r, &back);
	OK(back.nr == 2 && !strcmp(back.v[0], v.v[0]) && !strcmp(back.v[1], ""),
	   "string list back, empty string kept");
	cf_get_bytes(&r, raw, 3);
	OK(!memcmp(raw, "xyz", 3) && r.p == r.end && !r.bad, "bytes back, at the end");
	free(s);
	strvec_clear(&v);
	strvec_clear(&back);
	strbuf_release(&sb);
}

/* A reader over n bytes of buf. */
static struct cf_reader rd(const struct strbuf *sb, size_t n)
{
	struct cf_reader r;

	r.p = (const unsigned char *)sb->buf;
	r.end = r.p + n;
	r.bad = 0;
	return r;
}

TEST_GROUP(cachefile_reader_bounds)
{
	struct strbuf sb = STRBUF_INIT;
	struct strvec v = STRVEC_INIT;
	struct cf_reader r;
	char *s;

	cf_put_u32(&sb, 5);
	r = rd(&sb, 3);
	OK(cf_get_u32(&r) == 0 && r.bad, "a u32 cut short reads 0 and turns bad");
	OK(cf_get_u32(&r) == 0 && cf_get_u8(&r) == 0, "once bad, every read is zero");

	strbuf_setlen(&sb, 0);
	cf_put_str(&sb, "abcdef");
	r = rd(&sb, sb.len - 1);
	s = cf_get_str(&r);
	OK(!s && r.bad, "a string longer than what remains is refused");

	strbuf_setlen(&sb, 0);
	cf_put_u32(&sb, 3);
	strbuf_add(&sb, "a\0b", 3);
	r = rd(&sb, sb.len);
	s = cf_get_str(&r);
	OK(!s && r.bad, "a string holding a NUL is refused");

	strbuf_setlen(&sb, 0);
	cf_put_u32(&sb, 0x7fffffffu);
	cf_put_u32(&sb, 1);
	r = rd(&sb, sb.len);
	OK(cf_get_count(&r, 4) == 0 && r.bad,
	   "a count larger than the bytes left could hold is refused (no huge allocation)");

	strbuf_setlen(&sb, 0);
	cf_put_u32(&sb, 2);
	cf_put_u32(&sb, 9);
	cf_put_u32(&sb, CF_NULL);
	cf_put_u32(&sb, CF_NULL);
	r = rd(&sb, sb.len);
	INT_EQ(cf_get_idx(&r, 3, 0), 2, "an index below the limit");
	OK(cf_get_idx(&r, 9, 0) == 0 && r.bad, "an index at the limit is refused");
	r = rd(&sb, sb.len);
	r.p += 8;
	OK(cf_get_idx(&r, 3, 1) == CF_NULL && !r.bad, "CF_NULL where allowed");
	OK(cf_get_idx(&r, 3, 0) == 0 && r.bad, "CF_NULL where not allowed is refused");

	strbuf_setlen(&sb, 0);
	cf_put_u32(&sb, 2);
	cf_put_str(&sb, "one");
	cf_put_str(&sb, NULL);
	r = rd(&sb, sb.len);
	cf_get_strvec(&r, &v);
	OK(r.bad && v.nr == 1, "a NULL inside a string list is refused");
	strvec_clear(&v);
	strbuf_release(&sb);
}

/* Write the bytes of sb over path (no framing). */
static void put_file(const char *path, const char *data, size_t len)
{
	FILE *f = fopen(path, "wb");

	if (f) {
		fwrite(data, 1, len, f);
		fclose(f);
	}
}

static struct strbuf slurp(const char *path)
{
	struct strbuf sb = STRBUF_INIT;
	char buf[4096];
	size_t n;
	FILE *f = fopen(path, "rb");

	while (f && (n = fread(buf, 1, sizeof(buf), f)) > 0)
		strbuf_add(&sb, buf, n);
	if (f)
		fclose(f);
	return sb;
}

TEST_GROUP(cachefile_frame)
{
	char dir[] = "/tmp/adrlog-cf-XXXXXX";
	struct strbuf payload = STRBUF_INIT, path = STRBUF_INIT, sub = STRBUF_INIT;
	struct strbuf good;
	struct cf_map m;
	const char *why;

	if (!mkdtemp(dir)) {
		OK(0, "mkdtemp");
		return;
	}
	strbuf_addf(&sub, "%s/adr-log", dir);
	strbuf_addf(&path, "%s/entry", sub.buf);
	for (int i = 0; i < 1000; i++)
		cf_put_u32(&payload, (uint32_t)i * 2654435761u);
	INT_EQ(cf_write(sub.buf, path.buf, "TESTMAG\n", 3, &payload), 0,
	       "written (the folder made on the way)");
	INT_EQ(cf_open(&m, path.buf, "TESTMAG\n", 3, &why), 0, "the file opens");
	OK(m.payload.end - m.payload.p == (long)payload.len &&
	   !memcmp(m.payload.p, payload.buf, payload.len), "the payload is the one written");
	cf_close(&m);
	OK(cf_open(&m, path.buf, "OTHERMG\n", 3, &why) < 0 && !strcmp(why, "not a cache file"),
	   "another magic is refused");
	OK(cf_open(&m, path.buf, "TESTMAG\n", 4, &why) < 0 && !strcmp(why, "another format"),
	   "another format is refused");

	good = slurp(path.buf);
	put_file(path.buf, good.buf, good.len / 2);
	OK(cf_open(&m, path.buf, "TESTMAG\n", 3, &why) < 0 && !strcmp(why, "truncated"),
	   "a file cut in half is refused");
	put_file(path.buf, good.buf, 10);
	OK(cf_open(&m, path.buf, "TESTMAG\n", 3, &why) < 0 && !strcmp(why, "truncated"),
	   "a file shorter than its header is refused");
	good.buf[good.len / 2] ^= 0x40;
	put_file(path.buf, good.buf, good.len);
	OK(cf_open(&m, path.buf, "TESTMAG\n", 3, &why) < 0 &&
	   !strcmp(why, "checksum mismatch"), "one flipped bit is refused");
	put_file(path.buf, "", 0);
	OK(cf_open(&m, path.buf, "TESTMAG\n", 3, &why) < 0, "an empty file is refused");
	unlink(path.buf);
	OK(cf_open(&m, path.buf, "TESTMAG\n", 3, &why) < 0 && why == cf_missing,
	   "a missing file is refused, and said to be missing");
	OK(cf_open(&m, sub.buf, "TESTMAG\n", 3, &why) < 0 && !strcmp(why, "not a file"),
	   "a folder is refused");
	rmdir(sub.buf);
	/* a file where the folder should be: the write fails, with a message */
	put_file(sub.buf, "x", 1);
	OK(cf_write(sub.buf, path.buf, "TESTMAG\n", 3, &payload) < 0,
	   "cannot write below a plain file");
	unlink(sub.buf);
	rmdir(dir);
	OK(cf_hash("abc", 3) != cf_hash("abd", 3), "the hash sees one byte");
	strbuf_release(&good);
	strbuf_release(&payload);
	strbuf_release(&path);
	strbuf_release(&sub);
}
