/*
 * test_relnotes: which decisions release notes list for a range, in which
 * group, with which transitions and commits; and the Markdown, template
 * and JSON views of the result.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "adr.h"
#include "harness.h"
#include "relnotes.h"
#include "render.h"
#include "report.h"
#include "strbuf.h"
#include "xalloc.h"

/* Commits are 40 copies of one letter; the range is a set of letters. */
static const char *sha(char c)
{
	static char buf[8][ADR_OID_HEX];
	static int n;
	char *b = buf[n++ % 8];

	memset(b, c, 40);
	b[40] = '\0';
	return b;
}

static int in_letters(const char *s, void *data)
{
	return strchr((const char *)data, s[0]) != NULL;
}

static void event(struct adr_db *db, struct adr *a, char commit, enum adr_status from,
		  enum adr_status to, const char *date)
{
	struct adr_event *e = adr_db_add_event(db, a);

	memcpy(e->commit, sha(commit), ADR_OID_HEX);
	memcpy(e->landed, sha(commit), ADR_OID_HEX);
	e->date = xstrdup(date);
	e->author = xstrdup("A U Thor <a@example.com>");
	e->from = from;
	e->to = to;
}

static struct adr *adr(struct adr_db *db, const char *id, const char *title)
{
	struct adr *a = adr_db_add(db, id, "docs/adr/x.md");

	a->doc.title = xstrdup(title);
	return a;
}

static struct adr_db *sample(void)
{
	struct adr_db *db = adr_db_new();
	struct adr *a1 = adr(db, "1", "Record decisions");
	struct adr *a12 = adr(db, "12", "Use NATS");
	struct adr *a23 = adr(db, "23", "Deploy with Scores");
	struct adr *a5 = adr(db, "5", "Old way");
	struct adr_commit *c;

	event(db, a1, 'a', ADR_STATUS_NONE, ADR_STATUS_ACCEPTED, "2024-01-01T10:00:00+00:00");
	event(db, a12, 'a', ADR_STATUS_NONE, ADR_STATUS_PROPOSED, "2024-01-01T10:00:00+00:00");
	event(db, a12, 'b', ADR_STATUS_PROPOSED, ADR_STATUS_ACCEPTED, "2024-02-01T10:00:00+00:00");
	event(db, a12, 'c', ADR_STATUS_ACCEPTED, ADR_STATUS_IMPLEMENTED, "2024-03-01T10:00:00+00:00");
	event(db, a23, 'c', ADR_STATUS_NONE, ADR_STATUS_PROPOSED, "2024-03-01T10:00:00+00:00");
	event(db, a5, 'c', ADR_STATUS_ACCEPTED, ADR_STATUS_SUPERSEDED, "2024-03-02T10:00:00+00:00");
	strvec_push(&a12->implemented_by, sha('a'));
	strvec_push(&a12->implemented_by, sha('d'));
	c = adr_db_commit_add(db, sha('d'));
	c->subject = xstrdup("feat: subjects per ADR-012");
	return db;
}

TEST_GROUP(relnotes_groups)
{
	INT_EQ(relnotes_group_of(ADR_STATUS_PROPOSED), RELNOTES_NEW, "proposed is new");
	INT_EQ(relnotes_group_of(ADR_STATUS_DRAFT), RELNOTES_NEW, "draft is new");
	INT_EQ(relnotes_group_of(ADR_STATUS_ACCEPTED), RELNOTES_ACCEPTED, "accepted");
	INT_EQ(relnotes_group_of(ADR_STATUS_IMPLEMENTED), RELNOTES_IMPLEMENTED, "implemented");
	INT_EQ(relnotes_group_of(ADR_STATUS_SUPERSEDED), RELNOTES_RETIRED, "superseded");
	INT_EQ(relnotes_group_of(ADR_STATUS_DEPRECATED), RELNOTES_RETIRED, "deprecated");
	INT_EQ(relnotes_group_of(ADR_STATUS_WITHDRAWN), RELNOTES_REJECTED, "withdrawn");
	INT_EQ(relnotes_group_of(ADR_STATUS_DELETED), RELNOTES_REJECTED, "deleted");
	STR_EQ(relnotes_group_title(RELNOTES_RETIRED), "Deprecated/Superseded", "title");
}

