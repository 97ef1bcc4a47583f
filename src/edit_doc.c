/*
 * edit_doc: where an ADR file keeps its status (edit_int.h).  Splits the
 * raw bytes into lines (LF, CRLF and a lone CR end a line, as parse.c
 * counts them), finds the front matter, and from the line parse_adr()
 * names works out the status spot: a front matter key, a `Status:` line
 * or row, a Status column cell, the line under a Status heading, a dated
 * log.  Also the two ways an edit splices new bytes in.
 */
#include "edit_int.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "error.h"
#include "parse.h"
#include "xalloc.h"

static void ed_split(struct ed_doc *d)
{
	size_t pos = 0;

	if (d->len >= 3 && !memcmp(d->buf, "\xEF\xBB\xBF", 3))
		pos = 3;
	d->eol = NULL;
	while (pos < d->len) {
		struct ed_line *l;
		size_t e = pos;

		while (e < d->len && d->buf[e] != '\n' && d->buf[e] != '\r')
			e++;
		XGROW(d->v, d->alloc, d->nr + 1);
		l = &d->v[d->nr++];
		l->start = pos;
		l->end = e;
		if (e < d->len && d->buf[e] == '\r' && e + 1 < d->len && d->buf[e + 1] == '\n')
			l->next = e + 2;
		else
			l->next = e < d->len ? e + 1 : e;
		if (!d->eol && l->next > e)
			d->eol = l->next - e == 2 ? "\r\n" : d->buf[e] == '\r' ? "\r" : "\n";
		pos = l->next;
	}
	if (!d->eol)
		d->eol = "\n";
}

static size_t ed_llen(const struct ed_doc *d, size_t i)
{
	return d->v[i].end - d->v[i].start;
}

static const char *ed_ls(const struct ed_doc *d, size_t i)
{
	return d->buf + d->v[i].start;
}

int ed_blank(const struct ed_doc *d, size_t i)
{
	for (size_t k = d->v[i].start; k < d->v[i].end; k++)
		if (d->buf[k] != ' ' && d->buf[k] != '\t')
			return 0;
	return 1;
}

/* Is line i the fence word, trailing blanks allowed? */
static int ed_is_fence(const struct ed_doc *d, size_t i, const char *fence)
{
	const char *s = ed_ls(d, i);
	size_t n = ed_llen(d, i);

	if (n < 3 || memcmp(s, fence, 3))
		return 0;
	for (size_t k = 3; k < n; k++)
		if (s[k] != ' ' && s[k] != '\t')
			return 0;
	return 1;
}

static void ed_front_matter(struct ed_doc *d)
{
	d->fm_close = 0;
	if (!d->nr || !ed_is_fence(d, 0, "---"))
		return;
	for (size_t i = 1; i < d->nr; i++)
		if (ed_is_fence(d, i, "---") || ed_is_fence(d, i, "...")) {
			d->fm_close = i;
			return;
		}
}

/* A line of one repeated punctuation character (setext or rst adornment). */
static int ed_adornment(const struct ed_doc *d, size_t i)
{
	const char *s = ed_ls(d, i);
	size_t n = ed_llen(d, i);

	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	if (n < 2 || !ispunct((unsigned char)s[0]))
		return 0;
	for (size_t k = 1; k < n; k++)
		if (s[k] != s[0])
			return 0;
	return 1;
}

/* Does a heading start at line i (ATX, setext, rst title)? */
int ed_heading(const struct ed_doc *d, size_t i)
{
	const char *s = ed_ls(d, i);
	size_t n = ed_llen(d, i), h = 0;

	while (h < n && h < 3 && s[h] == ' ')
		h++;
	if (h < n && s[h] == '#') {
		size_t k = h;
		while (k < n && s[k] == '#')
			k++;
		if (k - h <= 6 && (k == n || s[k] == ' ' || s[k] == '\t'))
			return 1;
	}
	if (ed_blank(d, i))
		return 0;
	if (i + 1 < d->nr && ed_adornment(d, i + 1) && !ed_adornment(d, i)) {
		char c = ed_ls(d, i + 1)[0];
		return d->rst || c == '=' || c == '-';
	}
	return d->rst && ed_adornment(d, i);
}

/* Skip blanks from p (bounded by e). */
size_t ed_skip(const char *b, size_t p, size_t e)
{
	while (p < e && (b[p] == ' ' || b[p] == '\t'))
		p++;
	return p;
}

