/*
 * approxidate: the dates people type for --since and --until, in the
 * forms git's approxidate reads (date.c): "2 weeks ago", "3.days.ago",
 * "1 year 2 months ago", "last week", "yesterday", "today", "now",
 * "monday" (the last one), "noon", "midnight", "2024-02-01", "2024-02",
 * "2024", "2024-02-01 10:30", ISO 8601 with an offset, "@1700000000",
 * "Feb 2024", "1 feb 2024", "Feb 1, 2024", "01.02.2024", "02/01/2024",
 * RFC 2822 ("Thu, 1 Feb 2024 10:00:00 +0100").
 *
 * A relative date ("2 weeks ago") is an instant.  A calendar date names a
 * period (a day, a month, a year); end chooses its first second (--since)
 * or its last (--until), so "--until 2024-02" includes February 29th.
 * Dates without an offset are read in the local time zone (TZ), as git
 * reads them.  Unlike git, text that is not a date is an error, never
 * silently "now".
 */
#ifndef ADRLOG_APPROXIDATE_H
#define ADRLOG_APPROXIDATE_H

#include <stdint.h>

/*
 * Parse s relative to now (seconds since the epoch) into *out.  end: 0 for
 * the start of a period, 1 for its end.  Returns 0, or -1 when s is no
 * date (nothing is printed).
 */
int approxidate_parse(int64_t *out, const char *s, int64_t now, int end);

#endif
