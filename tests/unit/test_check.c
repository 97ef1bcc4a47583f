/*
 * test_check: each lint rule of check.c on a hand-built db: one case that
 * fires it and one near-miss that must not, plus the severity table and
 * the order of findings.
 */
#include <stdlib.h>
#include <string.h>

#include "adr.h"
#include "check.h"
#include "harness.h"
#include "report.h"
#include "status.h"
#include "strbuf.h"
#include "xalloc.h"

static struct adr *add(struct adr_db *db, const char *id, const char *path,
		       const char *title, const char *status)
{
	struct adr *a = adr_db_add(db, id, path);

	a->doc.id = xstrdup(id);
	a->doc.title = xstrdup(title);
	a->doc.title_line = 1;
	if (status) {
		a->doc.status_raw = xstrdup(status);
		a->doc.status = status_normalize(status);
		a->doc.status_line = 5;
	}
	return a;
}

/* "rule@path:line" for every finding, joined with ' '. */
static char *kinds(const struct check_report *r)
{
	struct strbuf sb = STRBUF_INIT;

	for (size_t i = 0; i < r->nr; i++)
		strbuf_addf(&sb, "%s%s@%s:%u", i ? " " : "", check_kind_name(r->v[i].kind),
			    r->v[i].path, r->v[i].line);
	return strbuf_detach(&sb, NULL);
}

static void expect(struct adr_db *db, const char *want, const char *what)
{
	struct check_report r = CHECK_REPORT_INIT;
	char *got;

	check_adrs(&r, db);
	check_report_sort(&r);
	got = kinds(&r);
	STR_EQ(got, want, what);
	free(got);
	check_report_clear(&r);
}

/* check_md_links: the ADR files a Markdown text links to, as tree paths */
TEST_GROUP(check_md_links)
{
	struct strvec v = STRVEC_INIT;
	struct strbuf got = STRBUF_INIT;
	const char *text =
		"# T\n\nSee [ADR-5](0005-x.md) and [six](./0006-y.md#part).\n"
		"[old](../old/adr-0007-z.md) [web](https://x.org/0008-w.md) [a](#top)\n"
		"```\n[code](0009-c.md)\n```\n"
		"[ref]: 0010-r.md\n[idx](000-index.md) [readme](README.md) [img](pic.png)\n"
		"[up](../../../0011-out.md) [mail](mailto:x@y.md) [<b>](<0012-b.md>)\n";

	check_md_links(&v, "docs/adr/0001-a.md", text);
	for (size_t i = 0; i < v.nr; i++)
		strbuf_addf(&got, "%s|", v.v[i]);
	STR_EQ(got.buf, "3\tdocs/adr/0005-x.md|3\tdocs/adr/0006-y.md|4\tdocs/old/adr-0007-z.md|"
	       "8\tdocs/adr/0010-r.md|10\t../../../0011-out.md|10\tdocs/adr/0012-b.md|",
	       "links to ADR files, resolved against the folder");
	strvec_clear(&v);
	strbuf_release(&got);
}

TEST_GROUP(check_severity)
{
	INT_EQ(check_kind_severity(CHECK_DUPLICATE_ID), CHECK_ERROR, "duplicate ids are errors");
	INT_EQ(check_kind_severity(CHECK_INDEX_STATUS), CHECK_ERROR, "index drift is an error");
	INT_EQ(check_kind_severity(CHECK_UNKNOWN_REF), CHECK_ERROR, "unknown refs are errors");
	INT_EQ(check_kind_severity(CHECK_UNKNOWN_STATUS), CHECK_WARNING, "unknown status warns");
	INT_EQ(check_kind_severity(CHECK_ONE_SIDED_LINK), CHECK_WARNING, "one-sided links warn");
	for (int k = 0; k < CHECK__COUNT; k++)
		OK(strcmp(check_kind_name((enum check_kind)k), "unknown"), "kind %d has a name", k);
	STR_EQ(check_severity_name(CHECK_WARNING), "warning", "severity name");
}

