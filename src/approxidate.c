/*
 * approxidate: --since/--until dates (see approxidate.h).  The text is
 * cut into tokens (words, numbers, dates, times, offsets); each token
 * fills a field of a broken-down date or a relative amount; the result is
 * made with mktime() in the local zone, or with civil-day arithmetic when
 * an offset was given.
 */
#include "approxidate.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

enum approx_prec { PREC_NONE, PREC_YEAR, PREC_MONTH, PREC_DAY, PREC_MINUTE, PREC_SECOND };

struct approx {
	int year, mon, mday, hour, min, sec;	/* -1: not given; mon 1-12 */
	int offset_set, offset;			/* minutes east of UTC */
	int day_shift;				/* yesterday: -1 */
	int wday;				/* a weekday name, -1: none */
	long rel[7];				/* amounts of each unit */
	int has_rel, has_day_word, pm, am;
	long pending;				/* a number waiting for its unit, -1: none */
};

static const char *const months[] = {
	"january", "february", "march", "april", "may", "june", "july",
	"august", "september", "october", "november", "december"
};
static const char *const wdays[] = {
	"sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"
};
static const char *const numbers[] = {
	"zero", "one", "two", "three", "four", "five", "six", "seven", "eight",
	"nine", "ten"
};

/* units: index into struct approx.rel */
enum { U_SEC, U_MIN, U_HOUR, U_DAY, U_WEEK, U_MONTH, U_YEAR };
static const struct { const char *name; int unit; } units[] = {
	{ "seconds", U_SEC }, { "second", U_SEC }, { "secs", U_SEC }, { "sec", U_SEC },
	{ "minutes", U_MIN }, { "minute", U_MIN }, { "mins", U_MIN }, { "min", U_MIN },
	{ "hours", U_HOUR }, { "hour", U_HOUR }, { "hrs", U_HOUR }, { "hr", U_HOUR },
	{ "days", U_DAY }, { "day", U_DAY }, { "weeks", U_WEEK }, { "week", U_WEEK },
	{ "months", U_MONTH }, { "month", U_MONTH }, { "years", U_YEAR }, { "year", U_YEAR },
};

/* Days from 1970-01-01 to y-m-d (proleptic Gregorian, Howard Hinnant). */
static int64_t approx_days(int64_t y, unsigned m, unsigned d)
{
	int64_t era;
	unsigned yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = (unsigned)(y - era * 400);
	doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + (int64_t)doe - 719468;
}

static int approx_month_days(int y, int m)
{
	static const int md[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	return m == 2 && leap ? 29 : md[m - 1];
}

static int approx_all_digits(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!isdigit((unsigned char)s[i]))
			return 0;
	return n > 0;
}

/* "10:30", "10:30:15" (optionally "10:30pm" is split by the caller). */
static int approx_time(struct approx *a, const char *t)
{
	int h, m, s = 0, n = 0;

	if (sscanf(t, "%d:%d:%d%n", &h, &m, &s, &n) == 3 && !t[n])
		a->sec = s;
	else if (sscanf(t, "%d:%d%n", &h, &m, &n) == 2 && !t[n])
		a->sec = -1;
	else
		return -1;
	if (h < 0 || h > 24 || m < 0 || m > 59 || s < 0 || s > 60)
		return -1;
	a->hour = h;
	a->min = m;
	return 0;
}

/* "+0100", "-04:30", "+01". */
static int approx_offset(struct approx *a, const char *t)
{
	int sign = *t == '-' ? -1 : 1, h, m = 0;
	size_t n = strlen(t + 1);

	if (n == 4 && approx_all_digits(t + 1, 4)) {
		h = (t[1] - '0') * 10 + t[2] - '0';
		m = (t[3] - '0') * 10 + t[4] - '0';
	} else if (n == 5 && t[3] == ':' && approx_all_digits(t + 1, 2) &&
		   approx_all_digits(t + 4, 2)) {
		h = (t[1] - '0') * 10 + t[2] - '0';
		m = (t[4] - '0') * 10 + t[5] - '0';
	} else if (n == 2 && approx_all_digits(t + 1, 2)) {
		h = (t[1] - '0') * 10 + t[2] - '0';
	} else {
		return -1;
	}
	if (h > 14 || m > 59)
		return -1;
	a->offset_set = 1;
	a->offset = sign * (h * 60 + m);
	return 0;
}

static int approx_set_date(struct approx *a, int y, int m, int d)
{
	if (a->year >= 0 || m < 1 || m > 12 || (d != -1 && (d < 1 || d > approx_month_days(y, m))))
		return -1;
	a->year = y;
	a->mon = m;
	a->mday = d;
	return 0;
}

