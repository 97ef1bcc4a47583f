/*
 * test_site: the site's pieces that take untrusted text: Markdown through
 * cmark in safe mode (raw HTML and script links dropped), the escaper, and
 * every page of the hostile fixture free of markup from the repository.
 */
#include "harness.h"
#include "render_fixture.h"
#include "site_int.h"
#include "strbuf.h"

TEST_GROUP(site_markdown_safe)
{
	static const char md[] =
		"# Title <script>alert(1)</script>\n\n"
		"<script>alert(2)</script>\n\n"
		"<div onclick=\"alert(3)\">x</div>\n\n"
		"[a](javascript:alert(4)) [b](vbscript:x) ![c](data:text/html,<b>)\n\n"
		"Inline <img src=x onerror=alert(5)> and `<script>` in code.\n\n"
		"Bad UTF-8: \xff\xfe end.\n";
	struct strbuf out = STRBUF_INIT;

	site_markdown(&out, md, sizeof(md) - 1);
	OK(strstr(out.buf, "<h1>Title") != NULL, "the heading is rendered");
	OK(!strstr(out.buf, "<script"), "no script element survives");
	OK(!strstr(out.buf, "onclick") && !strstr(out.buf, "onerror"), "no handler survives");
	OK(!strstr(out.buf, "javascript:") && !strstr(out.buf, "vbscript:"), "script links dropped");
	OK(!strstr(out.buf, "<img src=x") && !strstr(out.buf, "data:text/html"),
	   "raw img and data: HTML link dropped");
	OK(strstr(out.buf, "<code>&lt;script&gt;</code>") != NULL, "code shows the text");
	OK(strstr(out.buf, "\xef\xbf\xbd") != NULL, "invalid UTF-8 replaced");
	strbuf_release(&out);
}

TEST_GROUP(site_escape)
{
	struct strbuf out = STRBUF_INIT;

	site_esc(&out, "<a href='x'>\"&\"</a>\x1b[31m");
	STR_EQ(out.buf, "&lt;a href=&#39;x&#39;&gt;&quot;&amp;&quot;&lt;/a&gt;\xef\xbf\xbd[31m",
	       "markup and controls");
	strbuf_setlen(&out, 0);
	site_esc_n(&out, "h\xc3\xa9llo", 2);
	STR_EQ(out.buf, "h&hellip;", "cut at a character boundary");
	strbuf_setlen(&out, 0);
	site_esc(&out, NULL);
	STR_EQ(out.buf, "", "NULL is empty");
	strbuf_release(&out);
}

TEST_GROUP(site_pages_inert)
{
	struct adr_db *db = fixture_db();
	struct site_input in;
	struct site s;
	struct strbuf out = STRBUF_INIT;

	memset(&in, 0, sizeof(in));
	in.db = db;
	in.repo_name = "<b>repo</b>";
	s.in = &in;
	s.pages = xcalloc(db->nr + 1, sizeof(*s.pages));
	for (size_t i = 0; i < db->nr; i++)
		s.pages[i] = xstrdup("adr/x.html");
	strcpy(s.generated, "2024-01-01");
	site_index_page(&out, &s);
	OK(!strstr(out.buf, "<b>repo"), "the repository name is escaped");
	OK(!strstr(out.buf, "alert(1)</script>"), "no title closes a script (index)");
	for (size_t i = 0; i < db->nr; i++) {
		strbuf_setlen(&out, 0);
		site_adr_page(&out, &s, i);
		OK(!strstr(out.buf, "<script"), "ADR page %zu has no script", i);
		OK(!strstr(out.buf, "<img") && !strstr(out.buf, "<!-- x"), "ADR page %zu inert", i);
	}
	strbuf_setlen(&out, 0);
	site_graph_page(&out, &s);
	OK(!strstr(out.buf, "<script") && !strstr(out.buf, "<img"), "graph page inert");
	for (size_t i = 0; i < db->nr; i++)
		free(s.pages[i]);
	free(s.pages);
	strbuf_release(&out);
	adr_db_free(db);
}
