/*
 * test_parse: parse_adr() over every title/status/date form of SPEC
 * section 1 and the near-misses around them, one row per form; odd forms
 * found in the real corpus have their own rows.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "parse.h"
#include "strbuf.h"

struct row {
	const char *path, *text;
	const char *id, *title, *status_raw, *status, *date;
	unsigned title_line, status_line;
};

static const struct row rows[] = {
	/* adr-tools / Nygard */
	{ "0001-record.md", "# 1. Record decisions\n\nDate: 2024-01-02\n\n## Status\n\nAccepted\n\n## Context\n",
	  "1", "Record decisions", "Accepted", "accepted", "2024-01-02", 1, 7 },
	{ "0002-x.md", "# 2. X\n\n## Status\n\nSupercedes [1. Record](0001-record.md)\n\nAccepted\n",
	  "2", "X", "Supercedes 1. Record", "unknown", NULL, 1, 5 },
	{ "0003-x.md", "# ADR-023: Deploy\n\n## Status\n\n*Accepted*\n",
	  "3", "Deploy", "Accepted", "accepted", NULL, 1, 5 },
	{ "0004-x.md", "# ADR 001: Title\n\n## Status\n\n✅ Accepted\n",
	  "4", "Title", "✅ Accepted", "accepted", NULL, 1, 5 },
	{ "0005-x.md", "# 0023 - Title\n\nStatus\n------\n\nPROPOSED\n",
	  "5", "Title", "PROPOSED", "proposed", NULL, 1, 6 },
	{ "0006-x.md", "Setext *Title*\n=============\n\n### status\n\n- Accepted, implemented in v6\n",
	  "6", "Setext Title", "Accepted, implemented in v6", "accepted", NULL, 1, 6 },
	{ "0007-x.md", "# T\n\n## Status\n\n> Superseded by [ADR-5](0005-x.md)\n",
	  "7", "T", "Superseded by ADR-5", "superseded", NULL, 1, 5 },
	{ "0008-x.md", "# T\n\n## Status\n\n<!-- one of: proposed, accepted -->\n\n`Accepted` <b>now</b>\n",
	  "8", "T", "Accepted now", "accepted", NULL, 1, 7 },
	/* a Status heading with nothing under it: a later one is tried */
	{ "0009-x.md", "# T\n\n## Status\n\n## Context\n\n## Status\n\nRejected\n",
	  "9", "T", "Rejected", "rejected", NULL, 1, 9 },
	{ "0010-x.md", "# T\n\n## Status\n\n```\naccepted\n```\n",
	  "10", "T", NULL, NULL, NULL, 1, 0 },
	{ "0011-x.md", "# T\n\n## Status\n",
	  "11", "T", NULL, NULL, NULL, 1, 0 },
	/* status lines before the first level-2 heading */
	{ "0012-x.md", "# T\n\nStatus: Accepted\nDate: 2020-05-06\n",
	  "12", "T", "Accepted", "accepted", "2020-05-06", 1, 3 },
	{ "0013-x.md", "* Status: accepted\n* Deciders: me\n* Date: 2019-01-02\n\n# MADR title\n",
	  "13", "MADR title", "accepted", "accepted", "2019-01-02", 5, 1 },
	{ "0014-x.md", "# T\n\n- Status: proposed\n",
	  "14", "T", "proposed", "proposed", NULL, 1, 3 },
	{ "0015-x.md", "# T\n\n**Status**: Approved\n",
	  "15", "T", "Approved", "accepted", NULL, 1, 3 },
	{ "0016-x.md", "# T\n\n**Status:** Deprecated\n",
	  "16", "T", "Deprecated", "deprecated", NULL, 1, 3 },
	{ "0017-x.md", "# T\n\n| Field | Value |\n| --- | --- |\n| Status | Done |\n| Date | 2021-03-04 |\n",
	  "17", "T", "Done", "implemented", NULL, 1, 5 },
	{ "0018-x.md", "# T\n\n:Status: WIP\n",
	  "18", "T", "WIP", "proposed", NULL, 1, 3 },
	{ "0019-x.md", "# T\n\n## Context\n\nStatus: accepted\n",
	  "19", "T", NULL, NULL, NULL, 1, 0 },
	{ "0020-x.md", "# T\n\nThe status: quo\n",
	  "20", "T", NULL, NULL, NULL, 1, 0 },
	{ "0021-x.md", "# T\n\nStatus: in progress (2022-02-03)\n",
	  "21", "T", "in progress (2022-02-03)", "proposed", "2022-02-03", 1, 3 },
	{ "0022-x.md", "# T\n\nStatus: Superseeded\n",
	  "22", "T", "Superseeded", "superseded", NULL, 1, 3 },
	{ "0023-x.md", "# T\n\nStatus: what is the status?\n",
	  "23", "T", "what is the status?", "unknown", NULL, 1, 3 },
	/* whichever comes first: line before heading */
	{ "0024-x.md", "# T\n\nStatus: proposed\n\n## Status\n\naccepted\n",
	  "24", "T", "proposed", "proposed", NULL, 1, 3 },
	{ "0025-x.md", "# T\n\n## Status\n\naccepted\n\nStatus: proposed\n",
	  "25", "T", "accepted", "accepted", NULL, 1, 5 },
	/* front matter */
	{ "0026-x.md", "---\nstatus: \"accepted\"\ndate: 2023-04-05\ntitle: FM title\n---\n\nNo heading.\n",
	  "26", "FM title", "accepted", "accepted", "2023-04-05", 4, 2 },
	{ "0027-x.md", "---\nstatus: 'superseded by [ADR-0005](0005-example.md)'\n---\n# Real title\n\n## Status\n\nproposed\n",
	  "27", "Real title", "superseded by ADR-0005", "superseded", NULL, 4, 2 },
	{ "0028-x.md", "---\nstatus: x\n", /* unclosed: not front matter */
	  "28", "x", "x", "unknown", NULL, 0, 2 },
	{ "0029-x.md", "---\ntitle: t\n...\n# H\n",
	  "29", "H", NULL, NULL, NULL, 4, 0 },
	{ "0030-x.md", "---\nstatus:\n---\n# H\n\nStatus: rejected\n",
	  "30", "H", "rejected", "rejected", NULL, 4, 6 },
	/* ids and titles from the heading, slugs */
	{ "docs/adr/use-nats.md", "# ADR-5: Use NATS\n",
	  "5", "Use NATS", NULL, NULL, NULL, 1, 0 },
	{ "docs/adr/use-nats.md", "# 5. Use NATS\n", "5", "Use NATS", NULL, NULL, NULL, 1, 0 },
	{ "docs/adr/use-nats.md", "# Use NATS\n", NULL, "Use NATS", NULL, NULL, NULL, 1, 0 },
	{ "docs/adr/notes.md", "Text\n\n## ADR-5: not level 1\n", NULL, "notes", NULL, NULL, NULL, 0, 0 },
	{ "adr/0031-use-the-thing.md", "no heading\n", "31", "use-the-thing", NULL, NULL, NULL, 0, 0 },
	{ "adr/0032.md", "", "32", "0032", NULL, NULL, NULL, 0, 0 },
	{ "adr/0033-x.md", "# [Linked](http://x) `code` *title*\n", "33", "Linked code title", NULL, NULL, NULL, 1, 0 },
	{ "adr/0034-x.md", "# 34.\n\n## Status\n\nDraft\n", "34", "x", "Draft", "draft", NULL, 0, 5 },
	/* robustness */
	{ "0035-x.md", "\xEF\xBB\xBF# T\r\n\r\n## Status\r\n\r\nAccepted\r\n",
	  "35", "T", "Accepted", "accepted", NULL, 1, 5 },
	{ "0036-x.md", "# T\xff\xfe\n\n## Status\n\nAccepted\n",
	  "36", "T\xEF\xBF\xBD\xEF\xBF\xBD", "Accepted", "accepted", NULL, 1, 5 },
	{ "0037-x.md", "# T\r## Status\rRejected\r",
	  "37", "T", "Rejected", "rejected", NULL, 1, 3 },
	/* corpus forms: nats pipe tables without spaces, MoJ emoji */
	{ "adr/ADR-5.md", "# Lame Duck\n\n|Metadata|Value|\n|--------|-----|\n|Date    |2020-07-20|\n|Status  |Partially Implemented|\n\n## Context\n",
	  "5", "Lame Duck", "Partially Implemented", "unknown", NULL, 1, 6 },
	{ "0004-x.md", "# 4. X\n\nDate: 2020-11-19\n\n## Status\n\n\xE2\x8C\x9B\xEF\xB8\x8F Superseded [0019](0019-y.md)\n",
	  "4", "X", "\xE2\x8C\x9B\xEF\xB8\x8F Superseded 0019", "superseded", "2020-11-19", 1, 7 },
	/* elastisys: a link inside the title */
	{ "0003-x.md", "# [Superseded by [ADR-0019](0019-y.md)] Push\n\n- Status: superseded by [ADR-0019](0019-y.md)\n- Date: 2020-11-19\n",
	  "3", "[Superseded by ADR-0019] Push", "superseded by ADR-0019", "superseded", "2020-11-19", 1, 3 },
	/* semantic-kernel: front matter comments and placeholders */
	{ "0057-x.md", "---\n# optional\nstatus: { in-progress }\ndate: { 2024-09-10 }\n---\n\n# T\n",
	  "57", "T", "{ in-progress }", "proposed", "2024-09-10", 7, 3 },
	/* rev2: thematic breaks after a Status heading are skipped */
	{ "0040-x.md", "# T\n\n## Status\n\n---\n\nAccepted\n", "40", "T", "Accepted", "accepted", NULL, 1, 7 },
	{ "0041-x.md", "# T\n\n## Status\n***\n<!-- c -->\n___\n\n- Rejected\n", "41", "T", "Rejected", "rejected", NULL, 1, 8 },
	{ "0042-x.md", "# T\n\n## Status\n\n---\n\n## Context\n", "42", "T", NULL, NULL, NULL, 1, 0 },
	/* rev2: a table whose header row has a Status column */
	{ "0043-x.md", "# T\n\n| Status | Date | Author(s) |\n|---|---|---|\n| Accepted | 2021-02-03 | me |\n",
	  "43", "T", "Accepted", "accepted", NULL, 1, 3 },
	{ "0044-x.md", "# T\n\n| Date | Status |\n| :-- | :-: |\n| 2021-02-03 | **Proposed** |\n",
	  "44", "T", "Proposed", "proposed", NULL, 1, 3 },
	{ "0045-x.md", "# T\n\n| Status | Accepted |\n|---|---|\n| Date | 2021-02-03 |\n",
	  "45", "T", "Accepted", "accepted", NULL, 1, 3 },
	{ "0046-x.md", "# T\n\n| Status | Date |\n|---|---|\n\n## Context\n", "46", "T", NULL, NULL, NULL, 1, 0 },
	/* rev2: a dated status log gives its last dated line */
	{ "0047-x.md", "# T\n\n## Status\n\n2024-01-01 proposed\n2024-02-01 accepted\n",
	  "47", "T", "2024-02-01 accepted", "accepted", "2024-02-01", 1, 6 },
	{ "0048-x.md", "# T\n\n## Status\n\n- 2024-01-01 proposed\n- 2024-02-01 accepted\n- 2024-03-01: deprecated\n\nMore.\n",
	  "48", "T", "2024-03-01: deprecated", "deprecated", "2024-03-01", 1, 7 },
	{ "0049-x.md", "# T\n\n## Status\n\n* **2024-01-01** Proposed\n* Accepted later\n",
	  "49", "T", "2024-01-01 Proposed", "proposed", "2024-01-01", 1, 5 },
	{ "0050-x.md", "# T\n\n## Status\n\nAccepted\n2024-01-01\n", "50", "T", "Accepted", "accepted", NULL, 1, 5 },
	/* rev2: braces, brackets, choices */
	{ "0051-x.md", "# T\n\n## Status\n\n[proposed | accepted | rejected]\n", "51", "T", "[proposed | accepted | rejected]", "unknown", NULL, 1, 5 },
	{ "0052-x.md", "# T\n\n## Status\n\n\\[Accepted\\]\n", "52", "T", "[Accepted]", "accepted", NULL, 1, 5 },
	/* rev2: titles keep escapes and code spans; only real inline HTML goes */
	{ "0053-x.md", "# Span\\<T\\> and `Lease<T>` <b>bold</b>\n", "53", "Span<T> and Lease<T> bold", NULL, NULL, NULL, 1, 0 },
	{ "0054-x.md", "# A \\*star\\* &amp; <not html\n", "54", "A *star* & <not html", NULL, NULL, NULL, 1, 0 },
	/* rev2: front matter block scalars */
	{ "0055-x.md", "---\ntitle: |\n  Use a block\n  scalar title\nstatus: >-\n  accepted\n---\n\nBody\n",
	  "55", "Use a block scalar title", "accepted", "accepted", NULL, 2, 5 },
	{ "0056-x.md", "---\ntitle: >\n\n  Folded\n    text\n\ndate: 2021-01-01\n---\n", "56", "Folded text", NULL, NULL, "2021-01-01", 2, 0 },
	/* rev2: the file-name fallback; date-prefixed names */
	{ "adr/2021-06-05_001-use-x.md", "no heading\n", "1", "use-x", NULL, NULL, NULL, 0, 0 },
	{ "adr/2021-06-05-use-x.md", "", "20210605", "use-x", NULL, NULL, NULL, 0, 0 },
	{ "adr/0057-2fa-login.md", "", "57", "2fa-login", NULL, NULL, NULL, 0, 0 },
	{ "adr/adr-017-1-nats.md", "", "17-1", "nats", NULL, NULL, NULL, 0, 0 },
	/* rev2: dates need the colon and a real calendar day */
	{ "0058-x.md", "# T\n\nDate 2021-01-02\n\nStatus: accepted\n", "58", "T", "accepted", "accepted", NULL, 1, 5 },
	{ "0059-x.md", "# T\n\nDate: 2023-13-10\nStatus: accepted 2023-02-30, 2023-02-28\n", "59", "T", "accepted 2023-02-30, 2023-02-28", "accepted", "2023-02-28", 1, 4 },
	{ "0060-x.md", "# T\n\n* **Date:** 2024-02-29\n", "60", "T", NULL, NULL, "2024-02-29", 1, 0 },
	{ "0061-x.md", "# T\n\n| Date | 2021-01-02 |\n", "61", "T", NULL, NULL, NULL, 1, 0 },
	/* SPEC 1a: status headings and line forms in other languages */
	{ "0062-x.md", "# Utiliser NATS\n\n## Statut\n\nAccepté\n", "62", "Utiliser NATS", "Accepté", "accepted", NULL, 1, 5 },
	{ "0063-x.md", "# Usar NATS\n\n## Estado\n\nPropuesta\n", "63", "Usar NATS", "Propuesta", "proposed", NULL, 1, 5 },
	{ "0064-x.md", "# Usar NATS\n\n## Estado\n\nSubstituído por ADR-3\n", "64", "Usar NATS", "Substituído por ADR-3", "superseded", NULL, 1, 5 },
	{ "0065-x.md", "# Usare NATS\n\n## Stato\n\nRifiutato\n", "65", "Usare NATS", "Rifiutato", "rejected", NULL, 1, 5 },
	{ "0066-x.md", "# NATS verwenden\n\n## STATUS\n\nAngenommen\n", "66", "NATS verwenden", "Angenommen", "accepted", NULL, 1, 5 },
	{ "0067-x.md", "# Использовать NATS\n\n## СТАТУС\n\nУстарело\n", "67", "Использовать NATS", "Устарело", "deprecated", NULL, 1, 5 },
	{ "0068-x.md", "# 使用 NATS\n\n## 状态\n\n已接受\n", "68", "使用 NATS", "已接受", "accepted", NULL, 1, 5 },
	{ "0069-x.md", "# 使用 NATS\n\n## 狀態：\n\n已拒绝\n", "69", "使用 NATS", "已拒绝", "rejected", NULL, 1, 5 },
	{ "0070-x.md", "# NATS を使う\n\n## ステータス\n\n承認済み\n", "70", "NATS を使う", "承認済み", "accepted", NULL, 1, 5 },
	{ "0071-x.md", "# T\n\nStatut : Proposé\n", "71", "T", "Proposé", "proposed", NULL, 1, 3 },
	{ "0072-x.md", "# T\n\n- Estado: Obsoleto\n", "72", "T", "Obsoleto", "deprecated", NULL, 1, 3 },
	{ "0073-x.md", "# T\n\nステータス：却下\n", "73", "T", "却下", "rejected", NULL, 1, 3 },
	{ "0074-x.md", "# T\n\n## Statuses\n\nAccepted\n", "74", "T", NULL, NULL, NULL, 1, 0 },
	/* reStructuredText */
	{ "0001-x.rst", "1. Purpose of this Repo\n=======================\n\nStatus\n------\n\nAccepted\n\nContext\n-------\n",
	  "1", "Purpose of this Repo", "Accepted", "accepted", NULL, 1, 7 },
	{ "0010_audit.rst", "10. Audit logging\n#################\n\nStatus\n******\n\n- **Accepted** 2023-02-07\n",
	  "10", "Audit logging", "Accepted 2023-02-07", "accepted", "2023-02-07", 1, 7 },
	{ "0006_x.rst", "6. Areas\n########\n\nStatus\n******\n\nSuperseded by `ADR 8 Project structure`_.\n",
	  "6", "Areas", "Superseded by ADR 8 Project structure.", "superseded", NULL, 1, 7 },
	{ "0007-x.rst", "=====\nTitle\n=====\n\n:Status: Proposed\n:Date: 2021-01-02\n\nBody\n----\n",
	  "7", "Title", "Proposed", "proposed", "2021-01-02", 2, 5 },
	{ "0008-x.rst", "Title\n=====\n\nStatus\n------\n\n.. a comment\n   more\n\n`Accepted <http://x>`_\n",
	  "8", "Title", "Accepted", "accepted", NULL, 1, 10 },
	{ "0009-x.rst", "Title\n=====\n\nStatus\n------\n\nContext\n-------\n\nStatus\n------\n\nRejected\n",
	  "9", "Title", "Rejected", "rejected", NULL, 1, 13 },
	{ "0011-x.rst", "Title\n=====\n\nStatus\n------\n\n.. code-block:: text\n\n   accepted\n",
	  "11", "Title", NULL, NULL, NULL, 1, 0 },
	{ "0012-x.rst", "Title\n=====\n\nContext\n-------\n\n:Status: accepted\n",
	  "12", "Title", NULL, NULL, NULL, 1, 0 },
	{ "docs/x.rst", "ADR-12: Title\n=============\n", "12", "Title", NULL, NULL, NULL, 1, 0 },
};