size_t ed_rtrim(const char *b, size_t s, size_t e)
{
	while (e > s && (b[e - 1] == ' ' || b[e - 1] == '\t'))
		e--;
	return e;
}

/* After a list or quote marker at p: its end, else p. */
size_t ed_marker(const char *b, size_t p, size_t e)
{
	size_t q = ed_skip(b, p, e);

	if (q + 1 < e && (b[q] == '*' || b[q] == '-' || b[q] == '+') &&
	    (b[q + 1] == ' ' || b[q + 1] == '\t'))
		return ed_skip(b, q + 1, e);
	if (q < e && b[q] == '>')
		return ed_skip(b, q + 1, e);
	if (q < e && isdigit((unsigned char)b[q])) {
		size_t k = q;
		while (k < e && isdigit((unsigned char)b[k]))
			k++;
		if (k + 1 < e && (b[k] == '.' || b[k] == ')') && b[k + 1] == ' ')
			return ed_skip(b, k + 1, e);
	}
	return q;
}

/* Skip emphasis markers ('*', '_') at p. */
static size_t ed_emph(const char *b, size_t p, size_t e)
{
	while (p < e && (b[p] == '*' || b[p] == '_'))
		p++;
	return p;
}

/* Does a YYYY-MM-DD date start at p? */
int ed_is_date(const char *b, size_t p, size_t e)
{
	static const char shape[] = "dddd-dd-dd";

	if (e - p < 10)
		return 0;
	for (size_t k = 0; k < 10; k++)
		if (shape[k] == 'd' ? !isdigit((unsigned char)b[p + k]) : b[p + k] != '-')
			return 0;
	return 1;
}

/* Is line i a dated status line ("2024-01-01 accepted", "- 2024-...")? */
int ed_dated(const struct ed_doc *d, size_t i)
{
	size_t e = d->v[i].end, p = ed_marker(d->buf, d->v[i].start, e);

	if (p < e && d->buf[p] == '|')
		p = ed_skip(d->buf, p + 1, e);
	p = ed_emph(d->buf, p, e);
	return ed_is_date(d->buf, p, e);
}

/*
 * "Status" with its key markup at p: "Status:", "**Status**:",
 * "**Status:**", ":Status:"; the offset of the value, or 0.
 */
static size_t ed_kv_value(const char *b, size_t p, size_t e, int *row)
{
	size_t q;

	*row = 0;
	p = ed_skip(b, p, e);
	if (p < e && b[p] == '|') {
		*row = 1;
		p = ed_skip(b, p + 1, e);
	} else if (p < e && b[p] == ':') {
		p++;
	} else {
		p = ed_marker(b, p, e);
	}
	p = ed_emph(b, p, e);
	if (e - p < 6 || strncasecmp(b + p, "status", 6))
		return 0;
	q = ed_emph(b, p + 6, e);
	q = ed_skip(b, q, e);
	if (q >= e || b[q] != (*row ? '|' : ':'))
		return 0;
	q = ed_emph(b, q + 1, e);
	return ed_skip(b, q, e);
}

/* Cells of a table line: offsets of each '|' (outer ones included). */
static size_t ed_bars(const struct ed_doc *d, size_t i, size_t *bars, size_t max)
{
	size_t n = 0;

	for (size_t k = d->v[i].start; k < d->v[i].end && n < max; k++)
		if (d->buf[k] == '|' && (k == d->v[i].start || d->buf[k - 1] != '\\'))
			bars[n++] = k;
	return n;
}

/* A table delimiter row: "|---|:--:|". */
static int ed_delimiter(const struct ed_doc *d, size_t i)
{
	int dash = 0;

	if (i >= d->nr)
		return 0;
	for (size_t k = d->v[i].start; k < d->v[i].end; k++) {
		char c = d->buf[k];
		if (c == '-')
			dash = 1;
		else if (c != '|' && c != ':' && c != ' ' && c != '\t')
			return 0;
	}
	return dash;
}

int ed_is_row(const struct ed_doc *d, size_t i)
{
	size_t p = ed_skip(d->buf, d->v[i].start, d->v[i].end);
	return p < d->v[i].end && d->buf[p] == '|';
}

/*
 * A table whose header row has a Status column, before the first level-2
 * heading (SPEC rev2): the status cell of its first body row.
 */
