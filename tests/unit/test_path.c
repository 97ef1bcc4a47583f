/*
 * test_path: tree paths resolved lexically (path.c), the rule that
 * discovery (folders named in committed files) and check's broken-link
 * finding share.
 */
#include "harness.h"
#include "path.h"

static const char *lexical(struct strbuf *sb, const char *rel, int *rc)
{
	*rc = path_lexical(sb, rel);
	return sb->buf;
}

static const char *link_of(struct strbuf *sb, const char *from, const char *target, int *rc)
{
	*rc = path_resolve_link(sb, from, target);
	return sb->buf;
}

TEST_GROUP(path)
{
	struct strbuf sb = STRBUF_INIT;
	int rc;

	STR_EQ(lexical(&sb, "docs/adr", &rc), "docs/adr", "a plain path stays");
	INT_EQ(rc, 0, "a plain path resolves");
	STR_EQ(lexical(&sb, "./docs//adr/", &rc), "docs/adr", "'.' and empty parts dropped");
	STR_EQ(lexical(&sb, "docs/x/../adr", &rc), "docs/adr", "'..' climbs one part");
	STR_EQ(lexical(&sb, "a/..", &rc), "", "back to the top");
	INT_EQ(rc, 0, "the top itself is inside");
	STR_EQ(lexical(&sb, "../notes", &rc), "", "leaving the top gives nothing");
	INT_EQ(rc, -1, "leaving the top is refused");
	lexical(&sb, "docs/../../x", &rc);
	INT_EQ(rc, -1, "leaving the top later is refused too");
	STR_EQ(lexical(&sb, "a/.../b", &rc), "a/.../b", "'...' is a name");

	STR_EQ(link_of(&sb, "docs/adr/0001-a.md", "0002-b.md", &rc), "docs/adr/0002-b.md",
	       "a link is relative to its file's folder");
	STR_EQ(link_of(&sb, "docs/adr/0001-a.md", "../design/x.md", &rc), "docs/design/x.md",
	       "'..' from the file's folder");
	STR_EQ(link_of(&sb, "docs/adr/0001-a.md", "/README.md", &rc), "README.md",
	       "a leading '/' is the top of the tree");
	STR_EQ(link_of(&sb, "README.md", "docs/adr/0001-a.md", &rc), "docs/adr/0001-a.md",
	       "a file at the top");
	link_of(&sb, "docs/adr/0001-a.md", "../../../etc/passwd", &rc);
	INT_EQ(rc, -1, "a link out of the tree is refused");
	STR_EQ(sb.buf, "", "and names nothing");
	strbuf_release(&sb);
}