TEST_GROUP(parse_rows)
{
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		const struct row *r = &rows[i];
		struct adr_doc doc;
		char what[64];

		snprintf(what, sizeof(what), "row %zu (%s)", i, r->path);
		adr_doc_init(&doc);
		INT_EQ(parse_adr(&doc, r->path, r->text, strlen(r->text)), 0, what);
		STR_EQ(doc.id, r->id, what);
		STR_EQ(doc.title, r->title, what);
		STR_EQ(doc.status_raw, r->status_raw, what);
		STR_EQ(status_name(doc.status), r->status, what);
		STR_EQ(doc.date, r->date, what);
		INT_EQ(doc.title_line, r->title_line, what);
		INT_EQ(doc.status_line, r->status_line, what);
		adr_doc_release(&doc);
	}
}

static void links_check(const char *path, const char *text, const char *field,
			const char *want)
{
	struct adr_doc doc;
	struct strvec *sv;
	struct strbuf got = STRBUF_INIT;

	adr_doc_init(&doc);
	parse_adr(&doc, path, text, strlen(text));
	sv = !strcmp(field, "supersedes") ? &doc.supersedes :
	     !strcmp(field, "superseded_by") ? &doc.superseded_by :
	     !strcmp(field, "amends") ? &doc.amends : &doc.amended_by;
	for (size_t i = 0; i < sv->nr; i++)
		strbuf_addf(&got, "%s%s", i ? "," : "", sv->v[i]);
	STR_EQ(got.buf, want, text);
	strbuf_release(&got);
	adr_doc_release(&doc);
}

