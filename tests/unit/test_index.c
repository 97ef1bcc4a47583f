/*
 * test_index: splicing the index table into a README (markers, an
 * existing table, appending; idempotence), reading an existing index
 * (tables with their column names, lists of links), and the safe write.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "harness.h"
#include "index.h"
#include "strbuf.h"
#include "xalloc.h"

static const char table[] =
	"| Number | Title | Status |\n| --- | --- | --- |\n| 1 | [A](0001-a.md) | Accepted |\n";

static char *splice(const char *old)
{
	struct strbuf sb = STRBUF_INIT;

	index_splice(&sb, old, strlen(old), table);
	return strbuf_detach(&sb, NULL);
}

/* Splice, then splice the result again: the second must change nothing. */
static void splice_case(const char *old, const char *want, const char *what)
{
	char *once = splice(old), *twice = splice(once);

	STR_EQ(once, want, what);
	STR_EQ(twice, once, what);
	free(once);
	free(twice);
}

TEST_GROUP(index_splice)
{
	splice_case("", "<!-- adrlog -->\n" "| Number | Title | Status |\n| --- | --- | --- |\n"
		    "| 1 | [A](0001-a.md) | Accepted |\n<!-- adrlogstop -->\n",
		    "an empty file gets markers and the table");
	splice_case("# ADRs\n\nIntro.", "# ADRs\n\nIntro.\n\n<!-- adrlog -->\n"
		    "| Number | Title | Status |\n| --- | --- | --- |\n"
		    "| 1 | [A](0001-a.md) | Accepted |\n<!-- adrlogstop -->\n",
		    "text without an index: appended after a blank line");
	splice_case("# ADRs\n<!-- adrlog -->\nold stuff\n| x |\n<!-- adrlogstop -->\nAfter.\n",
		    "# ADRs\n<!-- adrlog -->\n| Number | Title | Status |\n| --- | --- | --- |\n"
		    "| 1 | [A](0001-a.md) | Accepted |\n<!-- adrlogstop -->\nAfter.\n",
		    "between the markers only");
	splice_case("<!-- adrlog --><!-- adrlogstop -->\n",
		    "<!-- adrlog -->\n| Number | Title | Status |\n| --- | --- | --- |\n"
		    "| 1 | [A](0001-a.md) | Accepted |\n<!-- adrlogstop -->\n",
		    "markers on one line");
	splice_case("# ADRs\n\n| ID | Name | State |\n|:--|:--|--:|\n| 1 | Old | Draft |\n"
		    "| 8 | [Older](0008-older.md) | Draft |\n\nFooter.\n",
		    "# ADRs\n\n| Number | Title | Status |\n| --- | --- | --- |\n"
		    "| 1 | [A](0001-a.md) | Accepted |\n\nFooter.\n",
		    "an existing index table is replaced, the rest kept");
	splice_case("| Tool | Why |\n| --- | --- |\n| make | builds |\n",
		    "| Tool | Why |\n| --- | --- |\n| make | builds |\n\n<!-- adrlog -->\n"
		    "| Number | Title | Status |\n| --- | --- | --- |\n"
		    "| 1 | [A](0001-a.md) | Accepted |\n<!-- adrlogstop -->\n",
		    "a table that is no index is left alone");
	splice_case("| Name | Team | Phone |\n| --- | --- | --- |\n| Ann | Ops | 555 |\n",
		    "| Name | Team | Phone |\n| --- | --- | --- |\n| Ann | Ops | 555 |\n\n"
		    "<!-- adrlog -->\n| Number | Title | Status |\n| --- | --- | --- |\n"
		    "| 1 | [A](0001-a.md) | Accepted |\n<!-- adrlogstop -->\n",
		    "a table with a title-like column but no ADR rows is the author's data");
	splice_case("| No | Name | Phone |\n| --- | --- | --- |\n| 1 | Ann | 555 |\n",
		    "| No | Name | Phone |\n| --- | --- | --- |\n| 1 | Ann | 555 |\n\n"
		    "<!-- adrlog -->\n| Number | Title | Status |\n| --- | --- | --- |\n"
		    "| 1 | [A](0001-a.md) | Accepted |\n<!-- adrlogstop -->\n",
		    "a number that is an ADR's id is not enough without a status or its title");
	splice_case("| Name | Team |\n| --- | --- |\n| Ann | Ops |\n\n"
		    "| # | Decision |\n| --- | --- |\n| 1 | A |\n",
		    "| Name | Team |\n| --- | --- |\n| Ann | Ops |\n\n"
		    "| Number | Title | Status |\n| --- | --- | --- |\n"
		    "| 1 | [A](0001-a.md) | Accepted |\n",
		    "the first table that is an ADR index is replaced, not the first table");
	splice_case("x\n<!-- adrlog -- Regenerate with adr-log -i -->\n- old\n<!-- adrlogstop -->\n",
		    "x\n<!-- adrlog -- Regenerate with adr-log -i -->\n"
		    "| Number | Title | Status |\n| --- | --- | --- |\n"
		    "| 1 | [A](0001-a.md) | Accepted |\n<!-- adrlogstop -->\n",
		    "npm adr-log's marker is kept and used");
	splice_case("<!-- adrlogstop -->\n<!-- adrlog -->\n",
		    "<!-- adrlogstop -->\n<!-- adrlog -->\n\n<!-- adrlog -->\n"
		    "| Number | Title | Status |\n| --- | --- | --- |\n"
		    "| 1 | [A](0001-a.md) | Accepted |\n<!-- adrlogstop -->\n",
		    "markers in the wrong order are not a region");
}

