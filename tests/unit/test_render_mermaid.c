/*
 * test_render_mermaid: the Mermaid timeline's shape and its escaping of
 * what Mermaid reads as syntax (':' '#' ';' '%%' newlines, HTML).
 */
#include "harness.h"
#include "render_fixture.h"

/* Lines of s after the fence and "timeline" header, each checked. */
static int mermaid_lines_ok(const char *s, char *why, size_t whylen)
{
	const char *p = strstr(s, "timeline\n");

	if (!p)
		return snprintf(why, whylen, "no timeline header"), 0;
	for (p += 9; *p && strncmp(p, "```", 3); ) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);
		const char *colon = memchr(p, ':', len);
		int colons = 0;

		for (size_t i = 0; i < len; i++) {
			unsigned char c = (unsigned char)p[i];
			if (c == ':')
				colons++;
			if (c == '#' || c == ';' || c == '<' || c == '>' || c < 0x20 ||
			    (c == '%' && i + 1 < len && p[i + 1] == '%'))
				return snprintf(why, whylen, "bad char in: %.*s", (int)len, p), 0;
		}
		/* "    title T", "    section S", "        DAY : EVENT", "   : EVENT" */
		if (strncmp(p, "    title ", 10) && strncmp(p, "    section ", 12) &&
		    (colons != 1 || !colon || colon[1] != ' '))
			return snprintf(why, whylen, "bad line: %.*s", (int)len, p), 0;
		p += len + (nl ? 1 : 0);
	}
	return *p ? 1 : (snprintf(why, whylen, "no closing fence"), 0);
}

TEST_GROUP(render_mermaid_timeline)
{
	struct adr_db *db = fixture_db();
	int rc;
	char why[512] = "";
	char *s = fixture_render(FMT_MERMAID, VIEW_TIMELINE, db, NULL, &rc);

	INT_EQ(rc, 0, "timeline renders");
	OK(strstr(s, "```mermaid\ntimeline\n    title Decision timeline (by landed day)\n") == s, "header: %s", s);
	OK(mermaid_lines_ok(s, why, sizeof(why)), "every line is valid: %s", why);
	OK(strstr(s, "    section 2024-01\n        2024-01-01 : ADR 1 Use ") != NULL,
	   "month sections and day periods: %s", s);
	OK(strstr(s, "\n                   : ADR 1 Use ") != NULL,
	   "a second event the same day continues the period");
	OK(strstr(s, "ADR 3 Replace\xea\x9e\x89 the \xef\xbc\x83" "1 choice, really + truly (accepted)") != NULL,
	   "':' '#' ';' '&' replaced: %s", s);
	OK(strstr(s, "(accepted \xe2\x86\x92 superseded)") != NULL, "status change text");
	OK(strstr(s, "\xe2\x80\xb9script\xe2\x80\xba") != NULL, "no HTML tag survives");
	OK(s[strlen(s) - 1] == '\n' && strstr(s, "\n```\n") != NULL, "closing fence");
	free(s);

	s = fixture_render(FMT_MERMAID, VIEW_SHOW, db, db->adrs[1], &rc);
	OK(!strstr(s, "ADR 1 ") && strstr(s, "ADR 2 Title with ESC  [31m red  and BEL (accepted)"),
	   "one ADR's history, controls blanked: %s", s);
	free(s);
	s = fixture_render(FMT_MERMAID, VIEW_LIST, db, NULL, &rc);
	INT_EQ(rc, -1, "list has no mermaid form");
	free(s);
	adr_db_free(db);
}
