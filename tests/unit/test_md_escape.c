/*
 * test_md_escape: render_md_escape() makes repository text inert in
 * Markdown (HTML, entities, links, images, emphasis, code spans,
 * strikethrough, mentions, a heading's closing run) while ordinary text
 * keeps no needless backslash.
 */
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "render.h"
#include "strbuf.h"

static char *esc(const char *s)
{
	struct strbuf sb = STRBUF_INIT;

	render_md_escape(&sb, s);
	return strbuf_detach(&sb, NULL);
}

#define ESC_EQ(in, want, what) do { \
	char *got_ = esc(in); \
	STR_EQ(got_, want, what); \
	free(got_); \
} while (0)

TEST_GROUP(md_escape)
{
	ESC_EQ("fix snake_case and __init__ in a_b", "fix snake_case and \\_\\_init\\_\\_ in a_b",
	       "intraword _ stays, _ at a word boundary is escaped");
	ESC_EQ("R&D, AT&T; &amp; &#35; &x", "R&D, AT&amp;T; &amp;amp; &amp;#35; &x",
	       "& only where an entity could form (AT&T; might be one)");
	ESC_EQ("<!-- hide --> <img src=x>", "&lt;!-- hide --&gt; &lt;img src=x&gt;", "raw HTML");
	ESC_EQ("[x](https://e) ![i](y)", "\\[x\\](https://e) !\\[i\\](y)", "links and images");
	ESC_EQ("*a* `b` |c|", "\\*a\\* \\`b\\` \\|c\\|", "emphasis, code spans, cells");
	ESC_EQ("about 5 ~ 6", "about 5 ~ 6", "a lone tilde strikes nothing");
	ESC_EQ("~~gone~~", "\\~\\~gone\\~\\~", "strikethrough");
	ESC_EQ("see #12 and C#", "see #12 and C\\#", "only a closing run of # is escaped");
	ESC_EQ("ping @org/team, mail a@b.org, @ alone",
	       "ping @\xe2\x80\x8borg/team, mail a@b.org, @ alone",
	       "a mention is broken by a zero-width space; e-mail stays");
	ESC_EQ("C:\\path and \\*", "C:\\path and \\\\\\*", "a backslash only before punctuation");
	ESC_EQ("trailing \\", "trailing \\\\", "a final backslash cannot eat our markup");
	ESC_EQ("two\nlines\xe2\x80\xa8sep", "two lines sep", "one line");
	ESC_EQ("bell\x07 esc\x1b[2J", "bell\xef\xbf\xbd esc\xef\xbf\xbd\\[2J", "control characters");
}
