/*
 * test_edit: edit_status() and edit_link() over every form an ADR keeps
 * its status in (Nygard, MADR 2/3/4, front matter, tables, rst, dated
 * logs): the whole output is compared byte for byte, so any change
 * outside the spot fails; then the result is parsed back, and the same
 * edit again must change nothing.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "adr.h"
#include "edit.h"
#include "edit_tree.h"
#include "error.h"
#include "harness.h"
#include "parse.h"
#include "strbuf.h"

static const struct edit_target t13 = { "13", "13. Use NATS", "0013-use-nats.md", "ADR-0013" };
static const struct edit_target t13rst = { "13", "13. Use NATS", "0013-use-nats.rst", "ADR-0013" };

/* Set the status; compare; parse back; a second run changes nothing. */
static void status_case(const char *path, const char *in, const char *status,
			const struct edit_target *by, const char *want, const char *what)
{
	struct strbuf out = STRBUF_INIT, again = STRBUF_INIT;
	struct adr_doc doc;
	int rc = edit_status(&out, path, in, strlen(in), status, "2026-12-02", by);

	INT_EQ(rc, EDIT_CHANGED, what);
	STR_EQ(out.buf, want, what);
	adr_doc_init(&doc);
	parse_adr(&doc, path, out.buf, out.len);
	/* a dated log's status is its last line's (SPEC rev2, branch parse) */
	if (!strstr(what, "dated log"))
		INT_EQ(doc.status, status_normalize(status), what);
	if (by)
		OK(strvec_find(&doc.superseded_by, by->id) >= 0, "%s: link parsed back", what);
	adr_doc_release(&doc);
	rc = edit_status(&again, path, out.buf, out.len, status, "2026-12-02", by);
	INT_EQ(rc, EDIT_UNCHANGED, what);
	STR_EQ(again.buf, out.buf, what);
	strbuf_release(&out);
	strbuf_release(&again);
}

static const struct strvec *rel_list(const struct adr_doc *doc, enum edit_rel rel)
{
	return rel == EDIT_SUPERSEDES ? &doc->supersedes :
	       rel == EDIT_SUPERSEDED_BY ? &doc->superseded_by :
	       rel == EDIT_AMENDS ? &doc->amends : &doc->amended_by;
}

static void link_case(const char *path, const char *in, enum edit_rel rel,
		      const struct edit_target *t, const char *want, const char *what)
{
	struct strbuf out = STRBUF_INIT, again = STRBUF_INIT;
	struct adr_doc before, doc;
	int rc = edit_link(&out, path, in, strlen(in), rel, t, "2026-12-02");

	if (rc < 0)
		printf("error: %s\n", error_last());
	INT_EQ(rc, EDIT_CHANGED, what);
	STR_EQ(out.buf, want, what);
	adr_doc_init(&before);
	adr_doc_init(&doc);
	parse_adr(&before, path, in, strlen(in));
	parse_adr(&doc, path, out.buf, out.len);
	OK(strvec_find(rel_list(&doc, rel), t->id) >= 0, "%s: link parsed back", what);
	if (rel != EDIT_SUPERSEDED_BY)
		INT_EQ(doc.status, before.status, what);
	else
		INT_EQ(doc.status, ADR_STATUS_SUPERSEDED, what);
	adr_doc_release(&before);
	adr_doc_release(&doc);
	rc = edit_link(&again, path, out.buf, out.len, rel, t, "2026-12-02");
	INT_EQ(rc, EDIT_UNCHANGED, what);
	STR_EQ(again.buf, out.buf, what);
	strbuf_release(&out);
	strbuf_release(&again);
}

static void styled(const char *old, const char *status, const char *want)
{
	struct strbuf sb = STRBUF_INIT;

	edit_styled_status(&sb, old, strlen(old), status);
	STR_EQ(sb.buf, want, old);
	strbuf_release(&sb);
}

