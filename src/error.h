/*
 * error: the one error slot and the exit codes.
 *
 * Library code never prints or exits.  A function that fails records one
 * message with error_set() ("<what>: <why>", lowercase, no full stop, the
 * thing in quotes) and returns a negative value; callers pass that value up
 * unchanged.  Only main() and the cmd_* layer print, once, through
 * error_print(), as "adr-log: <what>: <why>" (SPEC section 4).
 *
 * Warnings (a shallow clone, an unreadable blob that was skipped) are not
 * failures: warning() prints them at once, one line each, on stderr.
 */
#ifndef ADRLOG_ERROR_H
#define ADRLOG_ERROR_H

/* Exit codes (SPEC section 4). */
enum adr_exit {
	ADR_EXIT_OK = 0,	/* success */
	ADR_EXIT_FAIL = 1,	/* check findings, hook refusal */
	ADR_EXIT_USAGE = 2	/* usage, repository or internal error */
};

#if defined(__GNUC__)
#define ADR_PRINTF(a, b) __attribute__((format(printf, a, b)))
#else
#define ADR_PRINTF(a, b)
#endif

/* Record the message; always returns -1 so callers can `return error_set(...)`. */
ADR_PRINTF(1, 2) int error_set(const char *fmt, ...);
/* The recorded message, or "unknown error" when none was set. */
const char *error_last(void);
void error_clear(void);
/* Print "adr-log: <last error>" on stderr. */
void error_print(void);
/* Print "adr-log: <message>" on stderr at once (usage errors in the CLI). */
ADR_PRINTF(1, 2) void error_report(const char *fmt, ...);
/* Print "adr-log: warning: <message>" on stderr. */
ADR_PRINTF(1, 2) void warning(const char *fmt, ...);
/* Silence warning() (used by tests of quiet modes and by hooks when asked). */
void warning_set_quiet(int quiet);

#endif
