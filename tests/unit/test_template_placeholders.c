/*
 * test_template_placeholders: the placeholder styles `adr-log new` fills
 * in a repository's template (issue 18): adr-tools' words, {title} and
 * {{ title }}, {ADR-NNN} and cometbft's "# ADR {ADR-120}: {Some thing}".
 */
#include <string.h>

#include "harness.h"
#include "strbuf.h"
#include "template.h"

TEST_GROUP(template_placeholders)
{
	struct strbuf sb = STRBUF_INIT;

	template_fill(&sb, "# ADR {ADR-120}: {Some cometbft thing}\n\n## Status\n\n{status}\n\n"
		      "Superseded by {ADR-NNN}\n", "13", "Use NATS", "2025-01-02", "Proposed");
	STR_EQ(sb.buf, "# ADR 013: Use NATS\n\n## Status\n\nProposed\n\nSuperseded by {ADR-NNN}\n",
	       "cometbft: {ADR-120} and the example title; {ADR-NNN} outside the heading stays");
	strbuf_reset(&sb);
	template_fill(&sb, "# {ADR-NNN}: {Title}\n\nDate: {date}\n\n## Status\n\n{{ status }}\n",
		      "7", "Queue", "2025-01-02", "Accepted");
	STR_EQ(sb.buf, "# ADR-007: Queue\n\nDate: 2025-01-02\n\n## Status\n\nAccepted\n",
	       "{ADR-NNN}, {Title}, {date}, {{ status }}");
	strbuf_reset(&sb);
	template_fill(&sb, "# {NNNN}. {title}\n\n* Status: {STATUS}\n* Date: {YYYY-MM-DD}\n", "42",
		      "Cache", "2025-01-02", "proposed");
	STR_EQ(sb.buf, "# 0042. Cache\n\n* Status: proposed\n* Date: 2025-01-02\n",
	       "{NNNN}, {title}, {STATUS}, {YYYY-MM-DD}");
	strbuf_reset(&sb);
	template_fill(&sb, "# NUMBER. TITLE\n\nDate: DATE\n\n## Status\n\nSTATUS\n\n{{x}\n", "2",
		      "T", "2025-01-02", "Proposed");
	STR_EQ(sb.buf, "# 2. T\n\nDate: 2025-01-02\n\n## Status\n\nProposed\n\n{{x}\n",
	       "adr-tools words; a stray brace stays");
	strbuf_release(&sb);
}