TEST_GROUP(edit_styled_status)
{
	styled("Accepted", "deprecated", "Deprecated");
	styled("ACCEPTED", "deprecated", "DEPRECATED");
	styled("accepted", "Deprecated", "deprecated");
	styled("*Accepted*", "rejected", "*Rejected*");
	styled("**Accepted**", "rejected", "**Rejected**");
	styled("[Accepted]", "rejected", "[Rejected]");
	styled("{ proposed }", "accepted", "{ accepted }");
	styled("`Accepted`", "rejected", "`Rejected`");
	styled("\xE2\x9C\x85 Accepted", "rejected", "\xE2\x9D\x8C Rejected");
	styled("\xF0\x9F\x8E\x89 Accepted", "rejected", "\xF0\x9F\x8E\x89 Rejected");
	styled("Accepted, implemented in v6", "deprecated", "Deprecated");
	styled("*Accepted* (2021-03-04)", "deprecated", "*Deprecated*");
	styled("", "accepted", "accepted");
	styled("{proposed | accepted | rejected}", "accepted", "accepted");
}

TEST_GROUP(edit_rel)
{
	enum edit_rel r;

	OK(!edit_rel_parse("Amends", &r) && r == EDIT_AMENDS, "Amends");
	OK(!edit_rel_parse("amended-by", &r) && r == EDIT_AMENDED_BY, "amended-by");
	OK(!edit_rel_parse("Superseded by", &r) && r == EDIT_SUPERSEDED_BY, "Superseded by");
	OK(!edit_rel_parse("superseded_by", &r) && r == EDIT_SUPERSEDED_BY, "superseded_by");
	OK(!edit_rel_parse("Supercedes", &r) && r == EDIT_SUPERSEDES, "Supercedes");
	OK(edit_rel_parse("Implements", &r) < 0, "Implements is no relation");
	OK(edit_rel_parse("Amends;rm", &r) < 0, "punctuation");
	INT_EQ(edit_rel_inverse(EDIT_SUPERSEDES), EDIT_SUPERSEDED_BY, "inverse");
	INT_EQ(edit_rel_inverse(EDIT_AMENDED_BY), EDIT_AMENDS, "inverse");
	STR_EQ(edit_rel_word(EDIT_AMENDED_BY), "Amended by", "word");
}

static const char nygard[] =
	"# 12. Use Kafka\n\nDate: 2024-01-01\n\n## Status\n\nAccepted\n\n## Context\n\nWhy.\n";

