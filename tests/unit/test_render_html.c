/*
 * test_render_html: the page is self-contained and every piece of
 * repository text is inert: HTML-escaped in markup, and in the JSON data
 * island '<' '>' '&' U+2028 U+2029 are \u escapes.
 */
#include "harness.h"
#include "render_fixture.h"

/* The text between the data island's tags, or NULL. */
static char *html_island(const char *page)
{
	const char *open = "<script type=\"application/json\" id=\"adr-data\">";
	const char *b = strstr(page, open), *e;

	if (!b)
		return NULL;
	b += strlen(open);
	e = strstr(b, "</script>");
	return e ? strndup(b, (size_t)(e - b)) : NULL;
}

TEST_GROUP(render_html_page)
{
	struct adr_db *db = fixture_db();
	int rc;
	char *s = fixture_render(FMT_HTML, VIEW_TIMELINE, db, NULL, &rc);
	char *j = html_island(s);
	size_t scripts = 0;

	INT_EQ(rc, 0, "timeline renders");
	OK(!strncmp(s, "<!DOCTYPE html>\n", 16), "a document");
	OK(strstr(s, "</html>\n") != NULL, "complete");
	OK(!strstr(s, " src=") && !strstr(s, "<link"), "no external scripts or styles");
	for (const char *p = s; (p = strstr(p, "<script")); p++)
		scripts++;
	INT_EQ(scripts, 2, "exactly the data island and the page script");
	OK(!strstr(s, "alert(1)</script>"), "the hostile title cannot close a script");
	OK(!strstr(s, "<!-- x"), "a subject cannot open a comment");
	OK(j != NULL, "data island present");
	if (j) {
		OK(!strchr(j, '<') && !strchr(j, '>') && !strchr(j, '&'), "no < > & in the JSON");
		OK(!strstr(j, "\xe2\x80\xa8") && !strstr(j, "\xe2\x80\xa9"), "no raw U+2028/9");
		OK(strstr(j, "\"title\":\"Use \\u003cscript\\u003ealert(1)\\u003c/script\\u003e | pipes `tick`\"") != NULL,
		   "title escaped in JSON: %s", j);
		OK(strstr(j, "Accept \\u003c/script\\u003e\\u003c!-- x \\u2028 y") != NULL,
		   "subject escaped: %s", j);
		OK(strstr(j, "really \\u0026 truly") != NULL, "& escaped");
		OK(strstr(j, "\"events\":[{\"adr\":0,\"commit\":\"" FIX_C1 "\"") != NULL,
		   "events point at their lane: %s", j);
		OK(strstr(j, "\"now\":1709730000") != NULL, "now is the newest commit");
	}
	free(j);
	free(s);
	adr_db_free(db);
}

TEST_GROUP(render_html_show_title)
{
	struct adr_db *db = fixture_db();
	int rc;
	char *s = fixture_render(FMT_HTML, VIEW_SHOW, db, db->adrs[0], &rc);
	char *j = html_island(s);

	INT_EQ(rc, 0, "show renders");
	OK(strstr(s, "<title>ADR 1: Use &lt;script&gt;alert(1)&lt;/script&gt; | pipes `tick`</title>") != NULL,
	   "title escaped in markup");
	OK(j && strstr(j, "\"id\":\"1\"") && !strstr(j, "\"id\":\"2\""), "only that ADR: %s", j ? j : "");
	free(j);
	free(s);
	s = fixture_render(FMT_HTML, VIEW_LIST, db, NULL, &rc);
	INT_EQ(rc, -1, "list has no html form");
	free(s);
	adr_db_free(db);
}