static int ed_find_col(struct ed_doc *d, size_t from)
{
	for (size_t i = from; i + 2 < d->nr; i++) {
		size_t bars[64], n;

		if (ed_heading(d, i) && ed_ls(d, i)[0] == '#' && ed_llen(d, i) > 2 &&
		    ed_ls(d, i)[1] == '#' && ed_ls(d, i)[2] != '#')
			break;
		if (!ed_is_row(d, i) || (i > 0 && ed_is_row(d, i - 1)))
			continue;
		n = ed_bars(d, i, bars, 64);
		for (size_t c = 0; c + 1 < n; c++) {
			size_t s = ed_emph(d->buf, ed_skip(d->buf, bars[c] + 1, bars[c + 1]),
					   bars[c + 1]);
			size_t e = ed_rtrim(d->buf, s, bars[c + 1]);
			size_t rb[64], rn;

			while (e > s && (d->buf[e - 1] == '*' || d->buf[e - 1] == '_'))
				e--;
			if (e - s != 6 || strncasecmp(d->buf + s, "status", 6))
				continue;
			if (!ed_is_row(d, i + 1) || !ed_is_row(d, i + 2))
				return 0;
			rn = ed_bars(d, i + 2, rb, 64);
			if (c + 1 >= rn)
				return 0;
			d->kind = ED_COL;
			d->line = i + 2;
			d->vs = ed_skip(d->buf, rb[c] + 1, rb[c + 1]);
			d->ve = ed_rtrim(d->buf, d->vs, rb[c + 1]);
			return 1;
		}
	}
	return 0;
}

/* The front matter "status:" key line, or 0. */
size_t ed_fm_key(const struct ed_doc *d, const char *key, size_t *value)
{
	size_t klen = strlen(key);

	for (size_t i = 1; i < d->fm_close; i++) {
		const char *s = ed_ls(d, i);
		size_t n = ed_llen(d, i), k = klen;

		if (n <= klen || strncasecmp(s, key, klen))
			continue;
		while (k < n && s[k] == ' ')
			k++;
		if (k < n && s[k] == ':') {
			*value = d->v[i].start + k + 1;
			return i;
		}
	}
	return 0;
}

/* Find the status spot; -1 with the error recorded when there is none. */
int ed_locate(struct ed_doc *d, const char *path)
{
	size_t at, e, p;
	int row;

	if (d->fm_close && d->doc.status_raw && (at = ed_fm_key(d, "status", &p))) {
		e = d->v[at].end;
		p = ed_skip(d->buf, p, e);
		e = ed_rtrim(d->buf, p, e);
		for (size_t k = p; k + 1 < e; k++)
			if ((d->buf[k] == ' ' || d->buf[k] == '\t') && d->buf[k + 1] == '#') {
				e = ed_rtrim(d->buf, p, k);
				break;
			}
		if (p < e && (d->buf[p] == '|' || d->buf[p] == '>'))
			return error_set("'%s': the status is a YAML block scalar; "
					 "change it by hand", path);
		if (e - p >= 2 && (d->buf[p] == '"' || d->buf[p] == '\'') &&
		    d->buf[e - 1] == d->buf[p]) {
			p++;
			e--;
		}
		d->kind = ED_FM;
		d->line = at;
		d->vs = p;
		d->ve = e;
		return 0;
	}
	if (d->fm_close && !d->doc.status_raw && (at = ed_fm_key(d, "status", &p)) &&
	    ed_skip(d->buf, p, d->v[at].end) == d->v[at].end) {
		/* "status:" with nothing after it (a template left so) */
		d->kind = ED_FM;
		d->line = at;
		d->vs = d->ve = d->v[at].end;
		return 0;
	}
	if (!d->doc.status_raw || !d->doc.status_line || d->doc.status_line > d->nr) {
		if (ed_find_col(d, d->fm_close ? d->fm_close + 1 : 0))
			return 0;
		return error_set("'%s' has no status to change (add a Status section)", path);
	}
	at = d->doc.status_line - 1;
	d->line = at;
	e = d->v[at].end;
	d->marker_s = d->v[at].start;
	d->marker_e = ed_marker(d->buf, d->v[at].start, e);
	if ((p = ed_kv_value(d->buf, d->v[at].start, e, &row)) && row &&
	    ed_delimiter(d, at + 1)) {
		/* "| Status | Date |" over "|---|---|": a header, not a key/value row */
		if (ed_find_col(d, at))
			return 0;
		return error_set("'%s': the status table on line %zu has no row", path, at + 1);
	}
	if (p) {
		d->kind = row ? ED_ROW : ED_KV;
		d->vs = p;
		if (row) {
			size_t bar = p;
			while (bar < e && !(d->buf[bar] == '|' && d->buf[bar - 1] != '\\'))
				bar++;
			e = bar;
		}
		d->ve = ed_rtrim(d->buf, p, e);
		return 0;
	}
	if (ed_is_row(d, at)) {
		size_t top = at;
		while (top > 0 && ed_is_row(d, top - 1))
			top--;
		if (ed_find_col(d, top) && d->line == at)
			return 0;
		if (d->kind == ED_COL && top + 2 <= at) {
			/* parse named another body row of the same table */
			return 0;
		}
		return error_set("'%s': cannot tell which cell of line %zu is the status",
				 path, at + 1);
	}
	d->kind = ed_dated(d, at) ? ED_DATED : ED_SECTION;
	d->vs = d->marker_e;
	d->ve = ed_rtrim(d->buf, d->vs, e);
	if (d->vs < d->ve && d->buf[d->vs] == '<' && d->vs + 1 < d->ve &&
	    (isalpha((unsigned char)d->buf[d->vs + 1]) || d->buf[d->vs + 1] == '/'))
		return error_set("'%s': the status on line %zu is HTML; change it by hand",
				 path, at + 1);
	return 0;
}

