/*
 * test_site: the site's pieces that take untrusted text: Markdown through
 * cmark in safe mode (raw HTML and script links dropped), the escaper, and
 * every page of the hostile fixture free of markup from the repository.
 */
#include "harness.h"
#include "forge.h"
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
	struct adr_db *db = fixture_db();
	struct site_input in;
	struct site s;

	memset(&in, 0, sizeof(in));
	in.db = db;
	s.in = &in;
	s.pages = xcalloc(db->nr + 1, sizeof(*s.pages));
	site_markdown(&out, &s, db->adrs[0], md, sizeof(md) - 1);
	OK(strstr(out.buf, "<h1>Title") != NULL, "the heading is rendered");
	OK(!strstr(out.buf, "<script"), "no script element survives");
	OK(!strstr(out.buf, "onclick") && !strstr(out.buf, "onerror"), "no handler survives");
	OK(!strstr(out.buf, "javascript:") && !strstr(out.buf, "vbscript:"), "script links dropped");
	OK(!strstr(out.buf, "<img src=x") && !strstr(out.buf, "data:text/html"),
	   "raw img and data: HTML link dropped");
	OK(strstr(out.buf, "<code>&lt;script&gt;</code>") != NULL, "code shows the text");
	OK(strstr(out.buf, "\xef\xbf\xbd") != NULL, "invalid UTF-8 replaced");
	strbuf_release(&out);
	free(s.pages);
	adr_db_free(db);
}

/* A site over the fixture: every ADR has a page adr/<id>.html. */
static void site_fixture(struct site *s, struct site_input *in, struct adr_db *db,
			 const struct forge *f)
{
	memset(in, 0, sizeof(*in));
	in->db = db;
	in->forge = f;
	s->in = in;
	s->pages = xcalloc(db->nr + 1, sizeof(*s->pages));
	for (size_t i = 0; i < db->nr; i++) {
		struct strbuf sb = STRBUF_INIT;

		strbuf_addf(&sb, "adr/%s.html", db->adrs[i]->id);
		s->pages[i] = strbuf_detach(&sb, NULL);
	}
}

static void site_fixture_free(struct site *s, struct adr_db *db)
{
	for (size_t i = 0; i < db->nr; i++)
		free(s->pages[i]);
	free(s->pages);
	adr_db_free(db);
}

