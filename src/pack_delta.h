#ifndef ADR_PACK_DELTA_H
#define ADR_PACK_DELTA_H
/*
 * pack_delta: the byte formats inside a pack that pack.c reads -- the
 * variable-length sizes of object headers and deltas, and git's delta
 * instructions -- as pure functions over untrusted bytes (fuzz_pack).
 */
#include <stddef.h>
#include <stdint.h>

/*
 * The largest object this reader inflates or builds from a delta (the walk
 * asks for commits and trees); anything bigger goes to libgit2.  zlib
 * inflates at most about 1032 bytes per compressed byte, so a size beyond
 * that many times what remains of the pack is a lie (ADR 19).
 */
#define PACK_MAX_OBJECT (256u << 20)

/*
 * Add to *v the 7-bit groups of a size at *pp (before end), from bit shift
 * up, while more is set (the high bit of each byte says whether another
 * follows).  -1 when it runs past end or past 64 bits; *pp moves on.
 */
int pack_varint(uint64_t *v, unsigned shift, const unsigned char **pp,
		const unsigned char *end, int more);

/*
 * Run a delta's instructions (d..end, after its sizes) for the first want
 * bytes of its dst-byte result on a base of base_len bytes: into out, or
 * with out NULL only set *need (how much of the base they read).  0 or -1.
 */
int pack_delta_ops(const unsigned char *d, const unsigned char *end,
		   const unsigned char *base, size_t base_len, size_t dst,
		   unsigned char *out, size_t want, size_t *need);

/* A delta's base and result sizes (the result within the limit); *d moves on. */
int pack_delta_sizes(const unsigned char **d, const unsigned char *end,
		     uint64_t *src, uint64_t *dst);

/* Apply a delta to base: a new NUL-terminated buffer, or NULL when malformed. */
unsigned char *pack_delta_apply(const unsigned char *base, size_t base_len,
				const unsigned char *d, size_t dlen, size_t *out_len);

#endif
