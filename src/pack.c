/*
 * pack: index look-up, inflate and offset-delta resolution for pack files
 * (see pack.h).  Used by walk.c only; every miss goes to libgit2.
 */
#include "pack.h"

#include <dirent.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include "pack_delta.h"
#include "strbuf.h"
#include "xalloc.h"

#define PACK_MAX_CHAIN 128		/* deeper chains go to libgit2 */
#define PACK_CACHE_BYTES (4u << 20)	/* delta bases kept by offset */
#define PACK_FIRST_READ 512		/* header + most small objects */
#define PACK_BLOCK (64u << 10)		/* pack bytes are read in blocks this big */
#define PACK_BLOCKS 32			/* blocks kept (direct-mapped) */
#define PACK_READ_MAX (1u << 20)	/* the largest single read of compressed bytes */
#define PACK_ZLIB_RATIO 1032u
#define PACK_HEADER 12			/* "PACK", version, object count */
#define PACK_TRAILER 20			/* the pack's checksum */

struct pack_file {
	int fd;
	uint64_t pack_len;		/* the .pack's size */
	uint32_t nbig;			/* entries of the 64-bit offset table */
	const unsigned char *idx;	/* the whole .idx, mapped */
	size_t idx_len;
	uint32_t nr;
	const unsigned char *fanout, *oids, *offs, *big;
};

/* A resolved object at an offset: a delta base for the next ones. */
struct pack_cached {
	off_t off;
	struct pack_file *p;
	git_object_t type;
	unsigned char *data;
	size_t len;
};

/* One cached block of a pack file. */
struct pack_block {
	const struct pack_file *p;	/* NULL: empty */
	off_t start;
	size_t len;
	unsigned char data[PACK_BLOCK];
};

struct packr {
	struct pack_block *blocks;	/* PACK_BLOCKS of them */
	struct pack_file *packs;
	size_t nr, alloc;
	size_t last;		/* the pack that answered last */
	z_stream z;
	int z_ready;
	unsigned char *in;	/* compressed bytes read so far */
	size_t in_alloc;
	struct pack_cached *cache;	/* open addressing by offset */
	size_t cache_cap, cache_bytes, cache_nr;
	unsigned char *out;	/* the answer of packr_read */
	size_t out_len;
};

static uint32_t pack_be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

/*
 * Check an index (version 2) as libgit2 does before believing any of it:
 * the fanout never decreases, the file is exactly as long as the tables
 * its object count implies (plus at most nr - 1 64-bit offsets), and its
 * copy of the pack's checksum and object count match the pack.  Returns 0
 * with the table pointers of p set, or -1 (the pack is left to libgit2,
 * which reports its own error if it is damaged).
 */
static int pack_check(struct pack_file *p, const unsigned char *pack_hdr,
		      const unsigned char *pack_sum)
{
	uint64_t min, max, nr;
	uint32_t prev = 0;

	if (p->idx_len < 8 + 1024 + 40 || memcmp(p->idx, "\377tOc", 4) ||
	    pack_be32(p->idx + 4) != 2)
		return -1;
	p->fanout = p->idx + 8;
	for (int i = 0; i < 256; i++) {
		uint32_t f = pack_be32(p->fanout + (size_t)i * 4);

		if (f < prev)
			return -1;
		prev = f;
	}
	nr = prev;
	min = 8 + 1024 + nr * (20 + 4 + 4) + 40;
	max = min + (nr ? (nr - 1) * 8 : 0);
	if (p->idx_len < min || p->idx_len > max)
		return -1;
	if (memcmp(pack_hdr, "PACK", 4) ||
	    (pack_be32(pack_hdr + 4) != 2 && pack_be32(pack_hdr + 4) != 3) ||
	    pack_be32(pack_hdr + 8) != nr ||
	    memcmp(pack_sum, p->idx + p->idx_len - 40, 20))
		return -1;
	p->nr = (uint32_t)nr;
	p->oids = p->fanout + 1024;
	p->offs = p->oids + (size_t)nr * 20 + (size_t)nr * 4;
	p->big = p->offs + (size_t)nr * 4;
	p->nbig = (uint32_t)((p->idx_len - min) / 8);
	return 0;
}

