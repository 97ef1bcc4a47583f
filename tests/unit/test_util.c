/*
 * test_util: the utility layer: strbuf, strvec, utf8, json, date.
 */
#include <stdio.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "date.h"
#include "json.h"
#include "strbuf.h"
#include "strvec.h"
#include "utf8.h"

TEST_GROUP(strbuf)
{
	struct strbuf sb = STRBUF_INIT;
	char *d;
	size_t len;

	STR_EQ(sb.buf, "", "empty strbuf is an empty string");
	strbuf_addstr(&sb, "  hello");
	strbuf_addch(&sb, ' ');
	strbuf_addf(&sb, "%d-%s  ", 42, "x");
	STR_EQ(sb.buf, "  hello 42-x  ", "add, addch, addf");
	strbuf_trim(&sb);
	STR_EQ(sb.buf, "hello 42-x", "trim both ends");
	INT_EQ(sb.len, 10, "len after trim");
	strbuf_add(&sb, "\0z", 2);
	INT_EQ(sb.len, 12, "embedded NUL counted");
	strbuf_setlen(&sb, 5);
	STR_EQ(sb.buf, "hello", "setlen truncates");
	d = strbuf_detach(&sb, &len);
	STR_EQ(d, "hello", "detach returns the buffer");
	INT_EQ(len, 5, "detach length");
	STR_EQ(sb.buf, "", "detached strbuf is empty again");
	free(d);
	for (int i = 0; i < 10000; i++)
		strbuf_addch(&sb, 'a' + i % 26);
	INT_EQ(sb.len, 10000, "grows past many reallocations");
	OK(sb.buf[9999] == 'a' + 9999 % 26 && sb.buf[10000] == '\0', "last byte and NUL");
	strbuf_release(&sb);
	strbuf_setlen(&sb, 3);
	INT_EQ(sb.len, 0, "setlen on an empty strbuf is harmless");
}

TEST_GROUP(strvec)
{
	struct strvec sv = STRVEC_INIT;

	INT_EQ(strvec_find(&sv, "a"), -1, "find in empty");
	strvec_push(&sv, "a");
	strvec_push_unique(&sv, "b");
	strvec_push_unique(&sv, "a");
	INT_EQ(sv.nr, 2, "push_unique skips duplicates");
	INT_EQ(strvec_find(&sv, "b"), 1, "find");
	OK(sv.v[2] == NULL, "NULL-terminated");
	strvec_clear(&sv);
	INT_EQ(sv.nr, 0, "clear");
}

TEST_GROUP(utf8)
{
	static const struct {
		const char *in;
		size_t len;
		const char *out;
		size_t bad;
	} rows[] = {
		{ "plain", 5, "plain", 0 },
		{ "caf\xc3\xa9", 5, "caf\xc3\xa9", 0 },
		{ "\xe2\x9c\x85 ok", 6, "\xe2\x9c\x85 ok", 0 },
		{ "a\xff" "b", 3, "a\xef\xbf\xbd" "b", 1 },
		{ "a\xc3", 2, "a\xef\xbf\xbd", 1 },		/* truncated sequence */
		{ "\xed\xa0\x80", 3, "\xef\xbf\xbd", 1 },	/* surrogate */
		{ "\xc0\xaf", 2, "\xef\xbf\xbd", 1 },	/* overlong: one per bad run */
		{ "\x80\x80!", 3, "\xef\xbf\xbd!", 1 },	/* stray continuations */
		{ "a\0b", 3, "a\xef\xbf\xbd" "b", 1 },		/* NUL */
	};
	struct strbuf sb = STRBUF_INIT;

	for (size_t i = 0; i < sizeof(rows) / sizeof(*rows); i++) {
		size_t bad;
		strbuf_reset(&sb);
		bad = utf8_sanitize(&sb, rows[i].in, rows[i].len);
		STR_EQ(sb.buf, rows[i].out, "utf8_sanitize");
		INT_EQ(bad, rows[i].bad, "replacement count");
		INT_EQ(utf8_valid(rows[i].in, rows[i].len), rows[i].bad == 0, "utf8_valid");
	}
	strbuf_reset(&sb);
	utf8_for_terminal(&sb, "t\x1b[31mx\ty\r\a\nz\xc2\x9b", 0);
	STR_EQ(sb.buf, "t\xef\xbf\xbd[31mx y\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbdz\xef\xbf\xbd",
	       "controls (ESC, CR, BEL, LF, C1 CSI) neutralised, tab to space");
	strbuf_reset(&sb);
	utf8_for_terminal(&sb, "a\nb", 1);
	STR_EQ(sb.buf, "a\nb", "keep_newlines keeps LF");
	strbuf_reset(&sb);
	/* RLO ... "gpj.exe" shows as "exe.jpg"; LRI, PDI; RLM and Hebrew stay */
	utf8_for_terminal(&sb, "x\xe2\x80\xaegpj.exe \xe2\x81\xa6y\xe2\x81\xa9 "
			  "\xe2\x80\x8f\xd7\xa9", 0);
	STR_EQ(sb.buf, "x\xef\xbf\xbdgpj.exe \xef\xbf\xbdy\xef\xbf\xbd "
	       "\xe2\x80\x8f\xd7\xa9", "bidi overrides and isolates neutralised, marks kept");
	INT_EQ(utf8_width("abc"), 3, "ascii width");
	INT_EQ(utf8_width("\xe2\x9c\x85 A"), 4, "emoji is two columns");
	INT_EQ(utf8_width("\xe6\x97\xa5\xe6\x9c\xac"), 4, "CJK is two columns each");
	INT_EQ(utf8_width("e\xcc\x81"), 1, "combining mark takes no column");
	strbuf_reset(&sb);
	strbuf_addstr(&sb, "abcdef");
	utf8_truncate(&sb, 4);
	STR_EQ(sb.buf, "abc\xe2\x80\xa6", "truncate to 4 columns with an ellipsis");
	strbuf_reset(&sb);
	strbuf_addstr(&sb, "\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e");
	utf8_truncate(&sb, 4);
	STR_EQ(sb.buf, "\xe6\x97\xa5\xe2\x80\xa6", "wide characters are never split");
	strbuf_reset(&sb);
	strbuf_addstr(&sb, "fits");
	utf8_truncate(&sb, 4);
	STR_EQ(sb.buf, "fits", "no cut when it fits");
	strbuf_release(&sb);
}

