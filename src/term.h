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

/* ANSI SGR sequence for a status ("" for none); TERM_RESET ends it. */
const char *term_status_color(enum adr_status s);
#define TERM_RESET "\033[m"
#define TERM_BOLD "\033[1m"
#define TERM_DIM "\033[2m"
#define TERM_YELLOW "\033[33m"

#endif
