/*
 * parse: the front door of the ADR parsers (SPEC section 1, "Title,
 * status, date, links").  Cleans the bytes (size cap, BOM, invalid UTF-8
 * and NUL -> U+FFFD, CRLF/CR -> LF), splits the front matter off
 * (frontmatter.c), lets parse_md.c or parse_rst.c find the title and the
 * status, then applies the rules shared by both: id, title fallbacks,
 * date, links.
 */
#include "parse.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "adrid.h"
#include "date.h"
#include "frontmatter.h"
#include "parse_int.h"
#include "strbuf.h"
#include "utf8.h"
#include "xalloc.h"

void parse_squeeze(struct strbuf *sb)
{
	size_t j = 0;
	int blank = 0;

	for (size_t i = 0; i < sb->len; i++) {
		char c = sb->buf[i];

		if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
			blank = 1;
			continue;
		}
		if (blank && j)
			sb->buf[j++] = ' ';
		blank = 0;
		sb->buf[j++] = c;
	}
	strbuf_setlen(sb, j);
}

/* The word "Status" in the languages of SPEC 1a, case-folded. */
static const char *const status_heading_words[] = {
	"status", "statut", "estado", "stato", "статус", "状态", "狀態", "ステータス",
};

/* Is s[0..n) one of the status words (case-folded, blanks trimmed)? */
static int parse_is_status_word(const char *s, size_t n)
{
	struct strbuf sb = STRBUF_INIT, f = STRBUF_INIT;
	int yes = 0;

	strbuf_add(&sb, s, n);
	strbuf_trim(&sb);
	utf8_fold_str(&f, sb.buf);
	for (size_t i = 0; i < sizeof(status_heading_words) / sizeof(*status_heading_words); i++)
		yes |= !strcmp(f.buf, status_heading_words[i]);
	strbuf_release(&sb);
	strbuf_release(&f);
	return yes;
}

/* Length of a colon at p: ':' or the fullwidth '：' (U+FF1A); 0 if none. */
static size_t parse_colon(const char *p)
{
	if (*p == ':')
		return 1;
	return !strncmp(p, "\xEF\xBC\x9A", 3) ? 3 : 0;
}

int parse_is_status_heading(const char *text)
{
	size_t n = strlen(text);

	while (n && (text[n - 1] == ' ' || text[n - 1] == '\t'))
		n--;
	if (n && text[n - 1] == ':')
		n--;
	else if (n >= 3 && parse_colon(text + n - 3) == 3)
		n -= 3;
	return parse_is_status_word(text, n);
}

static const char *parse_skip_blanks(const char *p, const char *end)
{
	while (p < end && (*p == ' ' || *p == '\t'))
		p++;
	return p;
}

char *parse_status_line(const char *line, size_t len)
{
	const char *p = line, *end = line + len, *key, *v, *vend;
	struct strbuf sb = STRBUF_INIT;
	int table = 0;
	size_t c = 0;

	p = parse_skip_blanks(p, end);
	if (p < end && *p == '|') {
		table = 1;
		p = parse_skip_blanks(p + 1, end);
	} else if (p < end && *p == ':') {
		p++;
	} else if (end - p >= 2 && (*p == '*' || *p == '-' || *p == '+') &&
		   (p[1] == ' ' || p[1] == '\t')) {
		p = parse_skip_blanks(p + 1, end);
	}
	/* the key: up to the colon (or the cell's bar), a status word */
	for (key = p; p < end; p++)
		if (table ? *p == '|' : (c = parse_colon(p)) != 0)
			break;
	if (p >= end || p - key > 32 || !parse_is_status_word(key, (size_t)(p - key)))
		return NULL;
	v = p + (table ? 1 : c);
	vend = end;
	if (table) {
		const char *bar = memchr(v, '|', (size_t)(end - v));
		if (bar)
			vend = bar;
	}
	strbuf_add(&sb, v, (size_t)(vend - v));
	parse_squeeze(&sb);
	if (!sb.len) {
		strbuf_release(&sb);
		return NULL;
	}
	return strbuf_detach(&sb, NULL);
}

