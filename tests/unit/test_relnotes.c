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

/* The commits each end reaches, as letters ("a" and "abcd": the range b..d). */
struct ends { const char *a, *b; };

static int in_letters(const char *s, enum relnotes_end end, void *data)
{
	const struct ends *e = data;
	const char *set = end == RELNOTES_FROM ? e->a : e->b;

	return set && strchr(set, s[0]) != NULL;
}

static struct ends range_bcd = { "a", "abcd" };

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
	struct adr *a7 = adr(db, "7", "Flip-flop");
	struct adr_commit *c;

	event(db, a1, 'a', ADR_STATUS_NONE, ADR_STATUS_ACCEPTED, "2024-01-01T10:00:00+00:00");
	event(db, a12, 'a', ADR_STATUS_NONE, ADR_STATUS_PROPOSED, "2024-01-01T10:00:00+00:00");
	event(db, a12, 'b', ADR_STATUS_PROPOSED, ADR_STATUS_ACCEPTED, "2024-02-01T10:00:00+00:00");
	event(db, a12, 'c', ADR_STATUS_ACCEPTED, ADR_STATUS_IMPLEMENTED, "2024-03-01T10:00:00+00:00");
	event(db, a23, 'c', ADR_STATUS_NONE, ADR_STATUS_PROPOSED, "2024-03-01T10:00:00+00:00");
	event(db, a5, 'a', ADR_STATUS_NONE, ADR_STATUS_ACCEPTED, "2024-01-01T10:00:00+00:00");
	event(db, a5, 'c', ADR_STATUS_ACCEPTED, ADR_STATUS_SUPERSEDED, "2024-03-02T10:00:00+00:00");
	event(db, a7, 'a', ADR_STATUS_NONE, ADR_STATUS_ACCEPTED, "2024-01-01T10:00:00+00:00");
	event(db, a7, 'b', ADR_STATUS_ACCEPTED, ADR_STATUS_DEPRECATED, "2024-02-01T10:00:00+00:00");
	event(db, a7, 'c', ADR_STATUS_DEPRECATED, ADR_STATUS_ACCEPTED, "2024-03-01T10:00:00+00:00");
	strvec_push(&a1->implemented_by, sha('e'));
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

	struct ends ab = { "a", "ab" }, nothing = { "abcd", "abcd" }, before_e = { "abcd", "abcde" };

	relnotes_build(s, db, in_letters, &range_bcd, 0);
	INT_EQ(s->nr, 3, "12, 23 and 5 changed in b..d; 1 did not, 7 flip-flopped");
	STR_EQ(s->items[0].adr->id, "23", "New first");
	INT_EQ(s->items[0].group, RELNOTES_NEW, "23 is new");
	INT_EQ(s->items[0].from, ADR_STATUS_NONE, "23 did not exist at A");
	STR_EQ(s->items[1].adr->id, "12", "then Implemented");
	INT_EQ(s->items[1].from, ADR_STATUS_PROPOSED, "12 was proposed at A");
	INT_EQ(s->items[1].to, ADR_STATUS_IMPLEMENTED, "and implemented at B");
	INT_EQ(s->items[1].events_nr, 2, "both of 12's changes in range");
	INT_EQ(s->items[1].commits.nr, 1, "only the implementing commit in range");
	STR_EQ(relnotes_change_event(&s->items[1])->commit, sha('c'), "the change that set B");
	STR_EQ(s->items[2].adr->id, "5", "then Deprecated/Superseded");
	relnotes_clear(&rn);

	s = relnotes_add_section(&rn, "all", "v1", "v2");
	relnotes_build(s, db, in_letters, &range_bcd, 1);
	INT_EQ(s->nr, 4, "--all-transitions lists the flip-flop too");
	STR_EQ(s->items[1].adr->id, "7", "among the Accepted");
	INT_EQ(s->items[1].changed, 0, "with no net change");
	INT_EQ(s->items[1].events_nr, 2, "and both steps");
	relnotes_clear(&rn);

	s = relnotes_add_section(&rn, "b", "v1", "v2");
	relnotes_build(s, db, in_letters, &ab, 0);
	INT_EQ(s->nr, 2, "a..b: 12 accepted, 7 deprecated; nothing after B");
	INT_EQ(s->items[0].to, ADR_STATUS_ACCEPTED, "12's status at B, not at the tip");
	relnotes_clear(&rn);

	s = relnotes_add_section(&rn, "e", "v1", "v2");
	relnotes_build(s, db, in_letters, &before_e, 0);
	INT_EQ(s->nr, 1, "d..e changes nothing but implements 1");
	INT_EQ(s->items[0].group, RELNOTES_EARLIER, "work on an earlier decision");
	INT_EQ(relnotes_changed_count(s), 0, "which is no change");
	relnotes_clear(&rn);

	s = relnotes_add_section(&rn, "none", NULL, "x");
	relnotes_build(s, db, in_letters, &nothing, 0);
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
	relnotes_build(s, db, in_letters, &range_bcd, 0);
	got = render_to_string(FMT_MARKDOWN, db, &rn);
	STR_EQ(got,
	       "## v2 (2024-03-05)\n"
	       "\n"
	       "### New\n"
	       "\n"
	       "- **ADR 23: Deploy with Scores**: new \xe2\x86\x92 proposed\n"
	       "  - changed in `ccccccc` (2024-03-01)\n"
	       "\n"
	       "### Implemented\n"
	       "\n"
	       "- **ADR 12: Use NATS**: proposed \xe2\x86\x92 implemented\n"
	       "  - changed in `ccccccc` (2024-03-01)\n"
	       "  - implemented in `ddddddd` feat: subjects per ADR-012\n"
	       "\n"
	       "### Deprecated/Superseded\n"
	       "\n"
	       "- **ADR 5: Old way**: accepted \xe2\x86\x92 superseded\n"
	       "  - changed in `ccccccc` (2024-03-02)\n",
	       "markdown release notes");
	free(got);

	rn.template = xstrdup("# {{title}} ({{ date }}) from {{from}}: {{count}}\n"
			      "{{implemented}}--\n{{rejected}}{{unknown}}\n");
	got = render_to_string(FMT_MARKDOWN, db, &rn);
	STR_EQ(got, "# v2 (2024-03-05) from v1: 3\n"
	       "- **ADR 12: Use NATS**: proposed \xe2\x86\x92 implemented\n"
	       "  - changed in `ccccccc` (2024-03-01)\n"
	       "  - implemented in `ddddddd` feat: subjects per ADR-012\n"
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