/* Render with a json writer into a string. */
static char *json_render(void (*fn)(struct json *), int pretty)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	struct json jw;

	json_init(&jw, f, pretty);
	fn(&jw);
	fclose(f);
	return buf;
}

static void json_doc(struct json *jw)
{
	json_object_begin(jw, NULL);
	json_string(jw, "s", "a\"b\\c\n\x01<\xff");
	json_null(jw, "n");
	json_array_begin(jw, "a");
	json_int(jw, NULL, -5);
	json_bool(jw, NULL, 1);
	json_string(jw, NULL, NULL);
	json_array_end(jw);
	json_array_begin(jw, "e");
	json_array_end(jw);
	json_object_end(jw);
}

TEST_GROUP(json)
{
	char *s = json_render(json_doc, 0);

	STR_EQ(s, "{\"s\":\"a\\\"b\\\\c\\n\\u0001<\xef\xbf\xbd\",\"n\":null,"
	       "\"a\":[-5,true,null],\"e\":[]}", "compact JSON, escaping, invalid UTF-8 replaced");
	free(s);
	s = json_render(json_doc, 1);
	OK(strstr(s, "{\n  \"s\": ") != NULL, "pretty output indents by two: %s", s);
	OK(strstr(s, "\"e\": []") != NULL, "empty array stays on one line: %s", s);
	free(s);
}

static void json_plain(struct json *jw)
{
	json_array_begin(jw, NULL);
	json_string(jw, NULL, "0123456789abcdef0123456789abcdef01234567");
	json_string(jw, NULL, "docs/adr/0001-use c.md ~!");
	json_string(jw, NULL, "");
	json_string(jw, NULL, "del\x7f");
	json_string(jw, NULL, "tab\tend");
	json_string(jw, NULL, "caf\xc3\xa9");
	json_string(jw, NULL, "q\"");
	json_string(jw, NULL, "b\\");
	json_array_end(jw);
}

/* Printable ASCII goes out whole; anything else takes the escaping path. */
TEST_GROUP(json_plain_strings)
{
	char *s = json_render(json_plain, 0);

	STR_EQ(s, "[\"0123456789abcdef0123456789abcdef01234567\",\"docs/adr/0001-use c.md ~!\","
	       "\"\",\"del\\u007f\",\"tab\\tend\",\"caf\xc3\xa9\",\"q\\\"\",\"b\\\\\"]",
	       "plain strings whole, DEL, tab, UTF-8, quote and backslash escaped");
	free(s);
}

static void json_big(struct json *jw)
{
	static char longs[70000];

	memset(longs, 'x', sizeof(longs) - 1);
	json_array_begin(jw, NULL);
	for (int i = 0; i < 5000; i++) {
		json_string(jw, NULL, "0123456789abcdef0123456789abcdef01234567");
		json_int(jw, NULL, i);
	}
	json_string(jw, NULL, longs);	/* longer than the buffer */
	json_string(jw, NULL, "tail \"q\" \x01");
	json_array_end(jw);
}