/* A token of digits and separators: 2024-02-01, 2024-02, 2024/02/01, 01.02.2024, 02/01/2024. */
static int approx_numeric_date(struct approx *a, const char *t)
{
	int x, y, z, n = 0;

	if (sscanf(t, "%4d-%2d-%2d%n", &x, &y, &z, &n) == 3 && !t[n] && n == 10)
		return approx_set_date(a, x, y, z);
	if (sscanf(t, "%4d-%2d%n", &x, &y, &n) == 2 && !t[n] && n == 7)
		return approx_set_date(a, x, y, -1);
	if ((sscanf(t, "%4d/%2d/%2d%n", &x, &y, &z, &n) == 3 ||
	     sscanf(t, "%4d.%2d.%2d%n", &x, &y, &z, &n) == 3) && !t[n] && x > 31)
		return approx_set_date(a, x, y, z);
	if (sscanf(t, "%2d.%2d.%4d%n", &x, &y, &z, &n) == 3 && !t[n] && z > 31)
		return approx_set_date(a, z, y, x);	/* European: day first */
	if (sscanf(t, "%2d/%2d/%4d%n", &x, &y, &z, &n) == 3 && !t[n] && z > 31)
		return approx_set_date(a, z, x, y);	/* US: month first */
	return -1;
}

static int approx_word_index(const char *w, const char *const *list, size_t nr, size_t min)
{
	size_t len = strlen(w);

	for (size_t i = 0; i < nr; i++)
		if (!strcmp(w, list[i]) || (len >= min && len <= strlen(list[i]) &&
					    !strncmp(w, list[i], len) && len == min))
			return (int)i;
	return -1;
}

static int approx_add_unit(struct approx *a, const char *w)
{
	for (size_t i = 0; i < sizeof(units) / sizeof(*units); i++)
		if (!strcmp(w, units[i].name)) {
			a->rel[units[i].unit] += a->pending >= 0 ? a->pending : 1;
			a->pending = -1;
			a->has_rel = 1;
			return 0;
		}
	return -1;
}

static int approx_word(struct approx *a, const char *w)
{
	int i;

	if (!approx_add_unit(a, w))
		return 0;
	if (a->pending >= 0 && (!strcmp(w, "am") || !strcmp(w, "pm")) && a->hour < 0 &&
	    a->pending >= 1 && a->pending <= 12) {
		a->hour = (int)a->pending % 12 + (!strcmp(w, "pm") ? 12 : 0);
		a->min = 0;
		a->sec = -1;
		a->pending = -1;
		return 0;
	}
	if (!strcmp(w, "ago") || !strcmp(w, "at") || !strcmp(w, "the") ||
	    !strcmp(w, "of") || !strcmp(w, "on"))
		return 0;
	if (!strcmp(w, "am") || !strcmp(w, "pm")) {
		if (a->hour < 0 || a->hour > 12)
			return -1;
		if (!strcmp(w, "pm") && a->hour < 12)
			a->hour += 12;
		else if (!strcmp(w, "am") && a->hour == 12)
			a->hour = 0;
		return 0;
	}
	if (!strcmp(w, "now")) {
		a->has_rel = 1;	/* zero units ago */
		return 0;
	}
	if (!strcmp(w, "today") || !strcmp(w, "yesterday")) {
		a->has_day_word = 1;
		a->day_shift += w[0] == 'y' ? -1 : 0;
		return 0;
	}
	if (!strcmp(w, "noon") || !strcmp(w, "midnight")) {
		a->hour = w[0] == 'n' ? 12 : 0;
		a->min = 0;
		a->sec = 0;
		return 0;
	}
	if (!strcmp(w, "last") || !strcmp(w, "a") || !strcmp(w, "an")) {
		a->pending = 1;
		return 0;
	}
	if (!strcmp(w, "utc") || !strcmp(w, "gmt") || !strcmp(w, "z")) {
		a->offset_set = 1;
		a->offset = 0;
		return 0;
	}
	if ((i = approx_word_index(w, numbers, 11, 99)) >= 0) {
		a->pending = i;
		return 0;
	}
	if ((i = approx_word_index(w, months, 12, 3)) >= 0) {
		if (a->mon >= 0)
			return -1;
		a->mon = i + 1;
		if (a->pending >= 1 && a->pending <= 31) {	/* "1 feb" */
			a->mday = (int)a->pending;
			a->pending = -1;
		}
		return 0;
	}
	if ((i = approx_word_index(w, wdays, 7, 3)) >= 0) {
		if (a->pending == 1)
			a->pending = -1;	/* "last monday" */
		a->wday = i;
		return 0;
	}
	return -1;
}