/*
 * The cells of a table row "| a | b |" (leading and trailing bars
 * optional), trimmed, pushed to out.  Returns the number of cells.
 */
size_t parse_table_cells(const char *line, size_t len, struct strvec *out)
{
	const char *p = line, *end = line + len;
	struct strbuf cell = STRBUF_INIT;
	size_t n = 0;

	p = parse_skip_blanks(p, end);
	while (end > p && (end[-1] == ' ' || end[-1] == '\t'))
		end--;
	if (p < end && *p == '|')
		p++;
	if (end > p && end[-1] == '|' && (end - 1 == p || end[-2] != '\\'))
		end--;
	while (p <= end) {
		const char *bar = p;

		while (bar < end && !(*bar == '|' && (bar == line || bar[-1] != '\\')))
			bar++;
		strbuf_reset(&cell);
		strbuf_add(&cell, p, (size_t)(bar - p));
		strbuf_trim(&cell);
		strvec_push(out, cell.buf);
		n++;
		p = bar + 1;
	}
	strbuf_release(&cell);
	return n;
}

/* Is this line a table delimiter row ("|---|:---:|")? */
int parse_is_delimiter_row(const char *line, size_t len)
{
	int dash = 0, bar = 0;

	for (size_t i = 0; i < len; i++) {
		char ch = line[i];

		if (ch == '-')
			dash = 1;
		else if (ch == '|')
			bar = 1;
		else if (ch != ':' && ch != ' ' && ch != '\t')
			return 0;
	}
	return dash && bar;
}

/*
 * Links never span lines and an ADR link is short: scans for a closing
 * bracket stop at the end of the line or after this many bytes, which
 * keeps hostile input (a megabyte of "[") linear.
 */
#define PARSE_LINK_MAX 1024

/* strchr() bounded by the end of the line and PARSE_LINK_MAX. */
static const char *parse_line_chr(const char *p, int c)
{
	for (size_t n = 0; *p && *p != '\n' && n < PARSE_LINK_MAX; p++, n++)
		if (*p == c)
			return p;
	return NULL;
}

/*
 * Light markup removal for text that did not go through cmark (front
 * matter values): [text](url) -> text, HTML tags, '*' and '`' dropped.
 */
static char *parse_strip_markup(const char *s)
{
	struct strbuf sb = STRBUF_INIT;
	const char *end = s + strlen(s);
	const char *rb, *rp, *gt;	/* next ']', ')', '>' at or after s, or end */

	rb = strchr(s, ']') ? strchr(s, ']') : end;
	rp = strchr(s, ')') ? strchr(s, ')') : end;
	gt = strchr(s, '>') ? strchr(s, '>') : end;
	while (*s) {
		if (rb < s)
			rb = strchr(s, ']') ? strchr(s, ']') : end;
		if (rp < s)
			rp = strchr(s, ')') ? strchr(s, ')') : end;
		if (gt < s)
			gt = strchr(s, '>') ? strchr(s, '>') : end;
		if (*s == '[' && rb < end && rb[1] == '(' && rp < end && rp > rb) {
			strbuf_add(&sb, s + 1, (size_t)(rb - s - 1));
			s = rp + 1;
		} else if (*s == '<' && gt < end &&
			   (isalpha((unsigned char)s[1]) || s[1] == '/' || s[1] == '!')) {
			s = gt + 1;
		} else if (*s == '*' || *s == '`') {
			s++;
		} else {
			strbuf_addch(&sb, *s++);
		}
	}
	parse_squeeze(&sb);
	return strbuf_detach(&sb, NULL);
}

/*
 * An id written in text at *pp: optional "ADR" and one of "-_ #", or a
 * '#', then digits with an optional "-digits", not glued to a letter or
 * digit after.  Advances *pp past it.  New string or NULL.
 */
