/*
 * json: a small streaming JSON writer (the git json-writer model).
 *
 * The writer tracks nesting and commas; every string goes through one
 * escaping routine that also replaces invalid UTF-8 with U+FFFD, so output
 * is always valid JSON whatever the repository holds.  Output is indented
 * with two spaces when pretty is set.  No parsing here.
 *
 * USAGE
 *	struct json jw;
 *	json_init(&jw, stdout, 1);
 *	json_object_begin(&jw, NULL);
 *	json_string(&jw, "schema", "adr-log/1");
 *	json_array_begin(&jw, "adrs");
 *	...
 *	json_array_end(&jw);
 *	json_object_end(&jw);
 *	json_finish(&jw);     (writes the final newline)
 *
 * Inside an object every value takes a key; inside an array pass NULL.
 */
#ifndef ADRLOG_JSON_H
#define ADRLOG_JSON_H

#include <stdio.h>

#define JSON_MAX_DEPTH 32

#define JSON_BUFFER (64u << 10)

struct json {
	FILE *out;
	int pretty;
	int depth;
	int count[JSON_MAX_DEPTH];	/* items written at each level */
	char *buf;		/* json_init_buffered(): output held until full */
	size_t len, cap;
};

void json_init(struct json *jw, FILE *out, int pretty);
/*
 * The same, with the output gathered in a buffer and written in 64 KiB
 * pieces (a repeat run's JSON is 3.4 MB of short strings at 100k
 * commits): nothing reaches out until it fills or json_finish(), so the
 * caller writes nothing else to out in between.
 */
void json_init_buffered(struct json *jw, FILE *out, int pretty);
void json_object_begin(struct json *jw, const char *key);
void json_object_end(struct json *jw);
void json_array_begin(struct json *jw, const char *key);
void json_array_end(struct json *jw);
/* A string value; NULL writes null. */
void json_string(struct json *jw, const char *key, const char *value);
void json_null(struct json *jw, const char *key);
void json_bool(struct json *jw, const char *key, int value);
void json_int(struct json *jw, const char *key, long long value);
void json_finish(struct json *jw);

/* Write s as a quoted JSON string (escaped, UTF-8 sanitized) to out. */
void json_write_quoted(FILE *out, const char *s);

#endif
