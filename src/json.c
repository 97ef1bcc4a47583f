/*
 * json: streaming writer with escaping in one place (see json.h).  Single
 * characters go out with putc_unlocked(): adr-log writes its output from
 * one thread, and a repeat run's JSON is a third of its time.
 */
#include "json.h"

#include <string.h>

#include "strbuf.h"
#include "utf8.h"

void json_init(struct json *jw, FILE *out, int pretty)
{
	memset(jw, 0, sizeof(*jw));
	jw->out = out;
	jw->pretty = pretty;
}

void json_write_quoted(FILE *out, const char *s)
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
		putc_unlocked('"', out);
		fwrite(s, 1, (size_t)(p - (const unsigned char *)s), out);
		putc_unlocked('"', out);
		return;
	}
	utf8_sanitize(&clean, s, strlen(s));
	p = (const unsigned char *)clean.buf;
	putc_unlocked('"', out);
	/* runs that need no escape go out in one write (shas, paths, titles) */
	for (run = p; *p; p++) {
		const char *esc = NULL;

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
		fwrite(run, 1, (size_t)(p - run), out);
		if (esc)
			fputs(esc, out);
		else
			fprintf(out, "\\u%04x", *p);
		run = p + 1;
	}
	fwrite(run, 1, (size_t)(p - run), out);
	putc_unlocked('"', out);
	strbuf_release(&clean);
}

static void json_indent(struct json *jw)
{
	if (!jw->pretty)
		return;
	putc_unlocked('\n', jw->out);
	for (int i = 0; i < jw->depth; i++)
		fputs("  ", jw->out);
}

/* Comma, newline and key before a value. */
static void json_prefix(struct json *jw, const char *key)
{
	if (jw->depth > 0) {
		if (jw->count[jw->depth]++)
			putc_unlocked(',', jw->out);
		json_indent(jw);
	}
	if (key) {
		json_write_quoted(jw->out, key);
		fputs(jw->pretty ? ": " : ":", jw->out);
	}
}

static void json_open(struct json *jw, const char *key, int c)
{
	json_prefix(jw, key);
	putc_unlocked(c, jw->out);
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
	putc_unlocked(c, jw->out);
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
		json_write_quoted(jw->out, value);
	else
		fputs("null", jw->out);
}

void json_null(struct json *jw, const char *key)
{
	json_prefix(jw, key);
	fputs("null", jw->out);
}

void json_bool(struct json *jw, const char *key, int value)
{
	json_prefix(jw, key);
	fputs(value ? "true" : "false", jw->out);
}

void json_int(struct json *jw, const char *key, long long value)
{
	json_prefix(jw, key);
	fprintf(jw->out, "%lld", value);
}

void json_finish(struct json *jw)
{
	putc_unlocked('\n', jw->out);
}
