/*
 * pack_delta: git's variable-length sizes and its delta format, over bytes
 * (see pack_delta.h).  Every size is checked against what remains before
 * it is used (ADR 19).
 */
#include "pack_delta.h"

#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

/*
 * The rest of a little-endian base-128 size: continuation bytes from *pp
 * (when more is set), 7 bits each from bit shift up.  A size that does
 * not fit in 64 bits, or runs past end, is refused (-1) before any shift
 * could overflow.
 */
int pack_varint(uint64_t *v, unsigned shift, const unsigned char **pp,
		       const unsigned char *end, int more)
{
	const unsigned char *p = *pp;

	while (more) {
		uint64_t bits;

		if (p >= end || shift >= 64)
			return -1;
		bits = *p & 0x7f;
		if (shift > 57 && bits >> (64 - shift))
			return -1;	/* bits beyond the 64th */
		*v |= bits << shift;
		shift += 7;
		more = *p++ & 0x80;
	}
	*pp = p;
	return 0;
}

/*
 * Run the instructions of a delta (d..end, after its two sizes) for the
 * first want bytes of its result of dst bytes, on a base of base_len
 * bytes.  With out, they are written there from base (which must hold
 * *need bytes); without, only *need is set: how much of the base they
 * read.  0, or -1 when the delta is malformed.
 */
int pack_delta_ops(const unsigned char *d, const unsigned char *end,
		    const unsigned char *base, size_t base_len, size_t dst,
		    unsigned char *out, size_t want, size_t *need)
{
	size_t pos = 0;

	if (!out)
		*need = 0;
	while (d < end && pos < want) {
		unsigned char op = *d++;
		size_t n;

		if (op & 0x80) {
			size_t coff = 0, csize = 0;
			for (int i = 0; i < 4; i++)
				if (op & (1u << i)) {
					if (d >= end)
						return -1;
					coff |= (size_t)*d++ << (8 * i);
				}
			for (int i = 0; i < 3; i++)
				if (op & (0x10u << i)) {
					if (d >= end)
						return -1;
					csize |= (size_t)*d++ << (8 * i);
				}
			if (!csize)
				csize = 0x10000;
			if (coff + csize > base_len || pos + csize > dst)
				return -1;
			n = csize < want - pos ? csize : want - pos;
			if (!out && coff + n > *need)
				*need = coff + n;
			if (out)
				memcpy(out + pos, base + coff, n);
		} else if (op) {
			if ((size_t)(end - d) < op || pos + op > dst)
				return -1;
			n = op < want - pos ? op : want - pos;
			if (out)
				memcpy(out + pos, d, n);
			d += op;
		} else {
			return -1;
		}
		pos += n;
	}
	/* a whole result must use every instruction and fill dst exactly */
	return pos == want && (want < dst || d == end) ? 0 : -1;
}

/*
 * The sizes of a delta (d, dlen): its base's and its result's, which must
 * fit the limit (so that size + 1 never wraps).  0, or -1; *d moves on.
 */
int pack_delta_sizes(const unsigned char **d, const unsigned char *end,
			    uint64_t *src, uint64_t *dst)
{
	*src = *dst = 0;
	if (pack_varint(src, 0, d, end, 1) < 0 || pack_varint(dst, 0, d, end, 1) < 0)
		return -1;
	return *dst > PACK_MAX_OBJECT ? -1 : 0;
}

/* Apply a git delta to base; a new buffer, or NULL when malformed. */
unsigned char *pack_delta_apply(const unsigned char *base, size_t base_len,
				 const unsigned char *d, size_t dlen, size_t *out_len)
{
	const unsigned char *end = d + dlen;
	uint64_t src, dst;
	unsigned char *out;

	if (pack_delta_sizes(&d, end, &src, &dst) < 0 || src != base_len)
		return NULL;
	out = xmalloc((size_t)dst + 1);
	if (pack_delta_ops(d, end, base, base_len, (size_t)dst, out, (size_t)dst, NULL) < 0) {
		free(out);
		return NULL;
	}
	out[dst] = '\0';
	*out_len = (size_t)dst;
	return out;
}
