/*
 * edit: find the spot where an ADR file keeps its status and links, and
 * rewrite only that spot (edit.h).  The file is split into lines over the
 * raw bytes (LF, CRLF and a lone CR end a line, as parse.c counts them),
 * parse_adr() says on which line the status is, and the line rules below
 * say what part of that line is the value.  Everything else is copied
 * byte for byte.  cmd_edit.c and edit_tree.c do the file I/O.
 */
#include "edit.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "adr.h"
#include "error.h"
#include "parse.h"
#include "status.h"
#include "xalloc.h"

struct ed_line {
	size_t start, end, next;	/* [start, end) without the line end */
};

/* Where the status lives. */
enum ed_kind {
	ED_FM = 1,	/* front matter "status:" key */
	ED_KV,		/* "Status: X", "* Status: X", "**Status:** X", ":Status: X" */
	ED_ROW,		/* "| Status | X |" */
	ED_COL,		/* a table with a Status column: the cell of a body row */
	ED_SECTION,	/* the line under a Status heading */
	ED_DATED	/* a dated status log under a Status heading */
};

struct ed_doc {
	const char *buf;
	size_t len;
	struct ed_line *v;
	size_t nr, alloc;
	const char *eol;	/* the file's line end, for new lines */
	size_t fm_close;	/* line of the closing front matter fence; 0: none */
	int rst;
	/* the status spot */
	enum ed_kind kind;
	size_t line;		/* 0-based */
	size_t vs, ve;		/* the value's bytes */
	size_t marker_s, marker_e;	/* list marker and indent of the line */
	struct adr_doc doc;
};

const char *edit_rel_word(enum edit_rel rel)
{
	static const char *const words[] = {
		"Supersedes", "Superseded by", "Amends", "Amended by"
	};
	return words[rel];
}

enum edit_rel edit_rel_inverse(enum edit_rel rel)
{
	return (enum edit_rel)(rel ^ 1);
}

int edit_rel_parse(const char *words, enum edit_rel *out)
{
	struct strbuf sb = STRBUF_INIT;
	static const struct { const char *w; enum edit_rel r; } names[] = {
		{ "supersedes", EDIT_SUPERSEDES }, { "supercedes", EDIT_SUPERSEDES },
		{ "supersededby", EDIT_SUPERSEDED_BY }, { "supercededby", EDIT_SUPERSEDED_BY },
		{ "amends", EDIT_AMENDS }, { "amendedby", EDIT_AMENDED_BY },
	};
	int rc = -1;

	for (const char *p = words; *p; p++)
		if (isalpha((unsigned char)*p))
			strbuf_addch(&sb, tolower((unsigned char)*p));
		else if (*p != ' ' && *p != '-' && *p != '_')
			goto done;
	for (size_t i = 0; i < sizeof(names) / sizeof(*names); i++)
		if (!strcmp(sb.buf, names[i].w)) {
			*out = names[i].r;
			rc = 0;
		}
done:
	strbuf_release(&sb);
	return rc;
}

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

static int ed_blank(const struct ed_doc *d, size_t i)
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
static int ed_heading(const struct ed_doc *d, size_t i)
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
static size_t ed_skip(const char *b, size_t p, size_t e)
{
	while (p < e && (b[p] == ' ' || b[p] == '\t'))
		p++;
	return p;
}

static size_t ed_rtrim(const char *b, size_t s, size_t e)
{
	while (e > s && (b[e - 1] == ' ' || b[e - 1] == '\t'))
		e--;
	return e;
}

/* After a list or quote marker at p: its end, else p. */
static size_t ed_marker(const char *b, size_t p, size_t e)
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
static int ed_is_date(const char *b, size_t p, size_t e)
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
static int ed_dated(const struct ed_doc *d, size_t i)
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

static int ed_is_row(const struct ed_doc *d, size_t i)
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
static size_t ed_fm_key(const struct ed_doc *d, const char *key, size_t *value)
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
static int ed_locate(struct ed_doc *d, const char *path)
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

static int ed_open(struct ed_doc *d, const char *path, const char *buf, size_t len)
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

static void ed_close(struct ed_doc *d)
{
	adr_doc_release(&d->doc);
	free(d->v);
}

