/*
 * test_adrid: ids from names and headings, normalization, order and the
 * exclusion rules (SPEC section 1, "Ids").
 */
#include <stdlib.h>
#include <string.h>

#include "adrid.h"
#include "harness.h"

static const struct { const char *name, *id; } name_rows[] = {
	{ "0012-use-nats.md", "12" },
	{ "adr-012-use-nats.md", "12" },
	{ "ADR-023-deploy.md", "23" },
	{ "adr_7_x.md", "7" },
	{ "017-1-nats-clusters.md", "17-1" },
	{ "017-1_nats.md", "17-1" },
	{ "017-1.md", "17-1" },
	{ "017-1x-nats.md", "17" },	/* "1x" is not only digits */
	{ "0010_audit.rst", "10" },
	{ "20210304-some-title.md", "20210304" },
	{ "0000-use-adrs.md", "0" },
	{ "0000.md", "0" },
	{ "12.md", "12" },
	{ "0003-0004-x.md", "3-4" },
	{ "use-nats.md", NULL },
	{ "adr-use-nats.md", NULL },
	{ "adr.md", NULL },
	{ "madr-5-x.md", NULL },
	{ "x-0012.md", NULL },
	{ "", NULL },
	/* rev2: date-prefixed names */
	{ "2021-06-05_001-use-x.md", "1" },
	{ "2021-06-05-001-use-x.md", "1" },
	{ "2021-06-05_012-2-use-x.md", "12-2" },
	{ "2021-06-05_001.md", "1" },
	{ "2021-06-05-use-x.md", "20210605" },
	{ "2021-06-05_use-x.md", "20210605" },
	{ "2021-06-05.md", "20210605" },
	{ "2021-06-05-2fa.md", "20210605" },	/* "2fa" is a slug, not digits */
	{ "adr-2021-06-05-x.md", "20210605" },
	{ "2021-06-05x.md", "2021-6" },		/* no separator after the date: the old rule */
	{ "2021-6-5-x.md", "2021-6" },
};

static const struct { const char *text, *id; size_t prefix; } heading_rows[] = {
	{ "ADR-5: Use NATS", "5", 7 },
	{ "ADR-023: Deploy", "23", 9 },
	{ "ADR 001: Record", "1", 9 },
	{ "adr-12 Use NATS", "12", 7 },
	{ "5. Use NATS", "5", 3 },
	{ "23. Deploy", "23", 4 },
	{ "0023 - Deploy", "23", 7 },
	{ "0023 – Deploy", "23", 9 },
	{ "12: Title", "12", 4 },
	{ "17-1. Sub", "17-1", 6 },
	{ "ADR-5", "5", 5 },
	{ "5 Whys", NULL, 0 },
	{ "2021 plans", NULL, 0 },
	{ "Use NATS", NULL, 0 },
	{ "5whys", NULL, 0 },
	{ "1.5 kg", NULL, 0 },
	{ "MADR 2", NULL, 0 },
	{ "ADRs are good", NULL, 0 },
};

TEST_GROUP(adrid_from_name)
{
	for (size_t i = 0; i < sizeof(name_rows) / sizeof(name_rows[0]); i++) {
		char *id = adrid_from_name(name_rows[i].name);
		STR_EQ(id, name_rows[i].id, name_rows[i].name);
		free(id);
	}
}

TEST_GROUP(adrid_heading)
{
	for (size_t i = 0; i < sizeof(heading_rows) / sizeof(heading_rows[0]); i++) {
		char *id;
		size_t n = adrid_heading_prefix(heading_rows[i].text, &id);

		STR_EQ(id, heading_rows[i].id, heading_rows[i].text);
		INT_EQ(n, heading_rows[i].prefix, heading_rows[i].text);
		free(id);
		id = adrid_from_heading(heading_rows[i].text);
		STR_EQ(id, heading_rows[i].id, heading_rows[i].text);
		free(id);
	}
}

TEST_GROUP(adrid_normalize)
{
	static const struct { const char *in, *out; } rows[] = {
		{ "0023", "23" }, { "012-2", "12-2" }, { "0000", "0" },
		{ "5", "5" }, { "0010-0001", "10-1" }, { "20210304", "20210304" },
	};
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		char *s = adrid_normalize(rows[i].in, strlen(rows[i].in));
		STR_EQ(s, rows[i].out, rows[i].in);
		free(s);
	}
}

TEST_GROUP(adrid_cmp)
{
	static const struct { const char *a, *b; int want; } rows[] = {
		{ "2", "10", -1 }, { "10", "2", 1 }, { "10", "10", 0 },
		{ "10", "10-1", -1 }, { "10-1", "11", -1 }, { "10-2", "10-10", -1 },
		{ "0", "1", -1 }, { "99", "20210304", -1 }, { "007", "7", 0 },
	};
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++)
		INT_EQ(adrid_cmp(rows[i].a, rows[i].b), rows[i].want, rows[i].a);
}

TEST_GROUP(adrid_names)
{
	static const struct { const char *name; int ext, excluded; } rows[] = {
		{ "0001-x.md", 1, 0 }, { "0001-x.markdown", 1, 0 },
		{ "0001-x.rst", 1, 0 }, { "0001-x.MD", 1, 0 },
		{ "0001-x.txt", 0, 0 }, { "0001-x.md.orig", 0, 0 }, { ".md", 0, 0 },
		{ "README.md", 1, 1 }, { "readme.rst", 1, 1 }, { "index.md", 1, 1 },
		{ "template.md", 1, 1 }, { "_sidebar.md", 1, 1 },
		{ "0000-template.md", 1, 1 }, { "0000-template-madr.md", 1, 1 },
		{ "0000-use-adrs.md", 1, 0 }, { "readme-first.md", 1, 0 },
		/* rev2: the rest after the id is exactly index/readme/toc/template */
		{ "000-index.md", 1, 1 }, { "000-template.md", 1, 1 }, { "0-README.md", 1, 1 },
		{ "00-toc.md", 1, 1 }, { "adr-000-Template.rst", 1, 1 }, { "001_index.md", 1, 1 },
		{ "2021-06-05-index.md", 1, 1 }, { "2021-06-05_000-toc.md", 1, 1 },
		{ "0012-template-engine.md", 1, 0 }, { "0012-indexes.md", 1, 0 },
		{ "0013-toc-generator.md", 1, 0 }, { "index-0001.md", 1, 0 },
	};
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		INT_EQ(!!adrid_has_adr_ext(rows[i].name), rows[i].ext, rows[i].name);
		INT_EQ(!!adrid_is_excluded(rows[i].name), rows[i].excluded, rows[i].name);
	}
	STR_EQ(adrid_basename("docs/adr/0001-x.md"), "0001-x.md", "basename");
	{
		static const struct { const char *name, *slug; } slugs[] = {
			{ "001-drop-kafka.md", "drop-kafka" }, { "adr-012_x.md", "x" },
			{ "0057-2fa-login.md", "2fa-login" }, { "017-1-nats.md", "nats" },
			{ "2021-06-05_001-use-x.md", "use-x" }, { "2021-06-05-use-x.md", "use-x" },
			{ "0032.md", "0032" }, { "use-nats.md", "use-nats" },
		};
		for (size_t i = 0; i < sizeof(slugs) / sizeof(slugs[0]); i++) {
			char *sl = adrid_slug(slugs[i].name);
			STR_EQ(sl, slugs[i].slug, slugs[i].name);
			free(sl);
		}
	}
	STR_EQ(adrid_basename("0001-x.md"), "0001-x.md", "basename, no folder");
}
