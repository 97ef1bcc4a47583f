/*
 * parse_rst: title and status of a reStructuredText ADR by line rules (no
 * rst library): section titles are a text line with an underline (and
 * optionally an overline) of one repeated punctuation character; levels
 * follow the order in which adornment styles first appear.  parse.c does
 * the rest.
 */
#include "parse_int.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

struct rst_line {
	const char *s;
	size_t len;	/* without the '\n', trailing blanks removed */
};

struct rst_doc {
	struct rst_line *v;
	size_t nr, alloc;
	int styles[64];	/* adornment styles in order of appearance */
	size_t styles_nr;
};

static void rst_split(struct rst_doc *d, const char *body, size_t len)
{
	size_t pos = 0;

	while (pos < len) {
		const char *nl = memchr(body + pos, '\n', len - pos);
		size_t n = nl ? (size_t)(nl - (body + pos)) : len - pos;
		struct rst_line *l;

		XGROW(d->v, d->alloc, d->nr + 1);
		l = &d->v[d->nr++];
		l->s = body + pos;
		l->len = n;
		while (l->len && (l->s[l->len - 1] == ' ' || l->s[l->len - 1] == '\t'))
			l->len--;
		pos += n + 1;
	}
}

static int rst_blank(const struct rst_doc *d, size_t i)
{
	return i >= d->nr || !d->v[i].len;
}

/* A line of one repeated punctuation character (at least two). */
static int rst_adornment(const struct rst_doc *d, size_t i)
{
	const struct rst_line *l;

	if (i >= d->nr)
		return 0;
	l = &d->v[i];
	if (l->len < 2 || !ispunct((unsigned char)l->s[0]))
		return 0;
	for (size_t k = 1; k < l->len; k++)
		if (l->s[k] != l->s[0])
			return 0;
	return 1;
}

/*
 * Is line i a section title?  Returns its style (> 0: character, plus 256
 * with an overline) or 0.
 */
static int rst_section(const struct rst_doc *d, size_t i)
{
	int over;

	if (i >= d->nr || rst_blank(d, i) || rst_adornment(d, i) ||
	    !rst_adornment(d, i + 1))
		return 0;
	over = i > 0 && rst_adornment(d, i - 1) && d->v[i - 1].s[0] == d->v[i + 1].s[0] &&
	       (i == 1 || rst_blank(d, i - 2));
	if (!over && (isspace((unsigned char)d->v[i].s[0]) || (i > 0 && !rst_blank(d, i - 1))))
		return 0;
	if (d->v[i + 1].len < 3 && d->v[i + 1].len < d->v[i].len)
		return 0;
	return (unsigned char)d->v[i + 1].s[0] + (over ? 256 : 0);
}

/* Level of a style: 0 for the first style seen, 1 for the next, ... */
static size_t rst_level(struct rst_doc *d, int style)
{
	size_t k;

	for (k = 0; k < d->styles_nr; k++)
		if (d->styles[k] == style)
			return k;
	if (d->styles_nr < sizeof(d->styles) / sizeof(d->styles[0]))
		d->styles[d->styles_nr++] = style;
	return k;
}

/*
 * Inline markup removed: `text <url>`_ -> text, ``code`` and `x`_ -> their
 * text, :role:`x` -> x, '*' dropped.
 */
static void rst_plain(struct strbuf *sb, const char *s, size_t len)
{
	size_t i = 0;

	while (i < len) {
		if (s[i] == '*') {
			i++;
		} else if (s[i] == ':' && i + 1 < len && isalpha((unsigned char)s[i + 1])) {
			size_t k = i + 1;
			while (k < len && (isalnum((unsigned char)s[k]) || s[k] == '-' || s[k] == '_'))
				k++;
			if (k + 1 < len && s[k] == ':' && s[k + 1] == '`')
				i = k + 1;
			else
				strbuf_addch(sb, s[i++]);
		} else if (s[i] == '`') {
			size_t start, end;

			while (i < len && s[i] == '`')
				i++;
			start = i;
			while (i < len && s[i] != '`')
				i++;
			end = i;
			while (i < len && (s[i] == '`' || s[i] == '_'))
				i++;
			if (end > start && s[end - 1] == '>') {
				size_t k = end;
				while (k > start && s[k - 1] != '<')
					k--;
				if (k > start)
					end = k - 1;
			}
			strbuf_add(sb, s + start, end - start);
		} else {
			strbuf_addch(sb, s[i++]);
		}
	}
	parse_squeeze(sb);
}