TEST_GROUP(parse_links)
{
	static const struct { const char *path, *text, *field, *want; } link_rows[] = {
		{ "0002-x.md", "# 2. X\n\n## Status\n\nAccepted\n\nSupercedes [1. Record](0001-record.md)\n", "supersedes", "1" },
		{ "0002-x.md", "# 2. X\n\n## Status\n\nAccepted\n\nSupersedes [ADR-0001](0001-record.md)\n", "supersedes", "1" },
		{ "0002-x.md", "# X\n\n## Status\n\nSuperseded by [ADR-5](0005-x.md)\n", "superseded_by", "5" },
		{ "0002-x.md", "# X\n\n## Status\n\nSuperceded by ADR-0007\n", "superseded_by", "7" },
		{ "0002-x.md", "# X\n\n## Status\n\nSuperseded by ADR 7 and ADR 9\n", "superseded_by", "7,9" },
		{ "0002-x.md", "# X\n\n## Status\n\nAccepted\n\nAmends 3, 4\n\nAmended by [x](../adr/0012-1-y.md#top)\n", "amends", "3,4" },
		{ "0002-x.md", "# X\n\n## Status\n\nAccepted\n\nAmended by [x](../adr/0012-1-y.md#top)\n", "amended_by", "12-1" },
		{ "0002-x.md", "# X\n\n* Status: superseded by [ADR-0005](0005-example.md)\n\n## Links\n\n* Supersedes [ADR-1](0001-x.md)\n", "superseded_by", "5" },
		/* outside the status section: only lines that open with the keyword
		   (MADR 2 Links, MADR 3 More Information, as gen-adr-repo writes) */
		{ "0002-x.md", "# X\n\n* Status: accepted\n\n## Links\n\n* Supersedes [ADR-1](0001-x.md)\n", "supersedes", "1" },
		{ "0002-x.md", "---\nstatus: accepted\n---\n# X\n\n## More Information\n\nSupersedes [ADR-0014](0014-x.md).\n", "supersedes", "14" },
		{ "0002-x.md", "# X\n\n## Context\n\n- Use ports 80/443 -> This supersedes adr0008.\n", "supersedes", "" },
		{ "0002-x.md", "# X\n\n## Status\n\nAccepted\n\n## Context\n\nThis supersedes ADR-3.\n", "supersedes", "" },
		{ "0002-x.md", "# X\n\n## Status\n\nSuperseded by the new process\n", "superseded_by", "" },
		{ "0002-x.md", "# X\n\n## Status\n\nSuperseded [0019](0019-y.md)\n", "superseded_by", "" },
		/* front matter */
		{ "0002-x.md", "---\nstatus: superseded by ADR-0005\n---\n# X\n", "superseded_by", "5" },
		{ "0002-x.md", "---\nsupersedes: [1, \"ADR-0003\"]\n---\n# X\n", "supersedes", "1,3" },
		{ "0002-x.md", "---\nsuperseded_by:\n  - 0009-new.md\n  - 10\n---\n# X\n", "superseded_by", "9,10" },
		/* rst */
		{ "0006_x.rst", "6. Areas\n########\n\nStatus\n******\n\nSuperseded by `ADR 8 Project structure`_.\n", "superseded_by", "8" },
		{ "0006_x.rst", "X\n=\n\nStatus\n------\n\nAccepted. Supersedes `ADR-2 <0002-y.rst>`_\n", "supersedes", "2" },
	};
	for (size_t i = 0; i < sizeof(link_rows) / sizeof(link_rows[0]); i++)
		links_check(link_rows[i].path, link_rows[i].text, link_rows[i].field,
			    link_rows[i].want);
}

