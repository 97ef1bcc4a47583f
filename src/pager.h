/*
 * pager: page long output on a terminal as git does.  main.c prepares the
 * pager for commands flagged CMD_USE_PAGER; the pager is started lazily,
 * just before the first rendering (cmd_render_ctx), so that progress lines
 * and errors of a slow history walk reach the terminal first.
 */
#ifndef ADRLOG_PAGER_H
#define ADRLOG_PAGER_H

/*
 * The pager command git would choose: $GIT_PAGER, else core_pager (the
 * core.pager config, may be NULL), else $PAGER, else "less".  NULL when
 * that is empty or "cat" (no pager).
 */
const char *pager_program(const char *core_pager);

/*
 * Arm the pager for this run when stdout is a terminal and a pager is
 * configured (see pager_program).  core_pager is copied.
 */
void pager_prepare(const char *core_pager);

/*
 * Start the armed pager (once): stdout, and stderr when it is a terminal,
 * now feed it.  LESS=FRX and LV=-c are set when unset.  Does nothing when
 * nothing is armed; a pager that cannot start leaves output unpaged.
 */
void pager_start(void);

/* Non-zero once the pager runs (output is then a pipe, but colored). */
int pager_in_use(void);

/*
 * Wait for the pager to exit, after stdout was closed (main.c's
 * fclose(stdout)); stderr goes back to the terminal.
 */
void pager_finish(void);

#endif
