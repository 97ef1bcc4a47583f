/*
 * term: terminal decisions: whether to color, and the color of each status.
 */
#ifndef ADRLOG_TERM_H
#define ADRLOG_TERM_H

#include <stdio.h>

#include "status.h"

/* when: "auto" (or NULL), "never", "always".  Auto colors only a
 * terminal, never with NO_COLOR set or TERM=dumb. */
int term_want_color(const char *when, FILE *out);

/*
 * The columns text output must fit for out, in display cells: COLUMNS when
 * it is a positive number (the user asked), else the width of the
 * terminal out is (or, when the pager runs, the terminal stderr is), else
 * 0: no limit, so output piped to a file or a script is never cut.
 */
size_t term_width(FILE *out);

/* ANSI SGR sequence for a status ("" for none); TERM_RESET ends it. */
const char *term_status_color(enum adr_status s);
#define TERM_RESET "\033[m"
#define TERM_BOLD "\033[1m"
#define TERM_DIM "\033[2m"
#define TERM_YELLOW "\033[33m"

#endif
