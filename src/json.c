/*
 * json: streaming writer with escaping in one place (see json.h).  Single
 * characters go out with putc_unlocked(): adr-log writes its output from
 * one thread, and a repeat run's JSON is a third of its time.
 */
#include "json.h"

#include <stdlib.h>
#include <string.h>

#include "strbuf.h"
#include "utf8.h"
#include "xalloc.h"

void json_init(struct json *jw, FILE *out, int pretty)
{
	memset(jw, 0, sizeof(*jw));
	jw->out = out;
	jw->pretty = pretty;
}

void json_init_buffered(struct json *jw, FILE *out, int pretty)
{
	json_init(jw, out, pretty);
	jw->cap = JSON_BUFFER;
	jw->buf = xmalloc(jw->cap);
}

static void json_flush(struct json *jw)
{
	if (jw->len)
		fwrite(jw->buf, 1, jw->len, jw->out);
	jw->len = 0;
}

static void json_put(struct json *jw, const char *s, size_t n)
{
	if (!jw->buf) {
		fwrite(s, 1, n, jw->out);
		return;
	}
	if (jw->len + n > jw->cap) {
		json_flush(jw);
		if (n > jw->cap) {
			fwrite(s, 1, n, jw->out);
			return;
		}
	}
	memcpy(jw->buf + jw->len, s, n);
	jw->len += n;
}

static void json_putc(struct json *jw, char c)
{
	if (!jw->buf) {
		putc_unlocked(c, jw->out);
		return;
	}
	if (jw->len == jw->cap)
		json_flush(jw);
	jw->buf[jw->len++] = c;
}

static void json_puts(struct json *jw, const char *s)
{
	json_put(jw, s, strlen(s));
}

/* s quoted and escaped (UTF-8 sanitized) to jw's output. */
static void json_quote(struct json *jw, const char *s)
{
	struct strbuf clean = STRBUF_INIT;
	const unsigned char *p, *run;

	/*
	 * Most strings (shas, paths, dates) are printable ASCII with nothing
	 * to escape: one write, no copy.  A repeat run writes 100k of them.
	 */
	for (p = (const unsigned char *)s; *p >= 0x20 && *p < 0x7f && *p != '"' && *p != '\\'; p++)
		;
	if (!*p) {
		json_putc(jw, '"');
		json_put(jw, s, (size_t)(p - (const unsigned char *)s));
		json_putc(jw, '"');
		return;
	}
	utf8_sanitize(&clean, s, strlen(s));
	p = (const unsigned char *)clean.buf;
	json_putc(jw, '"');
	/* runs that need no escape go out in one write (shas, paths, titles) */
	for (run = p; *p; p++) {
		const char *esc = NULL;
		char u[8];

		switch (*p) {
		case '"': esc = "\\\""; break;
		case '\\': esc = "\\\\"; break;
		case '\n': esc = "\\n"; break;
		case '\r': esc = "\\r"; break;
		case '\t': esc = "\\t"; break;
		case '\b': esc = "\\b"; break;
		case '\f': esc = "\\f"; break;
		default:
			if (*p >= 0x20 && *p != 0x7f)
				continue;
		}
		json_put(jw, (const char *)run, (size_t)(p - run));
		if (!esc) {
			snprintf(u, sizeof(u), "\\u%04x", *p);
			esc = u;
		}
		json_puts(jw, esc);
		run = p + 1;
	}
	json_put(jw, (const char *)run, (size_t)(p - run));
	json_putc(jw, '"');
	strbuf_release(&clean);
}

void json_write_quoted(FILE *out, const char *s)
{
	struct json jw;

	json_init(&jw, out, 0);
	json_quote(&jw, s);
}

static void json_indent(struct json *jw)
{
	if (!jw->pretty)
		return;
	json_putc(jw, '\n');
	for (int i = 0; i < jw->depth; i++)
		json_put(jw, "  ", 2);
}

/* Comma, newline and key before a value. */
static void json_prefix(struct json *jw, const char *key)
{
	if (jw->depth > 0) {
		if (jw->count[jw->depth]++)
			json_putc(jw, ',');
		json_indent(jw);
	}
	if (key) {
		json_quote(jw, key);
		json_puts(jw, jw->pretty ? ": " : ":");
	}
}

static void json_open(struct json *jw, const char *key, int c)
{
	json_prefix(jw, key);
	json_putc(jw, (char)c);
	if (jw->depth < JSON_MAX_DEPTH - 1)
		jw->depth++;
	jw->count[jw->depth] = 0;
}

static void json_close(struct json *jw, int c)
{
	int had = jw->count[jw->depth];

	if (jw->depth > 0)
		jw->depth--;
	if (had)
		json_indent(jw);
	json_putc(jw, (char)c);
}

void json_object_begin(struct json *jw, const char *key)
{
	json_open(jw, key, '{');
}

void json_object_end(struct json *jw)
{
	json_close(jw, '}');
}

void json_array_begin(struct json *jw, const char *key)
{
	json_open(jw, key, '[');
}

void json_array_end(struct json *jw)
{
	json_close(jw, ']');
}

void json_string(struct json *jw, const char *key, const char *value)
{
	json_prefix(jw, key);
	if (value)
		json_quote(jw, value);
	else
		json_put(jw, "null", 4);
}

void json_null(struct json *jw, const char *key)
{
	json_prefix(jw, key);
	json_put(jw, "null", 4);
}

void json_bool(struct json *jw, const char *key, int value)
{
	json_prefix(jw, key);
	json_puts(jw, value ? "true" : "false");
}

void json_int(struct json *jw, const char *key, long long value)
{
	char num[24];
	int n = snprintf(num, sizeof(num), "%lld", value);

	json_prefix(jw, key);
	json_put(jw, num, n > 0 ? (size_t)n : 0);
}

void json_finish(struct json *jw)
{
	json_putc(jw, '\n');
	if (jw->buf) {
		json_flush(jw);
		free(jw->buf);
		jw->buf = NULL;
	}
}
