/*
 * error: one recorded error message and the user-facing one-line printers.
 * Every message adr-log prints on stderr goes through this file, so the
 * "adr-log: " prefix and the one-line rule live in one place.
 */
#include "error.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "strbuf.h"
#include "utf8.h"

static struct strbuf last_error = STRBUF_INIT;
static int quiet_warnings;

/*
 * Messages are one line and safe on a terminal: newlines become spaces,
 * every other control character (C0, C1, bidi overrides, invalid UTF-8 in
 * a quoted file name or title) is made harmless by utf8_for_terminal().
 */
static void error_flatten(struct strbuf *sb)
{
	struct strbuf safe = STRBUF_INIT;

	for (size_t i = 0; i < sb->len; i++)
		if (sb->buf[i] == '\n' || sb->buf[i] == '\r')
			sb->buf[i] = ' ';
	utf8_for_terminal(&safe, sb->buf, 0);
	strbuf_release(sb);
	*sb = safe;
	strbuf_rtrim(sb);
}

int error_set(const char *fmt, ...)
{
	va_list ap;

	strbuf_reset(&last_error);
	va_start(ap, fmt);
	strbuf_vaddf(&last_error, fmt, ap);
	va_end(ap);
	error_flatten(&last_error);
	return -1;
}

const char *error_last(void)
{
	return last_error.len ? last_error.buf : "unknown error";
}

void error_clear(void)
{
	strbuf_release(&last_error);
}

void error_print(void)
{
	fflush(stdout);
	fprintf(stderr, "adr-log: %s\n", error_last());
}

static void error_vprint(const char *prefix, const char *fmt, va_list ap)
{
	struct strbuf sb = STRBUF_INIT;

	strbuf_vaddf(&sb, fmt, ap);
	error_flatten(&sb);
	fflush(stdout);
	fprintf(stderr, "adr-log: %s%s\n", prefix, sb.buf);
	strbuf_release(&sb);
}

void error_report(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	error_vprint("", fmt, ap);
	va_end(ap);
}

void warning(const char *fmt, ...)
{
	va_list ap;

	if (quiet_warnings)
		return;
	va_start(ap, fmt);
	error_vprint("warning: ", fmt, ap);
	va_end(ap);
}

void warning_set_quiet(int quiet)
{
	quiet_warnings = quiet;
}
