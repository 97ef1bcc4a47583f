/*
 * test_term: the color policy (--color, NO_COLOR, TERM=dumb, terminal)
 * and the status palette.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "term.h"

TEST_GROUP(term_want_color)
{
	FILE *f = tmpfile();
	char *nc = getenv("NO_COLOR") ? strdup(getenv("NO_COLOR")) : NULL;
	char *t = getenv("TERM") ? strdup(getenv("TERM")) : NULL;

	unsetenv("NO_COLOR");
	setenv("TERM", "xterm", 1);
	INT_EQ(term_want_color("always", f), 1, "always colors a file");
	INT_EQ(term_want_color("never", f), 0, "never");
	INT_EQ(term_want_color("auto", f), 0, "auto: a file is no terminal");
	INT_EQ(term_want_color(NULL, f), 0, "NULL is auto");
	setenv("NO_COLOR", "1", 1);
	INT_EQ(term_want_color("always", f), 1, "always wins over NO_COLOR");
	INT_EQ(term_want_color("auto", stdout), 0, "NO_COLOR");
	setenv("NO_COLOR", "", 1);
	setenv("TERM", "dumb", 1);
	INT_EQ(term_want_color("auto", stdout), 0, "TERM=dumb");
	fclose(f);
	if (nc) setenv("NO_COLOR", nc, 1); else unsetenv("NO_COLOR");
	if (t) setenv("TERM", t, 1); else unsetenv("TERM");
	free(nc);
	free(t);
}

TEST_GROUP(term_status_palette)
{
	OK(*term_status_color(ADR_STATUS_ACCEPTED), "accepted has a color");
	OK(strcmp(term_status_color(ADR_STATUS_ACCEPTED),
		  term_status_color(ADR_STATUS_REJECTED)), "accepted and rejected differ");
	OK(strcmp(term_status_color(ADR_STATUS_PROPOSED),
		  term_status_color(ADR_STATUS_SUPERSEDED)), "open and replaced differ");
	STR_EQ(term_status_color(ADR_STATUS_NONE), "", "no status, no color");
	for (int s = ADR_STATUS_UNKNOWN; s < ADR_STATUS__COUNT; s++) {
		const char *c = term_status_color((enum adr_status)s);
		OK(c[0] == '\033' && c[1] == '[' && c[strlen(c) - 1] == 'm',
		   "status %d: an SGR sequence", s);
	}
}

TEST_GROUP(term_width)
{
	FILE *f = tmpfile();
	char *c = getenv("COLUMNS") ? strdup(getenv("COLUMNS")) : NULL;

	setenv("COLUMNS", "123", 1);
	INT_EQ(term_width(f), 123, "COLUMNS wins, also for a file (the user asked)");
	setenv("COLUMNS", "0", 1);
	INT_EQ(term_width(f), 0, "COLUMNS=0 is no width");
	setenv("COLUMNS", "80x", 1);
	INT_EQ(term_width(f), 0, "not a number");
	unsetenv("COLUMNS");
	INT_EQ(term_width(f), 0, "a file without COLUMNS: no limit, nothing cut");
	if (c) {
		setenv("COLUMNS", c, 1);
		free(c);
	}
	fclose(f);
}
