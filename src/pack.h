/*
 * pack: a small reader of git pack files for the walk's hot path (every
 * commit and root tree of the history, read once).  libgit2 sets up a zlib
 * stream, a pack window and its caches for each object; here one zlib
 * stream is reset per object, data is read with pread() (pages are not
 * kept mapped) and delta bases of the current chain are cached by offset.
 *
 * Only what is simple is read: index version 2, whole objects and offset
 * deltas.  Anything else (loose objects, reference deltas, alternates, a
 * corrupt entry) answers "not found" and the caller asks libgit2, which
 * stays the reference reader for everything.
 */
#ifndef ADRLOG_PACK_H
#define ADRLOG_PACK_H

#include <git2.h>
#include <stddef.h>

struct packr;

/* Open every pack under objects_dir/pack; *out is NULL when none is usable. */
int packr_open(struct packr **out, const char *objects_dir);
void packr_free(struct packr *r);

/*
 * Check the offsets of every pack index under objects_dir/pack that
 * libgit2 would use: libgit2 1.5 reads an offset past its pack without a
 * check (and crashes), so such an index must stop a command before
 * libgit2 reads from it.  Returns 0, or -1 with *bad the index's path
 * (caller frees).  Indexes libgit2 refuses on its own are not reported.
 */
int packr_verify(const char *objects_dir, char **bad);

/*
 * Read object oid.  Returns 0 with *type and data[0..*len) (valid until
 * the next call), 1 when this reader cannot give it (ask libgit2).
 */
int packr_read(struct packr *r, const git_oid *oid, git_object_t *type,
	       const unsigned char **data, size_t *len);

/*
 * The first max bytes (at most; max <= 256 MiB) of object oid: of one
 * stored whole only they are inflated; of an offset delta the delta and
 * only the part of each base those bytes copy from.  As packr_read (1:
 * ask libgit2, e.g. for a reference delta).
 */
int packr_read_prefix(struct packr *r, const git_oid *oid, size_t max, git_object_t *type,
		      const unsigned char **data, size_t *len);

#endif