/* Known status emoji, swapped for the new status's when one is there. */
static const struct { const char *emoji; enum adr_status s; } ed_emoji[] = {
	{ "\xE2\x9C\x85", ADR_STATUS_ACCEPTED },	/* ✅ */
	{ "\xE2\x9C\x94\xEF\xB8\x8F", ADR_STATUS_IMPLEMENTED },	/* ✔️ */
	{ "\xF0\x9F\x9A\xA7", ADR_STATUS_PROPOSED },	/* 🚧 */
	{ "\xF0\x9F\x93\x9D", ADR_STATUS_DRAFT },	/* 📝 */
	{ "\xE2\x9D\x8C", ADR_STATUS_REJECTED },	/* ❌ */
	{ "\xE2\x9B\x94", ADR_STATUS_DEPRECATED },	/* ⛔ */
	{ "\xE2\x99\xBB\xEF\xB8\x8F", ADR_STATUS_SUPERSEDED },	/* ♻️ */
};

static const char *ed_emoji_for(enum adr_status s)
{
	for (size_t i = 0; i < sizeof(ed_emoji) / sizeof(*ed_emoji); i++)
		if (ed_emoji[i].s == s)
			return ed_emoji[i].emoji;
	if (s == ADR_STATUS_PENDING)
		return ed_emoji_for(ADR_STATUS_PROPOSED);
	return NULL;
}

/* The prefix with a known status emoji swapped for the new status's. */
static void ed_add_prefix(struct strbuf *out, const char *p, size_t n, enum adr_status to)
{
	const char *want = ed_emoji_for(to);

	for (size_t i = 0; i < n;) {
		size_t k, el = 0;

		for (k = 0; k < sizeof(ed_emoji) / sizeof(*ed_emoji); k++) {
			el = strlen(ed_emoji[k].emoji);
			if (n - i >= el && !memcmp(p + i, ed_emoji[k].emoji, el))
				break;
		}
		if (k < sizeof(ed_emoji) / sizeof(*ed_emoji) && want) {
			strbuf_addstr(out, want);
			i += el;
		} else {
			strbuf_addch(out, p[i++]);
		}
	}
}

static char ed_closing(char c)
{
	switch (c) {
	case '*': case '_': case '`': case '~': return c;
	case '[': return ']';
	case '{': return '}';
	case '(': return ')';
	default: return 0;
	}
}

void edit_styled_status(struct strbuf *out, const char *old, size_t n, const char *status)
{
	size_t p = 0, w, j, cl = 0;
	char close[64];
	int upper = 1, cap = 0, letters = 0;
	enum adr_status to = status_normalize(status);

	/* "{proposed | accepted | rejected}": a template's choices, no style */
	if (memchr(old, '|', n)) {
		strbuf_addstr(out, status);
		return;
	}
	while (p < n && !isalpha((unsigned char)old[p]))
		p++;
	if (p == n) {	/* no ASCII letter: keep only ASCII markup */
		p = 0;
		while (p < n && (unsigned char)old[p] < 0x80 && !isalnum((unsigned char)old[p]))
			p++;
	}
	for (w = p; w < n && (isalpha((unsigned char)old[w]) ||
			      (unsigned char)old[w] >= 0x80); w++) {
		if (isalpha((unsigned char)old[w])) {
			letters++;
			if (islower((unsigned char)old[w]))
				upper = 0;
			if (w == p && isupper((unsigned char)old[w]))
				cap = 1;
		}
	}
	for (size_t k = p; k-- > 0;)
		if (ed_closing(old[k]) && cl < sizeof(close))
			close[cl++] = ed_closing(old[k]);
	ed_add_prefix(out, old, p, to);
	for (const char *s = status; *s; s++) {
		int c = (unsigned char)*s;

		if (letters >= 2 && upper)
			c = toupper(c);
		else if (s == status && letters)
			c = cap ? toupper(c) : tolower(c);
		else if (letters && !cap && !upper)
			c = tolower(c);
		strbuf_addch(out, c);
	}
	/* the old closing markup, with its blanks, when it matches */
	j = n;
	for (size_t k = 0; k < cl; k++) {
		while (j > w && old[j - 1] == ' ')
			j--;
		if (j > w && old[j - 1] == close[cl - 1 - k]) {
			j--;
		} else {
			j = (size_t)-1;
			break;
		}
	}
	if (j != (size_t)-1) {
		while (j > w && old[j - 1] == ' ' && cl)
			j--;
		strbuf_add(out, old + j, n - j);
	} else {
		strbuf_add(out, close, cl);
	}
}