TEST_GROUP(check_rules)
{
	struct adr_db *db = adr_db_new();
	struct adr *a, *b;

	add(db, "1", "d/0001-a.md", "A", "Accepted");
	add(db, "2", "d/0002-b.md", "B", "Implemented");
	expect(db, "", "a clean db has no findings");

	add(db, "2", "d/0002-c.md", "C", "Accepted");
	expect(db, "duplicate-id@d/0002-b.md:1 duplicate-id@d/0002-c.md:1",
	       "both ADRs of a duplicate id are reported");
	adr_db_free(db);

	db = adr_db_new();
	add(db, "3", "d/3.md", "No status", NULL);
	add(db, "4", "d/4.md", "Odd", "Awaiting the board");
	add(db, "5", "d/5.md", "Gone", "Accepted");
	db->adrs[2]->deleted = 1;
	add(db, "5", "d/5-new.md", "Back", "Accepted");
	expect(db, "no-status@d/3.md:1 unknown-status@d/4.md:5",
	       "no status, unknown status; a tombstone is no duplicate");
	adr_db_free(db);

	db = adr_db_new();
	a = add(db, "10", "d/10.md", "New", "Accepted");
	b = add(db, "11", "d/11.md", "Old", "Superseded");
	strvec_push(&a->doc.supersedes, "11");
	expect(db, "", "supersedes + target superseded is enough");
	b->doc.status = ADR_STATUS_ACCEPTED;
	expect(db, "one-sided-link@d/10.md:5", "target not superseded: one-sided");
	strvec_push(&b->doc.superseded_by, "10");
	expect(db, "superseded-but-accepted@d/11.md:5",
	       "both sides link, but the old one still says Accepted");
	b->doc.status = ADR_STATUS_PROPOSED;
	expect(db, "superseded-but-proposed@d/11.md:5", "or Proposed");
	b->doc.status = ADR_STATUS_SUPERSEDED;
	expect(db, "", "both sides link");
	b->doc.status = ADR_STATUS_DEPRECATED;
	expect(db, "", "deprecated and superseded by is no contradiction");
	strvec_push(&a->doc.supersedes, "99");
	expect(db, "broken-link@d/10.md:5", "supersedes an id no ADR has");
	adr_db_free(db);

	db = adr_db_new();
	a = add(db, "20", "d/20.md", "X", "Accepted");
	b = add(db, "21", "d/21.md", "Y", "Superseded by ADR-20");
	strvec_push(&b->doc.superseded_by, "20");
	expect(db, "one-sided-link@d/21.md:5", "superseded by A, A does not say so");
	strvec_push(&a->doc.supersedes, "21");
	expect(db, "", "now both say it");
	strvec_push(&a->doc.amends, "21");
	expect(db, "one-sided-link@d/20.md:5", "amends without amended-by");
	strvec_push(&b->doc.amended_by, "20");
	strvec_push(&b->doc.amended_by, "77");
	expect(db, "broken-link@d/21.md:5", "amended by an id no ADR has");
	adr_db_free(db);

	db = adr_db_new();
	add(db, "30", "d/30.md", "Orphan", "Superseded");
	a = add(db, "31", "d/31.md", "Proposed", "Proposed");
	expect(db, "superseded-without-successor@d/30.md:5", "superseded by nothing");
	strvec_push(&a->implemented_by, "0123456789abcdef0123456789abcdef01234567");
	expect(db, "superseded-without-successor@d/30.md:5 implemented-but-proposed@d/31.md:5",
	       "proposed while a commit implements it");
	a->doc.status = ADR_STATUS_ACCEPTED;
	expect(db, "superseded-without-successor@d/30.md:5", "accepted and implemented is fine");
	adr_db_free(db);
}

static char *index_kinds(struct adr_db *db, const char *dir, const char *md)
{
	struct check_report r = CHECK_REPORT_INIT;
	char *got;

	check_index(&r, db, dir, "d/README.md", md, strlen(md));
	check_report_sort(&r);
	got = kinds(&r);
	check_report_clear(&r);
	return got;
}

