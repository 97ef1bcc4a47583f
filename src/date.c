/*
 * date: ISO 8601 formatting in the author's own offset, without gmtime or
 * localtime (civil-from-days arithmetic; any 64-bit time and offset is
 * accepted, and held to the years 0000-9999 that ISO 8601 writes).
 */
#include "date.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Days since 1970-01-01 to a proleptic Gregorian y/m/d (Howard Hinnant). */
static void date_civil(int64_t days, int64_t *y, unsigned *m, unsigned *d)
{
	int64_t z = days + 719468;
	int64_t era = (z >= 0 ? z : z - 146096) / 146097;
	unsigned doe = (unsigned)(z - era * 146097);
	unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	unsigned mp = (5 * doy + 2) / 153;

	*d = doy - (153 * mp + 2) / 5 + 1;
	*m = mp < 10 ? mp + 3 : mp - 9;
	*y = (int64_t)yoe + era * 400 + (*m <= 2);
}

static void date_split(int64_t t, int64_t *y, unsigned *mo, unsigned *d,
		       unsigned *h, unsigned *mi, unsigned *s)
{
	int64_t days = t / 86400, rem = t % 86400;

	if (rem < 0) {
		rem += 86400;
		days--;
	}
	date_civil(days, y, mo, d);
	*h = (unsigned)(rem / 3600);
	*mi = (unsigned)(rem % 3600 / 60);
	*s = (unsigned)(rem % 60);
}

/* 0000-01-01T00:00:00 and 9999-12-31T23:59:59 as seconds since the epoch */
#define DATE_MIN_SECONDS (-62167219200LL)
#define DATE_MAX_SECONDS 253402300799LL
/* git writes offsets as [+-]HHMM: 99:59 is the largest one can write */
#define DATE_MAX_OFFSET (99 * 60 + 59)

void date_iso8601(char *buf, int64_t seconds, int offset_minutes)
{
	int64_t y, local;
	unsigned mo, d, h, mi, s;
	int off;
	char tmp[96];

	/*
	 * Hostile commits carry any 64-bit time and any 32-bit offset: an
	 * offset no one can write is taken as UTC, and the time is held to the
	 * years ISO 8601 writes with four digits, 0000-9999, so that neither
	 * the sum below nor the year overflows and the text stays ISO.
	 */
	if (offset_minutes < -DATE_MAX_OFFSET || offset_minutes > DATE_MAX_OFFSET)
		offset_minutes = 0;
	off = offset_minutes < 0 ? -offset_minutes : offset_minutes;
	if (seconds < DATE_MIN_SECONDS)
		seconds = DATE_MIN_SECONDS;
	if (seconds > DATE_MAX_SECONDS)
		seconds = DATE_MAX_SECONDS;
	local = seconds + (int64_t)offset_minutes * 60;
	if (local < DATE_MIN_SECONDS)
		local = DATE_MIN_SECONDS;
	if (local > DATE_MAX_SECONDS)
		local = DATE_MAX_SECONDS;
	date_split(local, &y, &mo, &d, &h, &mi, &s);
	snprintf(tmp, sizeof(tmp), "%04lld-%02u-%02uT%02u:%02u:%02u%c%02d:%02d",
		 (long long)y, mo, d, h, mi, s, offset_minutes < 0 ? '-' : '+',
		 (off / 60) % 100, off % 60);
	memcpy(buf, tmp, DATE_ISO_MAX - 1);
	buf[DATE_ISO_MAX - 1] = '\0';
}

void date_day(char *buf, int64_t seconds, int offset_minutes)
{
	char iso[DATE_ISO_MAX];

	date_iso8601(iso, seconds, offset_minutes);
	memcpy(buf, iso, 10);
	buf[10] = '\0';
}

int date_is_day(int y, int m, int d)
{
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;

	if (m < 1 || m > 12 || d < 1)
		return 0;
	return d <= days[m - 1] + (m == 2 && leap);
}

int date_find_ymd(char *buf, const char *s)
{
	for (const char *p = s; *p; p++) {
		int ok = 1, mo, d;

		if (p > s && isdigit((unsigned char)p[-1]))
			continue;
		for (int i = 0; i < 10 && ok; i++) {
			if (i == 4 || i == 7)
				ok = p[i] == '-';
			else
				ok = isdigit((unsigned char)p[i]);
		}
		if (!ok || isdigit((unsigned char)p[10]))
			continue;
		mo = (p[5] - '0') * 10 + (p[6] - '0');
		d = (p[8] - '0') * 10 + (p[9] - '0');
		if (!date_is_day(atoi(p), mo, d))
			continue;	/* 2023-13-10, 2023-02-30: no date (SPEC 1) */
		memcpy(buf, p, 10);
		buf[10] = '\0';
		return 0;
	}
	return -1;
}
