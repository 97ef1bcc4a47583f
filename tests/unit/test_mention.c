/*
 * test_mention: the reference scanner (SPEC section 3, rules 1-3) as
 * tables of messages and what they mention, near-misses included, plus
 * the "ADR: none" trailer and hostile input (huge, invalid UTF-8).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "mention.h"
#include "strbuf.h"
#include "xalloc.h"

/* "id" or "id/base" for each mention, joined with ','. */
static char *ids_of(const char *msg, int *none, char **reason)
{
	struct mention_list ml = MENTION_LIST_INIT;
	struct strbuf sb = STRBUF_INIT;

	mention_scan_ids(msg, &ml);
	for (size_t i = 0; i < ml.nr; i++) {
		if (i)
			strbuf_addch(&sb, ',');
		strbuf_addstr(&sb, ml.v[i].id);
		if (ml.v[i].base)
			strbuf_addf(&sb, "/%s", ml.v[i].base);
	}
	if (none)
		*none = ml.none;
	if (reason)
		*reason = ml.none_reason ? xstrdup(ml.none_reason) : NULL;
	mention_list_clear(&ml);
	return strbuf_detach(&sb, NULL);
}

static char *paths_of(const char *msg)
{
	struct strvec sv = STRVEC_INIT;
	struct strbuf sb = STRBUF_INIT;

	mention_scan_paths(msg, &sv);
	for (size_t i = 0; i < sv.nr; i++) {
		if (i)
			strbuf_addch(&sb, '|');
		strbuf_addstr(&sb, sv.v[i]);
	}
	strvec_clear(&sv);
	return strbuf_detach(&sb, NULL);
}

static const struct { const char *msg, *want; } id_cases[] = {
	/* rule 1: the forms */
	{ "Implement ADR-023", "23" },
	{ "see ADR 23 for why", "23" },
	{ "adr#23", "23" },
	{ "feat(adr8): add thing", "8" },
	{ "ADR_5 done", "5" },
	{ "ADR23", "23" },
	{ "Adr-0007.", "7" },
	/* rev2: an id form inside a URL names nothing; the rest of the line does */
	{ "[rendered](https://github.com/o/r/blob/x/docs/ADR-003-x.md) ADR-6", "6" },
	{ "see HTTP://example.org/adr-12 and adr-13", "13" },
	{ "http://x/adr-1\nADR-2", "2" },
	{ "ADR-0000", "0" },
	{ "ADR-012-2 clusters", "12-2/12" },
	{ "ADR-017-1: sub", "17-1/17" },
	{ "per ADR-012-use-nats", "12" },
	{ "ADR-012-2a", "12" },
	{ "(ADR-4)", "4" },
	{ "[ADR-4](docs/adr/0004-x.md)", "4" },
	{ "ADR-4,ADR-5;ADR-6", "4,5,6" },
	{ "_ADR-9", "9" },
	{ "ADR-12_notes", "12" },
	{ "refs: adr-3 and ADR-3 and Adr 3", "3" },
	{ "ADR-2 then ADR-10 then ADR-2", "2,10" },
	{ "ADR 2024-01-01", "2024-1/2024" },
	{ "line one\nADR-1\n\nADR-2\n", "1,2" },
	{ "Implements: ADR-12", "12" },
	{ "Refs: ADR-7", "7" },
	/* rule 1: near-misses */
	{ "MADR 2", "" },
	{ "MADR-2 template", "" },
	{ "BADR-2", "" },
	{ "2ADR-2", "" },
	{ "ADR-12x", "" },
	{ "ADR-12b-3", "" },
	{ "ADR--12", "" },
	{ "ADR  12", "" },
	{ "ADR #12", "" },
	{ "ADR-", "" },
	{ "ADR", "" },
	{ "ADRs are great", "" },
	{ "ADR-\n12", "" },
	{ "ADR\n12", "" },
	{ "ADR.12", "" },
	{ "ADR:12x", "" },
	{ "adrenaline 5", "" },
	{ "ADR-1.5", "1" },
	{ "", "" },
	/* rule 2: trailer-like lines */
	{ "Subject\n\nADR: 23\n", "23" },
	{ "Subject\n\nADRs: 12, 14\n", "12,14" },
	{ "Subject\n\nADR: ADR-12\n", "12" },
	{ "Subject\n\nadr: #7; 012-2\n", "7,12-2/12" },
	{ "Subject\n\n  ADR : 3\n", "3" },
	{ "ADR: 12 (the nats one), 14", "12,14" },
	{ "ADR: 12, later, 14", "12,14" },
	{ "ADRs: 12 14", "12" },
	{ "ADR: 0023", "23" },
	{ "ADR: 12x", "" },
	{ "ADR: x12", "" },
	{ "My ADR: 12", "" },
	{ "ADR:: 12", "" },
	{ "ADRx: 12", "" },
	{ "ADR: nonessential, 5", "5" },
	{ "Subject\n\nADR: none (too small)\nsee ADR-4\n", "4" },
};

