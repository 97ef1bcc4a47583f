/*
 * progress: one self-rewriting line on stderr for slow work (git's
 * progress.c).  Shown only when stderr is a terminal and only once the
 * work has taken longer than a delay (1 s; $ADRLOG_PROGRESS_DELAY
 * overrides it, in seconds), so fast runs and scripts never see it.
 *
 * USAGE
 *	struct progress *p = progress_start("Walking commits", total);
 *	for (...) progress_update(p, ++n);	(cheap: redraws at most 10/s)
 *	progress_stop(&p);			(", done." if it was shown)
 *
 * total 0 means unknown (a count is shown instead of a percentage).  A
 * NULL progress is valid everywhere, so callers need no checks.
 */
#ifndef ADRLOG_PROGRESS_H
#define ADRLOG_PROGRESS_H

#include <stdint.h>
#include <stdio.h>

struct progress;

/* A new progress for title on stderr; NULL when stderr is no terminal. */
struct progress *progress_start(const char *title, uint64_t total);

/*
 * The same on any stream, shown once delay_ms have passed (tests use 0
 * and a memory stream).  Never NULL.
 */
struct progress *progress_start_on(FILE *out, const char *title,
				   uint64_t total, long delay_ms);

/* Record that n items are done; redraws when due. */
void progress_update(struct progress *p, uint64_t n);

/* Finish the line when it was shown, free p and set it to NULL. */
void progress_stop(struct progress **p);

/* Non-zero: progress_start() returns NULL (set by --quiet-like modes). */
void progress_set_quiet(int quiet);

#endif