/* Map idx_path, open pack_path and check them (pack_check); 0 or -1. */
static int pack_map(struct pack_file *p, const char *idx_path, const char *pack_path)
{
	struct stat st, pst;
	unsigned char hdr[PACK_HEADER], sum[PACK_TRAILER];
	int ifd = open(idx_path, O_RDONLY), pfd;
	void *map;

	memset(p, 0, sizeof(*p));
	if (ifd < 0)
		return -1;
	if (fstat(ifd, &st) < 0 || st.st_size < 8 + 1024 + 40) {
		close(ifd);
		return -1;
	}
	map = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, ifd, 0);
	close(ifd);
	if (map == MAP_FAILED)
		return -1;
	p->idx = map;
	p->idx_len = (size_t)st.st_size;
	if ((pfd = open(pack_path, O_RDONLY)) < 0) {
		munmap(map, p->idx_len);
		return -1;
	}
	p->fd = pfd;
	if (fstat(pfd, &pst) < 0 || pst.st_size < PACK_HEADER + PACK_TRAILER ||
	    pread(pfd, hdr, sizeof(hdr), 0) != (ssize_t)sizeof(hdr) ||
	    pread(pfd, sum, sizeof(sum), pst.st_size - PACK_TRAILER) != (ssize_t)sizeof(sum) ||
	    (p->pack_len = (uint64_t)pst.st_size, pack_check(p, hdr, sum) < 0)) {
		munmap(map, p->idx_len);
		close(pfd);
		return -1;
	}
	return 0;
}

static void pack_unmap(struct pack_file *p)
{
	munmap((void *)p->idx, p->idx_len);
	close(p->fd);
}

/* The offset of the n-th object of p's index, or -1 when it is out of range. */
static int64_t pack_nth_offset(const struct pack_file *p, uint32_t n)
{
	uint32_t off = pack_be32(p->offs + (size_t)n * 4);
	uint64_t at = off;

	if (off & 0x80000000u) {
		off &= 0x7fffffffu;
		if (off >= p->nbig)
			return -1;
		at = (uint64_t)pack_be32(p->big + (size_t)off * 8) << 32 |
		     pack_be32(p->big + (size_t)off * 8 + 4);
	}
	/* an object starts after the header and ends before the trailer */
	if (at < PACK_HEADER || at >= p->pack_len - PACK_TRAILER)
		return -1;
	return (int64_t)at;
}

/* Call fn for each "X.idx" and "X.pack" pair under objects_dir/pack. */
static int pack_each(const char *objects_dir,
		     int (*fn)(void *data, const char *idx, const char *pack), void *data)
{
	struct strbuf dir = STRBUF_INIT, idx = STRBUF_INIT, pack = STRBUF_INIT;
	struct dirent *de;
	DIR *d;
	int rc = 0;

	strbuf_addf(&dir, "%s/pack", objects_dir);
	d = opendir(dir.buf);
	while (d && !rc && (de = readdir(d))) {
		size_t n = strlen(de->d_name);

		if (n < 5 || strcmp(de->d_name + n - 4, ".idx"))
			continue;
		strbuf_reset(&idx);
		strbuf_reset(&pack);
		strbuf_addf(&idx, "%s/%s", dir.buf, de->d_name);
		strbuf_addf(&pack, "%s/%.*s.pack", dir.buf, (int)(n - 4), de->d_name);
		rc = fn(data, idx.buf, pack.buf);
	}
	if (d)
		closedir(d);
	strbuf_release(&dir);
	strbuf_release(&idx);
	strbuf_release(&pack);
	return rc;
}

static int pack_add(void *data, const char *idx_path, const char *pack_path)
{
	struct packr *r = data;
	struct pack_file p;

	if (pack_map(&p, idx_path, pack_path) < 0)
		return 0;	/* left to libgit2 */
	XGROW(r->packs, r->alloc, r->nr + 1);
	r->packs[r->nr++] = p;
	return 0;
}

int packr_open(struct packr **out, const char *objects_dir)
{
	struct packr *r = xcalloc(1, sizeof(*r));

	*out = NULL;
	pack_each(objects_dir, pack_add, r);
	if (!r->nr) {
		packr_free(r);
		return 0;
	}
	*out = r;
	return 0;
}