TEST_GROUP(edit_status_forms)
{
	status_case("0012-use-kafka.md", nygard, "deprecated", NULL,
		    "# 12. Use Kafka\n\nDate: 2024-01-01\n\n## Status\n\nDeprecated\n\n## Context\n\nWhy.\n",
		    "Nygard status section");
	status_case("0012-use-kafka.md", nygard, "superseded", &t13,
		    "# 12. Use Kafka\n\nDate: 2024-01-01\n\n## Status\n\n"
		    "Superseded by [13. Use NATS](0013-use-nats.md)\n\n## Context\n\nWhy.\n",
		    "Nygard superseded by (adr-tools' form)");
	status_case("0012-x.md", "# 12. X\r\n\r\n## Status\r\n\r\n**PROPOSED**\r\n\r\n## Context\r\n",
		    "accepted", NULL,
		    "# 12. X\r\n\r\n## Status\r\n\r\n**ACCEPTED**\r\n\r\n## Context\r\n",
		    "CRLF, bold, upper case kept");
	status_case("0012-x.md", "\xEF\xBB\xBF# 12. X\n\n## Status\n\n\xE2\x9C\x85 Accepted",
		    "rejected", NULL,
		    "\xEF\xBB\xBF# 12. X\n\n## Status\n\n\xE2\x9D\x8C Rejected",
		    "BOM, emoji, no last newline");
	status_case("0003-x.md", "---\nstatus: accepted\ndate: 2024-01-01\n---\n# Use X\n",
		    "deprecated", NULL,
		    "---\nstatus: deprecated\ndate: 2024-01-01\n---\n# Use X\n",
		    "MADR 3 front matter");
	status_case("0003-x.md", "---\nstatus: \"accepted\"  \ndate: 2024-01-01\n---\n# Use X\n",
		    "superseded", &t13,
		    "---\nstatus: \"superseded by ADR-0013\"  \ndate: 2024-01-01\n---\n# Use X\n",
		    "MADR 4 front matter, quoted, superseded by");
	status_case("0002-x.md", "# Use X\n\n* Status: proposed\n* Deciders: us\n* Date: 2020-01-01\n\n## Context\n",
		    "accepted", NULL,
		    "# Use X\n\n* Status: accepted\n* Deciders: us\n* Date: 2020-01-01\n\n## Context\n",
		    "MADR 2 list item");
	status_case("0002-x.md", "# Use X\n\n* Status: accepted\n\n## Context\n",
		    "superseded", &t13,
		    "# Use X\n\n* Status: superseded by [13. Use NATS](0013-use-nats.md)\n\n## Context\n",
		    "MADR 2 superseded by");
	status_case("0004-x.md", "# T\n\n## Status\n\n**Accepted**\n\n## Context\n", "superseded", &t13,
		    "# T\n\n## Status\n\n**Superseded by [13. Use NATS](0013-use-nats.md)**\n\n## Context\n",
		    "emphasis around superseded by: the link inside it");
	status_case("0004-x.md", "# T\n\n## Status\n\n`Accepted`\n\n## Context\n", "superseded", &t13,
		    "# T\n\n## Status\n\nSuperseded by [13. Use NATS](0013-use-nats.md)\n\n## Context\n",
		    "code around superseded by: dropped, or the link would not read");
	status_case("0003-x.md", "---\nstatus:\ndate: 2024-01-01\n---\n# Use X\n", "proposed", NULL,
		    "---\nstatus: proposed\ndate: 2024-01-01\n---\n# Use X\n",
		    "an empty front matter status is filled");
	status_case("0003-x.md", "---\nstatus: {proposed | rejected | accepted}\n---\n# Use X\n",
		    "accepted", NULL, "---\nstatus: accepted\n---\n# Use X\n",
		    "a template's choices are replaced whole");
	status_case("0004-x.md", "# T\n\n**Status:** Accepted\n\n## Context\n", "rejected", NULL,
		    "# T\n\n**Status:** Rejected\n\n## Context\n", "bold key");
	status_case("0004-x.md", "# T\n\n| Status | Proposed    |\n| Date | 2024-01-01 |\n\n## C\n",
		    "accepted", NULL,
		    "# T\n\n| Status | Accepted    |\n| Date | 2024-01-01 |\n\n## C\n",
		    "key/value table row, column width kept");
	status_case("0005-x.rst", "5. Title\n========\n\n:Status: Proposed\n:Date: 2024-01-01\n\nContext\n-------\n",
		    "accepted", NULL,
		    "5. Title\n========\n\n:Status: Accepted\n:Date: 2024-01-01\n\nContext\n-------\n",
		    "rst field");
	status_case("0005-x.rst", "5. Title\n========\n\nStatus\n------\n\nProposed\n\nContext\n-------\n",
		    "accepted", NULL,
		    "5. Title\n========\n\nStatus\n------\n\nAccepted\n\nContext\n-------\n",
		    "rst section");
	status_case("0006-x.md", "# T\n\n## Status\n\n- 2024-01-01 proposed\n- 2024-02-01 accepted\n\n## Context\n",
		    "deprecated", NULL,
		    "# T\n\n## Status\n\n- 2024-01-01 proposed\n- 2024-02-01 accepted\n"
		    "- 2026-12-02 deprecated\n\n## Context\n",
		    "dated log: a new dated line");
	status_case("0006-x.md", "# T\n\n## Status\n\n> *Proposed*\n\n## Context\n", "accepted", NULL,
		    "# T\n\n## Status\n\n> *Accepted*\n\n## Context\n", "quote and emphasis");
}