static char *parse_text_id(const char **pp)
{
	const char *p = *pp, *d;
	size_t n;

	if (!strncasecmp(p, "adr", 3)) {
		p += 3;
		if (*p == '-' || *p == '_' || *p == ' ' || *p == '#')
			p++;
	} else if (*p == '#') {
		p++;
	}
	d = p;
	n = 0;
	while (isdigit((unsigned char)d[n]))
		n++;
	if (!n)
		return NULL;
	if (d[n] == '-' && isdigit((unsigned char)d[n + 1])) {
		size_t m = n + 1;
		while (isdigit((unsigned char)d[m]))
			m++;
		if (!isalnum((unsigned char)d[m]))
			n = m;
	}
	if (isalnum((unsigned char)d[n]))
		return NULL;
	*pp = d + n;
	return adrid_normalize(d, n);
}

/* The id of a link target: the ADR file name at the end of the URL. */
static char *parse_url_id(const char *url, size_t len)
{
	char *u = xstrndup(url, len), *cut, *id;

	if ((cut = strpbrk(u, "#?")))
		*cut = '\0';
	while (*u && u[strlen(u) - 1] == '/')
		u[strlen(u) - 1] = '\0';
	if ((cut = strchr(u, ' ')))
		*cut = '\0';	/* [x](file.md "title") */
	id = adrid_from_name(adrid_basename(u[0] == '<' ? u + 1 : u));
	free(u);
	return id;
}


/*
 * The targets after a link keyword at p: Markdown links to ADR files or
 * id forms, separated by ',', ';', '&' or "and".  Pushed to out as ids.
 */
static void parse_link_targets(const char *p, struct strvec *out)
{
	for (;;) {
		char *id = NULL;

		/* '|': a key/value table row, "| Supersedes | [ADR-5](...) |" */
		while (*p == ' ' || *p == '\t' || *p == ':' || *p == '*' ||
		       *p == '_' || *p == '`' || *p == '"' || *p == '\'' || *p == '|')
			p++;
		if (*p == '[') {
			const char *close = p + 1, *text = p + 1;
			int depth = 1;

			while (*close && *close != '\n' && depth &&
			       close - p < PARSE_LINK_MAX) {
				if (*close == '[')
					depth++;
				else if (*close == ']')
					depth--;
				if (depth)
					close++;
			}
			if (*close != ']')
				return;
			if (close[1] == '(') {
				const char *url = close + 2, *rp = parse_line_chr(url, ')');
				if (!rp)
					return;
				id = parse_url_id(url, (size_t)(rp - url));
				p = rp + 1;
			} else {
				p = close + 1;
				if (*p == '[' && parse_line_chr(p, ']'))
					p = parse_line_chr(p, ']') + 1;
			}
			if (!id) {
				while (*text == '*' || *text == '_' || *text == '`')
					text++;
				id = parse_text_id(&text);
			}
		} else if (*p == '<' && parse_line_chr(p, '>')) {
			const char *gt = parse_line_chr(p, '>');
			id = parse_url_id(p + 1, (size_t)(gt - p - 1));
			p = gt + 1;
		} else {
			id = parse_text_id(&p);
			/* rst: `ADR-5 <0005-x.rst>`_ */
			if (id) {
				const char *q = p;
				while (*q == ' ')
					q++;
				if (*q == '<' && parse_line_chr(q, '>'))
					p = parse_line_chr(q, '>') + 1;
			}
		}
		if (!id)
			return;
		strvec_push_unique(out, id);
		free(id);
		while (*p == ' ' || *p == '\t' || *p == '*' || *p == '_' ||
		       *p == '`' || *p == ')' || *p == '.')
			p++;
		if (*p == ',' || *p == ';' || *p == '&')
			p++;
		else if (!strncasecmp(p, "and ", 4))
			p += 4;
		else
			return;
		while (*p == ' ' || *p == '\t')
			p++;
		if (!strncasecmp(p, "and ", 4))
			p += 4;
	}
}

