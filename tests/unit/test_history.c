/*
 * test_history: the history engine's pure parts: lineage union-find and
 * the lists it folds, snapshots (sharing, tombstones, lookup by lineage),
 * the string pool, the range / id arguments of the commands, the raw
 * commit header reader and the mention pre-filter.
 */
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "history.h"
#include "lineage.h"
#include "link.h"
#include "snapshot.h"
#include "walk.h"

TEST_GROUP(lineage)
{
	struct lineages set = { 0 };
	struct lin *a = lineage_new(&set), *b = lineage_new(&set), *c = lineage_new(&set);
	git_oid blob;

	memset(&blob, 0, sizeof(blob));
	OK(lineage_find(a) == a && lineage_find(b) == b, "new lineages are roots");
	OK(lineage_union(c, b) == b, "the older survives a union");
	OK(lineage_union(b, a) == a, "and again");
	OK(lineage_find(c) == a, "find follows every union");
	lineage_edit(a, 5);
	lineage_edit(c, 2);
	lineage_edit(c, 2);
	lineage_ref(b, 9);
	lineage_ref(a, 1);
	lineage_seen(c, 7, "docs/adr/0002-x.md", "2", &blob);
	lineage_seen(a, 3, "docs/adr/0001-x.md", "1", &blob);
	lineage_finish(&set);
	INT_EQ(a->edits.nr, 2, "edits folded, duplicates dropped");
	INT_EQ(a->edits.v[0], 2, "edits oldest first");
	INT_EQ(a->refs.nr, 2, "refs folded");
	INT_EQ(a->refs.v[1], 9, "refs oldest first");
	INT_EQ(a->paths_nr, 2, "paths folded");
	STR_EQ(a->paths[0].path, "docs/adr/0001-x.md", "paths in commit order");
	STR_EQ(a->last_id, "2", "the newest version wins");
	OK(u32vec_has(&a->edits, 5) && !u32vec_has(&a->edits, 4), "u32vec_has");
	lineages_free(&set);
}

TEST_GROUP(snapshot)
{
	struct strpool pool = { 0 };
	struct lineages set = { 0 };
	struct lin *l1 = lineage_new(&set), *l2 = lineage_new(&set);
	const char *p1 = strpool_intern(&pool, "docs/adr/0001-a.md");
	const char *p2 = strpool_intern(&pool, "docs/adr/0002-b.md");
	struct snapshot *s = snapshot_new(), *c;
	git_oid blob;

	memset(&blob, 1, sizeof(blob));
	OK(strpool_intern(&pool, "docs/adr/0001-a.md") == p1, "interning gives one pointer");
	OK(strpool_find(&pool, "nope") == NULL, "find does not intern");
	snapshot_set(s, p1, "1", l1, &blob, ADR_STATUS_ACCEPTED);
	snapshot_set(s, p2, "2", l2, &blob, ADR_STATUS_PROPOSED);
	c = snapshot_copy(s);
	snapshot_kill(c, p1);
	OK(snapshot_get(s, p1)->live, "a copy does not change the original");
	OK(!snapshot_get(c, p1)->live && snapshot_get(c, p1)->lin == l1,
	   "a killed entry is a tombstone that keeps its lineage");
	OK(snapshot_find_lin(c, l1) == NULL, "tombstones are not live versions");
	lineage_union(l1, l2);
	OK(snapshot_find_lin(c, l1) == snapshot_get(c, p2),
	   "lookup by lineage sees unions");
	snapshot_del(c, p2);
	OK(snapshot_get(c, p2) == NULL, "del leaves no tombstone");
	OK(snapshot_ref(s) == s && s->refs == 2, "ref counts");
	snapshot_unref(s);
	snapshot_unref(s);
	snapshot_unref(c);
	lineages_free(&set);
	strpool_clear(&pool);
}

TEST_GROUP(history_args)
{
	struct history_opts o = HISTORY_OPTS_INIT;
	char r1[] = "v1..v2", r2[] = "v1..", r3[] = "..v2", r4[] = "main",
	     r5[] = "a...b", r6[] = "..";
	char *id;

	OK(history_parse_range(&o, NULL) == 0 && !o.tip && !o.hide, "no range: HEAD");
	OK(history_parse_range(&o, r1) == 0, "A..B");
	STR_EQ(o.hide, "v1", "A..B hides A");
	STR_EQ(o.tip, "v2", "A..B walks B");
	OK(history_parse_range(&o, r2) == 0, "A..");
	STR_EQ(o.tip, "HEAD", "A.. walks HEAD");
	OK(history_parse_range(&o, r3) == 0, "..B");
	STR_EQ(o.hide, "HEAD", "..B hides HEAD");
	OK(history_parse_range(&o, r4) == 0 && !o.hide, "a single revision");
	STR_EQ(o.tip, "main", "is the tip");
	OK(history_parse_range(&o, r5) < 0, "A...B is refused");
	OK(history_parse_range(&o, r6) < 0, ".. is refused");

	id = history_parse_id("ADR-0012");
	STR_EQ(id, "12", "ADR-0012");
	free(id);
	id = history_parse_id("017-1");
	STR_EQ(id, "17-1", "sub-numbers");
	free(id);
	id = history_parse_id("adr#5");
	STR_EQ(id, "5", "adr#5");
	free(id);
	OK(history_parse_id("twelve") == NULL, "words are no id");
	OK(history_parse_id("12a") == NULL, "trailing letters are no id");
	OK(history_parse_id("1-2-3") == NULL, "one sub-number at most");
}

TEST_GROUP(commit_info)
{
	static const char raw[] =
		"tree 4b825dc642cb6eb9a060e54bf8d69288fbee4904\n"
		"parent 0123456789012345678901234567890123456789\n"
		"author Ana B. Cruz <ana@example.com> 1700000000 -0430\n"
		"committer C O Mitter <c@example.com> 1700000100 +0000\n"
		"\n"
		"  Use NATS\nfor events\n\nBody text.\n";
	struct adr_commit c;

	memset(&c, 0, sizeof(c));
	INT_EQ(walk_commit_info(&c, raw, sizeof(raw) - 1), 0, "a commit parses");
	STR_EQ(c.author, "Ana B. Cruz <ana@example.com>", "author as Name <mail>");
	STR_EQ(c.date, "2023-11-14T17:43:20-04:30", "author date in its own offset");
	INT_EQ(c.time, 1700000000, "author time");
	STR_EQ(c.subject, "Use NATS for events", "subject: first paragraph, one line");
	free(c.author);
	free(c.date);
	free(c.subject);
	memset(&c, 0, sizeof(c));
	OK(walk_commit_info(&c, "tree x\n\nmsg", 11) < 0, "no author line: refused");
}

TEST_GROUP(link_prefilter)
{
	OK(link_may_mention("see ADR-12", 10), "ADR");
	OK(link_may_mention("feat(adr8): x", 13), "lower-case adr");
	OK(link_may_mention("edit docs/x.MD", 14), "a document name");
	OK(link_may_mention("x.rst", 5), "rst");
	OK(!link_may_mention("bump the version", 16), "nothing to scan");
	OK(!link_may_mention("ad", 2), "short text");
}
