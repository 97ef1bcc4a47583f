/*
 * term: color policy (--color, NO_COLOR, TERM=dumb, isatty) and the status
 * palette shared by the text renderers.
 */
#include "term.h"

#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "pager.h"

int term_want_color(const char *when, FILE *out)
{
	const char *t = getenv("TERM");
	const char *nc = getenv("NO_COLOR");

	if (when && !strcmp(when, "always"))
		return 1;
	if (when && !strcmp(when, "never"))
		return 0;
	if (nc && *nc)
		return 0;
	if (t && !strcmp(t, "dumb"))
		return 0;
	if (out == stdout && pager_in_use())
		return 1;	/* the pager is on a terminal (less -R) */
	return isatty(fileno(out));
}

static size_t term_fd_width(int fd)
{
	struct winsize ws;

	if (!isatty(fd) || ioctl(fd, TIOCGWINSZ, &ws) < 0 || !ws.ws_col)
		return 0;
	return ws.ws_col;
}

size_t term_width(FILE *out)
{
	const char *c = getenv("COLUMNS");
	char *end;
	long v;

	if (c && *c) {
		v = strtol(c, &end, 10);
		if (!*end && v > 0 && v < 100000)
			return (size_t)v;
	}
	if (isatty(fileno(out)))
		return term_fd_width(fileno(out));
	/* less is on the terminal and the renderer writes into its pipe */
	if (out == stdout && pager_in_use())
		return term_fd_width(STDERR_FILENO);
	return 0;
}

const char *term_status_color(enum adr_status s)
{
	switch (s) {
	case ADR_STATUS_DRAFT:
	case ADR_STATUS_PROPOSED:
	case ADR_STATUS_PENDING:
		return "\033[33m";	/* yellow: open */
	case ADR_STATUS_ACCEPTED:
		return "\033[32m";	/* green */
	case ADR_STATUS_IMPLEMENTED:
		return "\033[1;32m";	/* bold green */
	case ADR_STATUS_REJECTED:
	case ADR_STATUS_WITHDRAWN:
		return "\033[31m";	/* red */
	case ADR_STATUS_DEPRECATED:
	case ADR_STATUS_SUPERSEDED:
	case ADR_STATUS_AMENDED:
		return "\033[35m";	/* magenta: replaced */
	case ADR_STATUS_DELETED:
		return "\033[2m";
	case ADR_STATUS_UNKNOWN:
		return "\033[36m";
	default:
		return "";
	}
}