TEST_GROUP(edit_status_refused)
{
	struct strbuf out = STRBUF_INIT;

	OK(edit_status(&out, "0001-x.md", "# 1. X\n\nNo status.\n", 19, "accepted", "2026-12-02",
		       NULL) < 0, "no status: refused");
	OK(strstr(error_last(), "no status"), "says why: %s", error_last());
	OK(edit_status(&out, "0001-x.md", nygard, strlen(nygard), "bogus", "2026-12-02",
		       NULL) < 0, "an unknown status word is refused");
	OK(edit_status(&out, "0001-x.md", "---\nstatus: |\n  accepted\n---\n", 29, "rejected",
		       "2026-12-02", NULL) < 0, "block scalar: refused");
	OK(edit_status(&out, "0001-x.md", "# 1. X\n\n## Status\n\n<b>Accepted</b>\n", 35,
		       "rejected", "2026-12-02", NULL) < 0, "an HTML status: refused");
	OK(strstr(error_last(), "HTML"), "says why: %s", error_last());
	OK(edit_status(&out, "0001-x.md", nygard, strlen(nygard), "accepted", "2026-12-02",
		       NULL) == EDIT_UNCHANGED, "same status: unchanged");
	STR_EQ(out.buf, nygard, "unchanged bytes");
	strbuf_release(&out);
}

TEST_GROUP(edit_link_forms)
{
	link_case("0013-use-nats.md", "# 13. Use NATS\n\n## Status\n\nAccepted\n\n## Context\n",
		  EDIT_SUPERSEDES, &(struct edit_target){ "12", "12. Use Kafka", "0012-use-kafka.md", "ADR-0012" },
		  "# 13. Use NATS\n\n## Status\n\nAccepted\n\n"
		  "Supersedes [12. Use Kafka](0012-use-kafka.md)\n\n## Context\n",
		  "Nygard: a line in the Status section");
	link_case("0013-use-nats.md", "# 13. Use NATS\n\n## Status\n\nAccepted\n\n"
		  "Supersedes [12. Use Kafka](0012-use-kafka.md)\n\n## Context\n",
		  EDIT_AMENDS, &t13,
		  "# 13. Use NATS\n\n## Status\n\nAccepted\n\n"
		  "Supersedes [12. Use Kafka](0012-use-kafka.md)\n\n"
		  "Amends [13. Use NATS](0013-use-nats.md)\n\n## Context\n",
		  "Nygard: after the links already there");
	link_case("0012-x.md", nygard, EDIT_SUPERSEDED_BY, &t13,
		  "# 12. Use Kafka\n\nDate: 2024-01-01\n\n## Status\n\n"
		  "Superseded by [13. Use NATS](0013-use-nats.md)\n\n## Context\n\nWhy.\n",
		  "superseded by sets the status");
	link_case("0002-x.md", "# Use X\n\n* Status: accepted\n* Date: 2020-01-01\n\n## Context\n",
		  EDIT_AMENDS, &t13,
		  "# Use X\n\n* Status: accepted\n* Amends [13. Use NATS](0013-use-nats.md)\n"
		  "* Date: 2020-01-01\n\n## Context\n",
		  "MADR 2: a list item under the status");
	link_case("0003-x.md", "---\nstatus: accepted\ndate: 2024-01-01\n---\n# Use X\n",
		  EDIT_AMENDED_BY, &t13,
		  "---\nstatus: accepted\namended_by: ADR-0013\ndate: 2024-01-01\n---\n# Use X\n",
		  "front matter: a new key");
	link_case("0003-x.md", "---\nstatus: accepted\nsupersedes: [ADR-0001]\n---\n# Use X\n",
		  EDIT_SUPERSEDES, &t13,
		  "---\nstatus: accepted\nsupersedes: [ADR-0001, ADR-0013]\n---\n# Use X\n",
		  "front matter: a flow list grows");
	link_case("0003-x.md", "---\nstatus: accepted\namends:\n  - ADR-0001\n---\n# Use X\n",
		  EDIT_AMENDS, &t13,
		  "---\nstatus: accepted\namends:\n  - ADR-0001\n  - ADR-0013\n---\n# Use X\n",
		  "front matter: a block list grows");
	link_case("0003-x.md", "---\nstatus: accepted\nsuperseded_by: []\n---\n# Use X\n",
		  EDIT_SUPERSEDED_BY, &t13,
		  "---\nstatus: superseded\nsuperseded_by: [ADR-0013]\n---\n# Use X\n",
		  "front matter: superseded_by key used when there");
	link_case("0004-x.md", "# T\n\n| Status | Accepted |\n| Date | 2024-01-01 |\n\n## C\n",
		  EDIT_AMENDS, &t13,
		  "# T\n\n| Status | Accepted |\n| Amends | [13. Use NATS](0013-use-nats.md) |\n"
		  "| Date | 2024-01-01 |\n\n## C\n",
		  "key/value table: a row");
	link_case("0005-x.rst", "5. Title\n========\n\n:Status: Accepted\n:Date: 2024-01-01\n\nContext\n-------\n",
		  EDIT_AMENDS, &t13rst,
		  "5. Title\n========\n\n:Status: Accepted\n:Amends: `13. Use NATS <0013-use-nats.rst>`_\n"
		  ":Date: 2024-01-01\n\nContext\n-------\n",
		  "rst: a field");
	link_case("0005-x.rst", "5. Title\n========\n\nStatus\n------\n\nAccepted\n\nContext\n-------\n",
		  EDIT_SUPERSEDES, &t13rst,
		  "5. Title\n========\n\nStatus\n------\n\nAccepted\n\n"
		  "Supersedes `13. Use NATS <0013-use-nats.rst>`_\n\nContext\n-------\n",
		  "rst: a line in the Status section");
	link_case("0006-x.md", "# T\n\n## Status\n\n* Accepted\n\n## Context\n", EDIT_AMENDS, &t13,
		  "# T\n\n## Status\n\n* Accepted\n* Amends [13. Use NATS](0013-use-nats.md)\n\n## Context\n",
		  "status as a list item: the link is the next item");
	link_case("0007-x.md", "# T\n\n## Status\n\nAccepted", EDIT_AMENDS, &t13,
		  "# T\n\n## Status\n\nAccepted\n\nAmends [13. Use NATS](0013-use-nats.md)",
		  "no newline at the end stays so");
	link_case("0012-x.md", "# 12. X\n\n## Status\n\nSuperseded by [11. Y](0011-y.md)\n\n## C\n",
		  EDIT_SUPERSEDED_BY, &t13,
		  "# 12. X\n\n## Status\n\nSuperseded by [11. Y](0011-y.md), "
		  "[13. Use NATS](0013-use-nats.md)\n\n## C\n",
		  "a second successor");
}

