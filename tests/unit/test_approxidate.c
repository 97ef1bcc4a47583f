/*
 * test_approxidate: the --since/--until forms (approxidate.c), against a
 * fixed "now" (2023-11-14 22:13:20 UTC, a Tuesday) in TZ=UTC and another
 * zone, so no result depends on the clock or the machine.
 */
#include <stdint.h>
#include <stdlib.h>
#include <time.h>

#include "harness.h"
#include "approxidate.h"

#define NOW 1700000000LL	/* Tue 2023-11-14 22:13:20 UTC */
#define DAY 86400LL

static long long ad(const char *s, int end)
{
	int64_t t = -42;

	if (approxidate_parse(&t, s, NOW, end) < 0)
		return -1;
	return (long long)t;
}

TEST_GROUP(approxidate_calendar)
{
	setenv("TZ", "UTC", 1);
	tzset();
	INT_EQ(ad("2024-02-01", 0), 1706745600, "a day starts at midnight");
	INT_EQ(ad("2024-02-01", 1), 1706745600 + DAY - 1, "--until: its last second");
	INT_EQ(ad("2024-02", 0), 1706745600, "a month starts on the 1st");
	INT_EQ(ad("2024-02", 1), 1709251199, "--until 2024-02 includes the 29th");
	INT_EQ(ad("2024", 0), 1704067200, "a year");
	INT_EQ(ad("2024", 1), 1735689599, "a year's last second");
	INT_EQ(ad("2024-02-01 10:30", 0), 1706745600 + 37800, "a time");
	INT_EQ(ad("2024-02-01 10:30", 1), 1706745600 + 37859, "a minute's end");
	INT_EQ(ad("2024-02-01T10:30:00Z", 0), 1706745600 + 37800, "ISO 8601 with Z");
	INT_EQ(ad("2024-02-01T10:30:00+01:00", 0), 1706745600 + 34200, "ISO 8601 with an offset");
	INT_EQ(ad("2024/02/01", 0), 1706745600, "slashes");
	INT_EQ(ad("01.02.2024", 0), 1706745600, "day.month.year");
	INT_EQ(ad("02/01/2024", 0), 1706745600, "month/day/year");
	INT_EQ(ad("Feb 2024", 0), 1706745600, "month name and year");
	INT_EQ(ad("february 2024", 1), 1709251199, "full month name, end");
	INT_EQ(ad("1 feb 2024", 0), 1706745600, "day month year");
	INT_EQ(ad("Feb 1, 2024", 0), 1706745600, "month day, year");
	INT_EQ(ad("Thu, 1 Feb 2024 10:30:00 +0100", 0), 1706745600 + 34200, "RFC 2822");
	INT_EQ(ad("@1700000000", 0), 1700000000, "@seconds");
	INT_EQ(ad("feb 1", 0), 1675209600, "a later day of the year is last year's");
	INT_EQ(ad("nov 1", 0), 1698796800, "an earlier one is this year's");
	INT_EQ(ad("2024-02-30", 0), -1, "no such day");
	INT_EQ(ad("2023-13-01", 0), -1, "no such month");
}

TEST_GROUP(approxidate_relative)
{
	setenv("TZ", "UTC", 1);
	tzset();
	INT_EQ(ad("2 weeks ago", 0), NOW - 14 * DAY, "2 weeks ago is an instant");
	INT_EQ(ad("2 weeks ago", 1), NOW - 14 * DAY, "the same for --until");
	INT_EQ(ad("2.weeks.ago", 0), NOW - 14 * DAY, "dots as separators");
	INT_EQ(ad("3 days ago", 0), NOW - 3 * DAY, "days");
	INT_EQ(ad("1 day ago", 0), NOW - DAY, "singular");
	INT_EQ(ad("an hour ago", 0), NOW - 3600, "an hour");
	INT_EQ(ad("one week ago", 0), NOW - 7 * DAY, "a number word");
	INT_EQ(ad("last week", 0), NOW - 7 * DAY, "last week");
	INT_EQ(ad("2 weeks", 0), NOW - 14 * DAY, "without ago, as git");
	INT_EQ(ad("1 year 2 months ago", 0), 1700000000LL - 365 * DAY - 61 * DAY,
	       "units add up (2022-09-14)");
	INT_EQ(ad("1 month ago", 0), 1697321600, "a month back: the same day of October");
	INT_EQ(ad("10 minutes ago", 0), NOW - 600, "minutes");
	INT_EQ(ad("now", 0), NOW, "now");
}

TEST_GROUP(approxidate_days)
{
	setenv("TZ", "UTC", 1);
	tzset();
	INT_EQ(ad("yesterday", 0), 1699833600, "yesterday: from its midnight");
	INT_EQ(ad("yesterday", 1), 1699920000 - 1, "to its end");
	INT_EQ(ad("today", 0), 1699920000, "today");
	INT_EQ(ad("today", 1), 1699920000 + DAY - 1, "today's end");
	INT_EQ(ad("yesterday noon", 0), 1699833600 + 43200, "yesterday noon");
	INT_EQ(ad("midnight", 0), 1699920000, "midnight is today's");
	INT_EQ(ad("monday", 0), 1699833600, "monday: the last one");
	INT_EQ(ad("last tuesday", 0), 1699920000 - 7 * DAY, "a weekday is never today");
	INT_EQ(ad("yesterday 3pm", 0), 1699833600 + 15 * 3600, "3pm");
	INT_EQ(ad("10:30", 0), 1699920000 + 37800, "a time alone is today");
}

TEST_GROUP(approxidate_errors_and_zones)
{
	setenv("TZ", "UTC", 1);
	tzset();
	INT_EQ(ad("", 0), -1, "empty");
	INT_EQ(ad("soon", 0), -1, "an unknown word is no date (git would say now)");
	INT_EQ(ad("2", 0), -1, "a number alone");
	INT_EQ(ad("3 ago", 0), -1, "a number without a unit");
	INT_EQ(ad("@", 0), -1, "@ alone");
	INT_EQ(ad("2 weeks ago 2024", 0), -1, "relative and absolute together");
	setenv("TZ", "America/New_York", 1);
	tzset();
	INT_EQ(ad("2024-02-01", 0), 1706745600 + 5 * 3600, "a day starts at local midnight (TZ)");
	INT_EQ(ad("2024-07-01", 0), 1719792000 + 4 * 3600, "summer time");
	INT_EQ(ad("2024-02-01T00:00:00Z", 0), 1706745600, "an offset wins over TZ");
	setenv("TZ", "UTC", 1);
	tzset();
}
