/*
 * test_parse_head: parse_adr_status(), the history walk's parse, must give
 * the id, title and status parse_adr() gives, whether it cut the Markdown
 * body at parse_md_head_len() or fell back to the whole body.  Each row
 * says whether the cut is expected, so a rule that stops cutting (or cuts
 * where it must not) fails here and not only in the timings.
 *
 * parse_status_files compares the two on real files: with
 * ADRLOG_PARSE_FILES naming a list of paths (one per line), as t9012 runs
 * it over every version of every corpus ADR; without it, it checks nothing.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "parse.h"
#include "parse_int.h"
#include "strbuf.h"

struct head_row {
	const char *what, *text;
	int cut;	/* parse_md_head_len() must cut the body */
};

static const struct head_row head_rows[] = {
	{ "Nygard", "# 1. T\n\nDate: 2024-01-02\n\n## Status\n\nAccepted\n\n## Context\n\nLong.\n", 1 },
	{ "status line before h2", "# T\n\nStatus: Proposed\n\n## Context\n\nx\n", 1 },
	{ "list of fields", "# T\n\n* Status: accepted\n* Date: 2020\n\n## Context\n\nx\n", 1 },
	{ "table", "# T\n\n| Metadata | Value |\n|---|---|\n| Status | Approved |\n\n## Context\n", 1 },
	{ "setext title", "Title 12\n========\n\nStatus: Accepted\n\n## Context\n", 1 },
	{ "translation", "# T\n\n## Statut\n\nAccept\xC3\xA9\n\n## Contexte\n\nx\n", 1 },
	{ "quote left open", "# T\n\n> Status: Accepted\n\n## Context\n\n> more\n", 1 },
	{ "closed comment", "# T\n\n<!-- the status -->\n\n## Status\n\nAccepted\n\n## C\n", 1 },
	{ "comment that ends where it starts", "# T\n\n<!-->\n\n## Status\n\nRejected\n\n## C\n", 1 },
	{ "fence before the cut",
	  "# T\n\n```\n## Status\n\nAccepted\n\n## x\n```\n\n## Status\n\nRejected\n", 0 },
	{ "tilde fence", "# T\n\nStatus: a\n~~~\n\n## C\n\n~~~\n\n## Status\n\nRejected\n", 0 },
	{ "open comment", "# T\n\n<!--\nStatus: a\n\n## Status\n\nAccepted\n\n## C\n-->\n", 0 },
	{ "pre block", "# T\n\n<pre>\nStatus: a\n\n## C\n</pre>\n\n## Status\n\nRejected\n", 0 },
	{ "processing instruction", "# T\n\n<?x\nStatus: a\n\n## C\n?>\n", 0 },
	{ "reference after the cut", "# T\n\n## Status\n\n[Accepted][a]\n\n## C\n\n[a]: http://x\n", 0 },
	{ "status heading empty before the cut",
	  "# T\n\n## Status\n\n## Context\n\nStatus: Accepted\n\n## Decision\n", 1 },
	{ "no title in the head", "## Status\n\nAccepted\n\n## C\n\n# 12. Later title\n", 1 },
	{ "heading right after the line", "# T\nStatus: Accepted\n## Context\n", 0 },
	{ "no status word", "# T\n\n## Context\n\nx\n", 0 },
	{ "front matter status", "---\nstatus: accepted\n---\n# 7. T\n\nstatus quo\n\n## Context\n", 1 },
	{ "title after the status", "Status: Accepted\n\n## C\n\n# ADR-9 Title\n", 1 },
	{ "dated log", "# T\n\n## Status\n\n- 2024-01-01 proposed\n- 2024-02-01 accepted\n\n## C\n", 1 },
};

/* Both parses of text as path; one failure per differing field. */
static int head_same(const char *path, const char *text, size_t len, const char *what,
		     int report)
{
	struct adr_doc a, b;
	int same;

	adr_doc_init(&a);
	adr_doc_init(&b);
	parse_adr(&a, path, text, len);
	parse_adr_status(&b, path, text, len);
	same = a.status == b.status && a.title_line == b.title_line &&
	       a.status_line == b.status_line && a.id_from_heading == b.id_from_heading &&
	       !strcmp(a.title, b.title) &&
	       (a.id ? b.id && !strcmp(a.id, b.id) : !b.id) &&
	       (a.status_raw ? b.status_raw && !strcmp(a.status_raw, b.status_raw) : !b.status_raw);
	if (report) {
		STR_EQ(b.id, a.id, what);
		STR_EQ(b.title, a.title, what);
		STR_EQ(b.status_raw, a.status_raw, what);
		INT_EQ(b.status, a.status, what);
		INT_EQ(b.status_line, a.status_line, what);
		INT_EQ(b.title_line, a.title_line, what);
	}
	adr_doc_release(&a);
	adr_doc_release(&b);
	return same;
}