/* The ref to target as this kind of text writes it. */
static void ed_ref(struct strbuf *out, const struct ed_doc *d, enum ed_kind where,
		   const struct edit_target *t)
{
	const char *text = t->text && *t->text ? t->text : t->shortref;

	if (where == ED_FM) {
		strbuf_addstr(out, t->shortref);
	} else if (d->rst) {
		strbuf_addch(out, '`');
		for (const char *s = text; *s; s++)
			if (*s != '`' && *s != '<' && *s != '>')
				strbuf_addch(out, *s);
		strbuf_addf(out, " <%s>`_", t->href);
	} else {
		strbuf_addch(out, '[');
		for (const char *s = text; *s; s++) {
			if (*s == '[' || *s == ']' || *s == '\\')
				strbuf_addch(out, '\\');
			strbuf_addch(out, *s);
		}
		strbuf_addf(out, "](%s)", t->href);
	}
}

/* "by" in the style of the status word. */
static const char *ed_by(const char *styled)
{
	size_t up = 0, n = 0;

	for (const char *s = styled; *s; s++)
		if (isalpha((unsigned char)*s)) {
			n++;
			up += isupper((unsigned char)*s) != 0;
		}
	return n >= 2 && up == n ? " BY " : " by ";
}

/* out = buf with [s, e) replaced by text. */
static void ed_replace(struct strbuf *out, const struct ed_doc *d, size_t s, size_t e,
		       const char *text, size_t tlen)
{
	strbuf_reset(out);
	strbuf_add(out, d->buf, s);
	strbuf_add(out, text, tlen);
	strbuf_add(out, d->buf + e, d->len - e);
}

