/*
 * test_frontmatter: splitting front matter off and reading flat keys.
 */
#include <stdlib.h>
#include <string.h>

#include "frontmatter.h"
#include "harness.h"

TEST_GROUP(frontmatter_split)
{
	static const struct { const char *text; int yes; const char *inside, *body; } rows[] = {
		{ "---\nstatus: x\n---\n# T\n", 1, "status: x\n", "# T\n" },
		{ "---\nstatus: x\n...\nbody", 1, "status: x\n", "body" },
		{ "---  \na: 1\n---", 1, "a: 1\n", "" },
		{ "---\n---\nb", 1, "", "b" },
		{ "---\nstatus: x\n", 0, NULL, NULL },
		{ "# T\n---\na: b\n---\n", 0, NULL, NULL },
		{ "----\na: b\n---\n", 0, NULL, NULL },
		{ "", 0, NULL, NULL },
	};
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		size_t off = 0, len = 0, body = 0;
		int yes = frontmatter_split(rows[i].text, strlen(rows[i].text), &off, &len, &body);
		char *inside;

		INT_EQ(yes, rows[i].yes, rows[i].text);
		if (!yes || !rows[i].yes)
			continue;
		inside = strndup(rows[i].text + off, len);
		STR_EQ(inside, rows[i].inside, rows[i].text);
		STR_EQ(rows[i].text + body, rows[i].body, rows[i].text);
		free(inside);
	}
}

TEST_GROUP(frontmatter_get)
{
	const char *fm = "title: \"Quoted: title\"\nstatus: 'accepted'\nStatus_x: no\n"
			 "empty:\ndate: 2020-01-02 # c\nlist: [a, 'b' ,c]\nblock:\n  - x\n  - \"y\"\nafter: z\n";
	size_t len = strlen(fm);
	struct strvec sv = STRVEC_INIT;
	char *v;

	v = frontmatter_get(fm, len, "title");
	STR_EQ(v, "Quoted: title", "double quotes removed");
	free(v);
	v = frontmatter_get(fm, len, "STATUS");
	STR_EQ(v, "accepted", "keys ignore case, single quotes removed");
	free(v);
	v = frontmatter_get(fm, len, "empty");
	STR_EQ(v, NULL, "empty value is absent");
	v = frontmatter_get(fm, len, "missing");
	STR_EQ(v, NULL, "missing key");
	v = frontmatter_get(fm, len, "stat");
	STR_EQ(v, NULL, "a key prefix is not the key");
	frontmatter_get_list(fm, len, "list", &sv);
	INT_EQ(sv.nr, 3, "flow list");
	STR_EQ(sv.nr > 1 ? sv.v[1] : NULL, "b", "flow list item unquoted");
	strvec_clear(&sv);
	frontmatter_get_list(fm, len, "block", &sv);
	INT_EQ(sv.nr, 2, "block list");
	STR_EQ(sv.nr > 1 ? sv.v[1] : NULL, "y", "block list item unquoted");
	strvec_clear(&sv);
}