/* Match "word1 by" (blanks between) at p; returns the end or NULL. */
static const char *parse_match_by(const char *p, const char *word)
{
	size_t n = strlen(word);

	if (strncasecmp(p, word, n))
		return NULL;
	p += n;
	if (*p != ' ' && *p != '\t')
		return NULL;
	while (*p == ' ' || *p == '\t')
		p++;
	if (strncasecmp(p, "by", 2) || isalpha((unsigned char)p[2]))
		return NULL;
	return p + 2;
}

/* Scan text for Supersedes/Superseded by/Amends/Amended by links. */
static void parse_links(struct adr_doc *doc, const char *text)
{
	static const char *const by_words[] = { "superseded", "superceded", "superseeded" };
	static const char *const words[] = { "supersedes", "supercedes" };

	for (const char *p = text; *p; p++) {
		const char *q = NULL;
		struct strvec *to = NULL;

		if (p > text && isalpha((unsigned char)p[-1]))
			continue;
		if (tolower((unsigned char)*p) != 's' && tolower((unsigned char)*p) != 'a')
			continue;
		for (size_t i = 0; !q && i < 3; i++)
			if ((q = parse_match_by(p, by_words[i])))
				to = &doc->superseded_by;
		for (size_t i = 0; !q && i < 2; i++)
			if (!strncasecmp(p, words[i], 10) && !isalpha((unsigned char)p[10])) {
				q = p + 10;
				to = &doc->supersedes;
			}
		if (!q && (q = parse_match_by(p, "amended")))
			to = &doc->amended_by;
		if (!q && !strncasecmp(p, "amends", 6) && !isalpha((unsigned char)p[6])) {
			q = p + 6;
			to = &doc->amends;
		}
		if (q)
			parse_link_targets(q, to);
	}
}

/*
 * Lines anywhere in the body that start with a link keyword ("* Supersedes
 * [ADR-1](0001-x.md)" in MADR 2's Links section, "Supersedes [..]." in
 * MADR 3's More Information): a sentence that mentions superseding in
 * passing is not a link, a line that opens with it is.
 */
static void parse_link_lines(struct adr_doc *doc, const char *body)
{
	for (const char *line = body; line && *line;
	     line = strchr(line, '\n') ? strchr(line, '\n') + 1 : NULL) {
		const char *p = line, *nl;
		char *copy;

		while (*p == ' ' || *p == '\t' || *p == '*' || *p == '-' ||
		       *p == '+' || *p == '>' || *p == '_')
			p++;
		if (strncasecmp(p, "supers", 6) && strncasecmp(p, "superc", 6) &&
		    strncasecmp(p, "amend", 5))
			continue;
		nl = strchr(p, '\n');
		copy = nl ? xstrndup(p, (size_t)(nl - p)) : xstrdup(p);
		parse_links(doc, copy);
		free(copy);
	}
}

/* Ids of front matter list items: file names or id forms. */
static void parse_fm_links(const char *fm, size_t len, const char *key,
			   struct strvec *to)
{
	struct strvec items = STRVEC_INIT;

	frontmatter_get_list(fm, len, key, &items);
	for (size_t i = 0; i < items.nr; i++) {
		const char *s = items.v[i];
		char *id = NULL;

		if (*s == '[' || *s == '<') {
			parse_link_targets(s, to);
			continue;
		}
		if (strchr(s, '/') || adrid_has_adr_ext(s))
			id = parse_url_id(s, strlen(s));
		if (!id)
			id = parse_text_id(&s);
		if (id) {
			strvec_push_unique(to, id);
			free(id);
		}
	}
	strvec_clear(&items);
}

