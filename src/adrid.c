/*
 * adrid: ADR identifiers from file names and headings, their normal form
 * and their order (SPEC section 1, "Ids").  Pure string functions; the
 * parsers (parse.c) and discovery (discover.c) call them.
 */
#include "adrid.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "strbuf.h"
#include "xalloc.h"

static int adrid_isalnum(int c)
{
	return isalnum((unsigned char)c);
}

char *adrid_normalize(const char *s, size_t len)
{
	struct strbuf sb = STRBUF_INIT;
	size_t i = 0;

	while (i < len) {
		size_t start = i, end;

		while (i < len && s[i] != '-')
			i++;
		end = i;
		while (start + 1 < end && s[start] == '0')
			start++;
		if (sb.len)
			strbuf_addch(&sb, '-');
		strbuf_add(&sb, s + start, end - start);
		if (i < len)
			i++;	/* the '-' */
	}
	return strbuf_detach(&sb, NULL);
}

/*
 * Length of the id at s: digits, then "-digits" when that part is only
 * digits and ends where stop() allows.  0 when s does not start with a
 * digit.
 */
static size_t adrid_span(const char *s, int (*stop)(int))
{
	size_t n = 0, m;

	while (isdigit((unsigned char)s[n]))
		n++;
	if (!n || s[n] != '-' || !isdigit((unsigned char)s[n + 1]))
		return n;
	m = n + 1;
	while (isdigit((unsigned char)s[m]))
		m++;
	return stop(s[m]) ? m : n;
}

static int adrid_name_stop(int c)
{
	return c == '-' || c == '_' || c == '.' || c == '\0';
}

static int adrid_text_stop(int c)
{
	return !adrid_isalnum(c) && c != '-';
}

/* A date "YYYY-MM-DD" at p (digits and dashes only; 10 bytes)? */
static int adrid_is_date(const char *p)
{
	for (int i = 0; i < 10; i++)
		if (i == 4 || i == 7 ? p[i] != '-' : !isdigit((unsigned char)p[i]))
			return 0;
	return 1;
}

/*
 * The id of a name (extension removed) by SPEC's rules: *off and *len give the id's
 * digits in name, *rest the offset past the id and one separator after it
 * (where the slug starts).  *date is set for a date-prefixed name whose id
 * is the date itself ("2021-06-05-use-x" -> 20210605).  0 when none.
 */
static int adrid_name_parts(const char *name, size_t *off, size_t *len, size_t *rest,
			    int *date)
{
	const char *p = name;
	size_t n;

	*date = 0;
	if ((p[0] == 'a' || p[0] == 'A') && (p[1] == 'd' || p[1] == 'D') &&
	    (p[2] == 'r' || p[2] == 'R') && (p[3] == '-' || p[3] == '_'))
		p += 4;
	if (adrid_is_date(p) && (p[10] == '-' || p[10] == '_' || p[10] == '\0')) {
		const char *q = p + 10 + (p[10] != '\0');

		/* "2021-06-05_001-use-x": the digits after the date */
		n = adrid_span(q, adrid_name_stop);
		if (n && adrid_name_stop(q[n])) {
			*off = (size_t)(q - name);
			*len = n;
			*rest = *off + n + (q[n] != '\0');
			return 1;
		}
		/* "2021-06-05-use-x": the date's digits */
		*off = (size_t)(p - name);
		*len = 10;
		*rest = (size_t)(q - name);
		*date = 1;
		return 1;
	}
	n = adrid_span(p, adrid_name_stop);
	if (!n)
		return 0;
	*off = (size_t)(p - name);
	*len = n;
	*rest = *off + n + (p[n] == '-' || p[n] == '_' || p[n] == '.');
	return 1;
}

/* The base name without its extension (new string). */
static char *adrid_stem(const char *basename)
{
	const char *dot = strrchr(basename, '.');
	size_t len = dot && dot != basename ? (size_t)(dot - basename) : strlen(basename);

	return xstrndup(basename, len);
}

char *adrid_from_name(const char *basename)
{
	char *name = adrid_stem(basename), *id = NULL;
	size_t off, len, rest;
	int date;

	if (adrid_name_parts(name, &off, &len, &rest, &date)) {
		if (date) {
			char digits[9];

			memcpy(digits, name + off, 4);
			memcpy(digits + 4, name + off + 5, 2);
			memcpy(digits + 6, name + off + 8, 2);
			id = adrid_normalize(digits, 8);
		} else {
			id = adrid_normalize(name + off, len);
		}
	}
	free(name);
	return id;
}

