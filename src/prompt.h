/*
 * prompt: a short dialogue with the person at the terminal, for the
 * commit-msg hook.  Git runs hooks with stdin from /dev/null and stdout
 * sent to stderr, so the dialogue reads and writes /dev/tty directly; it
 * works inside `git commit` and fails cleanly where there is no terminal
 * (an IDE, CI, `setsid`).
 */
#ifndef ADRLOG_PROMPT_H
#define ADRLOG_PROMPT_H

#include <stdio.h>

#include "strbuf.h"

struct prompt {
	FILE *in;	/* /dev/tty for reading */
	FILE *out;	/* /dev/tty for writing (a second descriptor) */
};

/*
 * Open the terminal.  Returns -1 (no error recorded) when there is no
 * controlling terminal or stderr is not one (output captured: nobody is
 * there to answer).
 */
int prompt_open(struct prompt *p);
void prompt_close(struct prompt *p);

#if defined(__GNUC__)
__attribute__((format(printf, 2, 3)))
#endif
void prompt_printf(struct prompt *p, const char *fmt, ...);

/*
 * Print question, read one line into answer (reset first, newline and
 * surrounding blanks removed).  Returns 0, or -1 at end of input.
 */
int prompt_ask(struct prompt *p, const char *question, struct strbuf *answer);

#endif
