/*
 * render_fixture: a small adr_db built by hand for the renderer tests,
 * full of hostile text: HTML, Markdown and Mermaid syntax, terminal
 * escapes, U+2028, in titles, paths, authors and commit subjects.
 */
#ifndef ADRLOG_RENDER_FIXTURE_H
#define ADRLOG_RENDER_FIXTURE_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "adr.h"
#include "render.h"
#include "xalloc.h"

#define FIX_C1 "1111111111111111111111111111111111111111"
#define FIX_C2 "2222222222222222222222222222222222222222"
#define FIX_C3 "3333333333333333333333333333333333333333"
#define FIX_C4 "4444444444444444444444444444444444444444"
#define FIX_C5 "5555555555555555555555555555555555555555"

static void fixture_commit(struct adr_db *db, const char *sha,
			   const char *subject, const char *author,
			   const char *date, long long t)
{
	struct adr_commit *c = adr_db_commit_add(db, sha);

	c->subject = xstrdup(subject);
	c->author = xstrdup(author);
	c->date = xstrdup(date);
	c->time = t;
}

static void fixture_event(struct adr_db *db, struct adr *a, const char *sha,
			  enum adr_status from, enum adr_status to, size_t pos)
{
	struct adr_event *e = adr_db_add_event(db, a);
	const struct adr_commit *c = adr_db_commit(db, sha);

	memcpy(e->commit, sha, ADR_OID_HEX);
	memcpy(e->landed, sha, ADR_OID_HEX);
	e->date = xstrdup(c->date);
	e->time = c->time;
	e->author = xstrdup(c->author);
	e->from = from;
	e->to = to;
	e->landed_pos = e->commit_pos = pos;
}

static struct adr *fixture_adr(struct adr_db *db, const char *id,
			       const char *path, const char *title,
			       enum adr_status st, const char *raw)
{
	struct adr *a = adr_db_add(db, id, path);

	a->doc.id = xstrdup(id);
	a->doc.title = xstrdup(title);
	a->doc.status = st;
	a->doc.status_raw = raw ? xstrdup(raw) : NULL;
	a->doc.date = xstrdup("2024-01-01");
	strvec_push(&a->paths, path);
	return a;
}

__attribute__((unused))
static struct adr_db *fixture_db(void)
{
	struct adr_db *db = adr_db_new();
	struct adr *a1, *a2, *a3;

	strcpy(db->head, FIX_C5);
	strvec_push(&db->dirs, "docs/adr");
	fixture_commit(db, FIX_C1, "Propose X: the first; #1", "A U Thor <a@example.com>",
		       "2024-01-01T10:00:00+00:00", 1704103200);
	fixture_commit(db, FIX_C2, "Accept </script><!-- x \xe2\x80\xa8 y", "A U Thor <a@example.com>",
		       "2024-01-01T12:00:00+00:00", 1704110400);
	fixture_commit(db, FIX_C3, "bell \a esc \033[31m red \r cr", "Eve <script> <eve@example.com>",
		       "2024-02-03T09:30:00+01:00", 1706949000);
	fixture_commit(db, FIX_C4, "Supersede X | `code` %% [link](javascript:x)", "Bob Builder <bob@example.com>",
		       "2024-03-05T16:00:00-05:00", 1709672400);
	fixture_commit(db, FIX_C5, "implement ADR-2", "Bob Builder <bob@example.com>",
		       "2024-03-06T08:00:00-05:00", 1709730000);

	a1 = fixture_adr(db, "1", "docs/adr/0001-use-x.md",
			 "Use <script>alert(1)</script> | pipes `tick`",
			 ADR_STATUS_SUPERSEDED, "Superseded by ADR-3");
	strvec_push(&a1->doc.superseded_by, "3");
	strvec_push(&a1->references, FIX_C1);
	strvec_push(&a1->edits, FIX_C1);
	a2 = fixture_adr(db, "2", "docs/adr/0002-esc.md",
			 "Title with ESC \033[31m red\r and BEL\a",
			 ADR_STATUS_ACCEPTED, "Accepted");
	strvec_push(&a2->references, FIX_C3);
	strvec_push(&a2->references, FIX_C5);
	strvec_push(&a2->edits, FIX_C3);
	strvec_push(&a2->implemented_by, FIX_C5);
	a3 = fixture_adr(db, "3", "docs/adr/0003-replace.md",
			 "Replace: the #1 choice; really & truly",
			 ADR_STATUS_ACCEPTED, "Accepted");
	strvec_push(&a3->doc.supersedes, "1");
	strvec_push(&a3->doc.amends, "2");

	fixture_event(db, a1, FIX_C1, ADR_STATUS_NONE, ADR_STATUS_PROPOSED, 0);
	fixture_event(db, a1, FIX_C2, ADR_STATUS_PROPOSED, ADR_STATUS_ACCEPTED, 1);
	fixture_event(db, a2, FIX_C3, ADR_STATUS_NONE, ADR_STATUS_ACCEPTED, 2);
	fixture_event(db, a3, FIX_C4, ADR_STATUS_NONE, ADR_STATUS_ACCEPTED, 3);
	fixture_event(db, a1, FIX_C4, ADR_STATUS_ACCEPTED, ADR_STATUS_SUPERSEDED, 3);
	adr_db_sort_events(db);
	return db;
}

/*
 * Render view in format into a new string (caller frees); *rc gets the
 * renderer's return value.
 */
__attribute__((unused))
static char *fixture_render(enum render_format f, enum render_view view,
			    const struct adr_db *db, const struct adr *one, int *rc)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&buf, &len);
	struct render_ctx ctx;

	memset(&ctx, 0, sizeof(ctx));
	ctx.out = out;
	ctx.db = db;
	ctx.adr = one;
	ctx.with_commits = 1;
	*rc = render(f, view, &ctx);
	fclose(out);
	return buf;
}

#endif