/* Does the line contain word? */
static int rst_has(const struct rst_line *l, const char *word)
{
	size_t n = strlen(word);

	for (size_t k = 0; k + n <= l->len; k++)
		if (!memcmp(l->s + k, word, n))
			return 1;
	return 0;
}

/* A comment (".. x" that is no directive or target) or a directive line. */
static int rst_is_comment(const struct rst_line *l)
{
	if (l->len < 2 || l->s[0] != '.' || l->s[1] != '.')
		return 0;
	if (l->len > 2 && l->s[2] != ' ')
		return 0;
	return !rst_has(l, "::") && !(l->len > 3 && l->s[3] == '_');
}

static int rst_is_code(const struct rst_line *l)
{
	return l->len > 3 && !strncmp(l->s, "..", 2) &&
	       (rst_has(l, "code") || rst_has(l, "literal")) && rst_has(l, "::");
}

/*
 * The status under a Status section title at line i (its underline at
 * i + 1): the first line of the first block after it, comments skipped.
 */
static int rst_status_after(struct strbuf *sb, size_t *at, const struct rst_doc *d, size_t i)
{
	size_t j = i + 2;
	const char *p, *end;

	for (;;) {
		while (rst_blank(d, j) && j < d->nr)
			j++;
		if (j >= d->nr)
			return 0;
		if (!rst_is_comment(&d->v[j]))
			break;
		j++;
		while (j < d->nr && (rst_blank(d, j) || isspace((unsigned char)d->v[j].s[0])))
			j++;
	}
	if (rst_section(d, j) || (rst_adornment(d, j) && rst_section(d, j + 1)) ||
	    rst_is_code(&d->v[j]))
		return 0;
	p = d->v[j].s;
	end = p + d->v[j].len;
	while (p < end && (*p == ' ' || *p == '\t'))
		p++;
	if (end - p >= 2 && (*p == '-' || *p == '*' || *p == '+') && p[1] == ' ') {
		p += 2;
	} else if (isdigit((unsigned char)*p) || *p == '#') {
		const char *q = p;
		while (q < end && isdigit((unsigned char)*q))
			q++;
		if (q == p && *q == '#')
			q++;
		if (q < end && (*q == '.' || *q == ')') && q + 1 < end && q[1] == ' ')
			p = q + 2;
	}
	strbuf_reset(sb);
	rst_plain(sb, p, (size_t)(end - p));
	*at = j;
	return sb->len > 0;
}

static void rst_add_lines(struct strbuf *sb, const struct rst_doc *d, size_t from, size_t to)
{
	for (size_t k = from; k < to && k < d->nr; k++) {
		strbuf_add(sb, d->v[k].s, d->v[k].len);
		strbuf_addch(sb, '\n');
	}
}

void parse_rst(struct parse_out *out, const char *body, size_t len)
{
	struct rst_doc d;
	struct strbuf sb = STRBUF_INIT;
	size_t first_l2 = (size_t)-1, status_sec = (size_t)-1, status_level = 0;
	int line_form = 0, section_open = 0;

	memset(&d, 0, sizeof(d));
	rst_split(&d, body, len);
	for (size_t i = 0; i < d.nr; i++) {
		int style = rst_section(&d, i);
		size_t level, at;

		if (!style) {
			if (!out->status && first_l2 == (size_t)-1 && d.v[i].len) {
				strbuf_reset(&sb);
				rst_plain(&sb, d.v[i].s, d.v[i].len);
				if ((out->status = parse_status_line(sb.buf, sb.len))) {
					out->status_line = (unsigned)i + 1;
					line_form = 1;
				}
			}
			continue;
		}
		level = rst_level(&d, style);
		strbuf_reset(&sb);
		rst_plain(&sb, d.v[i].s, d.v[i].len);
		if (!out->title && sb.len) {
			out->title = xstrdup(sb.buf);
			out->title_line = (unsigned)i + 1;
		}
		if (section_open && level <= status_level) {
			rst_add_lines(&out->section, &d, status_sec, style >= 256 ? i - 1 : i);
			section_open = 0;
		}
		if (level == 1 && first_l2 == (size_t)-1)
			first_l2 = style >= 256 ? i - 1 : i;
		if (!out->status && parse_is_status_heading(sb.buf) &&
		    rst_status_after(&sb, &at, &d, i)) {
			out->status = xstrdup(sb.buf);
			out->status_line = (unsigned)at + 1;
			status_sec = i;
			status_level = level;
			section_open = 1;
		}
		i++;	/* the underline */
	}
	if (section_open)
		rst_add_lines(&out->section, &d, status_sec, d.nr);
	else if (line_form)
		rst_add_lines(&out->section, &d, 0, first_l2);
	strbuf_release(&sb);
	free(d.v);
}
