/*
 * date: ISO 8601 formatting in the author's own offset, without gmtime or
 * localtime (civil-from-days arithmetic, valid for any 64-bit time).
 */
#include "date.h"

#include <ctype.h>
#include <stdio.h>
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

void date_iso8601(char *buf, int64_t seconds, int offset_minutes)
{
	int64_t y;
	unsigned mo, d, h, mi, s;
	int off = offset_minutes < 0 ? -offset_minutes : offset_minutes;
	char tmp[96];

	date_split(seconds + (int64_t)offset_minutes * 60, &y, &mo, &d, &h, &mi, &s);
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
		if (mo < 1 || mo > 12 || d < 1 || d > 31)
			continue;
		memcpy(buf, p, 10);
		buf[10] = '\0';
		return 0;
	}
	return -1;
}