TEST_GROUP(index_parse_table)
{
	struct index_rows rows = INDEX_ROWS_INIT;
	const char *md =
		"# Decisions\n"
		"\n"
		"| Number | Title | Status |\n"
		"|--------|-------|--------|\n"
		"| [0001](0001-record.md) | Record `architecture` decisions | **Accepted** |\n"
		"| ADR-012-2 | [ADR-012-2: Sub](0012-2-sub.md) | Implemented |\n"
		"| 23 | Pipes \\| and more | Superseded by [ADR-24](0024-x.md) |\n"
		"| | no id | Accepted |\n"
		"\n"
		"| 99 | after the table | x |\n";

	index_parse(&rows, md, strlen(md));
	INT_EQ(rows.line, 3, "the table's header line");
	INT_EQ(rows.is_table, 1, "a table");
	INT_EQ(rows.has_status, 1, "with a status column");
	INT_EQ(rows.nr, 4, "rows until the first line without a pipe");
	STR_EQ(rows.v[0].id, "1", "id from a linked number");
	STR_EQ(rows.v[0].title, "Record architecture decisions", "markup removed");
	STR_EQ(rows.v[0].status, "Accepted", "emphasis removed");
	INT_EQ(rows.v[0].line, 5, "row line");
	STR_EQ(rows.v[1].id, "12-2", "ADR- prefix and sub-number");
	STR_EQ(rows.v[1].title, "Sub", "id prefix removed from the title");
	STR_EQ(rows.v[2].title, "Pipes | and more", "escaped pipe");
	STR_EQ(rows.v[2].status, "Superseded by ADR-24", "links become text");
	STR_EQ(rows.v[3].id, NULL, "a row without an id");
	index_rows_clear(&rows);

	md = "| # | Decision |\n| - | - |\n| 4 | Four |\n";
	index_parse(&rows, md, strlen(md));
	INT_EQ(rows.nr, 1, "# and Decision columns");
	INT_EQ(rows.has_status, 0, "no status column");
	STR_EQ(rows.v[0].status, NULL, "no status cell");
	STR_EQ(rows.v[0].id, "4", "id from #");
	index_rows_clear(&rows);

	md = "| Title | Status |\n| --- | --- |\n| [Use X](docs/0005-use-x.md) | Accepted |\n";
	index_parse(&rows, md, strlen(md));
	STR_EQ(rows.v[0].id, "5", "no number column: the id of the linked file");
	index_rows_clear(&rows);

	md = "| Tool | Why |\n| --- | --- |\n| make | builds |\n";
	index_parse(&rows, md, strlen(md));
	INT_EQ(rows.line, 0, "a table without a title column is no index");
	index_rows_clear(&rows);

	md = "| Number | Title |\nnot a delimiter\n| 1 | x |\n";
	index_parse(&rows, md, strlen(md));
	INT_EQ(rows.line, 0, "a header without a delimiter row is no table");
	index_rows_clear(&rows);

	md = "| Number | Title |\r\n| --- | --- |\r\n| 3 | Three |\r\n";
	index_parse(&rows, md, strlen(md));
	STR_EQ(rows.nr ? rows.v[0].title : NULL, "Three", "CRLF lines");
	index_rows_clear(&rows);
}

