/*
 * date: commit times as text.  A git time is seconds since the epoch plus
 * the author's UTC offset in minutes; output keeps that offset
 * ("2025-05-18T22:54:50-04:00"), never the machine's local zone.
 */
#ifndef ADRLOG_DATE_H
#define ADRLOG_DATE_H

#include <stddef.h>
#include <stdint.h>

#define DATE_ISO_MAX 32

/* "YYYY-MM-DDTHH:MM:SS+HH:MM" into buf (at least DATE_ISO_MAX bytes). */
void date_iso8601(char *buf, int64_t seconds, int offset_minutes);
/* "YYYY-MM-DD" in the author's zone into buf (at least 11 bytes). */
void date_day(char *buf, int64_t seconds, int offset_minutes);
/* Non-zero when y-m-d is a day of the proleptic Gregorian calendar. */
int date_is_day(int y, int m, int d);
/*
 * Find the first YYYY-MM-DD (a real calendar day, not glued to other
 * digits) in s; copy it to buf (11 bytes).  Returns 0 when found, -1 if not.
 */
int date_find_ymd(char *buf, const char *s);

#endif