TEST_GROUP(site_body_url)
{
	struct adr_db *db = fixture_db();
	struct forge f = FORGE_INIT, none = FORGE_INIT;
	struct site_input in;
	struct site s;
	struct strbuf u = STRBUF_INIT;
	const struct adr *a1;
	struct adr *a3;
	static const char *const dropped[] = {
		"", "javascript:alert(1)", "JavaScript:x", "vbscript:x", "file:///etc/passwd",
		"//evil.example/x", "../../../etc/passwd", "../../..", "/", "a%00b.md",
		"a%0Ab.md", "..%2F..%2F..%2Fx", "ftp://example.com/x", "data:text/html,x"
	};

	OK(forge_from_remote(&f, "git@github.com:o/r.git") == 0, "a GitHub forge");
	site_fixture(&s, &in, db, NULL);
	a1 = db->adrs[0];
	a3 = db->adrs[2];
	for (size_t i = 0; i < sizeof(dropped) / sizeof(*dropped); i++) {
		OK(site_body_url(&u, &s, a1, dropped[i], 0) == SITE_URL_DROP, "link %s dropped",
		   dropped[i]);
		OK(site_body_url(&u, &s, a1, dropped[i], 1) == SITE_URL_DROP, "image %s dropped",
		   dropped[i]);
	}
	OK(site_body_url(&u, &s, a1, "https://example.com/a?b#c", 0) == SITE_URL_KEEP &&
	   !strcmp(u.buf, "https://example.com/a?b#c"), "http(s) kept");
	OK(site_body_url(&u, &s, a1, "mailto:a@example.com", 0) == SITE_URL_KEEP, "mailto kept");
	OK(site_body_url(&u, &s, a1, "#context", 0) == SITE_URL_KEEP, "a fragment kept");
	OK(site_body_url(&u, &s, a1, "data:image/png;base64,AAAA", 1) == SITE_URL_KEEP,
	   "an inline image kept");
	OK(site_body_url(&u, &s, a1, "0003-replace.md", 0) == SITE_URL_PAGE &&
	   !strcmp(u.buf, "3.html"), "a sibling ADR file: its page (%s)", u.buf);
	OK(site_body_url(&u, &s, a1, "./0002-esc.md#decision", 0) == SITE_URL_PAGE &&
	   !strcmp(u.buf, "2.html"), "./ and a fragment (%s)", u.buf);
	OK(site_body_url(&u, &s, a1, "../adr/0002%2Desc.md", 0) == SITE_URL_PAGE &&
	   !strcmp(u.buf, "2.html"), "percent escapes and .. inside the tree");
	OK(site_body_url(&u, &s, a1, "/docs/adr/0003-replace.md", 0) == SITE_URL_PAGE,
	   "a path from the top of the repository");
	OK(site_body_url(&u, &s, a1, "0003-replace.md", 1) == SITE_URL_DROP,
	   "an image of an ADR file, no forge: dropped");
	OK(site_body_url(&u, &s, a1, "../../src/main.c", 0) == SITE_URL_DROP,
	   "another file, no forge: dropped");
	/* a record moved after the link was written: its earlier folder */
	strvec_push(&a3->paths, "docs/0003-replace.md");
	free(a3->path);
	a3->path = xstrdup("docs/adr/ops/0003-replace.md");
	OK(site_body_url(&u, &s, a3, "adr/0001-use-x.md", 0) == SITE_URL_PAGE &&
	   !strcmp(u.buf, "1.html"), "resolved from an earlier path (%s)", u.buf);
	OK(site_body_url(&u, &s, a3, "../0001-use-x.md", 0) == SITE_URL_PAGE,
	   "resolved from the current path");
	in.forge = &f;
	OK(site_body_url(&u, &s, a1, "../../src/main.c#L3", 0) == SITE_URL_FORGE &&
	   !strcmp(u.buf, "https://github.com/o/r/blob/" FIX_C5 "/src/main.c"),
	   "another file: the forge's page of it (%s)", u.buf);
	OK(site_body_url(&u, &s, a1, "img/a%20b.png", 1) == SITE_URL_FORGE &&
	   !strcmp(u.buf, "https://github.com/o/r/blob/" FIX_C5 "/docs/adr/img/a%20b.png"),
	   "an image: the forge's page of it (%s)", u.buf);
	OK(site_body_url(&u, &s, a1, "../../../x", 0) == SITE_URL_DROP,
	   "above the top even with a forge: dropped");
	OK(site_body_url(&u, &s, a1, "0003-replace.md", 0) == SITE_URL_PAGE,
	   "an ADR file with a forge: still its page");
	in.forge = &none;
	OK(site_body_url(&u, &s, a1, "../../src/main.c", 0) == SITE_URL_DROP,
	   "a forge without templates: dropped");
	forge_release(&f);
	strbuf_release(&u);
	site_fixture_free(&s, db);
}