/* out = buf with lines (each without a line end) inserted after line i. */
static void ed_insert_after(struct strbuf *out, const struct ed_doc *d, size_t i,
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

/* The new value of the status spot: styled status, and "by <ref>". */
static void ed_value(struct strbuf *v, const struct ed_doc *d, size_t vs, size_t ve,
		     const char *status, const struct edit_target *by)
{
	if (by) {
		/* "`Accepted`", "[Accepted]": a word in code or brackets would
		 * keep "by" from reading as a link; only emphasis stays */
		struct strbuf plain = STRBUF_INIT;

		for (size_t k = vs; k < ve; k++)
			if (!strchr("`[]{}()", d->buf[k]))
				strbuf_addch(&plain, d->buf[k]);
		edit_styled_status(v, plain.buf, plain.len, status);
		strbuf_release(&plain);
	} else {
		edit_styled_status(v, d->buf + vs, ve - vs, status);
	}
	if (by) {
		struct strbuf ref = STRBUF_INIT, tail = STRBUF_INIT;
		size_t k = v->len;
		const char *bw;

		/* "by <ref>" goes inside the emphasis ("**Superseded by [..](..)**"):
		 * the link rule wants "superseded" and "by" with only blanks between */
		while (k > 0 && ed_closing(v->buf[k - 1]) == v->buf[k - 1] &&
		       (v->buf[k - 1] == '*' || v->buf[k - 1] == '_' || v->buf[k - 1] == '~'))
			k--;
		strbuf_add(&tail, v->buf + k, v->len - k);
		strbuf_setlen(v, k);
		bw = ed_by(v->buf);
		ed_ref(&ref, d, d->kind, by);
		strbuf_addstr(v, bw);
		strbuf_addbuf(v, &ref);
		strbuf_addbuf(v, &tail);
		strbuf_release(&ref);
		strbuf_release(&tail);
	}
}

/* A dated log: a new line after the last dated line of the run. */
static int ed_dated_line(struct strbuf *out, struct ed_doc *d, const char *status,
			 const char *date, const struct edit_target *by)
{
	size_t last = d->line, e, p, ds, vs, ve;
	struct strbuf line = STRBUF_INIT, v = STRBUF_INIT;
	const char *lines[1];

	while (last + 1 < d->nr && ed_dated(d, last + 1))
		last++;
	e = d->v[last].end;
	p = d->v[last].start;
	while (!ed_is_date(d->buf, p, e))
		p++;
	ds = p;
	vs = p + 10;
	while (vs < e && strchr(" \t:|,-*_", d->buf[vs]))
		vs++;
	/* a UTF-8 dash as separator ("2024-01-01 — Accepted") */
	while (vs + 2 < e && (unsigned char)d->buf[vs] == 0xE2 &&
	       (unsigned char)d->buf[vs + 1] == 0x80) {
		vs += 3;
		while (vs < e && strchr(" \t:", d->buf[vs]))
			vs++;
	}
	ve = vs;
	while (ve < e && !(d->buf[ve] == '|' && d->buf[ve - 1] != '\\'))
		ve++;
	ve = ed_rtrim(d->buf, vs, ve);
	ed_value(&v, d, vs, ve, status, by);
	strbuf_add(&line, d->buf + d->v[last].start, ds - d->v[last].start);
	strbuf_addstr(&line, date);
	strbuf_add(&line, d->buf + ds + 10, vs - ds - 10);
	strbuf_addbuf(&line, &v);
	strbuf_add(&line, d->buf + ve, e - ve);
	lines[0] = line.buf;
	ed_insert_after(out, d, last, lines, 1);
	strbuf_release(&line);
	strbuf_release(&v);
	return EDIT_CHANGED;
}

static int ed_set_status(struct strbuf *out, struct ed_doc *d, const char *status,
			 const char *date, const struct edit_target *by)
{
	struct strbuf v = STRBUF_INIT;
	size_t vs = d->vs, ve = d->ve;

	if (d->kind == ED_DATED)
		return ed_dated_line(out, d, status, date, by);
	ed_value(&v, d, vs, ve, status, by);
	if (d->kind == ED_FM && vs == ve && vs > 0 && d->buf[vs - 1] == ':') {
		struct strbuf sp = STRBUF_INIT;	/* "status:" -> "status: x" */

		strbuf_addch(&sp, ' ');
		strbuf_addbuf(&sp, &v);
		strbuf_release(&v);
		v = sp;
	}
	if (d->kind == ED_ROW || d->kind == ED_COL) {
		/* keep an aligned column aligned when the text gets shorter */
		size_t bar = ve;
		while (bar < d->v[d->line].end && d->buf[bar] == ' ')
			bar++;
		if (bar - vs > v.len + 1 && bar < d->v[d->line].end) {
			while (v.len + 1 < bar - vs)
				strbuf_addch(&v, ' ');
			ve = bar - 1;
		}
	}
	ed_replace(out, d, vs, ve, v.buf, v.len);
	strbuf_release(&v);
	return EDIT_CHANGED;
}

static int ed_valid_status(const char *status)
{
	enum adr_status s = status_normalize(status);

	if (s == ADR_STATUS_NONE || s == ADR_STATUS_UNKNOWN)
		return error_set("'%s' is not a status (draft, proposed, pending, accepted, "
				 "implemented, rejected, deprecated, superseded, amended, "
				 "withdrawn)", status);
	return 0;
}

/* The status now: a dated log's is its last line's (SPEC rev2). */
static enum adr_status ed_current(const struct ed_doc *d)
{
	struct strbuf sb = STRBUF_INIT;
	enum adr_status s;
	size_t last = d->line, p, e;

	if (d->kind != ED_DATED)
		return d->doc.status;
	while (last + 1 < d->nr && ed_dated(d, last + 1))
		last++;
	p = d->v[last].start;
	e = d->v[last].end;
	while (!ed_is_date(d->buf, p, e))
		p++;
	for (p += 10; p < e; p++)
		strbuf_addch(&sb, isalpha((unsigned char)d->buf[p]) ||
			     (unsigned char)d->buf[p] >= 0x80 ? d->buf[p] : ' ');
	s = status_normalize(sb.buf);
	strbuf_release(&sb);
	return s;
}

int edit_status(struct strbuf *out, const char *path, const char *buf, size_t len,
		const char *status, const char *date, const struct edit_target *by)
{
	struct ed_doc d;
	int rc;

	if (ed_valid_status(status) < 0)
		return -1;
	ed_open(&d, path, buf, len);
	if ((rc = ed_locate(&d, path)) < 0)
		goto done;
	if (ed_current(&d) == status_normalize(status) &&
	    (!by || strvec_find(&d.doc.superseded_by, by->id) >= 0)) {
		strbuf_reset(out);
		strbuf_add(out, buf, len);
		rc = EDIT_UNCHANGED;
		goto done;
	}
	rc = ed_set_status(out, &d, status, date, by);
done:
	ed_close(&d);
	return rc;
}

/* Is line i a link line (after markers and markup)? */
static int ed_link_line(const struct ed_doc *d, size_t i)
{
	const char *b = d->buf;
	size_t e = d->v[i].end, p = ed_marker(b, d->v[i].start, e);

	while (p < e && strchr("|:*_ ", b[p]))
		p++;
	return (e - p >= 6 && (!strncasecmp(b + p, "supers", 6) ||
			       !strncasecmp(b + p, "superc", 6))) ||
	       (e - p >= 5 && !strncasecmp(b + p, "amend", 5));
}

/* Append ", <ref>" to a front matter key's value, or a block list item. */
static int ed_fm_add(struct strbuf *out, struct ed_doc *d, size_t at, size_t vpos,
		     const char *item)
{
	size_t e = ed_rtrim(d->buf, vpos, d->v[at].end), p = ed_skip(d->buf, vpos, e);
	struct strbuf sb = STRBUF_INIT;
	const char *lines[1];

	if (p == e) {
		/* a block list below: "  - x" lines */
		size_t last = at, ind_e;
		while (last + 1 < d->fm_close) {
			size_t q = ed_skip(d->buf, d->v[last + 1].start, d->v[last + 1].end);
			if (q >= d->v[last + 1].end || d->buf[q] != '-')
				break;
			last++;
		}
		if (last == at) {
			strbuf_addf(&sb, " %s", item);
			ed_replace(out, d, p, p, sb.buf, sb.len);
			strbuf_release(&sb);
			return EDIT_CHANGED;
		}
		ind_e = ed_skip(d->buf, d->v[last].start, d->v[last].end) + 1;
		strbuf_add(&sb, d->buf + d->v[last].start, ind_e - d->v[last].start);
		strbuf_addf(&sb, " %s", item);
		lines[0] = sb.buf;
		ed_insert_after(out, d, last, lines, 1);
	} else if (d->buf[p] == '[' && d->buf[e - 1] == ']') {
		if (ed_skip(d->buf, p + 1, e - 1) == e - 1)
			strbuf_addstr(&sb, item);	/* "[]" */
		else
			strbuf_addf(&sb, ", %s", item);
		ed_replace(out, d, ed_rtrim(d->buf, p + 1, e - 1), ed_rtrim(d->buf, p + 1, e - 1),
			   sb.buf, sb.len);
	} else {
		strbuf_addf(&sb, ", %s", item);
		ed_replace(out, d, e, e, sb.buf, sb.len);
	}
	strbuf_release(&sb);
	return EDIT_CHANGED;
}

static const char *const ed_fm_keys[][3] = {
	{ "supersedes", "supercedes", NULL },
	{ "superseded_by", "superseded-by", "supersededBy" },
	{ "amends", NULL, NULL },
	{ "amended_by", "amended-by", "amendedBy" },
};

/* A link in the front matter: the key's list, or a new key after status. */
static int ed_link_fm(struct strbuf *out, struct ed_doc *d, enum edit_rel rel,
		      const struct edit_target *t)
{
	struct strbuf sb = STRBUF_INIT;
	const char *lines[1];
	size_t at = 0, vpos = 0;
	int rc;

	for (size_t k = 0; k < 3 && !at && ed_fm_keys[rel][k]; k++)
		at = ed_fm_key(d, ed_fm_keys[rel][k], &vpos);
	if (at)
		return ed_fm_add(out, d, at, vpos, t->shortref);
	strbuf_addf(&sb, "%s: %s", ed_fm_keys[rel][0], t->shortref);
	lines[0] = sb.buf;
	ed_insert_after(out, d, d->line, lines, 1);
	rc = EDIT_CHANGED;
	strbuf_release(&sb);
	return rc;
}

/* The last line of the status block and the link lines right after it. */
static size_t ed_block_end(const struct ed_doc *d, size_t i, int *sep)
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

int edit_link(struct strbuf *out, const char *path, const char *buf, size_t len,
	      enum edit_rel rel, const struct edit_target *t, const char *date)
{
	const struct strvec *have;
	struct strbuf line = STRBUF_INIT, ref = STRBUF_INIT;
	const char *lines[2];
	struct ed_doc d;
	size_t last;
	int rc, sep;

	ed_open(&d, path, buf, len);
	have = rel == EDIT_SUPERSEDES ? &d.doc.supersedes :
	       rel == EDIT_SUPERSEDED_BY ? &d.doc.superseded_by :
	       rel == EDIT_AMENDS ? &d.doc.amends : &d.doc.amended_by;
	if (strvec_find(have, t->id) >= 0) {
		strbuf_reset(out);
		strbuf_add(out, buf, len);
		rc = EDIT_UNCHANGED;
		goto done;
	}
	if ((rc = ed_locate(&d, path)) < 0)
		goto done;
	if (rel == EDIT_SUPERSEDED_BY) {
		size_t at, vpos;

		if (d.kind == ED_FM && ((at = ed_fm_key(&d, "superseded_by", &vpos)) ||
					(at = ed_fm_key(&d, "superseded-by", &vpos)) ||
					(at = ed_fm_key(&d, "supersededBy", &vpos)))) {
			struct strbuf tmp = STRBUF_INIT;

			ed_fm_add(&tmp, &d, at, vpos, t->shortref);
			rc = edit_status(out, path, tmp.buf, tmp.len, "superseded", date, NULL);
			if (rc == EDIT_UNCHANGED)
				rc = EDIT_CHANGED;	/* the key changed */
			strbuf_release(&tmp);
		} else if (d.doc.status == ADR_STATUS_SUPERSEDED && d.kind != ED_DATED &&
			   d.doc.superseded_by.nr) {
			/* a second successor: ", <ref>" after the first */
			strbuf_addstr(&line, ", ");
			ed_ref(&line, &d, d.kind, t);
			ed_replace(out, &d, d.ve, d.ve, line.buf, line.len);
			rc = EDIT_CHANGED;
		} else {
			rc = ed_set_status(out, &d, "superseded", date, t);
		}
		goto done;
	}
	ed_ref(&ref, &d, d.kind, t);
	switch (d.kind) {
	case ED_FM:
		rc = ed_link_fm(out, &d, rel, t);
		goto done;
	case ED_ROW:
		last = d.line;
		while (last + 1 < d.nr && ed_is_row(&d, last + 1) && ed_link_line(&d, last + 1))
			last++;
		strbuf_add(&line, d.buf + d.v[d.line].start,
			   ed_skip(d.buf, d.v[d.line].start, d.v[d.line].end) - d.v[d.line].start);
		strbuf_addf(&line, "| %s | %s |", edit_rel_word(rel), ref.buf);
		lines[0] = line.buf;
		ed_insert_after(out, &d, last, lines, 1);
		break;
	case ED_KV:
		last = d.line;
		while (last + 1 < d.nr && !ed_blank(&d, last + 1) && ed_link_line(&d, last + 1))
			last++;
		if (d.rst && ed_skip(d.buf, d.v[d.line].start, d.vs) < d.vs &&
		    d.buf[ed_skip(d.buf, d.v[d.line].start, d.vs)] == ':')
			strbuf_addf(&line, ":%s: %s", edit_rel_word(rel), ref.buf);
		else {
			strbuf_add(&line, d.buf + d.marker_s, d.marker_e - d.marker_s);
			strbuf_addf(&line, "%s %s", edit_rel_word(rel), ref.buf);
		}
		lines[0] = line.buf;
		ed_insert_after(out, &d, last, lines, 1);
		break;
	case ED_COL:
		last = d.line;
		while (last + 1 < d.nr && ed_is_row(&d, last + 1))
			last++;
		strbuf_addf(&line, "%s %s", edit_rel_word(rel), ref.buf);
		lines[0] = "";
		lines[1] = line.buf;
		ed_insert_after(out, &d, last, lines, 2);
		break;
	default:
		last = ed_block_end(&d, d.line, &sep);
		if (d.kind == ED_SECTION && d.marker_e > ed_skip(d.buf, d.marker_s, d.marker_e) &&
		    !sep) {
			/* the status is a list item: the link is the next item */
			strbuf_add(&line, d.buf + d.marker_s, d.marker_e - d.marker_s);
			strbuf_addf(&line, "%s %s", edit_rel_word(rel), ref.buf);
			lines[0] = line.buf;
			ed_insert_after(out, &d, last, lines, 1);
		} else {
			strbuf_addf(&line, "%s %s", edit_rel_word(rel), ref.buf);
			lines[0] = "";
			lines[1] = line.buf;
			ed_insert_after(out, &d, last, lines, 2);
		}
		break;
	}
	rc = EDIT_CHANGED;
done:
	strbuf_release(&line);
	strbuf_release(&ref);
	ed_close(&d);
	return rc;
}