TEST_GROUP(mention_ids)
{
	for (size_t i = 0; i < sizeof(id_cases) / sizeof(*id_cases); i++) {
		char *got = ids_of(id_cases[i].msg, NULL, NULL);

		STR_EQ(got, id_cases[i].want, id_cases[i].msg);
		free(got);
	}
}

static const struct { const char *msg; int none; const char *reason; } none_cases[] = {
	{ "Big refactor\n\nADR: none (mechanical rename)\n", 1, "mechanical rename" },
	{ "x\n\nADR: none - docs only", 1, "docs only" },
	{ "x\n\nadr: None: vendored update.", 1, "vendored update" },
	{ "x\n\nADR: none", 1, NULL },
	{ "x\n\nADR: none ()", 1, NULL },
	{ "x\n\nADR: none (first)\nADR: none (second)", 1, "first" },
	{ "x\n\nADR: nonetheless", 0, NULL },
	{ "none of the ADRs", 0, NULL },
	{ "x\n\nReason: none", 0, NULL },
};

TEST_GROUP(mention_none)
{
	for (size_t i = 0; i < sizeof(none_cases) / sizeof(*none_cases); i++) {
		int none;
		char *reason, *ids = ids_of(none_cases[i].msg, &none, &reason);

		INT_EQ(none, none_cases[i].none, none_cases[i].msg);
		STR_EQ(reason, none_cases[i].reason, none_cases[i].msg);
		free(reason);
		free(ids);
	}
}

TEST_GROUP(mention_ids_append)
{
	struct mention_list ml = MENTION_LIST_INIT;

	mention_scan_ids("ADR-1 ADR-2", &ml);
	mention_scan_ids("ADR-2 ADR-3", &ml);
	INT_EQ(ml.nr, 3, "a second scan appends without duplicates");
	STR_EQ(ml.v[2].id, "3", "appended in order");
	STR_EQ(ml.v[0].base, NULL, "no base without a sub-number");
	mention_list_clear(&ml);
	INT_EQ(ml.nr, 0, "clear empties");
	OK(ml.v == NULL, "clear frees");
}

