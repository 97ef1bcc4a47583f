/*
 * test_mdterm: show --body's Markdown for a terminal (mdterm.c): markup
 * removed, structure kept, and nothing from the record reaching the
 * terminal as a control sequence.
 */
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "mdterm.h"
#include "strbuf.h"

static char *md(const char *in, size_t width, int color)
{
	struct strbuf sb = STRBUF_INIT;

	mdterm_render(&sb, in, width, color);
	return strbuf_detach(&sb, NULL);
}

#define MD_EQ(in, want, what) do { char *got_ = md((in), 0, 0); \
	STR_EQ(got_, (want), (what)); free(got_); } while (0)

TEST_GROUP(mdterm_blocks)
{
	char *s;

	MD_EQ("# 1. Use NATS\n", "1. Use NATS\n", "ATX heading without #");
	MD_EQ("## Status ##\n", "Status\n", "closing #s removed");
	MD_EQ("Title\n=====\n\nText\n", "Title\n\nText\n", "setext heading");
	MD_EQ("* one\n- two\n  + three\n", "• one\n• two\n  • three\n", "bullets");
	MD_EQ("1. first\n", "1. first\n", "ordered lists as written");
	MD_EQ("> quoted\n", "│ quoted\n", "block quote");
	MD_EQ("```c\n# not a heading\n**x**\n```\n", "    # not a heading\n    **x**\n",
	      "code fences: contents indented, untouched");
	MD_EQ("---\nstatus: accepted\n---\n# T\n", "---\nstatus: accepted\n---\nT\n",
	      "front matter kept as written");
	s = md("---\n", 20, 0);
	OK(strstr(s, "────") != NULL, "a rule as wide as the terminal: %s", s);
	free(s);
	MD_EQ("a\n\n***\n", "a\n\n"
	      "────────────────────────────────────────────────────────────────────────────────\n",
	      "a rule at most 80 cells");
}

TEST_GROUP(mdterm_inline)
{
	char *s;

	MD_EQ("We need **reliable** delivery\n", "We need reliable delivery\n", "bold");
	MD_EQ("a *b* c\n", "a b c\n", "emphasis");
	MD_EQ("use `nats-server` now\n", "use nats-server now\n", "code span");
	MD_EQ("see [the docs](https://nats.io)\n", "see the docs <https://nats.io>\n", "link");
	MD_EQ("[https://x.y](https://x.y)\n", "https://x.y\n", "a link that is its URL once");
	MD_EQ("![diagram](d.png)\n", "[image: diagram]\n", "image");
	MD_EQ("snake_case_name and 2 * 3 * 4\n", "snake_case_name and 2 * 3 * 4\n",
	      "underscores and lone stars stay");
	MD_EQ("\\*not emphasis\\*\n", "*not emphasis*\n", "escapes");
	s = md("**bold** and *it*\n", 0, 1);
	STR_EQ(s, "\033[1mbold\033[m and \033[4mit\033[m\n", "color: bold and underline");
	free(s);
}

TEST_GROUP(mdterm_untrusted)
{
	char *s = md("# \033]0;title\007\n\033[2Jtext **\033[31m**\n\xff\xfe", 0, 0);

	OK(!strchr(s, '\033') && !strchr(s, '\007'), "no control character: %s", s);
	free(s);
	s = md("**unclosed `code [link](\n", 0, 0);
	STR_EQ(s, "**unclosed `code [link](\n", "unbalanced markup is text");
	free(s);
	s = md("", 0, 0);
	STR_EQ(s, "", "empty");
	free(s);
	s = md(NULL, 0, 0);
	STR_EQ(s, "", "NULL");
	free(s);
}
