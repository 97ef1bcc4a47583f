/*
 * report: the check findings and release-notes models (report.h): the
 * one table of rule ids and severities, and the containers' upkeep.
 * check.c and relnotes.c fill them; the renderers read them.
 */
#include "report.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "adrid.h"
#include "strbuf.h"
#include "xalloc.h"

static const char *const kind_names[CHECK__COUNT] = {
	[CHECK_DUPLICATE_ID] = "duplicate-id",
	[CHECK_NO_STATUS] = "no-status",
	[CHECK_BROKEN_LINK] = "broken-link",
	[CHECK_INDEX_MISSING] = "index-missing",
	[CHECK_INDEX_EXTRA] = "index-extra",
	[CHECK_INDEX_STATUS] = "index-status",
	[CHECK_INDEX_TITLE] = "index-title",
	[CHECK_UNKNOWN_REF] = "unknown-reference",
	[CHECK_UNKNOWN_STATUS] = "unknown-status",
	[CHECK_ONE_SIDED_LINK] = "one-sided-link",
	[CHECK_PROPOSED_IMPLEMENTED] = "implemented-but-proposed",
	[CHECK_SUPERSEDED_ORPHAN] = "superseded-without-successor",
	[CHECK_SUPERSEDED_PROPOSED] = "superseded-but-proposed",
	[CHECK_SUPERSEDED_ACCEPTED] = "superseded-but-accepted",
	[CHECK_BROKEN_FILE_LINK] = "broken-link",
	[CHECK_UNKNOWN_REF_OLD] = "unknown-reference",
};

const char *check_kind_name(enum check_kind kind)
{
	return kind < CHECK__COUNT ? kind_names[kind] : "unknown";
}

enum check_severity check_kind_severity(enum check_kind kind)
{
	return kind < CHECK__FIRST_WARNING ? CHECK_ERROR : CHECK_WARNING;
}

const char *check_severity_name(enum check_severity s)
{
	return s == CHECK_ERROR ? "error" : "warning";
}

void check_report_add(struct check_report *r, enum check_kind kind,
		      const char *path, unsigned line, const char *adr,
		      const char *fmt, ...)
{
	struct check_finding *f;
	struct strbuf sb = STRBUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	strbuf_vaddf(&sb, fmt, ap);
	va_end(ap);
	XGROW(r->v, r->alloc, r->nr + 1);
	f = &r->v[r->nr++];
	f->kind = kind;
	f->path = xstrdup(path ? path : "");
	f->line = line;
	f->adr = adr ? xstrdup(adr) : NULL;
	f->message = strbuf_detach(&sb, NULL);
	f->seq = r->nr - 1;
	if (check_kind_severity(kind) == CHECK_ERROR)
		r->errors++;
	else
		r->warnings++;
}

static int check_finding_cmp(const void *a, const void *b)
{
	const struct check_finding *x = a, *y = b;
	int c = strcmp(x->path, y->path);

	if (c)
		return c;
	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	if (x->kind != y->kind)
		return x->kind < y->kind ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

void check_report_sort(struct check_report *r)
{
	if (r->nr)
		qsort(r->v, r->nr, sizeof(*r->v), check_finding_cmp);
}

void check_report_clear(struct check_report *r)
{
	for (size_t i = 0; i < r->nr; i++) {
		free(r->v[i].path);
		free(r->v[i].adr);
		free(r->v[i].message);
	}
	free(r->v);
	memset(r, 0, sizeof(*r));
}

static const char *const group_titles[RELNOTES__COUNT] = {
	[RELNOTES_NEW] = "New",
	[RELNOTES_ACCEPTED] = "Accepted",
	[RELNOTES_IMPLEMENTED] = "Implemented",
	[RELNOTES_RETIRED] = "Deprecated/Superseded",
	[RELNOTES_REJECTED] = "Rejected/Withdrawn",
	[RELNOTES_EARLIER] = "Work on earlier decisions",
};

static const char *const group_keys[RELNOTES__COUNT] = {
	[RELNOTES_NEW] = "new",
	[RELNOTES_ACCEPTED] = "accepted",
	[RELNOTES_IMPLEMENTED] = "implemented",
	[RELNOTES_RETIRED] = "deprecated_superseded",
	[RELNOTES_REJECTED] = "rejected_withdrawn",
	[RELNOTES_EARLIER] = "earlier",
};

const char *relnotes_group_title(enum relnotes_group g)
{
	return g < RELNOTES__COUNT ? group_titles[g] : "Other";
}

const char *relnotes_group_key(enum relnotes_group g)
{
	return g < RELNOTES__COUNT ? group_keys[g] : "other";
}

struct relnotes_section *relnotes_add_section(struct relnotes *rn, const char *title,
					      const char *from, const char *to)
{
	struct relnotes_section *s;

	XGROW(rn->v, rn->alloc, rn->nr + 1);
	s = &rn->v[rn->nr++];
	memset(s, 0, sizeof(*s));
	s->title = xstrdup(title);
	s->from = from ? xstrdup(from) : NULL;
	s->to = xstrdup(to);
	return s;
}

struct relnotes_item *relnotes_add_item(struct relnotes_section *s,
					const struct adr *adr)
{
	struct relnotes_item *it;

	XGROW(s->items, s->alloc, s->nr + 1);
	it = &s->items[s->nr++];
	memset(it, 0, sizeof(*it));
	it->adr = adr;
	return it;
}

static int relnotes_item_cmp(const void *a, const void *b)
{
	const struct relnotes_item *x = a, *y = b;

	if (x->group != y->group)
		return x->group < y->group ? -1 : 1;
	return adrid_cmp(x->adr->id, y->adr->id);
}

void relnotes_sort(struct relnotes_section *s)
{
	if (s->nr)
		qsort(s->items, s->nr, sizeof(*s->items), relnotes_item_cmp);
}

const struct adr_event *relnotes_change_event(const struct relnotes_item *it)
{
	return it->events_nr ? it->events[it->events_nr - 1] : NULL;
}

size_t relnotes_changed_count(const struct relnotes_section *s)
{
	size_t n = 0;

	for (size_t i = 0; i < s->nr; i++)
		n += s->items[i].group != RELNOTES_EARLIER;
	return n;
}

void relnotes_clear(struct relnotes *rn)
{
	for (size_t i = 0; i < rn->nr; i++) {
		struct relnotes_section *s = &rn->v[i];

		for (size_t j = 0; j < s->nr; j++) {
			free(s->items[j].events);
			strvec_clear(&s->items[j].commits);
		}
		free(s->items);
		free(s->title);
		free(s->from);
		free(s->to);
		free(s->date);
	}
	free(rn->v);
	free(rn->template);
	memset(rn, 0, sizeof(*rn));
}
