/*
 * progress: the delayed, throttled progress line (progress.h).  Time is
 * read from CLOCK_MONOTONIC at each update; no signals or timers, so the
 * history walk that calls it stays simple and reentrancy-free.
 */
#include "progress.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "strbuf.h"
#include "xalloc.h"

#define PROGRESS_REDRAW_MS 100

struct progress {
	FILE *out;
	char *title;
	uint64_t total, done;
	int64_t start_ms, last_ms;	/* start, and last redraw (-1: never) */
	long delay_ms;
	size_t last_len;		/* length of the last line drawn */
};

static int progress_quiet;

static int64_t progress_now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

void progress_set_quiet(int quiet)
{
	progress_quiet = quiet;
}

struct progress *progress_start_on(FILE *out, const char *title,
				   uint64_t total, long delay_ms)
{
	struct progress *p = xcalloc(1, sizeof(*p));

	p->out = out;
	p->title = xstrdup(title);
	p->total = total;
	p->delay_ms = delay_ms;
	p->start_ms = progress_now_ms();
	p->last_ms = -1;
	return p;
}

struct progress *progress_start(const char *title, uint64_t total)
{
	const char *env = getenv("ADRLOG_PROGRESS_DELAY");
	long delay = 1000;

	if (progress_quiet || !isatty(STDERR_FILENO))
		return NULL;
	if (env && *env)
		delay = (long)(strtod(env, NULL) * 1000);
	return progress_start_on(stderr, title, total, delay);
}

/* Draw "\r<title>: 42% (420/1000)" (or ": 420"), padding over a longer
 * previous line; suffix ends the line at stop. */
static void progress_draw(struct progress *p, const char *suffix)
{
	struct strbuf sb = STRBUF_INIT;

	strbuf_addf(&sb, "%s: ", p->title);
	if (p->total) {
		uint64_t pct = p->done >= p->total ? 100 : p->done * 100 / p->total;
		strbuf_addf(&sb, "%3u%% (%llu/%llu)", (unsigned)pct,
			    (unsigned long long)p->done,
			    (unsigned long long)p->total);
	} else {
		strbuf_addf(&sb, "%llu", (unsigned long long)p->done);
	}
	strbuf_addstr(&sb, suffix);
	fputc('\r', p->out);
	fputs(sb.buf, p->out);
	for (size_t i = sb.len; i < p->last_len; i++)
		fputc(' ', p->out);
	p->last_len = sb.len;
	fflush(p->out);
	strbuf_release(&sb);
}

void progress_update(struct progress *p, uint64_t n)
{
	int64_t now;

	if (!p)
		return;
	p->done = n;
	now = progress_now_ms();
	if (now - p->start_ms < p->delay_ms)
		return;
	if (p->last_ms >= 0 && now - p->last_ms < PROGRESS_REDRAW_MS)
		return;
	p->last_ms = now;
	progress_draw(p, "");
}

void progress_stop(struct progress **pp)
{
	struct progress *p = *pp;

	if (!p)
		return;
	if (p->last_ms >= 0)
		progress_draw(p, ", done.\n");
	free(p->title);
	free(p);
	*pp = NULL;
}