TEST_GROUP(relnotes_build)
{
	struct adr_db *db = sample();
	struct relnotes rn = RELNOTES_INIT;
	struct relnotes_section *s = relnotes_add_section(&rn, "v1..v2", "v1", "v2");

	relnotes_build(s, db, in_letters, (void *)"bcd");
	INT_EQ(s->nr, 3, "12, 23 and 5 changed in b..d; 1 did not");
	STR_EQ(s->items[0].adr->id, "23", "New first");
	INT_EQ(s->items[0].group, RELNOTES_NEW, "23 is new");
	STR_EQ(s->items[1].adr->id, "12", "then Implemented");
	INT_EQ(s->items[1].events_nr, 2, "both of 12's changes in range");
	INT_EQ(s->items[1].commits.nr, 1, "only the implementing commit in range");
	STR_EQ(s->items[2].adr->id, "5", "then Deprecated/Superseded");
	relnotes_clear(&rn);

	s = relnotes_add_section(&rn, "none", NULL, "x");
	relnotes_build(s, db, in_letters, (void *)"z");
	INT_EQ(s->nr, 0, "an empty range lists nothing");
	relnotes_clear(&rn);
	adr_db_free(db);
}

/* Render view into a string. */
static char *render_to_string(enum render_format f, const struct adr_db *db,
			      const struct relnotes *rn)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&buf, &len);
	struct render_ctx ctx;

	memset(&ctx, 0, sizeof(ctx));
	ctx.out = out;
	ctx.db = db;
	ctx.notes = rn;
	render(f, VIEW_RELEASE_NOTES, &ctx);
	fclose(out);
	return buf;
}

TEST_GROUP(relnotes_render)
{
	struct adr_db *db = sample();
	struct relnotes rn = RELNOTES_INIT;
	struct relnotes_section *s = relnotes_add_section(&rn, "v2", "v1", "v2");
	char *got;

	s->date = xstrdup("2024-03-05T00:00:00+00:00");
	relnotes_build(s, db, in_letters, (void *)"bcd");
	got = render_to_string(FMT_MARKDOWN, db, &rn);
	STR_EQ(got,
	       "## v2 (2024-03-05)\n"
	       "\n"
	       "### New\n"
	       "\n"
	       "- **ADR 23: Deploy with Scores**: new \xe2\x86\x92 proposed (2024-03-01)\n"
	       "\n"
	       "### Implemented\n"
	       "\n"
	       "- **ADR 12: Use NATS**: proposed \xe2\x86\x92 accepted (2024-02-01); "
	       "accepted \xe2\x86\x92 implemented (2024-03-01)\n"
	       "  - `ddddddd` feat: subjects per ADR-012\n"
	       "\n"
	       "### Deprecated/Superseded\n"
	       "\n"
	       "- **ADR 5: Old way**: accepted \xe2\x86\x92 superseded (2024-03-02)\n",
	       "markdown release notes");
	free(got);

	rn.template = xstrdup("# {{title}} ({{ date }}) from {{from}}: {{count}}\n"
			      "{{implemented}}--\n{{rejected}}{{unknown}}\n");
	got = render_to_string(FMT_MARKDOWN, db, &rn);
	STR_EQ(got, "# v2 (2024-03-05) from v1: 3\n"
	       "- **ADR 12: Use NATS**: proposed \xe2\x86\x92 accepted (2024-02-01); "
	       "accepted \xe2\x86\x92 implemented (2024-03-01)\n"
	       "  - `ddddddd` feat: subjects per ADR-012\n"
	       "--\n{{unknown}}\n", "template placeholders; unknown ones kept");
	free(got);

	got = render_to_string(FMT_JSON, db, &rn);
	OK(strstr(got, "\"releases\"") && strstr(got, "\"group\": \"implemented\"") &&
	   strstr(got, "\"subject\": \"feat: subjects per ADR-012\""), "json: %s", got);
	free(got);

	relnotes_clear(&rn);
	s = relnotes_add_section(&rn, "v1..HEAD", "v1", "HEAD");
	got = render_to_string(FMT_MARKDOWN, db, &rn);
	STR_EQ(got, "## v1..HEAD\n\nNo decision changed status.\n", "nothing changed");
	free(got);
	relnotes_clear(&rn);
	adr_db_free(db);
}
