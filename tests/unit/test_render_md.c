/*
 * test_render_md: Markdown output: table shapes, day grouping, and that
 * repository text cannot break a table, open markup or HTML, or carry
 * terminal control characters.
 */
#include "harness.h"
#include "render_fixture.h"

/* Number of unescaped '|' in line (cells + 1 for a table row). */
static int md_pipes(const char *line, size_t len)
{
	int n = 0;

	for (size_t i = 0; i < len; i++)
		if (line[i] == '|' && (i == 0 || line[i - 1] != '\\'))
			n++;
	return n;
}

/* Every line starting with '|' has exactly want unescaped pipes. */
static int md_table_ok(const char *s, int want)
{
	while (*s) {
		const char *nl = strchr(s, '\n');
		size_t len = nl ? (size_t)(nl - s) : strlen(s);

		if (*s == '|' && md_pipes(s, len) != want)
			return 0;
		s += len + (nl ? 1 : 0);
	}
	return 1;
}

static int md_has_controls(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s < 0x20 && *s != '\n')
			return 1;
	return 0;
}

TEST_GROUP(render_md_list)
{
	struct adr_db *db = fixture_db();
	int rc;
	char *s = fixture_render(FMT_MARKDOWN, VIEW_LIST, db, NULL, &rc);

	INT_EQ(rc, 0, "list renders");
	OK(strstr(s, "| ID | Title | Status | Date | Path |\n| --- |") == s, "header: %s", s);
	OK(md_table_ok(s, 6), "every row has 5 cells: %s", s);
	OK(strstr(s, "Use &lt;script&gt;alert(1)&lt;/script&gt; \\| pipes \\`tick\\`") != NULL,
	   "<, | and backticks escaped: %s", s);
	OK(!strstr(s, "<script>"), "no raw HTML");
	OK(!md_has_controls(s), "no control characters");
	OK(strstr(s, "| 3 | Replace: the #1 choice; really & truly | accepted |") != NULL,
	   "plain row: %s", s);
	free(s);
	adr_db_free(db);
}

TEST_GROUP(render_md_list_empty)
{
	struct adr_db *db = adr_db_new();
	int rc;
	char *s = fixture_render(FMT_MARKDOWN, VIEW_LIST, db, NULL, &rc);

	STR_EQ(s, "_No ADRs found._\n", "empty list");
	free(s);
	adr_db_free(db);
}

TEST_GROUP(render_md_timeline)
{
	struct adr_db *db = fixture_db();
	int rc;
	char *s = fixture_render(FMT_MARKDOWN, VIEW_TIMELINE, db, NULL, &rc);
	const char *d1 = strstr(s, "\n## 2024-01-01\n");
	const char *d2 = strstr(s, "\n## 2024-02-03\n");
	const char *d3 = strstr(s, "\n## 2024-03-05\n");

	INT_EQ(rc, 0, "timeline renders");
	OK(d1 && d2 && d3 && d1 < d2 && d2 < d3, "one heading per day, in order: %s", s);
	OK(d1 && !strstr(d1 + 5, "## 2024-01-01"), "a day heading appears once");
	OK(strstr(s, ": created as **proposed** (`1111111`, A U Thor: Propose X: the first; #1)\n") != NULL,
	   "creation event: %s", s);
	OK(strstr(s, "proposed → **accepted** (`2222222`") != NULL, "change event");
	OK(strstr(s, "Accept &lt;/script&gt;&lt;!-- x   y)") != NULL, "subject escaped, U+2028 a space: %s", s);
	OK(strstr(s, "(`3333333`, Eve &lt;script&gt;: bell") != NULL, "author without mail: %s", s);
	OK(!md_has_controls(s), "no control characters");
	OK(!strstr(s, "<"), "no raw angle bracket anywhere");
	free(s);
	adr_db_free(db);
}

TEST_GROUP(render_md_show_and_links)
{
	struct adr_db *db = fixture_db();
	int rc;
	char *s = fixture_render(FMT_MARKDOWN, VIEW_SHOW, db, db->adrs[0], &rc);

	INT_EQ(rc, 0, "show renders");
	OK(strstr(s, "# ADR 1: Use &lt;script&gt;") == s, "title heading: %s", s);
	OK(strstr(s, "| Status | superseded (Superseded by ADR-3) |") != NULL, "status row");
	OK(strstr(s, "## Status history\n\n| Date | Change | Commit | Author | Subject |") != NULL,
	   "history table");
	OK(strstr(s, "- Superseded by: ADR 3 (Replace: the #1 choice; really & truly)") != NULL,
	   "links name the other ADR: %s", s);
	OK(strstr(s, "| `1111111` | 2024-01-01 | A U Thor | Propose X: the first; #1 | edits the ADR |") != NULL,
	   "referencing commits: %s", s);
	free(s);

	s = fixture_render(FMT_MARKDOWN, VIEW_LINKS, db, NULL, &rc);
	INT_EQ(rc, 0, "links renders");
	OK(strstr(s, "## ADR 2: Title with ESC \xef\xbf\xbd\\[31m red") != NULL,
	   "ESC neutralised in heading: %s", s);
	OK(strstr(s, "| `5555555` | 2024-03-06 | Bob Builder | implement ADR-2 | implements |") != NULL,
	   "implementing commit");
	OK(!strstr(s, "## ADR 3"), "ADRs without references are left out");
	OK(md_table_ok(s, 6), "links rows have 5 cells");
	OK(!md_has_controls(s), "no control characters");
	free(s);
	adr_db_free(db);
}
