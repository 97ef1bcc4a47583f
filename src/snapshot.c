/*
 * snapshot: shared, copy-on-write maps of the ADR files of a commit (see
 * snapshot.h), and the string pool their paths and ids live in.
 */
#include "snapshot.h"

#include <stdlib.h>
#include <string.h>

#include "lineage.h"
#include "xalloc.h"

const char *strpool_intern(struct strpool *pool, const char *s)
{
	struct strpool_item *it = NULL;
	size_t len = strlen(s);

	HASH_FIND(hh, pool->items, s, len, it);
	if (it)
		return it->s;
	it = xmalloc(sizeof(*it) + len + 1);
	memset(&it->hh, 0, sizeof(it->hh));
	memcpy(it->s, s, len + 1);
	HASH_ADD_KEYPTR(hh, pool->items, it->s, len, it);
	return it->s;
}

const char *strpool_find(const struct strpool *pool, const char *s)
{
	struct strpool_item *it = NULL;

	HASH_FIND(hh, pool->items, s, strlen(s), it);
	return it ? it->s : NULL;
}

void strpool_clear(struct strpool *pool)
{
	struct strpool_item *it, *tmp;

	HASH_ITER(hh, pool->items, it, tmp) {
		HASH_DEL(pool->items, it);
		free(it);
	}
}

struct snapshot *snapshot_new(void)
{
	struct snapshot *s = xcalloc(1, sizeof(*s));

	s->refs = 1;
	return s;
}

static struct snap_entry *snapshot_add(struct snapshot *s, const char *path)
{
	struct snap_entry *e = xcalloc(1, sizeof(*e));

	e->path = path;
	HASH_ADD_PTR(s->by_path, path, e);
	return e;
}

struct snapshot *snapshot_copy(const struct snapshot *s)
{
	struct snapshot *c = snapshot_new();
	struct snap_entry *e, *tmp, *n;

	if (!s)
		return c;
	HASH_ITER(hh, s->by_path, e, tmp) {
		n = snapshot_add(c, e->path);
		n->id = e->id;
		n->lin = e->lin;
		n->blob = e->blob;
		n->status = e->status;
		n->live = e->live;
	}
	return c;
}

struct snapshot *snapshot_ref(struct snapshot *s)
{
	if (s)
		s->refs++;
	return s;
}

void snapshot_unref(struct snapshot *s)
{
	struct snap_entry *e, *tmp;

	if (!s || --s->refs)
		return;
	HASH_ITER(hh, s->by_path, e, tmp) {
		HASH_DEL(s->by_path, e);
		free(e);
	}
	free(s);
}

struct snap_entry *snapshot_get(const struct snapshot *s, const char *path)
{
	struct snap_entry *e = NULL;

	if (s)
		HASH_FIND_PTR(s->by_path, &path, e);
	return e;
}

struct snap_entry *snapshot_set(struct snapshot *s, const char *path, const char *id,
				struct lin *lin, const git_oid *blob,
				enum adr_status status)
{
	struct snap_entry *e = snapshot_get(s, path);

	if (!e)
		e = snapshot_add(s, path);
	e->id = id;
	e->lin = lin;
	git_oid_cpy(&e->blob, blob);
	e->status = status;
	e->live = 1;
	return e;
}

void snapshot_kill(struct snapshot *s, const char *path)
{
	struct snap_entry *e = snapshot_get(s, path);

	if (e)
		e->live = 0;
}

void snapshot_del(struct snapshot *s, const char *path)
{
	struct snap_entry *e = snapshot_get(s, path);

	if (e) {
		HASH_DEL(s->by_path, e);
		free(e);
	}
}

struct snap_entry *snapshot_find_lin(const struct snapshot *s, struct lin *lin)
{
	struct snap_entry *e, *tmp;

	if (!s)
		return NULL;
	lin = lineage_find(lin);
	HASH_ITER(hh, s->by_path, e, tmp)
		if (e->live && lineage_find(e->lin) == lin)
			return e;
	return NULL;
}