/* A bare number: a day after a month name, a year, or an amount. */
static int approx_number(struct approx *a, const char *t)
{
	long v;

	if (strlen(t) > 9)
		return -1;
	v = strtol(t, NULL, 10);
	if (strlen(t) == 4 && v >= 1900 && a->year < 0 && a->pending < 0) {
		a->year = (int)v;
		return 0;
	}
	if (a->mon > 0 && a->mday < 0 && v >= 1 && v <= 31 && a->pending < 0) {
		a->mday = (int)v;	/* "feb 1" */
		return 0;
	}
	if (a->pending >= 0)
		return -1;
	a->pending = v;
	return 0;
}

static int approx_token(struct approx *a, char *t)
{
	size_t n = strlen(t);
	char *tpos;

	if ((*t == '+' || *t == '-') && n > 1 && isdigit((unsigned char)t[1]))
		return approx_offset(a, t);
	if (isdigit((unsigned char)*t)) {
		/* 2024-02-01T10:30:00Z, 2024-02-01T10:30+01:00 */
		if ((tpos = strchr(t, 't')) && tpos - t == 10) {
			char *z, *off;
			*tpos = '\0';
			if (approx_numeric_date(a, t) < 0)
				return -1;
			t = tpos + 1;
			if ((z = strchr(t, 'z')) && !z[1]) {
				*z = '\0';
				a->offset_set = 1;
				a->offset = 0;
			} else if ((off = strpbrk(t, "+-"))) {
				if (approx_offset(a, off) < 0)
					return -1;
				*off = '\0';
			}
			return approx_time(a, t);
		}
		if (strchr(t, ':')) {
			size_t l = strlen(t);
			if (l > 2 && (!strcmp(t + l - 2, "am") || !strcmp(t + l - 2, "pm"))) {
				char ampm[3] = { t[l - 2], t[l - 1], 0 };
				t[l - 2] = '\0';
				return approx_time(a, t) < 0 ? -1 : approx_word(a, ampm);
			}
			return approx_time(a, t);
		}
		if (strpbrk(t, "-/."))
			return approx_numeric_date(a, t);
		if (approx_all_digits(t, n))
			return approx_number(a, t);
		/* "10am", "3pm", "1st", "2nd" */
		{
			char *end;
			long v = strtol(t, &end, 10);
			if (!strcmp(end, "am") || !strcmp(end, "pm")) {
				if (v < 1 || v > 12 || a->hour >= 0)
					return -1;
				a->hour = (int)(v % 12 + (*end == 'p' ? 12 : 0));
				a->min = 0;
				a->sec = -1;
				return 0;
			}
			if (!strcmp(end, "st") || !strcmp(end, "nd") || !strcmp(end, "rd") ||
			    !strcmp(end, "th")) {
				*end = '\0';
				return approx_number(a, t);
			}
		}
		return -1;
	}
	return approx_word(a, t);
}

/* Seconds since the epoch of a local (or offset) broken-down time. */
static int64_t approx_make(const struct approx *a, int y, int mo, int d, int h, int mi, int s)
{
	struct tm tm;

	if (a->offset_set)
		return approx_days(y, (unsigned)mo, (unsigned)d) * 86400 + h * 3600 + mi * 60 + s -
		       (int64_t)a->offset * 60;
	memset(&tm, 0, sizeof(tm));
	tm.tm_year = y - 1900;
	tm.tm_mon = mo - 1;
	tm.tm_mday = d;
	tm.tm_hour = h;
	tm.tm_min = mi;
	tm.tm_sec = s;
	tm.tm_isdst = -1;
	return (int64_t)mktime(&tm);
}