/* Buffered output is byte for byte the unbuffered one, across flushes. */
TEST_GROUP(json_buffered)
{
	void (*docs[])(struct json *) = { json_doc, json_plain, json_big };

	for (size_t d = 0; d < sizeof(docs) / sizeof(*docs); d++) {
		char *a = NULL, *b = NULL;
		size_t alen = 0, blen = 0;
		FILE *fa = open_memstream(&a, &alen), *fb = open_memstream(&b, &blen);
		struct json ja, jb;

		json_init(&ja, fa, 1);
		docs[d](&ja);
		json_finish(&ja);
		json_init_buffered(&jb, fb, 1);
		docs[d](&jb);
		json_finish(&jb);
		fclose(fa);
		fclose(fb);
		OK(blen == alen, "buffered length %zu, unbuffered %zu, document %zu", blen, alen, d);
		OK(alen == blen && !memcmp(a, b, alen), "buffered bytes, document %zu", d);
		free(a);
		free(b);
	}
}

TEST_GROUP(date)
{
	char buf[DATE_ISO_MAX], day[11];

	date_iso8601(buf, 0, 0);
	STR_EQ(buf, "1970-01-01T00:00:00+00:00", "epoch");
	date_iso8601(buf, 1747623290, -240);
	STR_EQ(buf, "2025-05-18T22:54:50-04:00", "negative offset keeps the author's zone");
	date_iso8601(buf, 1700000000, 330);
	STR_EQ(buf, "2023-11-15T03:43:20+05:30", "half-hour offset");
	date_iso8601(buf, -86400, 0);
	STR_EQ(buf, "1969-12-31T00:00:00+00:00", "before the epoch");
	date_iso8601(buf, 951782400, 0);
	STR_EQ(buf, "2000-02-29T00:00:00+00:00", "leap day 2000");
	date_day(day, 1747623290, -240);
	STR_EQ(day, "2025-05-18", "day in the author's zone");
	OK(date_find_ymd(day, "Accepted on 2024-03-07, see") == 0, "date inside text");
	STR_EQ(day, "2024-03-07", "date found");
	OK(date_find_ymd(day, "v12024-03-07") < 0, "glued to digits: no date");
	OK(date_find_ymd(day, "2024-13-01") < 0, "month 13 is no date");
	OK(date_find_ymd(day, "2024-03-0") < 0, "truncated is no date");
	OK(date_find_ymd(day, "") < 0, "empty");
	/* rev2: impossible calendar days are no date */
	OK(date_find_ymd(day, "2023-02-29") < 0, "2023 is no leap year");
	OK(date_find_ymd(day, "2024-02-29") == 0, "2024 is");
	OK(date_find_ymd(day, "1900-02-29") < 0, "1900 is not");
	OK(date_find_ymd(day, "2000-02-29") == 0, "2000 is");
	OK(date_find_ymd(day, "2023-04-31") < 0, "April has 30 days");
	OK(date_find_ymd(day, "2023-00-10") < 0, "month 0");
	OK(date_find_ymd(day, "2023-04-00 then 2023-04-30") == 0, "the next real day");
	STR_EQ(day, "2023-04-30", "is found");
	/* issue 12: hostile times and offsets stay ISO and never overflow */
	date_iso8601(buf, INT64_MAX, 0);
	STR_EQ(buf, "9999-12-31T23:59:59+00:00", "INT64_MAX held to year 9999");
	date_iso8601(buf, INT64_MIN, 0);
	STR_EQ(buf, "0000-01-01T00:00:00+00:00", "INT64_MIN held to year 0000");
	date_iso8601(buf, INT64_MAX, INT_MAX);
	STR_EQ(buf, "9999-12-31T23:59:59+00:00", "an offset no one can write is UTC");
	date_iso8601(buf, 0, INT_MIN);
	STR_EQ(buf, "1970-01-01T00:00:00+00:00", "offset -2147483648");
	date_iso8601(buf, 253402300799LL, 600);
	STR_EQ(buf, "9999-12-31T23:59:59+10:00", "the local time is held too");
	date_iso8601(buf, 0, -5999);
	STR_EQ(buf, "1969-12-27T20:01:00-99:59", "the largest offset git writes");
	date_iso8601(buf, -62167219200LL - 1, 0);
	STR_EQ(buf, "0000-01-01T00:00:00+00:00", "before year 0");
	date_day(day, INT64_MAX, INT_MIN);
	STR_EQ(day, "9999-12-31", "date_day too");
}