int ed_open(struct ed_doc *d, const char *path, const char *buf, size_t len)
{
	memset(d, 0, sizeof(*d));
	d->buf = buf;
	d->len = len;
	d->rst = strlen(path) >= 4 && !strcasecmp(path + strlen(path) - 4, ".rst");
	adr_doc_init(&d->doc);
	parse_adr(&d->doc, path, buf, len);
	ed_split(d);
	ed_front_matter(d);
	return 0;
}

void ed_close(struct ed_doc *d)
{
	adr_doc_release(&d->doc);
	free(d->v);
}

/* out = buf with [s, e) replaced by text. */
void ed_replace(struct strbuf *out, const struct ed_doc *d, size_t s, size_t e,
		const char *text, size_t tlen)
{
	strbuf_reset(out);
	strbuf_add(out, d->buf, s);
	strbuf_add(out, text, tlen);
	strbuf_add(out, d->buf + e, d->len - e);
}

/* out = buf with lines (each without a line end) inserted after line i. */
void ed_insert_after(struct strbuf *out, const struct ed_doc *d, size_t i,
		     const char *const *lines, size_t n)
{
	const struct ed_line *l = &d->v[i];
	int last = l->next == l->end;	/* no line end: the file's last line */

	strbuf_reset(out);
	strbuf_add(out, d->buf, last ? l->end : l->next);
	for (size_t k = 0; k < n; k++) {
		if (last)
			strbuf_addstr(out, d->eol);
		strbuf_addstr(out, lines[k]);
		if (!last)
			strbuf_addstr(out, d->eol);
	}
	strbuf_add(out, d->buf + (last ? l->end : l->next), d->len - (last ? l->end : l->next));
}

/* Is line i a link line (after markers and markup)? */
int ed_link_line(const struct ed_doc *d, size_t i)
{
	const char *b = d->buf;
	size_t e = d->v[i].end, p = ed_marker(b, d->v[i].start, e);

	while (p < e && strchr("|:*_ ", b[p]))
		p++;
	return (e - p >= 6 && (!strncasecmp(b + p, "supers", 6) ||
			       !strncasecmp(b + p, "superc", 6))) ||
	       (e - p >= 5 && !strncasecmp(b + p, "amend", 5));
}

/* The last line of the status block and the link lines right after it. */
size_t ed_block_end(const struct ed_doc *d, size_t i, int *sep)
{
	size_t last = i;

	*sep = 0;
	for (;;) {
		size_t k;
		while (last + 1 < d->nr && !ed_blank(d, last + 1) && !ed_heading(d, last + 1))
			last++;
		k = last + 1;
		while (k < d->nr && ed_blank(d, k))
			k++;
		if (k >= d->nr || k == last + 1 || !ed_link_line(d, k) || ed_heading(d, k))
			return last;
		*sep = 1;
		last = k;
	}
}