TEST_GROUP(site_markdown_links)
{
	static const char md[] =
		"See [ADR 3](0003-replace.md), [code](../../src/main.c), [up](../../../../x),\n"
		"[web](https://example.com/) and ![diagram](img/d.png \"D\").\n\n"
		"[![badge](https://img.example/b.svg)](https://example.com/ci) "
		"![dot](data:image/png;base64,AAAA)\n";
	struct adr_db *db = fixture_db();
	struct forge f = FORGE_INIT;
	struct site_input in;
	struct site s;
	struct strbuf out = STRBUF_INIT;

	site_fixture(&s, &in, db, NULL);
	site_markdown(&out, &s, db->adrs[0], md, sizeof(md) - 1);
	OK(strstr(out.buf, "<a href=\"3.html\">ADR 3</a>") != NULL, "an ADR link goes to its page");
	OK(strstr(out.buf, ", code, up,") != NULL, "links with no target keep their text");
	OK(strstr(out.buf, "<a href=\"https://example.com/\">web</a>") != NULL, "web links kept");
	OK(!strstr(out.buf, "<img src=\"img") && strstr(out.buf, " diagram.") != NULL,
	   "a repository image, no forge: its alt text");
	OK(strstr(out.buf, "<a href=\"https://example.com/ci\">badge</a>") != NULL,
	   "an image inside a link: its alt text in the link");
	OK(strstr(out.buf, "<img src=\"data:image/png;base64,AAAA\" alt=\"dot\"") != NULL,
	   "an inline image is shown");
	OK(!strstr(out.buf, "src=\"http") && !strstr(out.buf, "href=\"../") &&
	   !strstr(out.buf, "href=\"/"), "nothing loads or leaves the folder");
	OK(forge_from_remote(&f, "https://gitlab.com/g/r") == 0, "a GitLab forge");
	in.forge = &f;
	strbuf_setlen(&out, 0);
	site_markdown(&out, &s, db->adrs[0], md, sizeof(md) - 1);
	OK(strstr(out.buf, "<a href=\"https://gitlab.com/g/r/-/blob/" FIX_C5 "/src/main.c\">code</a>"),
	   "a repository file: its forge page (%s)", out.buf);
	OK(strstr(out.buf, "<a href=\"https://gitlab.com/g/r/-/blob/" FIX_C5
		  "/docs/adr/img/d.png\" title=\"D\">image: diagram</a>") != NULL,
	   "a repository image: a link to its forge page");
	OK(strstr(out.buf, ", up,") != NULL, "above the top: text");
	forge_release(&f);
	strbuf_release(&out);
	site_fixture_free(&s, db);
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

TEST_GROUP(site_rst_simple_html)
{
	static const char rst[] =
		"=====\nTop <x>\n=====\n\n4. Use rst\n==========\n\n:Status: Accepted\n:Date: 2024\n"
		"  and on\n\nSome *text* <b>here</b>\nand more::\n\n    code <x>\n\n    more\n\n"
		"Sub\n---\n\n- one\n  cont\n\n- two\n\n1. a\n2. b\n\n.. note:: <script>x</script>\n"
		"Back to *top*.\r\n";
	struct strbuf out = STRBUF_INIT;

	site_rst(&out, rst, sizeof(rst) - 1);
	STR_EQ(out.buf,
	       "<div class=\"rst\">\n"
	       "<h2>Top &lt;x&gt;</h2>\n"
	       "<h2>4. Use rst</h2>\n"
	       "<dl class=\"fields\">\n<dt>Status</dt><dd>Accepted</dd>\n<dt>Date</dt><dd>2024 and on</dd>\n</dl>\n"
	       "<p>Some *text* &lt;b&gt;here&lt;/b&gt; and more:</p>\n"
	       "<pre>    code &lt;x&gt;\n\n    more\n</pre>\n"
	       "<h3>Sub</h3>\n"
	       "<ul>\n<li>one cont</li>\n<li>two</li>\n</ul>\n"
	       "<ol>\n<li>a</li>\n<li>b</li>\n</ol>\n"
	       "<pre>.. note:: &lt;script&gt;x&lt;/script&gt;\n</pre>\n"
	       "<p>Back to *top*.</p>\n"
	       "</div>\n", "titles, fields, a paragraph, a literal block, lists, a directive");
	strbuf_setlen(&out, 0);
	site_rst(&out, "", 0);
	STR_EQ(out.buf, "<div class=\"rst\">\n</div>\n", "empty");
	strbuf_setlen(&out, 0);
	site_rst(&out, "::\n:\n-\n#. \n====\n", 17);
	OK(!strstr(out.buf, "<script"), "odd lines end");
	strbuf_release(&out);
}