/* pack_each's callback for packr_verify: 1 (and the path kept) when damaged. */
static int pack_verify_one(void *data, const char *idx_path, const char *pack_path)
{
	char **bad = data;
	struct pack_file p;
	int rc = 0;

	if (pack_map(&p, idx_path, pack_path) < 0)
		return 0;	/* libgit2 refuses such a pack itself */
	/* a flat pass over the 4-byte offsets; the rare 8-byte ones checked each */
	for (uint32_t i = 0, lim = (uint32_t)(p.pack_len - PACK_TRAILER > 0x80000000u ?
						0x80000000u : p.pack_len - PACK_TRAILER);
	     i < p.nr && !rc; i++) {
		uint32_t off = pack_be32(p.offs + (size_t)i * 4);

		if (off & 0x80000000u)
			rc = pack_nth_offset(&p, i) < 0;
		else
			rc = off < PACK_HEADER || off >= lim;
	}
	pack_unmap(&p);
	if (rc)
		*bad = xstrdup(idx_path);
	return rc;
}

int packr_verify(const char *objects_dir, char **bad)
{
	*bad = NULL;
	return pack_each(objects_dir, pack_verify_one, bad) ? -1 : 0;
}

static void pack_cache_clear(struct packr *r)
{
	for (size_t i = 0; i < r->cache_cap; i++) {
		free(r->cache[i].data);
		r->cache[i].data = NULL;
		r->cache[i].p = NULL;
	}
	r->cache_bytes = 0;
	r->cache_nr = 0;
}

void packr_free(struct packr *r)
{
	if (!r)
		return;
	for (size_t i = 0; i < r->nr; i++)
		pack_unmap(&r->packs[i]);
	pack_cache_clear(r);
	free(r->cache);
	free(r->blocks);
	free(r->packs);
	free(r->in);
	free(r->out);
	if (r->z_ready)
		inflateEnd(&r->z);
	free(r);
}