static const struct { const char *msg, *want; } path_cases[] = {
	{ "see docs/adr/0012-use-nats.md",
	  "docs/adr/0012-use-nats.md|adr/0012-use-nats.md|0012-use-nats.md" },
	{ "0012-use-nats.md", "0012-use-nats.md" },
	{ "(0012-use-nats.md)", "0012-use-nats.md" },
	{ "`0012-use-nats.md`", "0012-use-nats.md" },
	{ "\"x.markdown\" and 'y.rst'", "x.markdown|y.rst" },
	{ "Update 0012-use-nats.md.", "0012-use-nats.md" },
	{ "0012-use-nats.md#L10", "0012-use-nats.md" },
	{ "0012-use-nats.md-old", "0012-use-nats.md" },
	{ "https://h/o/r/blob/main/docs/adr/1-a.md",
	  "h/o/r/blob/main/docs/adr/1-a.md|o/r/blob/main/docs/adr/1-a.md|"
	  "r/blob/main/docs/adr/1-a.md|blob/main/docs/adr/1-a.md|main/docs/adr/1-a.md|"
	  "docs/adr/1-a.md|adr/1-a.md|1-a.md" },
	{ "a/docs/adr/1-a.md b/docs/adr/1-a.md",
	  "a/docs/adr/1-a.md|docs/adr/1-a.md|adr/1-a.md|1-a.md|b/docs/adr/1-a.md" },
	{ "x+1-a.md", "1-a.md" },
	{ "ADR-15.md", "ADR-15.md" },
	/* near-misses: glued or not an extension */
	{ "1-a.mdx", "" },
	{ "1-a.md_bak", "" },
	{ "1-a.md5", "" },
	{ "1-a.rst2", "" },
	{ ".md", "" },
	{ "a .md b", "" },
	{ "README", "" },
	{ "1-a.txt", "" },
	{ "", "" },
};

TEST_GROUP(mention_paths)
{
	char *got;

	for (size_t i = 0; i < sizeof(path_cases) / sizeof(*path_cases); i++) {
		got = paths_of(path_cases[i].msg);
		STR_EQ(got, path_cases[i].want, path_cases[i].msg);
		free(got);
	}
}

/* Messages no one writes but a repository can hold. */
TEST_GROUP(mention_hostile)
{
	size_t big = 10u << 20;
	char *msg = xmalloc(big + 1), *got;
	struct mention_list ml = MENTION_LIST_INIT;
	struct strvec sv = STRVEC_INIT;

	/* invalid UTF-8 around mentions */
	got = ids_of("\xff\xfe" "ADR-5 \xc3(ADR-6\x80", NULL, NULL);
	STR_EQ(got, "5,6", "invalid UTF-8 is just not a letter");
	free(got);
	got = paths_of("\xff/docs/adr/1-a.md");
	OK(strstr(got, "docs/adr/1-a.md") != NULL, "paths after invalid bytes: %s", got);
	free(got);

	/* 10 MB of one repeated mention: linear, one result */
	for (size_t i = 0; i < big; i++)
		msg[i] = "ADR-7 "[i % 6];
	msg[big] = '\0';
	mention_scan_ids(msg, &ml);
	INT_EQ(ml.nr, 1, "10 MB of ADR-7 is one mention");
	mention_list_clear(&ml);

	/* 10 MB of distinct mentions stays fast (hashed dedup) */
	{
		size_t n = 0;
		int k = 0;
		while (n + 16 < big)
			n += (size_t)sprintf(msg + n, "ADR-%d ", k++);
		msg[n] = '\0';
		mention_scan_ids(msg, &ml);
		INT_EQ(ml.nr, k, "every distinct mention of a huge message");
		mention_list_clear(&ml);
	}

	/* 10 MB of digits after ADR- and of one giant path token */
	memcpy(msg, "ADR-", 4);
	memset(msg + 4, '1', big - 4);
	msg[big] = '\0';
	mention_scan_ids(msg, &ml);
	INT_EQ(ml.nr, 1, "a 10 MB number is still one mention");
	mention_list_clear(&ml);
	for (size_t i = 0; i < big; i++)
		msg[i] = "a/b.md"[i % 6];
	mention_scan_paths(msg, &sv);
	OK(sv.nr <= 4096, "path candidates are capped (%zu)", sv.nr);
	strvec_clear(&sv);
	for (size_t i = 0; i < big; i++)
		msg[i] = "a.md "[i % 5];
	mention_scan_paths(msg, &sv);
	INT_EQ(sv.nr, 1, "a repeated path is one candidate");
	strvec_clear(&sv);
	free(msg);
}
