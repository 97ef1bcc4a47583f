/*
 * bloblines: changed lines of files too big to diff, streamed (see
 * bloblines.h).  libgit2 streams loose objects (what `git add` writes);
 * a packed object is read once through git_odb_read and walked in place.
 */
#include "bloblines.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "xalloc.h"

#define BLOBLINES_CHUNK 65536
#define BLOBLINES_BINARY_PEEK 8000	/* git's buffer_is_binary() */
/* lines past the common prefix whose hashes are kept, per side (32 MiB) */
#define BLOBLINES_MAX_HASHED ((size_t)1 << 22)

/* One side: a stream, an object read whole, or nothing (a zero id). */
struct side {
	git_odb_stream *st;
	git_odb_object *obj;
	const char *p;		/* what is left of the current chunk */
	size_t left;
	size_t done;		/* bytes given so far */
	size_t obj_at;		/* obj: the next chunk's start */
	size_t newlines;	/* in the bytes given */
	char last;		/* the last byte given */
	/* past the common prefix: a hash of each line, for the common suffix */
	uint64_t *hash, cur;
	size_t nhash, hash_alloc;
	int in_line, hashing, overflow;
	int eof;
	char buf[BLOBLINES_CHUNK];
};

static int side_open(struct side *s, git_odb *odb, const git_oid *id)
{
	git_object_t type;
	size_t len;

	memset(s, 0, offsetof(struct side, buf));
	if (git_oid_is_zero(id)) {
		s->eof = 1;
		return 0;
	}
	if (git_odb_open_rstream(&s->st, &len, &type, odb, id) == 0)
		return 0;
	git_error_clear();
	s->st = NULL;
	if (git_odb_read(&s->obj, odb, id) < 0)
		return -1;
	return 0;
}

static void side_close(struct side *s)
{
	free(s->hash);
	s->hash = NULL;
	if (s->st)
		git_odb_stream_free(s->st);
	git_odb_object_free(s->obj);
}

/* Refill s when its chunk is used up: 1 with bytes, 0 at the end, -1. */
static int side_fill(struct side *s)
{
	if (s->left)
		return 1;
	if (s->eof)
		return 0;
	if (s->st) {
		int n = git_odb_stream_read(s->st, s->buf, sizeof(s->buf));

		if (n < 0)
			return -1;
		s->p = s->buf;
		s->left = (size_t)n;
	} else {
		size_t size = git_odb_object_size(s->obj);
		size_t n = size - s->obj_at < BLOBLINES_CHUNK ? size - s->obj_at : BLOBLINES_CHUNK;

		s->p = (const char *)git_odb_object_data(s->obj) + s->obj_at;
		s->obj_at += n;
		s->left = n;
	}
	if (!s->left) {
		s->eof = 1;
		return 0;
	}
	return 1;
}

static void side_push(struct side *s)
{
	if (s->nhash == BLOBLINES_MAX_HASHED) {
		s->overflow = 1;
		return;
	}
	XGROW(s->hash, s->hash_alloc, s->nhash + 1);
	s->hash[s->nhash++] = s->cur;
	s->cur = 14695981039346656037u;	/* FNV-1a */
}

/* Hash the lines of the next n bytes (a line's hash covers its newline). */
static void side_hash(struct side *s, size_t n)
{
	for (size_t i = 0; i < n && !s->overflow; i++) {
		s->cur = (s->cur ^ (unsigned char)s->p[i]) * 1099511628211u;
		s->in_line = 1;
		if (s->p[i] == '\n') {
			side_push(s);
			s->in_line = 0;
		}
	}
}

/* Take n bytes (n <= left) of s's chunk, counting its newlines. */
static void side_take(struct side *s, size_t n, int *binary)
{
	for (size_t i = 0; i < n; i++) {
		if (s->p[i] == '\n')
			s->newlines++;
		else if (!s->p[i] && s->done + i < BLOBLINES_BINARY_PEEK)
			*binary = 1;
	}
	if (s->hashing)
		side_hash(s, n);
	if (n)
		s->last = s->p[n - 1];
	s->p += n;
	s->left -= n;
	s->done += n;
}

/* The lines of s: its newlines and an unfinished last line. */
static size_t side_lines(const struct side *s)
{
	return s->newlines + (s->done && s->last != '\n');
}