/* 1-based line of "key:" inside the front matter, 0 when absent. */
static unsigned parse_fm_line(const char *fm, size_t len, const char *key)
{
	size_t klen = strlen(key), pos = 0;
	unsigned line = 1;

	while (pos < len) {
		const char *end = memchr(fm + pos, '\n', len - pos);
		size_t n = end ? (size_t)(end - (fm + pos)) : len - pos;

		if (n > klen && !strncasecmp(fm + pos, key, klen)) {
			size_t k = klen;
			while (k < n && fm[pos + k] == ' ')
				k++;
			if (k < n && fm[pos + k] == ':')
				return line;
		}
		pos += n + 1;
		line++;
	}
	return 0;
}

/*
 * The first "Date: YYYY-MM-DD" line of the body (list markers, bold,
 * table bars and rst field colons around "Date" allowed).
 */
static char *parse_date_line(const char *body)
{
	char buf[11];

	for (const char *line = body; line && *line;
	     line = strchr(line, '\n') ? strchr(line, '\n') + 1 : NULL) {
		const char *p = line;

		while (*p == ' ' || *p == '\t' || *p == '*' || *p == '-' ||
		       *p == '+' || *p == '|' || *p == ':' || *p == '_')
			p++;
		if (strncasecmp(p, "date", 4))
			continue;
		p += 4;
		while (*p == ' ' || *p == '*' || *p == '_')
			p++;
		if (*p != ':')
			continue;	/* the colon is required (SPEC 1 rev2) */
		p++;
		while (*p == ' ' || *p == '\t' || *p == '*' || *p == '_' ||
		       *p == '|' || *p == '`')
			p++;
		if (!date_find_ymd(buf, p) && !strncmp(buf, p, 10))
			return xstrdup(buf);
	}
	return NULL;
}

/* Bytes cleaned for the parsers: valid UTF-8, no NUL, LF line ends. */
static void parse_clean(struct strbuf *text, const char *buf, size_t len)
{
	struct strbuf clean = STRBUF_INIT;

	if (len > PARSE_MAX_BYTES)
		len = PARSE_MAX_BYTES;
	if (len >= 3 && !memcmp(buf, "\xEF\xBB\xBF", 3)) {
		buf += 3;
		len -= 3;
	}
	utf8_sanitize(&clean, buf, len);
	strbuf_grow(text, clean.len);
	/* CR LF and lone CR become LF; the runs between them are copied whole */
	for (const char *p = clean.buf, *end = clean.buf + clean.len; p < end;) {
		const char *cr = memchr(p, '\r', (size_t)(end - p));

		if (!cr) {
			strbuf_add(text, p, (size_t)(end - p));
			break;
		}
		strbuf_add(text, p, (size_t)(cr - p));
		strbuf_addch(text, '\n');
		p = cr + 1;
		if (p < end && *p == '\n')
			p++;
	}
	strbuf_release(&clean);
}

static int parse_is_rst(const char *path)
{
	size_t n = strlen(path);
	return n >= 4 && !strcasecmp(path + n - 4, ".rst");
}

static unsigned parse_count_lines(const char *s, size_t len)
{
	unsigned n = 0;

	for (size_t i = 0; i < len; i++)
		n += s[i] == '\n';
	return n;
}

/*
 * parse_adr(), or with !full only its id and status (parse_adr_status());
 * the heading's id into *heading_out when not NULL.
 */