/* A work-tree file for edit_tree_target(), parsed as the loader does. */
static void fake_file(struct edit_file *f, const char *path, const char *text)
{
	memset(f, 0, sizeof(*f));
	f->path = (char *)path;
	strbuf_init(&f->text, 0);
	strbuf_addstr(&f->text, text);
	adr_doc_init(&f->doc);
	parse_adr(&f->doc, path, text, strlen(text));
}

static void fake_release(struct edit_file *f)
{
	strbuf_release(&f->text);
	adr_doc_release(&f->doc);
}

TEST_GROUP(edit_tree_target)
{
	struct strbuf bufs[3] = { STRBUF_INIT, STRBUF_INIT, STRBUF_INIT };
	struct edit_file from, to;
	struct edit_target t;

	fake_file(&from, "docs/adr/api/0013-x.md", "# 13. X\n");
	fake_file(&to, "docs/adr/data/0012-2-use-y.md", "# 12-2. Use Y\n\n## Status\n\nAccepted\n");
	edit_tree_target(&t, bufs, &from, &to);
	STR_EQ(t.id, "12-2", "id");
	STR_EQ(t.text, "12-2. Use Y", "adr-tools text for a numbered heading");
	STR_EQ(t.href, "../data/0012-2-use-y.md", "href relative to the folder of the file");
	STR_EQ(t.shortref, "ADR-0012-2", "the id as the file name writes it");
	fake_release(&to);
	fake_file(&to, "docs/adr/api/adr-007-queue.md", "# Queue\n");
	edit_tree_target(&t, bufs, &from, &to);
	STR_EQ(t.text, "ADR-007", "MADR-style text when the heading has no number");
	STR_EQ(t.href, "adr-007-queue.md", "same folder");
	fake_release(&to);
	fake_file(&to, "docs/decisions/use-z.md", "# ADR-5: Use Z\n");
	edit_tree_target(&t, bufs, &from, &to);
	STR_EQ(t.shortref, "ADR-5", "an id from the heading");
	STR_EQ(t.href, "../../decisions/use-z.md", "another folder");
	fake_release(&to);
	fake_release(&from);
	for (int i = 0; i < 3; i++)
		strbuf_release(&bufs[i]);
}