int approxidate_parse(int64_t *out, const char *s, int64_t now_in, int end)
{
	struct approx a;
	char buf[256], *tok, *save = NULL;
	int has_letter = 0;
	size_t n = 0;
	time_t now = (time_t)now_in;
	struct tm lt;

	if (!s)
		return -1;
	while (isspace((unsigned char)*s))
		s++;
	if (*s == '@') {
		char *e;
		long long v = strtoll(s + 1, &e, 10);
		if (e == s + 1 || *e || !isdigit((unsigned char)s[1]))
			return -1;
		*out = v;
		return 0;
	}
	for (const char *p = s; *p && n + 1 < sizeof(buf); p++) {
		char c = (char)tolower((unsigned char)*p);
		has_letter |= isalpha((unsigned char)c) && c != 't' && c != 'z';
		buf[n++] = c;
	}
	if (s[n] || !n)
		return -1;
	buf[n] = '\0';
	/* "2.weeks.ago", "Feb 1, 2024": dots and commas separate words */
	for (size_t i = 0; i < n; i++)
		if (buf[i] == ',' || buf[i] == '_' || (has_letter && buf[i] == '.'))
			buf[i] = ' ';
	memset(&a, 0, sizeof(a));
	a.year = a.mon = a.mday = a.hour = a.min = a.sec = a.wday = -1;
	a.pending = -1;
	for (tok = strtok_r(buf, " \t", &save); tok; tok = strtok_r(NULL, " \t", &save))
		if (approx_token(&a, tok) < 0)
			return -1;
	if (a.pending >= 0)
		return -1;	/* "2" alone, "3 ago" */
	localtime_r(&now, &lt);
	if (a.has_rel) {
		struct tm tm = lt;
		if (a.year >= 0 || a.mon >= 0 || a.has_day_word || a.wday >= 0)
			return -1;
		tm.tm_year -= (int)a.rel[U_YEAR];
		tm.tm_mon -= (int)a.rel[U_MONTH];
		tm.tm_mday -= (int)(a.rel[U_DAY] + 7 * a.rel[U_WEEK]);
		tm.tm_hour -= (int)a.rel[U_HOUR];
		tm.tm_min -= (int)a.rel[U_MIN];
		tm.tm_sec -= (int)a.rel[U_SEC];
		tm.tm_isdst = -1;
		*out = (int64_t)mktime(&tm);
		return 0;
	}
	{
		int y = a.year, mo = a.mon, d = a.mday;
		enum approx_prec prec;

		if (a.has_day_word || (a.wday >= 0 && mo < 0 && y < 0)) {
			struct tm tm = lt;
			if (y >= 0 || mo >= 0)
				return -1;
			tm.tm_mday += a.day_shift;
			if (a.wday >= 0 && !a.has_day_word) {
				/* "monday": the last one before today */
				int back = (lt.tm_wday - a.wday + 7) % 7;
				tm.tm_mday -= back ? back : 7;
			}
			tm.tm_hour = 12;
			tm.tm_isdst = -1;
			mktime(&tm);
			y = tm.tm_year + 1900;
			mo = tm.tm_mon + 1;
			d = tm.tm_mday;
		} else if (y < 0 && mo < 0) {
			if (a.hour < 0)
				return -1;	/* nothing that names a date */
			y = lt.tm_year + 1900;	/* "noon", "10:30": today */
			mo = lt.tm_mon + 1;
			d = lt.tm_mday;
		} else if (y < 0) {
			/* "feb 1": this year, or last year when that is still ahead */
			y = lt.tm_year + 1900;
			if (mo > lt.tm_mon + 1 || (mo == lt.tm_mon + 1 && d > lt.tm_mday))
				y--;
		}
		if (mo > 0 && d > approx_month_days(y, mo))
			return -1;
		prec = a.hour >= 0 ? (a.sec >= 0 ? PREC_SECOND : PREC_MINUTE) :
		       d > 0 ? PREC_DAY : mo > 0 ? PREC_MONTH : PREC_YEAR;
		switch (prec) {
		case PREC_YEAR:
			*out = end ? approx_make(&a, y + 1, 1, 1, 0, 0, 0) - 1 :
				     approx_make(&a, y, 1, 1, 0, 0, 0);
			break;
		case PREC_MONTH:
			*out = end ? approx_make(&a, mo == 12 ? y + 1 : y, mo % 12 + 1, 1, 0, 0, 0) - 1 :
				     approx_make(&a, y, mo, 1, 0, 0, 0);
			break;
		case PREC_DAY:
			*out = end ? approx_make(&a, y, mo, d + 1, 0, 0, 0) - 1 :
				     approx_make(&a, y, mo, d, 0, 0, 0);
			if (a.offset_set && end)	/* d + 1 may be the 32nd: days are linear */
				*out = approx_make(&a, y, mo, d, 0, 0, 0) + 86399;
			break;
		case PREC_MINUTE:
			*out = approx_make(&a, y, mo, d, a.hour, a.min, 0) + (end ? 59 : 0);
			break;
		default:
			*out = approx_make(&a, y, mo, d, a.hour, a.min, a.sec);
		}
	}
	return 0;
}
