/*
 * parse_cut: where a Markdown body may be cut with its title and status
 * unchanged (ADR 38).  Text rules only, no cmark: parse_md.c parses the
 * head this finds and falls back to the whole body when the head lacks
 * what was wanted.
 *
 * The cut is at a "restart" line: an ATX heading at column 0 after a
 * blank line.  cmark starts such a line afresh, whatever came before,
 * unless a fenced code block or an HTML block that ends at a marker
 * (<pre>, <!--, <?...) is still open there: every paragraph, list, quote
 * and indented code block has ended.  It is the first restart after the
 * line that most likely holds what is wanted: a line that begins with a
 * status word, or for a body whose status is in its front matter, a line
 * that may be the title.
 */
#include "parse_int.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>


/* The first needle[0..k) in s[0..n), or NULL (memmem is not standard C). */
static const char *cut_find(const char *s, size_t n, const char *needle, size_t k)
{
	const char *p = s, *end = s + n;

	while (k && (size_t)(end - p) >= k &&
	       (p = memchr(p, needle[0], (size_t)(end - p - (ptrdiff_t)k) + 1))) {
		if (!memcmp(p, needle, k))
			return p;
		p++;
	}
	return NULL;
}

static int cut_has(const char *s, size_t n, const char *needle)
{
	return cut_find(s, n, needle, strlen(needle)) != NULL;
}

/*
 * Does s[0..n) start with w (lower case), s's letters case-folded?  The
 * fold (| 0x20) also lets a few control bytes match punctuation: an
 * over-guess, which only ever refuses a cut.
 */
static int cut_at_ci(const char *s, size_t n, const char *w)
{
	size_t k = 0;

	for (; w[k]; k++)
		if (k >= n || (s[k] | 0x20) != w[k])
			return 0;
	return 1;
}

static int cut_at(const char *s, size_t n, const char *w)
{
	size_t k = strlen(w);

	return k <= n && !memcmp(s, w, k);
}

/*
 * Does the line begin with a status word of any language, after blanks,
 * heading marks, bullets, table bars and emphasis ("## Status",
 * "Status: x", "* **Status**: x", "| Status | x |")?  Where the head ends
 * when the status is wanted.  A cheap over-guess ("statu" covers status
 * and statut); a word inside the prose ("the initial status of") would
 * cut the head before the real status line, only to parse it twice.
 */
static int cut_line_starts_status(const char *l, size_t n)
{
	static const char *const words[] = {
		"\xD1\x81\xD1\x82\xD0\xB0\xD1\x82\xD1\x83\xD1\x81",	/* статус */
		"\xD0\xA1\xD1\x82\xD0\xB0\xD1\x82\xD1\x83\xD1\x81",	/* Статус */
		"\xD0\xA1\xD0\xA2\xD0\x90\xD0\xA2\xD0\xA3\xD0\xA1",	/* СТАТУС */
		"\xE7\x8A\xB6\xE6\x80\x81",	/* 状态 */
		"\xE7\x8B\x80\xE6\x85\x8B",	/* 狀態 */
		"\xE3\x82\xB9\xE3\x83\x86\xE3\x83\xBC\xE3\x82\xBF\xE3\x82\xB9",	/* ステータス */
	};
	size_t i = 0;

	while (i < n && l[i] && strchr(" \t>#*_`-+|:[", l[i]))
		i++;
	l += i;
	n -= i;
	if (cut_at_ci(l, n, "statu") || cut_at_ci(l, n, "stato") || cut_at_ci(l, n, "estado"))
		return 1;
	for (size_t k = 0; k < sizeof(words) / sizeof(*words); k++)
		if (cut_at(l, n, words[k]))
			return 1;
	return 0;
}

/*
 * May the line be (or underline) the title: "# T", or a setext "===" under
 * a paragraph?  Where the head ends when only the title is wanted.
 */
static int cut_line_may_be_title(const char *l, size_t n)
{
	size_t i = 0;

	while (i < n && i < 3 && l[i] == ' ')
		i++;
	return i < n && (l[i] == '#' || l[i] == '=');
}

/* An ATX heading opening at column 0: "#" to "######", then a blank or the end. */
static int cut_is_col0_atx(const char *l, size_t n)
{
	size_t k = 0;

	while (k < n && k < 7 && l[k] == '#')
		k++;
	return k >= 1 && k <= 6 && (k == n || l[k] == ' ' || l[k] == '\t');
}

static int cut_is_blank(const char *l, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (l[i] != ' ' && l[i] != '\t')
			return 0;
	return 1;
}

/*
 * Does an HTML block of a kind that ends at a marker rather than at a
 * blank line (<script>, <pre>, <style>, <textarea>, "<?", "<!X", CDATA)
 * open at p (a '<')?  Comments are the caller's: they are common and end
 * at "-->".
 */
static int cut_is_raw_html(const char *p, const char *end)
{
	size_t n = (size_t)(end - p) - 1;

	if (!n)
		return 0;
	p++;
	if (*p == '?' || (*p == '!' && !(n >= 3 && p[1] == '-' && p[2] == '-')))
		return 1;
	return cut_at_ci(p, n, "script") || cut_at_ci(p, n, "pre") ||
	       cut_at_ci(p, n, "style") || cut_at_ci(p, n, "textarea");
}

/*
 * Is every HTML block that may open in head[0..n) closed inside it?
 * Comments must end ("-->" after each "<!--"); the other kinds that run
 * to a marker say no.
 */
static int cut_html_closed(const char *head, size_t n)
{
	const char *p = head, *end = head + n;

	while ((p = memchr(p, '<', (size_t)(end - p))) && p + 1 < end) {
		if (cut_is_raw_html(p, end))
			return 0;
		if (p[1] == '!') {
			/* "<!--": the end may overlap the opening, "<!-->" */
			const char *close = end - p >= 4 ? cut_find(p + 2, (size_t)(end - p - 2), "-->", 3)
							 : NULL;
			if (!close)
				return 0;
			p = close + 3;
			continue;
		}
		p++;
	}
	return 1;
}

size_t parse_md_head_len(const char *body, size_t len, int want_status)
{
	const char *p = body, *end = body + len;
	int marker = 0, prev_blank = 0;

	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);

		if (marker && prev_blank && cut_is_col0_atx(p, n)) {
			size_t cut = (size_t)(p - body);

			if (cut_has(body, cut, "```") || cut_has(body, cut, "~~~") ||
			    !cut_html_closed(body, cut) || cut_has(p, len - cut, "]:"))
				return len;
			return cut;
		}
		if (!marker)
			marker = want_status ? cut_line_starts_status(p, n) : cut_line_may_be_title(p, n);
		prev_blank = cut_is_blank(p, n);
		if (!nl)
			break;
		p = nl + 1;
	}
	return len;
}