/* Inputs that must not crash, hang or read past the end. */
TEST_GROUP(parse_robust)
{
	static const char *const shapes[] = {
		">", "- ", "*", "[", "<div>", "`", "1. ", "Supersedes [", "Supersedes [x](",
		"## Status\n\nSuperseded by [a](b ", "Status\n------\n", ":x:`", "**Status**: ",
	};
	size_t n = 200000;
	char *big = malloc(n + 1);
	struct adr_doc doc;

	for (size_t s = 0; s < sizeof(shapes) / sizeof(shapes[0]); s++) {
		size_t k = strlen(shapes[s]);
		for (size_t i = 0; i < n; i++)
			big[i] = shapes[s][i % k];
		big[n] = '\0';
		adr_doc_init(&doc);
		parse_adr(&doc, "0001-deep.md", big, n);
		STR_EQ(doc.id, "1", shapes[s]);
		adr_doc_release(&doc);
		adr_doc_init(&doc);
		parse_adr(&doc, "0001-deep.rst", big, n);
		STR_EQ(doc.id, "1", shapes[s]);
		adr_doc_release(&doc);
	}
	for (size_t i = 0; i < n; i++)
		big[i] = (char)(i * 7919 % 256);
	adr_doc_init(&doc);
	parse_adr(&doc, "0002-binary.md", big, n);
	OK(doc.title != NULL, "binary input still has a title");
	adr_doc_release(&doc);
	/* one huge front matter line of brackets (was quadratic) */
	memcpy(big, "---\nstatus: ", 12);
	memset(big + 12, '[', n - 17);
	memcpy(big + n - 5, "\n---\n", 5);
	adr_doc_init(&doc);
	parse_adr(&doc, "0039-fm.md", big, n);
	OK(doc.status_raw && doc.status == ADR_STATUS_UNKNOWN, "bracket front matter");
	adr_doc_release(&doc);
	adr_doc_init(&doc);
	parse_adr(&doc, "0038-x.md", "# T\0NUL\n\nStatus: Accepted\0\n", 28);
	STR_EQ(doc.title, "T\xEF\xBF\xBDNUL", "NUL bytes become U+FFFD");
	STR_EQ(doc.status_raw, "Accepted\xEF\xBF\xBD", "NUL in the status");
	INT_EQ(doc.status, ADR_STATUS_ACCEPTED, "NUL after the status word");
	adr_doc_release(&doc);
	adr_doc_init(&doc);
	parse_adr(&doc, "0003-empty.md", "", 0);
	STR_EQ(doc.title, "empty", "empty input");
	INT_EQ(doc.status, ADR_STATUS_NONE, "empty input has no status");
	adr_doc_release(&doc);
	free(big);
}
