/*
 * adr: constructors, destructors and orderings for the shared model (see
 * adr.h).  Nothing here knows about git or Markdown.
 */
#include "adr.h"

#include <stdlib.h>
#include <string.h>

#include "adrid.h"
#include "xalloc.h"

void adr_doc_init(struct adr_doc *doc)
{
	memset(doc, 0, sizeof(*doc));
}

void adr_doc_release(struct adr_doc *doc)
{
	free(doc->id);
	free(doc->title);
	free(doc->status_raw);
	free(doc->date);
	strvec_clear(&doc->supersedes);
	strvec_clear(&doc->superseded_by);
	strvec_clear(&doc->amends);
	strvec_clear(&doc->amended_by);
	adr_doc_init(doc);
}

static char *adr_strdup_or_null(const char *s)
{
	return s ? xstrdup(s) : NULL;
}

static void adr_strvec_copy(struct strvec *dst, const struct strvec *src)
{
	strvec_init(dst);
	for (size_t i = 0; i < src->nr; i++)
		strvec_push(dst, src->v[i]);
}

void adr_doc_copy(struct adr_doc *dst, const struct adr_doc *src)
{
	*dst = *src;
	dst->id = adr_strdup_or_null(src->id);
	dst->title = adr_strdup_or_null(src->title);
	dst->status_raw = adr_strdup_or_null(src->status_raw);
	dst->date = adr_strdup_or_null(src->date);
	adr_strvec_copy(&dst->supersedes, &src->supersedes);
	adr_strvec_copy(&dst->superseded_by, &src->superseded_by);
	adr_strvec_copy(&dst->amends, &src->amends);
	adr_strvec_copy(&dst->amended_by, &src->amended_by);
}

struct adr_db *adr_db_new(void)
{
	return xcalloc(1, sizeof(struct adr_db));
}

static void adr_free(struct adr *a)
{
	free(a->id);
	free(a->path);
	adr_doc_release(&a->doc);
	free(a->history);
	strvec_clear(&a->paths);
	strvec_clear(&a->references);
	strvec_clear(&a->edits);
	strvec_clear(&a->implemented_by);
	free(a);
}

void adr_db_free(struct adr_db *db)
{
	struct adr_commit *c, *tmp;

	if (!db)
		return;
	for (size_t i = 0; i < db->nr; i++)
		adr_free(db->adrs[i]);
	free(db->adrs);
	for (size_t i = 0; i < db->events_nr; i++) {
		free(db->events[i]->date);
		free(db->events[i]->author);
		free(db->events[i]->path);
		free(db->events[i]->title);
		free(db->events[i]);
	}
	free(db->events);
	for (size_t i = 0; i < db->unknown_nr; i++)
		free(db->unknown[i].id);
	free(db->unknown);
	HASH_ITER(hh, db->commits, c, tmp) {
		HASH_DEL(db->commits, c);
		free(c->subject);
		free(c->author);
		free(c->date);
		free(c);
	}
	strvec_clear(&db->dirs);
	free(db);
}

struct adr *adr_db_add(struct adr_db *db, const char *id, const char *path)
{
	struct adr *a = xcalloc(1, sizeof(*a));

	a->id = adr_strdup_or_null(id);
	a->path = adr_strdup_or_null(path);
	adr_doc_init(&a->doc);
	XGROW(db->adrs, db->alloc, db->nr + 1);
	db->adrs[db->nr++] = a;
	return a;
}

struct adr *adr_db_find(const struct adr_db *db, const char *id)
{
	struct adr *dead = NULL;

	for (size_t i = 0; i < db->nr; i++) {
		struct adr *a = db->adrs[i];
		if (!a->id || strcmp(a->id, id))
			continue;
		if (!a->deleted)
			return a;
		if (!dead)
			dead = a;
	}
	return dead;
}

static int adr_cmp(const void *pa, const void *pb)
{
	const struct adr *a = *(const struct adr *const *)pa;
	const struct adr *b = *(const struct adr *const *)pb;
	int c = adrid_cmp(a->id ? a->id : "", b->id ? b->id : "");

	if (c)
		return c;
	return strcmp(a->path ? a->path : "", b->path ? b->path : "");
}

void adr_db_sort(struct adr_db *db)
{
	if (db->nr > 1)
		qsort(db->adrs, db->nr, sizeof(*db->adrs), adr_cmp);
}

struct adr_event *adr_db_add_event(struct adr_db *db, struct adr *adr)
{
	struct adr_event *e = xcalloc(1, sizeof(*e));

	e->adr = adr;
	XGROW(db->events, db->events_alloc, db->events_nr + 1);
	db->events[db->events_nr++] = e;
	XGROW(adr->history, adr->history_alloc, adr->history_nr + 1);
	adr->history[adr->history_nr++] = e;
	return e;
}

static int adr_event_cmp(const void *pa, const void *pb)
{
	const struct adr_event *a = *(const struct adr_event *const *)pa;
	const struct adr_event *b = *(const struct adr_event *const *)pb;

	if (a->landed_pos != b->landed_pos)
		return a->landed_pos < b->landed_pos ? -1 : 1;
	if (a->commit_pos != b->commit_pos)
		return a->commit_pos < b->commit_pos ? -1 : 1;
	/* same commit: order by ADR id so output is stable */
	return adrid_cmp(a->adr->id ? a->adr->id : "", b->adr->id ? b->adr->id : "");
}

void adr_db_sort_events(struct adr_db *db)
{
	if (db->events_nr > 1)
		qsort(db->events, db->events_nr, sizeof(*db->events), adr_event_cmp);
	for (size_t i = 0; i < db->nr; i++) {
		struct adr *a = db->adrs[i];
		if (a->history_nr > 1)
			qsort(a->history, a->history_nr, sizeof(*a->history),
			      adr_event_cmp);
	}
}

void adr_db_add_unknown(struct adr_db *db, const char *commit, const char *id)
{
	struct adr_unknown_ref *u;

	XGROW(db->unknown, db->unknown_alloc, db->unknown_nr + 1);
	u = &db->unknown[db->unknown_nr++];
	memset(u, 0, sizeof(*u));
	strncpy(u->commit, commit, ADR_OID_HEX - 1);
	u->id = xstrdup(id);
}

struct adr_commit *adr_db_commit(const struct adr_db *db, const char *sha)
{
	struct adr_commit *c = NULL;

	HASH_FIND_STR(db->commits, sha, c);
	return c;
}

struct adr_commit *adr_db_commit_add(struct adr_db *db, const char *sha)
{
	struct adr_commit *c = adr_db_commit(db, sha);

	if (c)
		return c;
	c = xcalloc(1, sizeof(*c));
	strncpy(c->sha, sha, ADR_OID_HEX - 1);
	HASH_ADD_STR(db->commits, sha, c);
	return c;
}
