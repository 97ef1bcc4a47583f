/*
 * fuzz_pack: libFuzzer target for the pack reader (src/pack.c) through
 * its own entry points: packr_verify(), packr_open() and packr_read() on
 * a pack and its index written to a scratch objects folder.
 *
 * The first byte picks how the input becomes files:
 *  even: "u32 LE index length, index bytes, pack bytes", both as given,
 *        so every check of the index is fuzzed;
 *  odd:  "count n (1..64), n u32 LE offsets, entries": the target writes
 *        a pack header and trailer around the entries and a valid index
 *        of n made-up ids at those offsets (relative to the entries), so
 *        mutations reach the object headers, inflate and the deltas.
 * Every id of the index is then read whole, and its first bytes alone.
 */
#include <fcntl.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "pack.h"
#include "strbuf.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char objects[64], idx_path[96], pack_path[96];

static void put_be32(struct strbuf *sb, uint32_t v)
{
	unsigned char b[4] = { v >> 24, (v >> 16) & 0xff, (v >> 8) & 0xff, v & 0xff };

	strbuf_add(sb, b, 4);
}

static uint32_t get_le32(const uint8_t *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static void write_file(const char *path, const void *p, size_t n)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);

	if (fd < 0)
		abort();
	if (n && write(fd, p, n) != (ssize_t)n)
		abort();
	close(fd);
}

static void setup(void)
{
	char dir[64];
	const char *tmp = getenv("TMPDIR");

	if (*objects)
		return;
	snprintf(dir, sizeof(dir), "%s/fuzz_pack.XXXXXX", tmp && strlen(tmp) < 32 ? tmp : "/tmp");
	if (!mkdtemp(dir))
		abort();
	snprintf(objects, sizeof(objects), "%s", dir);
	snprintf(idx_path, sizeof(idx_path), "%s/pack", objects);
	mkdir(idx_path, 0755);
	snprintf(idx_path, sizeof(idx_path), "%s/pack/pack-f.idx", objects);
	snprintf(pack_path, sizeof(pack_path), "%s/pack/pack-f.pack", objects);
}

/* The odd mode: a valid index of n ids over the entries given. */
static int build(struct strbuf *idx, struct strbuf *pack, const uint8_t *data, size_t size)
{
	uint32_t n;
	size_t at;

	if (size < 2)
		return -1;
	n = data[1] % 64 + 1;
	at = 2 + (size_t)n * 4;
	if (size < at)
		return -1;
	strbuf_add(pack, "PACK", 4);
	put_be32(pack, 2);
	put_be32(pack, n);
	strbuf_add(pack, data + at, size - at);
	/* the trailer: a made-up checksum the index repeats */
	strbuf_add(pack, "0123456789abcdefghij", 20);
	strbuf_add(idx, "\377tOc", 4);
	put_be32(idx, 2);
	/* id i is (i * 4, i, 0, ...): sorted, one or none per first byte */
	for (uint32_t b = 0; b < 256; b++)
		put_be32(idx, b / 4 + 1 < n ? b / 4 + 1 : n);
	for (uint32_t i = 0; i < n; i++) {
		unsigned char oid[20] = { 0 };

		oid[0] = (unsigned char)(i * 4);
		oid[1] = (unsigned char)i;
		strbuf_add(idx, oid, 20);
	}
	for (uint32_t i = 0; i < n; i++)
		put_be32(idx, 0);	/* CRCs: not read */
	for (uint32_t i = 0; i < n; i++)
		put_be32(idx, get_le32(data + 2 + (size_t)i * 4) + 12);
	strbuf_add(idx, "0123456789abcdefghij", 20);
	strbuf_add(idx, "idx checksum, unread", 20);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct strbuf idx = STRBUF_INIT, pack = STRBUF_INIT;
	struct packr *r = NULL;
	char *bad = NULL;

	setup();
	if (!size)
		return 0;
	if (data[0] & 1) {
		if (build(&idx, &pack, data, size) < 0)
			goto out;
	} else {
		uint32_t n;

		if (size < 5)
			goto out;
		n = get_le32(data + 1);
		if (n > size - 5)
			n = (uint32_t)(size - 5);
		strbuf_add(&idx, data + 5, n);
		strbuf_add(&pack, data + 5 + n, size - 5 - n);
	}
	write_file(idx_path, idx.buf, idx.len);
	write_file(pack_path, pack.buf, pack.len);
	packr_verify(objects, &bad);
	free(bad);
	packr_open(&r, objects);
	if (r && idx.len >= 8 + 1024) {
		const unsigned char *f = (const unsigned char *)idx.buf + 8;
		uint32_t nr = (uint32_t)f[1020] << 24 | (uint32_t)f[1021] << 16 |
			      (uint32_t)f[1022] << 8 | f[1023];

		/* packr_open took the index: nr ids follow the fanout */
		for (uint32_t i = 0; i < nr && i < 256; i++) {
			git_oid oid;
			git_object_t type;
			const unsigned char *obj;
			size_t len;

			memcpy(oid.id, f + 1024 + (size_t)i * 20, 20);
			if (packr_read(r, &oid, &type, &obj, &len) == 0 && len)
				(void)*(volatile const unsigned char *)&obj[len - 1];
			if (packr_read_prefix(r, &oid, 1 + (i * 37 + data[0]) % 600, &type, &obj,
					      &len) == 0 && len)
				(void)*(volatile const unsigned char *)&obj[len - 1];
		}
	}
	packr_free(r);
out:
	strbuf_release(&idx);
	strbuf_release(&pack);
	return 0;
}