char *adrid_slug(const char *basename)
{
	char *name = adrid_stem(basename), *slug;
	size_t off, len, rest;
	int date;

	if (adrid_name_parts(name, &off, &len, &rest, &date) && name[rest])
		slug = xstrdup(name + rest);
	else
		slug = xstrdup(name);
	free(name);
	return slug;
}

/* Skip an en or em dash (UTF-8) at s; returns its length or 0. */
static size_t adrid_dash(const char *s)
{
	if ((unsigned char)s[0] == 0xE2 && (unsigned char)s[1] == 0x80 &&
	    ((unsigned char)s[2] == 0x93 || (unsigned char)s[2] == 0x94))
		return 3;
	return 0;
}

size_t adrid_heading_prefix(const char *text, char **id)
{
	const char *p = text, *digits;
	int had_adr = 0, punct = 0;
	size_t n, d;

	if (id)
		*id = NULL;
	while (*p == ' ' || *p == '\t')
		p++;
	if (!strncasecmp(p, "adr", 3) && !isalpha((unsigned char)p[3])) {
		p += 3;
		had_adr = 1;
		if (*p == '-' || *p == '_' || *p == ' ' || *p == '#')
			p++;
	}
	digits = p;
	n = adrid_span(p, adrid_text_stop);
	if (!n || adrid_isalnum(p[n]))
		return 0;
	p += n;
	while (*p == ' ' || *p == '\t')
		p++;
	if (*p == ':' || *p == ')' || *p == '|' || *p == '-') {
		p++;
		punct = 1;
	} else if (*p == '.' && (p[1] == ' ' || p[1] == '\t' || p[1] == '\0')) {
		p++;
		punct = 1;
	} else if ((d = adrid_dash(p))) {
		p += d;
		punct = 1;
	}
	if (!punct && !had_adr && *p)
		return 0;
	while (*p == ' ' || *p == '\t')
		p++;
	if (id)
		*id = adrid_normalize(digits, n);
	return (size_t)(p - text);
}

char *adrid_from_heading(const char *text)
{
	char *id;

	adrid_heading_prefix(text, &id);
	return id;
}

/* Compare two runs of digits numerically (leading zeros ignored). */
static int adrid_cmp_num(const char *a, size_t an, const char *b, size_t bn)
{
	int c;

	while (an > 1 && *a == '0')
		a++, an--;
	while (bn > 1 && *b == '0')
		b++, bn--;
	if (an != bn)
		return an < bn ? -1 : 1;
	c = memcmp(a, b, an);
	return c < 0 ? -1 : c > 0;
}

int adrid_cmp(const char *a, const char *b)
{
	for (;;) {
		size_t an = strspn(a, "0123456789"), bn = strspn(b, "0123456789");
		int c;

		if (!an || !bn || (a[an] && a[an] != '-') || (b[bn] && b[bn] != '-')) {
			c = strcmp(a, b);
			return c < 0 ? -1 : c > 0;
		}
		if ((c = adrid_cmp_num(a, an, b, bn)))
			return c;
		a += an;
		b += bn;
		if (!*a || !*b)
			return *a ? 1 : *b ? -1 : 0;
		a++;
		b++;
	}
}

static int adrid_ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);
	return n > m && !strcasecmp(s + n - m, suffix);
}

int adrid_has_adr_ext(const char *name)
{
	return adrid_ends_with(name, ".md") || adrid_ends_with(name, ".markdown") ||
	       adrid_ends_with(name, ".rst");
}

int adrid_is_excluded(const char *basename)
{
	static const char *const after_id[] = { "index", "readme", "toc", "template" };
	char *name;
	size_t off, len, rest;
	int date, no = 0;

	if (basename[0] == '_' || !strncasecmp(basename, "readme.", 7) ||
	    !strncasecmp(basename, "index.", 6) ||
	    !strncasecmp(basename, "template.", 9) ||
	    !strncasecmp(basename, "0000-template", 13))
		return 1;
	/* rev2: "000-index.md", "000-template.md" (not "0012-template-engine.md") */
	name = adrid_stem(basename);
	if (adrid_name_parts(name, &off, &len, &rest, &date))
		for (size_t i = 0; i < sizeof(after_id) / sizeof(*after_id); i++)
			no |= !strcasecmp(name + rest, after_id[i]);
	free(name);
	return no;
}

const char *adrid_basename(const char *path)
{
	const char *s = strrchr(path, '/');
	return s ? s + 1 : path;
}
