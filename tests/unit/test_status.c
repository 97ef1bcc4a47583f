/*
 * test_status: status_normalize() over every canonical word, every synonym
 * and the near-misses that must stay "unknown" (SPEC section 1).
 */
#include <stddef.h>

#include "harness.h"
#include "status.h"
#include "strvec.h"

static const struct { const char *raw, *want; } rows[] = {
	{ "draft", "draft" }, { "proposed", "proposed" }, { "pending", "pending" },
	{ "accepted", "accepted" }, { "implemented", "implemented" },
	{ "rejected", "rejected" }, { "deprecated", "deprecated" },
	{ "superseded", "superseded" }, { "amended", "amended" },
	{ "withdrawn", "withdrawn" },
	{ "approved", "accepted" }, { "Approved", "accepted" },
	{ "done", "implemented" }, { "obsolete", "deprecated" },
	{ "replaced", "superseded" }, { "Replaced by ADR-9", "superseded" },
	{ "Superceded", "superseded" }, { "superseeded", "superseded" },
	{ "wip", "proposed" }, { "WIP", "proposed" },
	{ "in progress", "proposed" }, { "In  Progress", "proposed" },
	{ "in-progress", "proposed" }, { "inprogress", "unknown" },
	{ "in", "unknown" }, { "in review", "proposed" },
	{ "declined", "rejected" },
	{ "✅ Accepted", "accepted" }, { "✅Accepted", "accepted" },
	{ "PROPOSED", "proposed" }, { "*Accepted*", "accepted" },
	{ "Accepted, implemented in v6", "accepted" },
	{ "Superseded by [ADR-5](0005-x.md)", "superseded" },
	{ "Superseded by ADR-5", "superseded" },
	{ "  accepted  ", "accepted" }, { "Accepted.", "accepted" },
	{ "2020-01-01 accepted", "accepted" },
	{ "Accepted (2020-01-01)", "accepted" },
	{ "acceptedx", "unknown" }, { "accept", "unknown" },
	{ "Status: accepted", "unknown" },
	{ "What is the status, such as proposed?", "unknown" },
	{ "Akzeptiert", "accepted" }, { "", "unknown" }, { "---", "unknown" },
	{ "✅", "unknown" }, { "TBD", "unknown" },
	{ "Supersededsupersededsupersededsuperseded", "unknown" },
	/* rev2: new synonyms, two-word forms before the first word */
	{ "In Review.", "proposed" }, { "under review", "proposed" },
	{ "Under  Review", "proposed" }, { "under", "unknown" },
	{ "review", "unknown" }, { "In-Progress", "proposed" },
	{ "provisional", "proposed" }, { "Decided", "accepted" },
	{ "implementable", "accepted" }, { "in reviewing", "unknown" },
	/* braces or brackets around one value; choices offered are unknown */
	{ "{ in-progress }", "proposed" }, { "[Accepted]", "accepted" },
	{ "{accepted}", "accepted" }, { "(Proposed)", "proposed" },
	{ "[proposed | accepted | rejected]", "unknown" },
	{ "[accepted | deprecated | \u2026]", "unknown" },
	{ "accepted|rejected", "unknown" }, { "Accepted |", "accepted" },
	{ "{proposed | rejected | accepted | deprecated | superseded by ADR-0005}", "unknown" },
	/* SPEC 1a: other languages, case-folded */
	{ "Proposé", "proposed" }, { "PROPOSÉE", "proposed" }, { "Accepté", "accepted" },
	{ "acceptée", "accepted" }, { "Rejeté", "rejected" }, { "DÉPRÉCIÉ", "deprecated" },
	{ "obsolète", "deprecated" }, { "Remplacé par ADR-3", "superseded" },
	{ "propose", "unknown" },
	{ "Propuesto", "proposed" }, { "aceptada", "accepted" }, { "Rechazado", "rejected" },
	{ "Obsoleto", "deprecated" }, { "Reemplazado", "superseded" },
	{ "sustituida", "superseded" },
	{ "Proposto", "proposed" }, { "Aceito", "accepted" }, { "aceite", "accepted" },
	{ "Rejeitada", "rejected" }, { "SUBSTITUÍDO", "superseded" },
	{ "Accettato", "accepted" }, { "Rifiutata", "rejected" }, { "Deprecato", "deprecated" },
	{ "Sostituito da ADR-2", "superseded" },
	{ "Vorgeschlagen", "proposed" }, { "ANGENOMMEN", "accepted" },
	{ "Abgelehnt", "rejected" }, { "Veraltet", "deprecated" }, { "Ersetzt durch ADR-4", "superseded" },
	{ "Предложено", "proposed" }, { "ПРИНЯТО", "accepted" }, { "Принят", "accepted" },
	{ "принята", "accepted" }, { "Отклонено", "rejected" }, { "Устарел", "deprecated" },
	{ "Заменено ADR-5", "superseded" }, { "Принимается", "unknown" },
	{ "提议", "proposed" }, { "已接受", "accepted" }, { "接受", "accepted" },
	{ "已采纳（2024-01-02）", "accepted" }, { "已拒绝", "rejected" }, { "废弃", "deprecated" },
	{ "被取代", "superseded" }, { "已接受并实施", "unknown" },
	{ "提案", "proposed" }, { "承認", "accepted" }, { "承認済み", "accepted" },
	{ "却下", "rejected" }, { "非推奨", "deprecated" }, { "置き換え", "superseded" },
	{ "✅ 承認済み", "accepted" },
};