/* The offset of oid in pack p, or -1. */
static off_t pack_find(const struct pack_file *p, const git_oid *oid)
{
	const unsigned char *id = oid->id;
	uint32_t lo = id[0] ? pack_be32(p->fanout + (id[0] - 1) * 4) : 0;
	uint32_t hi = pack_be32(p->fanout + id[0] * 4);

	/*
	 * Object ids are uniform: guess the position from the next bytes and
	 * search a small window around it (two cache lines instead of a
	 * dozen scattered ones), widening to the whole bucket if it misses.
	 */
	if (hi - lo > 128) {
		uint64_t k = pack_be32(id + 1);
		uint32_t guess = lo + (uint32_t)((k * (hi - lo)) >> 32);
		uint32_t wlo = guess > lo + 48 ? guess - 48 : lo;
		uint32_t whi = guess + 48 < hi ? guess + 48 : hi;

		if (memcmp(p->oids + (size_t)wlo * 20, id, 20) > 0)
			hi = wlo;
		else if (memcmp(p->oids + (size_t)(whi - 1) * 20, id, 20) < 0)
			lo = whi;
		else {
			lo = wlo;
			hi = whi;
		}
	}
	while (lo < hi) {
		uint32_t mid = lo + (hi - lo) / 2;
		int c = memcmp(p->oids + (size_t)mid * 20, id, 20);

		if (!c) {
			int64_t at = pack_nth_offset(p, mid);

			return at < 0 ? -1 : (off_t)at;
		}
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

/*
 * pread() through a few cached 64 KiB blocks: the walk reads small objects
 * near each other (a commit, then its trees), so most reads are copies.
 * Returns the bytes copied (short at the end of the file), or -1.
 */
static ssize_t pack_pread(struct packr *r, const struct pack_file *p, unsigned char *buf,
			  size_t len, off_t off)
{
	size_t done = 0;

	if (!r->blocks)
		r->blocks = xcalloc(PACK_BLOCKS, sizeof(*r->blocks));
	while (done < len) {
		off_t start = (off / PACK_BLOCK) * PACK_BLOCK;
		struct pack_block *b = &r->blocks[(size_t)(off / PACK_BLOCK) % PACK_BLOCKS];
		size_t at, n;

		if (b->p != p || b->start != start) {
			ssize_t got = pread(p->fd, b->data, PACK_BLOCK, start);
			if (got < 0) {
				b->p = NULL;
				return -1;
			}
			b->p = p;
			b->start = start;
			b->len = (size_t)got;
		}
		at = (size_t)(off - start);
		if (at >= b->len)
			break;	/* end of file */
		n = b->len - at < len - done ? b->len - at : len - done;
		memcpy(buf + done, b->data + at, n);
		done += n;
		off += (off_t)n;
	}
	return (ssize_t)done;
}

/*
 * Inflate the zlib data of an object of size bytes that starts at off into
 * a new buffer of its first want bytes (want <= size; the whole object,
 * checked to end there, when want == size); the first have bytes of it
 * are already in r->in at skip.  Returns the buffer, or NULL on any trouble.
 */
static unsigned char *pack_inflate(struct packr *r, struct pack_file *p, off_t off,
				   uint64_t size, size_t want, size_t skip, size_t have)
{
	unsigned char *out;
	size_t chunk = want < PACK_READ_MAX - 64 ? want + 64 : PACK_READ_MAX;
	int zr;

	if (want > PACK_MAX_OBJECT || want > size)
		return NULL;	/* the callers check; never let want + 1 wrap */
	out = xmalloc(want + 1);

	if (!r->z_ready) {
		memset(&r->z, 0, sizeof(r->z));
		if (inflateInit(&r->z) != Z_OK) {
			free(out);
			return NULL;
		}
		r->z_ready = 1;
	} else if (inflateReset(&r->z) != Z_OK) {
		free(out);
		return NULL;
	}
	r->z.next_out = out;
	r->z.avail_out = (uInt)want;
	r->z.next_in = r->in + skip;
	r->z.avail_in = (uInt)have;
	off += (off_t)have;
	for (;;) {
		ssize_t n;

		if (r->z.avail_in) {
			zr = inflate(&r->z, Z_NO_FLUSH);
			if (zr == Z_STREAM_END && r->z.total_out == size && want == size) {
				out[want] = '\0';
				return out;
			}
			if (zr != Z_OK && zr != Z_BUF_ERROR)
				break;
			if (!r->z.avail_out && want < size) {
				out[want] = '\0';	/* the prefix asked for */
				return out;
			}
			if (!r->z.avail_out && r->z.avail_in)
				break;	/* more data than the header said */
		}
		/* the rest of the compressed bytes, in growing reads */
		if (r->in_alloc < chunk) {
			free(r->in);
			r->in = xmalloc(chunk);
			r->in_alloc = chunk;
		}
		n = pack_pread(r, p, r->in, chunk, off);
		if (n <= 0)
			break;
		off += n;
		r->z.next_in = r->in;
		r->z.avail_in = (uInt)n;
		if (chunk < PACK_READ_MAX)
			chunk = chunk * 2 < PACK_READ_MAX ? chunk * 2 : PACK_READ_MAX;
	}
	free(out);
	return NULL;
}

static struct pack_cached *pack_cache_slot(struct packr *r, struct pack_file *p, off_t off)
{
	size_t mask = r->cache_cap - 1, i = ((size_t)off * 2654435761u) & mask;

	while (r->cache[i].p && !(r->cache[i].p == p && r->cache[i].off == off))
		i = (i + 1) & mask;
	return &r->cache[i];
}

static const struct pack_cached *pack_cache_get(struct packr *r, struct pack_file *p,
						off_t off)
{
	struct pack_cached *c;

	if (!r->cache_cap)
		return NULL;
	c = pack_cache_slot(r, p, off);
	return c->p ? c : NULL;
}

/* A new copy of the first max bytes (at most) of a cached object, NUL-ended. */
static unsigned char *pack_cache_copy(const struct pack_cached *c, size_t max, size_t *len)
{
	unsigned char *data;

	*len = c->len < max ? c->len : max;
	data = xmalloc(*len + 1);
	memcpy(data, c->data, *len);
	data[*len] = '\0';
	return data;
}

/* Keep a copy of an object as a delta base; the whole cache goes when full. */
static void pack_cache_put(struct packr *r, struct pack_file *p, off_t off,
			   git_object_t type, const unsigned char *data, size_t len)
{
	struct pack_cached *c;

	if (!r->cache_cap) {
		r->cache_cap = 8192;
		r->cache = xcalloc(r->cache_cap, sizeof(*r->cache));
	}
	if (r->cache_bytes + len > PACK_CACHE_BYTES || len > PACK_CACHE_BYTES / 8)
		pack_cache_clear(r);
	if (len > PACK_CACHE_BYTES / 8)
		return;
	c = pack_cache_slot(r, p, off);
	if (c->p)
		return;
	if (r->cache_nr >= r->cache_cap / 2) {
		/* many small entries: start again rather than fill the table */
		pack_cache_clear(r);
		c = pack_cache_slot(r, p, off);
	}
	c->p = p;
	c->off = off;
	c->type = type;
	c->data = xmalloc(len + 1);
	memcpy(c->data, data, len);
	c->data[len] = '\0';
	c->len = len;
	r->cache_bytes += len + 64;
	r->cache_nr++;
}

/*
 * Read the entry header at off (with, usually, the whole compressed object:
 * r->in holds *n bytes from off): its type, its size and the header's
 * length *i.  The size must fit what remains of the pack (zlib's best
 * ratio): a header claiming more is damage.  0, or -1.
 */
static int pack_header(struct packr *r, const struct pack_file *p, off_t off, int *t,
		       uint64_t *size, int *i, ssize_t *n)
{
	const unsigned char *hdr, *q;
	uint64_t left;

	if (r->in_alloc < PACK_FIRST_READ) {
		free(r->in);
		r->in = xmalloc(PACK_FIRST_READ);
		r->in_alloc = PACK_FIRST_READ;
	}
	*n = pack_pread(r, p, r->in, PACK_FIRST_READ, off);
	if (*n < 2)
		return -1;
	hdr = r->in;
	*t = (hdr[0] >> 4) & 7;
	*size = hdr[0] & 15;
	q = hdr + 1;
	if (pack_varint(size, 4, &q, hdr + *n, hdr[0] & 0x80) < 0)
		return -1;
	*i = (int)(q - hdr);
	if ((uint64_t)off + (uint64_t)*i > p->pack_len - PACK_TRAILER)
		return -1;
	left = p->pack_len - PACK_TRAILER - (uint64_t)off - (uint64_t)*i;
	return *size / PACK_ZLIB_RATIO > left ? -1 : 0;
}

/*
 * The object at off: whole, or an offset delta resolved against its base
 * (recursively, bases cached).  A new buffer in *data, or 1 when this
 * reader does not handle it.
 */
static int pack_read_at(struct packr *r, struct pack_file *p, off_t off, int depth,
			git_object_t *type, unsigned char **data, size_t *len)
{
	unsigned char *hdr, *delta, *base;
	const struct pack_cached *c;
	uint64_t size;
	size_t base_len, dlen;
	git_object_t base_type;
	ssize_t n;
	int i, t, rc;
	off_t base_off;

	if (depth > PACK_MAX_CHAIN)
		return 1;
	if ((c = pack_cache_get(r, p, off))) {
		*type = c->type;
		*data = pack_cache_copy(c, c->len, len);
		return 0;
	}
	if (pack_header(r, p, off, &t, &size, &i, &n) < 0 || size > PACK_MAX_OBJECT)
		return 1;	/* damage, or libgit2's job */
	hdr = r->in;
	if (t >= 1 && t <= 4) {	/* commit, tree, blob, tag */
		if (!(*data = pack_inflate(r, p, off + i, size, (size_t)size, (size_t)i,
					   (size_t)(n - i))))
			return 1;
		*type = (git_object_t)t;
		*len = (size_t)size;
		return 0;
	}
	if (t != 6)
		return 1;	/* a reference delta: libgit2's job */
	/* offset delta: a big-endian base-128 distance, each byte +1 */
	if (i >= n)
		return 1;
	base_off = hdr[i] & 0x7f;
	while (hdr[i++] & 0x80) {
		if (i >= n || base_off > (INT64_MAX >> 8))
			return 1;
		base_off = ((base_off + 1) << 7) | (hdr[i] & 0x7f);
	}
	if (base_off <= 0 || base_off > off - PACK_HEADER)
		return 1;
	if (!(delta = pack_inflate(r, p, off + i, size, (size_t)size, (size_t)i,
				   (size_t)(n - i))))
		return 1;
	dlen = (size_t)size;
	rc = pack_read_at(r, p, off - base_off, depth + 1, &base_type, &base, &base_len);
	if (rc) {
		free(delta);
		return rc;
	}
	pack_cache_put(r, p, off - base_off, base_type, base, base_len);
	*data = pack_delta_apply(base, base_len, delta, dlen, len);
	free(base);
	free(delta);
	if (!*data)
		return 1;
	*type = base_type;
	return 0;
}

int packr_read(struct packr *r, const git_oid *oid, git_object_t *type,
	       const unsigned char **data, size_t *len)
{
	unsigned char *buf = NULL;

	if (!r)
		return 1;
	for (size_t k = 0; k < r->nr; k++) {
		size_t i = (r->last + k) % r->nr;
		off_t off = pack_find(&r->packs[i], oid);

		if (off < 0)
			continue;
		r->last = i;
		if (pack_read_at(r, &r->packs[i], off, 0, type, &buf, len))
			return 1;
		free(r->out);
		r->out = buf;
		*data = buf;
		return 0;
	}
	return 1;
}

/*
 * The first max bytes of the object at off (max <= PACK_MAX_OBJECT): of a
 * whole one, only they are inflated; of an offset delta, the delta is
 * inflated and only the part of its base that those bytes copy from is
 * read, the same way (a big ADR edited near the top reads its first
 * megabytes at every step of the chain).  A new buffer in *data, its
 * length in *len and the object's full size in *full; 0, or 1.
 */
static int pack_read_prefix_at(struct packr *r, struct pack_file *p, off_t off, size_t max,
			       int depth, git_object_t *type, unsigned char **data,
			       size_t *len, uint64_t *full)
{
	const unsigned char *hdr, *d, *end;
	const struct pack_cached *c;
	unsigned char *delta, *base = NULL;
	uint64_t size, src, dst;
	size_t want, need, base_len;
	off_t base_off;
	ssize_t n;
	int t, i, rc;

	if (depth > PACK_MAX_CHAIN)
		return 1;
	if ((c = pack_cache_get(r, p, off))) {
		/* a base met earlier in the walk (old versions share chains) */
		*type = c->type;
		*data = pack_cache_copy(c, max, len);
		*full = c->len;
		return 0;
	}
	if (pack_header(r, p, off, &t, &size, &i, &n) < 0)
		return 1;
	hdr = r->in;
	if (t >= 1 && t <= 4) {
		want = size < max ? (size_t)size : max;
		if (!(*data = pack_inflate(r, p, off + i, size, want, (size_t)i, (size_t)(n - i))))
			return 1;
		*type = (git_object_t)t;
		*len = want;
		*full = size;
		return 0;
	}
	if (t != 6 || size > PACK_MAX_OBJECT || i >= n)
		return 1;
	base_off = hdr[i] & 0x7f;
	while (hdr[i++] & 0x80) {
		if (i >= n || base_off > (INT64_MAX >> 8))
			return 1;
		base_off = ((base_off + 1) << 7) | (hdr[i] & 0x7f);
	}
	if (base_off <= 0 || base_off > off - PACK_HEADER)
		return 1;
	if (!(delta = pack_inflate(r, p, off + i, size, (size_t)size, (size_t)i, (size_t)(n - i))))
		return 1;
	d = delta;
	end = delta + size;
	rc = 1;
	if (pack_delta_sizes(&d, end, &src, &dst) < 0 || src > SIZE_MAX)
		goto out;
	want = dst < max ? (size_t)dst : max;
	if (pack_delta_ops(d, end, NULL, (size_t)src, (size_t)dst, NULL, want, &need) < 0)
		goto out;
	{
		/* a byte at least, for the base's type when only inserts are used */
		uint64_t base_full;

		/* a base that fits is read whole, so that it can be cached */
		size_t ask = src && src <= max ? (size_t)src : need ? need : 1;

		if (pack_read_prefix_at(r, p, off - base_off, ask, depth + 1, type,
					&base, &base_len, &base_full) ||
		    base_full != src || base_len < need)
			goto out;
		if (base_len == base_full)	/* whole: a base for the next reads */
			pack_cache_put(r, p, off - base_off, *type, base, base_len);
	}
	*data = xmalloc(want + 1);
	if (pack_delta_ops(d, end, base, (size_t)src, (size_t)dst, *data, want, &need) < 0) {
		free(*data);
		goto out;
	}
	(*data)[want] = '\0';
	*len = want;
	*full = dst;
	rc = 0;
out:
	free(base);
	free(delta);
	return rc;
}

int packr_read_prefix(struct packr *r, const git_oid *oid, size_t max, git_object_t *type,
		      const unsigned char **data, size_t *len)
{
	if (!r || !max || max > PACK_MAX_OBJECT)
		return 1;
	for (size_t k = 0; k < r->nr; k++) {
		size_t i = (r->last + k) % r->nr;
		off_t off = pack_find(&r->packs[i], oid);
		unsigned char *buf;
		uint64_t full;

		if (off < 0)
			continue;
		r->last = i;
		if (pack_read_prefix_at(r, &r->packs[i], off, max, 0, type, &buf, len, &full))
			return 1;
		free(r->out);
		r->out = buf;
		*data = buf;
		return 0;
	}
	return 1;
}
