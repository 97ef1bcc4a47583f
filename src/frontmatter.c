/*
 * frontmatter: split YAML front matter off a document and read flat keys
 * from it (see frontmatter.h).  Not a YAML parser: ADR front matter is flat
 * `key: value` lines, and that is all parse.c asks for.
 */
#include "frontmatter.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "strbuf.h"
#include "xalloc.h"

/* Is the line s[0..n) the fence word (trailing blanks allowed)? */
static int frontmatter_is_fence(const char *s, size_t n, const char *fence)
{
	size_t f = strlen(fence);

	if (n < f || memcmp(s, fence, f))
		return 0;
	for (; f < n; f++)
		if (s[f] != ' ' && s[f] != '\t')
			return 0;
	return 1;
}

int frontmatter_split(const char *text, size_t len, size_t *fm_off,
		      size_t *fm_len, size_t *body_off)
{
	const char *nl = memchr(text, '\n', len);
	size_t pos;

	if (!nl || !frontmatter_is_fence(text, (size_t)(nl - text), "---"))
		return 0;
	pos = (size_t)(nl - text) + 1;
	*fm_off = pos;
	while (pos < len) {
		const char *end = memchr(text + pos, '\n', len - pos);
		size_t n = end ? (size_t)(end - (text + pos)) : len - pos;

		if (frontmatter_is_fence(text + pos, n, "---") ||
		    frontmatter_is_fence(text + pos, n, "...")) {
			*fm_len = pos - *fm_off;
			*body_off = end ? pos + n + 1 : len;
			return 1;
		}
		pos += n + 1;
	}
	return 0;
}

/* Trim blanks and strip one pair of matching quotes. */
static void frontmatter_unquote(struct strbuf *sb)
{
	strbuf_trim(sb);
	if (sb->len >= 2 && (sb->buf[0] == '"' || sb->buf[0] == '\'') &&
	    sb->buf[sb->len - 1] == sb->buf[0]) {
		memmove(sb->buf, sb->buf + 1, sb->len - 2);
		strbuf_setlen(sb, sb->len - 2);
		strbuf_trim(sb);
	}
}

/*
 * Find the line "key: ..." at column 0; return a pointer to the value
 * (after the colon) and set *vlen to the rest of that line, and *next to
 * the offset of the following line.  NULL when absent.
 */
static const char *frontmatter_find(const char *fm, size_t len, const char *key,
				    size_t *vlen, size_t *next)
{
	size_t klen = strlen(key), pos = 0;

	while (pos < len) {
		const char *line = fm + pos, *end = memchr(line, '\n', len - pos);
		size_t n = end ? (size_t)(end - line) : len - pos;
		size_t k = klen;

		pos += n + 1;
		if (n <= klen || strncasecmp(line, key, klen))
			continue;
		while (k < n && (line[k] == ' ' || line[k] == '\t'))
			k++;
		if (k < n && line[k] == ':') {
			*vlen = n - k - 1;
			*next = pos < len ? pos : len;
			return line + k + 1;
		}
	}
	return NULL;
}

/* A block scalar indicator: "|" or ">", a chomping and an indent digit. */
static int frontmatter_is_block(const struct strbuf *sb)
{
	size_t i = 1;

	if (!sb->len || (sb->buf[0] != '|' && sb->buf[0] != '>'))
		return 0;
	for (int k = 0; k < 2 && i < sb->len; k++)
		if (sb->buf[i] == '-' || sb->buf[i] == '+' ||
		    (sb->buf[i] >= '1' && sb->buf[i] <= '9'))
			i++;
	while (i < sb->len && (sb->buf[i] == ' ' || sb->buf[i] == '\t'))
		i++;
	return i == sb->len || sb->buf[i] == '#';
}

/*
 * The text of a block scalar: the indented (or blank) lines from pos on,
 * each trimmed, joined with single spaces (SPEC: "title: |" and ">").
 */
static void frontmatter_block(struct strbuf *sb, const char *fm, size_t len, size_t pos)
{
	strbuf_reset(sb);
	while (pos < len) {
		const char *line = fm + pos, *end = memchr(line, '\n', len - pos);
		size_t n = end ? (size_t)(end - line) : len - pos, i = 0;

		while (i < n && (line[i] == ' ' || line[i] == '\t'))
			i++;
		if (i < n && i == 0)
			break;	/* the next key */
		if (i < n) {
			if (sb->len)
				strbuf_addch(sb, ' ');
			strbuf_add(sb, line + i, n - i);
			strbuf_rtrim(sb);
		}
		pos += n + 1;
	}
}

char *frontmatter_get(const char *fm, size_t len, const char *key)
{
	struct strbuf sb = STRBUF_INIT;
	size_t vlen, next;
	const char *v = frontmatter_find(fm, len, key, &vlen, &next);

	if (!v)
		return NULL;
	strbuf_add(&sb, v, vlen);
	strbuf_trim(&sb);
	if (frontmatter_is_block(&sb))
		frontmatter_block(&sb, fm, len, next);
	frontmatter_unquote(&sb);
	if (!sb.len) {
		strbuf_release(&sb);
		return NULL;
	}
	return strbuf_detach(&sb, NULL);
}

/* Push the comma-separated items of s[0..n) to out. */
static void frontmatter_push_items(const char *s, size_t n, struct strvec *out)
{
	struct strbuf item = STRBUF_INIT;
	size_t i = 0;

	while (i <= n) {
		size_t start = i;

		while (i < n && s[i] != ',')
			i++;
		strbuf_reset(&item);
		strbuf_add(&item, s + start, i - start);
		frontmatter_unquote(&item);
		if (item.len)
			strvec_push(out, item.buf);
		i++;
	}
	strbuf_release(&item);
}

void frontmatter_get_list(const char *fm, size_t len, const char *key,
			  struct strvec *out)
{
	struct strbuf sb = STRBUF_INIT;
	size_t vlen, pos;
	const char *v = frontmatter_find(fm, len, key, &vlen, &pos);

	if (!v)
		return;
	strbuf_add(&sb, v, vlen);
	strbuf_trim(&sb);
	if (sb.len && sb.buf[0] == '[') {
		size_t end = sb.buf[sb.len - 1] == ']' ? sb.len - 1 : sb.len;
		frontmatter_push_items(sb.buf + 1, end - 1, out);
	} else if (sb.len) {
		frontmatter_push_items(sb.buf, sb.len, out);
	} else {
		/* block list: indented "- item" lines right below */
		while (pos < len) {
			const char *line = fm + pos, *end = memchr(line, '\n', len - pos);
			size_t n = end ? (size_t)(end - line) : len - pos, i = 0;

			while (i < n && (line[i] == ' ' || line[i] == '\t'))
				i++;
			if (i >= n || line[i] != '-')
				break;
			frontmatter_push_items(line + i + 1, n - i - 1, out);
			pos += n + 1;
		}
	}
	strbuf_release(&sb);
}