TEST_GROUP(index_parse_list)
{
	struct index_rows rows = INDEX_ROWS_INIT;
	const char *md =
		"# Architecture Decision Records\n"
		"\n"
		"See [the template](template.md) and [README](README.md).\n"
		"\n"
		"* [1. Record architecture decisions](0001-record-architecture-decisions.md)\n"
		"- [ADR-0002](0002-use-nats.md) - Use NATS\n"
		"1. [ADR-17-1: Clusters](adr/0017-1-clusters.md)\n"
		"* [not an ADR](notes.md)\n"
		"* plain item\n";

	index_parse(&rows, md, strlen(md));
	INT_EQ(rows.is_table, 0, "a list");
	INT_EQ(rows.has_status, 0, "lists carry no status");
	INT_EQ(rows.line, 5, "first item's line");
	INT_EQ(rows.nr, 3, "only items linking ADR files");
	STR_EQ(rows.v[0].id, "1", "id from the link target");
	STR_EQ(rows.v[0].title, "Record architecture decisions", "number prefix removed");
	STR_EQ(rows.v[1].title, "Use NATS", "title after the link");
	STR_EQ(rows.v[2].id, "17-1", "sub-numbered target");
	STR_EQ(rows.v[2].title, "Clusters", "ADR-17-1: prefix removed");
	index_rows_clear(&rows);

	md = "intro\n| Number | Title |\n| --- | --- |\n| 9 | Outside |\n"
	     "<!-- adrlog -->\n* [Inside](0003-inside.md)\n<!-- adrlogstop -->\n";
	index_parse(&rows, md, strlen(md));
	INT_EQ(rows.nr, 1, "markers limit the index");
	STR_EQ(rows.nr ? rows.v[0].id : NULL, "3", "the row between the markers");
	INT_EQ(rows.line, 6, "line numbers count from the file's start");
	index_rows_clear(&rows);

	index_parse(&rows, "", 0);
	INT_EQ(rows.line, 0, "empty text has no index");
	index_rows_clear(&rows);

	md = "## ADRs\n\n"
	     "<!-- adrlog -- Regenerate the content by using \"adr-log -i\". -->\n\n"
	     "- [ADR-0000](0000-use-madr.md) - Use Markdown ADRs\n"
	     "- [ADR-0003](0003-push.md) - [Superseded by [ADR-0019](0019-thanos.md)] Push Metrics\n"
	     "- [ADR-106: gRPC API](adr-106-grpc-api)\n"
	     "- [site](https://example.com/0007-x.md)\n"
	     "<!-- adrlogstop -->\n";
	index_parse(&rows, md, strlen(md));
	INT_EQ(rows.markers, 1, "npm adr-log's start marker");
	INT_EQ(rows.nr, 3, "three ADR links (not the URL)");
	STR_EQ(rows.nr > 1 ? rows.v[1].title : NULL, "Push Metrics", "bracketed status skipped");
	STR_EQ(rows.nr > 2 ? rows.v[2].id : NULL, "106", "a link without extension");
	index_rows_clear(&rows);

	md = "<!-- adrlog -->\n<!-- adrlogstop -->\n";
	index_parse(&rows, md, strlen(md));
	INT_EQ(rows.line, 1, "empty markers are an empty index");
	INT_EQ(rows.nr, 0, "with no rows");
	index_rows_clear(&rows);

	md = "| ADR \\# | Description | Status |\n| --- | --- | --- |\n| [001](./adr-001-x.md) | Coins | Accepted, Implemented |\n";
	index_parse(&rows, md, strlen(md));
	INT_EQ(rows.nr, 1, "ADR # and Description columns (ibc-go)");
	STR_EQ(rows.nr ? rows.v[0].title : NULL, "Coins", "description is the title");
	INT_EQ(rows.weak_title, 1, "but only a weak one");
	index_rows_clear(&rows);

	md = "| Number | Title |\n| --- | --- |\n| 006 | [Refactor](adr-006-02-client-refactor.md) |\n";
	index_parse(&rows, md, strlen(md));
	STR_EQ(rows.nr ? rows.v[0].id : NULL, "6-2", "the linked file's id wins over the number");
	index_rows_clear(&rows);

	md = "| Key | Description |\n| --- | --- |\n| a | b |\n";
	index_parse(&rows, md, strlen(md));
	INT_EQ(rows.line, 0, "Description without a number column is no index");
	index_rows_clear(&rows);
}

TEST_GROUP(index_title_key)
{
	struct strbuf sb = STRBUF_INIT;

	index_title_key(&sb, "Use `NATS` for Messaging!");
	STR_EQ(sb.buf, "usenatsformessaging", "letters and digits, lower-cased");
	strbuf_reset(&sb);
	index_title_key(&sb, NULL);
	STR_EQ(sb.buf, "", "NULL is empty");
	index_title_key(&sb, "[Superseded by [ADR-19](x.md)] Push Metrics");
	STR_EQ(sb.buf, "pushmetrics", "a leading bracketed status is skipped");
	strbuf_release(&sb);
}

TEST_GROUP(index_write_file)
{
	char dir[] = "/tmp/adrlog-index-XXXXXX";
	struct strbuf path = STRBUF_INIT;
	struct stat st;
	int changed = -1;
	FILE *f;
	char buf[64] = "";

	OK(mkdtemp(dir) != NULL, "temp dir");
	strbuf_addf(&path, "%s/README.md", dir);
	INT_EQ(index_write_file(NULL, path.buf, "one\n", 4, &changed), 0, "create");
	INT_EQ(changed, 1, "a new file is a change");
	chmod(path.buf, 0640);
	INT_EQ(index_write_file(NULL, path.buf, "one\n", 4, &changed), 0, "same content");
	INT_EQ(changed, 0, "same content is no change");
	INT_EQ(index_write_file(NULL, path.buf, "two\n", 4, &changed), 0, "rewrite");
	INT_EQ(changed, 1, "new content is a change");
	OK(stat(path.buf, &st) == 0 && (st.st_mode & 0777) == 0640, "mode kept");
	f = fopen(path.buf, "r");
	OK(f && fgets(buf, sizeof(buf), f), "read back");
	if (f)
		fclose(f);
	STR_EQ(buf, "two\n", "content replaced");
	unlink(path.buf);
	strbuf_reset(&path);
	strbuf_addf(&path, "%s/missing/README.md", dir);
	OK(index_write_file(NULL, path.buf, "x", 1, NULL) < 0, "a missing folder fails");
	rmdir(dir);
	strbuf_release(&path);
}
