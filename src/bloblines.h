/*
 * bloblines: the changed lines of a file too big to diff, for the hooks'
 * size rule (SPEC section 6; issue 12: a 120 MB staged file cost the hook
 * 2-3 s and 500 MB in libgit2's diff).  The blobs are streamed, never held
 * whole (a packed one is inflated once by libgit2), and the count is the
 * lines of both sides between their common prefix and their common
 * suffix (found through a hash per line, at most 4M lines a side).  That
 * is exact for a file added, deleted, appended to or changed in one
 * place, and an upper bound otherwise.  Part of the git layer (change.c's
 * helper).
 */
#ifndef ADRLOG_BLOBLINES_H
#define ADRLOG_BLOBLINES_H

#include <stddef.h>

#include "repo.h"

/* Blobs larger than this are counted here instead of diffed. */
#define BLOBLINES_DIFF_MAX ((size_t)16 << 20)

/*
 * Non-zero when old or new (a zero id: no such side) is larger than
 * BLOBLINES_DIFF_MAX.  Reads object headers only.
 */
int bloblines_too_big(struct repo *repo, const git_oid *old, const git_oid *new);

/*
 * The changed lines between blobs old and new (zero ids: an added or a
 * deleted file) as above; 0 for a binary file (a NUL in the first 8000
 * bytes of a side, git's rule, or the diff attribute unset for path).
 * 0, or -1 with the error set.
 */
int bloblines_count(size_t *out, struct repo *repo, const git_oid *old,
		    const git_oid *new, const char *path);

#endif