TEST_GROUP(status_normalize)
{
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++)
		STR_EQ(status_name(status_normalize(rows[i].raw)), rows[i].want,
		       rows[i].raw);
	INT_EQ(status_normalize(NULL), ADR_STATUS_NONE, "NULL is no status");
	STR_EQ(status_name(ADR_STATUS_NONE), NULL, "none has no name");
}

/* adrlog.statusAlias: the repository's phrases, before the built-in list */
TEST_GROUP(status_aliases)
{
	struct strvec v = STRVEC_INIT, bad = STRVEC_INIT;

	strvec_push(&v, "Partially Implemented=implemented");
	strvec_push(&v, "Reference = accepted");
	strvec_push(&v, "accepted=rejected");	/* a team may redefine a word */
	strvec_push(&v, "nonsense");		/* no '=' */
	strvec_push(&v, "Foo=bar");		/* bar is no status */
	strvec_push(&v, "=accepted");		/* no phrase */
	strvec_push(&v, "Genehmigt=angenommen");	/* a built-in word as the target */
	INT_EQ((long)status_set_aliases(&v, &bad), 3, "three malformed");
	INT_EQ((long)bad.nr, 3, "and named");
	STR_EQ(bad.v[0], "nonsense", "the first bad value");
	STR_EQ(status_name(status_normalize("Partially Implemented")), "implemented", "phrase");
	STR_EQ(status_name(status_normalize("PARTIALLY   implemented (v2)")), "implemented",
	       "case and blanks");
	STR_EQ(status_name(status_normalize("Partially")), "unknown", "half a phrase");
	STR_EQ(status_name(status_normalize("Partially Implementedx")), "unknown", "glued");
	STR_EQ(status_name(status_normalize("reference")), "accepted", "one word");
	STR_EQ(status_name(status_normalize("Accepted")), "rejected", "alias first");
	STR_EQ(status_name(status_normalize("genehmigt")), "accepted", "target normalized");
	STR_EQ(status_name(status_normalize("Implemented")), "implemented", "built-in still");
	STR_EQ(status_aliases_key(),
	       "partially implemented=implemented;reference=accepted;accepted=rejected;"
	       "genehmigt=accepted;", "the key");
	strvec_clear(&v);
	status_set_aliases(&v, NULL);
	STR_EQ(status_name(status_normalize("Reference")), "unknown", "cleared");
	STR_EQ(status_aliases_key(), "", "empty key");
	status_clear_aliases();
	strvec_clear(&bad);
}

TEST_GROUP(status_names)
{
	for (int i = 1; i < ADR_STATUS__COUNT; i++)
		INT_EQ(status_from_name(status_name((enum adr_status)i)), i,
		       status_name((enum adr_status)i));
	INT_EQ(status_from_name("approved"), ADR_STATUS_NONE, "synonyms are not names");
}