static int parse_doc(struct adr_doc *out, const char *path, const char *buf, size_t len,
		     int full, char **heading_out)
{
	struct strbuf text = STRBUF_INIT, title = STRBUF_INIT;
	struct parse_out po = { NULL, 0, NULL, 0, STRBUF_INIT };
	size_t fm_off = 0, fm_len = 0, body_off = 0;
	const char *fm = NULL;
	unsigned body_line = 0;
	char *fm_status = NULL, *heading_id = NULL;
	char ymd[11];

	parse_clean(&text, buf, len);
	if (frontmatter_split(text.buf, text.len, &fm_off, &fm_len, &body_off)) {
		fm = text.buf + fm_off;
		body_line = parse_count_lines(text.buf, body_off);
	}
	if (fm)
		fm_status = frontmatter_get(fm, fm_len, "status");
	if (parse_is_rst(path))
		parse_rst(&po, text.buf + body_off, text.len - body_off);
	else if (full)
		parse_md(&po, text.buf + body_off, text.len - body_off);
	else
		parse_md_status(&po, text.buf + body_off, text.len - body_off, !fm_status);

	/* id and title */
	if (po.title) {
		size_t n = adrid_heading_prefix(po.title, &heading_id);

		strbuf_addstr(&title, po.title + n);
		parse_squeeze(&title);
		out->title_line = po.title_line + body_line;
	}
	if (heading_out)
		*heading_out = heading_id ? xstrdup(heading_id) : NULL;
	out->id = adrid_from_name(adrid_basename(path));
	if (!out->id && heading_id) {
		out->id = heading_id;
		heading_id = NULL;
		out->id_from_heading = 1;
	}
	free(heading_id);
	if (!title.len && fm) {
		char *t = frontmatter_get(fm, fm_len, "title");
		if (t) {
			strbuf_addstr(&title, t);
			parse_squeeze(&title);
			free(t);
			if (title.len)
				out->title_line = 1 + parse_fm_line(fm, fm_len, "title");
		}
	}
	if (title.len) {
		out->title = strbuf_detach(&title, NULL);
	} else {
		out->title = adrid_slug(adrid_basename(path));
		out->title_line = 0;
	}

	/* status */
	if (fm_status) {
		out->status_raw = parse_strip_markup(fm_status);
		out->status_line = 1 + parse_fm_line(fm, fm_len, "status");
		free(fm_status);
	} else if (po.status) {
		out->status_raw = po.status;
		po.status = NULL;
		out->status_line = po.status_line + body_line;
	}
	out->status = status_normalize(out->status_raw);
	if (!full)
		goto done;

	/* date */
	if (fm) {
		char *d = frontmatter_get(fm, fm_len, "date");
		if (d && !date_find_ymd(ymd, d))
			out->date = xstrdup(ymd);
		free(d);
	}
	if (!out->date)
		out->date = parse_date_line(text.buf + body_off);
	if (!out->date && out->status_raw && !date_find_ymd(ymd, out->status_raw))
		out->date = xstrdup(ymd);

	/* links */
	if (fm) {
		char *fmtext = xstrndup(fm, fm_len);

		parse_links(out, fmtext);
		free(fmtext);
		parse_fm_links(fm, fm_len, "supersedes", &out->supersedes);
		parse_fm_links(fm, fm_len, "superseded_by", &out->superseded_by);
		parse_fm_links(fm, fm_len, "superseded-by", &out->superseded_by);
		parse_fm_links(fm, fm_len, "supersededBy", &out->superseded_by);
		parse_fm_links(fm, fm_len, "amends", &out->amends);
		parse_fm_links(fm, fm_len, "amended_by", &out->amended_by);
		parse_fm_links(fm, fm_len, "amended-by", &out->amended_by);
	}
	if (po.section.len)
		parse_links(out, po.section.buf);
	parse_link_lines(out, text.buf + body_off);

done:
	free(po.title);
	free(po.status);
	strbuf_release(&po.section);
	strbuf_release(&title);
	strbuf_release(&text);
	return 0;
}

int parse_adr(struct adr_doc *out, const char *path, const char *buf, size_t len)
{
	return parse_doc(out, path, buf, len, 1, NULL);
}

int parse_adr_heading_id(struct adr_doc *out, char **heading_id, const char *path,
			 const char *buf, size_t len)
{
	return parse_doc(out, path, buf, len, 1, heading_id);
}

int parse_adr_status(struct adr_doc *out, const char *path, const char *buf, size_t len)
{
	return parse_doc(out, path, buf, len, 0, NULL);
}