TEST_GROUP(check_index_drift)
{
	struct adr_db *db = adr_db_new();
	char *got;

	add(db, "1", "d/0001-a.md", "Record decisions", "Accepted");
	add(db, "12-2", "d/0012-2-b.md", "Sub", "Implemented");
	add(db, "23", "d/0023-c.md", "Deploy with Scores", "Accepted");
	add(db, "40", "other/0040-x.md", "Elsewhere", "Accepted");

	got = index_kinds(db, "d", "| Number | Title | Status |\n| --- | --- | --- |\n"
			  "| 1 | Record decisions | Accepted |\n"
			  "| 012-2 | Sub | Implemented |\n"
			  "| 23 | Deploy with Scores | accepted |\n");
	STR_EQ(got, "", "an index that agrees (case aside); other folders' ADRs not needed");
	free(got);

	got = index_kinds(db, "d", "# ADRs\n\n| Number | Title | Status |\n| --- | --- | --- |\n"
			  "| 1 | Record decisions | Accepted |\n"
			  "| 12-2 | [Sub](0012-2-b.md) | Accepted |\n"
			  "| 99 | Ghost | Accepted |\n");
	STR_EQ(got, "index-missing@d/README.md:3 index-status@d/README.md:6 "
	       "index-extra@d/README.md:7", "missing, wrong status, extra");
	free(got);

	got = index_kinds(db, "d", "| Number | Title |\n| --- | --- |\n"
			  "| 1 | Record all decisions |\n| 12-2 | Sub |\n| 23 | Deploy |\n");
	STR_EQ(got, "index-title@d/README.md:3 index-title@d/README.md:5",
	       "titles differ; no status column, no status finding");
	free(got);

	got = index_kinds(db, "d", "* [Record decisions](0001-a.md)\n* [Sub](0012-2-b.md)\n");
	STR_EQ(got, "index-missing@d/README.md:1", "a list index lacking 23");
	free(got);

	got = index_kinds(db, "d", "| Number | Title |\n| --- | --- |\n| 7 | Unrelated |\n");
	STR_EQ(got, "", "a table naming no existing ADR is not our index");
	free(got);

	got = index_kinds(db, "d", "<!-- adrlog -->\n<!-- adrlogstop -->\n");
	STR_EQ(got, "index-missing@d/README.md:1 index-missing@d/README.md:1 "
	       "index-missing@d/README.md:1", "empty markers: every ADR missing");
	free(got);

	got = index_kinds(db, "d", "# Nothing here\n\nJust prose.\n");
	STR_EQ(got, "", "a README without an index is fine");
	free(got);
	adr_db_free(db);
}

static int never(const char *sha, void *data)
{
	(void)sha;
	(void)data;
	return 0;
}

static int always(const char *sha, void *data)
{
	(void)sha;
	(void)data;
	return 1;
}

TEST_GROUP(check_unknown_refs)
{
	struct adr_db *db = adr_db_new();
	struct check_report r = CHECK_REPORT_INIT;
	struct adr_commit *c;
	const char *sha = "0123456789abcdef0123456789abcdef01234567";

	c = adr_db_commit_add(db, sha);
	c->subject = xstrdup("Implement ADR-99");
	adr_db_add_unknown(db, sha, "99");
	check_unknown_refs(&r, db, never, NULL);
	INT_EQ(r.nr, 0, "commits out of range are skipped");
	check_unknown_refs(&r, db, NULL, NULL);
	INT_EQ(r.nr, 1, "one finding per unknown reference");
	INT_EQ(r.warnings, 1, "over all history, a warning");
	check_report_clear(&r);
	check_unknown_refs(&r, db, always, NULL);
	INT_EQ(r.errors, 1, "in a range, an error");
	STR_EQ(r.v[0].path, sha, "named by its commit");
	OK(strstr(r.v[0].message, "ADR 99") && strstr(r.v[0].message, "Implement ADR-99"),
	   "message names the id and subject: %s", r.v[0].message);
	check_report_clear(&r);
	adr_db_free(db);
}