static int bloblines_odb(git_odb **odb, struct repo *repo)
{
	if (git_repository_odb(odb, repo->git) < 0)
		return repo_error("cannot open the object database");
	return 0;
}

int bloblines_too_big(struct repo *repo, const git_oid *old, const git_oid *new)
{
	const git_oid *ids[2] = { old, new };
	git_odb *odb;
	int big = 0;

	if (bloblines_odb(&odb, repo) < 0) {
		error_clear();
		return 0;	/* the diff will say what is wrong */
	}
	for (int i = 0; i < 2 && !big; i++) {
		git_object_t type;
		size_t len;

		if (git_oid_is_zero(ids[i]))
			continue;
		if (git_odb_read_header(&len, &type, odb, ids[i]) < 0)
			git_error_clear();
		else
			big = len > BLOBLINES_DIFF_MAX;
	}
	git_odb_free(odb);
	return big;
}

/* Whether .gitattributes makes path binary (-diff, or the binary macro). */
static int bloblines_attr_binary(struct repo *repo, const char *path)
{
	const char *v = NULL;

	if (git_attr_get(&v, repo->git, 0, path, "diff") < 0) {
		git_error_clear();
		return 0;
	}
	return git_attr_value(v) == GIT_ATTR_VALUE_FALSE;
}

/* The lines both sides end with, not counting their first min lines. */
static size_t bloblines_suffix(const struct side *a, const struct side *b, size_t min)
{
	size_t i = a->nhash, j = b->nhash, n = 0;

	if (a->overflow || b->overflow)
		return 0;	/* too many lines to keep: the upper bound */
	while (i > min && j > min && a->hash[i - 1] == b->hash[j - 1]) {
		i--;
		j--;
		n++;
	}
	return n;
}

int bloblines_count(size_t *out, struct repo *repo, const git_oid *old,
		    const git_oid *new, const char *path)
{
	static struct side sides[2];	/* 64 KiB buffers each: not on the stack */
	struct side *a = &sides[0], *b = &sides[1];
	size_t kept = 0;
	int binary = 0, ra = 0, rb = 0, rc = -1, mid;
	git_odb *odb;

	*out = 0;
	if (bloblines_attr_binary(repo, path))
		return 0;
	if (bloblines_odb(&odb, repo) < 0)
		return -1;
	if (side_open(a, odb, old) < 0 || side_open(b, odb, new) < 0) {
		side_close(a);
		goto fail;
	}
	/* the common prefix: its complete lines are the lines both keep */
	while ((ra = side_fill(a)) > 0 && (rb = side_fill(b)) > 0) {
		size_t n = a->left < b->left ? a->left : b->left, same = 0;

		while (same < n && a->p[same] == b->p[same])
			same++;
		for (size_t i = 0; i < same; i++)
			kept += a->p[i] == '\n';
		side_take(a, same, &binary);
		side_take(b, same, &binary);
		if (same < n)
			break;
	}
	if (ra < 0 || rb < 0)
		goto fail_sides;
	/*
	 * From where they part: every line is changed but the common suffix.
	 * When they part inside a line, each side's first line is its tail
	 * there (empty at the end of a side), which can match nothing.
	 */
	mid = a->done && a->last != '\n';
	a->hashing = b->hashing = 1;
	a->in_line = b->in_line = mid;
	a->cur = b->cur = 14695981039346656037u;
	while ((ra = side_fill(a)) > 0)
		side_take(a, a->left, &binary);
	while ((rb = side_fill(b)) > 0)
		side_take(b, b->left, &binary);
	if (ra < 0 || rb < 0)
		goto fail_sides;
	if (a->in_line)
		side_push(a);
	if (b->in_line)
		side_push(b);
	if (!binary)
		*out = side_lines(a) - kept + side_lines(b) - kept -
		       2 * bloblines_suffix(a, b, (size_t)mid);
	rc = 0;
	goto done;
fail_sides:
	side_close(a);
	side_close(b);
fail:
	git_odb_free(odb);
	return repo_error("cannot read '%s'", path);
done:
	side_close(a);
	side_close(b);
	git_odb_free(odb);
	return rc;
}