TEST_GROUP(parse_status_head)
{
	for (size_t i = 0; i < sizeof(head_rows) / sizeof(*head_rows); i++) {
		const struct head_row *r = &head_rows[i];
		size_t len = strlen(r->text), body = 0;

		if (!strncmp(r->text, "---\n", 4))
			body = (size_t)(strstr(r->text + 4, "---\n") + 4 - r->text);
		/* a row with front matter has its status there: only the title is wanted */
		INT_EQ(parse_md_head_len(r->text + body, len - body, !body) < len - body, r->cut,
		       r->what);
		head_same("x.md", r->text, len, r->what, 1);
		head_same("0042-named.md", r->text, len, r->what, 1);
	}
}

/* Where the head ends: past the line most likely to hold what is wanted. */
TEST_GROUP(parse_status_head_where)
{
	static const struct {
		const char *what, *text, *cut_at;	/* cut_at NULL: no cut */
		int want_status;
	} rows[] = {
		{ "a status word in the prose is not the status line",
		  "# T\n\nThe initial status of a record is proposed.\n\n## Context\n\nx\n\n"
		  "## Status\n\nAccepted\n\n## Consequences\n\ny\n", "## Consequences", 1 },
		{ "\"state\" and \"Statement\" are not status words",
		  "# T\n\n## Problem Statement\n\nstate\n\n## Status\n\nAccepted\n\n## Next\n",
		  "## Next", 1 },
		{ "a bold status field in a list",
		  "# T\n\n* **Status**: accepted\n\n## Context\n", "## Context", 1 },
		{ "status in the front matter: the head ends after the title",
		  "# T\n\n## Context\n\nx\n\n## More\n", "## Context", 0 },
		{ "a setext title",
		  "Title\n=====\n\n## Context\n", "## Context", 0 },
		{ "no title line at all", "Some text\n\n## Context\n", NULL, 0 },
	};

	for (size_t i = 0; i < sizeof(rows) / sizeof(*rows); i++) {
		size_t len = strlen(rows[i].text);
		size_t want = rows[i].cut_at ? (size_t)(strstr(rows[i].text, rows[i].cut_at) -
							rows[i].text) : len;

		INT_EQ(parse_md_head_len(rows[i].text, len, rows[i].want_status), want,
		       rows[i].what);
	}
}

TEST_GROUP(parse_status_files)
{
	const char *list = getenv("ADRLOG_PARSE_FILES");
	char line[4096];
	size_t files = 0, cut = 0, differ = 0;
	FILE *f;

	if (!list)
		return;
	f = fopen(list, "r");
	OK(f != NULL, "cannot open %s", list);
	if (!f)
		return;
	while (fgets(line, sizeof(line), f)) {
		struct strbuf text = STRBUF_INIT;
		FILE *in;
		char buf[65536];
		size_t n;

		line[strcspn(line, "\n")] = '\0';
		if (!*line || !(in = fopen(line, "rb")))
			continue;
		while ((n = fread(buf, 1, sizeof(buf), in)) > 0)
			strbuf_add(&text, buf, n);
		fclose(in);
		files++;
		if (strlen(line) < 4 || strcmp(line + strlen(line) - 4, ".rst"))
			cut += parse_md_head_len(text.buf, text.len, 1) < text.len;
		if (!head_same(line, text.buf, text.len, line, 0)) {
			differ++;
			head_same(line, text.buf, text.len, line, 1);
		}
		strbuf_release(&text);
	}
	fclose(f);
	printf("parse_status_files: %zu files, %zu cut, %zu differ\n", files, cut, differ);
	OK(files > 0, "no files read from %s", list);
	INT_EQ(differ, 0, "files where the two parses differ");
}
