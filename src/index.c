/*
 * index: README index tables (index.h).  Text in, text out: the table
 * itself is rendered by render_md_index_table(); this file finds where it
 * goes (markers, an existing table, or the end), reads the rows of an
 * existing index for `check`, and writes the file safely.
 */
#include "index.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "adrid.h"
#include "error.h"
#include "file.h"
#include "strbuf.h"
#include "strvec.h"
#include "xalloc.h"

/* A line of a buffer: [start, end) without the newline; next: after it. */
struct index_line {
	const char *start, *end, *next;
};

static int index_next_line(struct index_line *l, const char *p, const char *limit)
{
	const char *nl;

	if (p >= limit)
		return 0;
	nl = memchr(p, '\n', (size_t)(limit - p));
	l->start = p;
	l->end = nl ? nl : limit;
	l->next = nl ? nl + 1 : limit;
	if (l->end > l->start && l->end[-1] == '\r')
		l->end--;
	return 1;
}

static int index_lower(int c)
{
	return (c >= 'A' && c <= 'Z') ? c + ('a' - 'A') : c;
}

static int index_isdigit(int c)
{
	return c >= '0' && c <= '9';
}

static int index_isalnum(int c)
{
	return index_isdigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int index_isspace(int c)
{
	return c == ' ' || c == '\t';
}

static void index_trim(const char **s, const char **e)
{
	while (*s < *e && index_isspace(**s))
		(*s)++;
	while (*e > *s && index_isspace((*e)[-1]))
		(*e)--;
}

/* Split a table line into raw cells (outer pipes dropped, "\|" kept). */
static void index_cells(struct strvec *cells, const char *s, const char *e)
{
	const char *c;

	index_trim(&s, &e);
	if (s < e && *s == '|')
		s++;
	if (e > s && e[-1] == '|' && (e - 1 == s || e[-2] != '\\'))
		e--;
	for (c = s; ; c++) {
		if (c == e || (*c == '|' && (c == s || c[-1] != '\\'))) {
			const char *a = s, *b = c;

			index_trim(&a, &b);
			strvec_push_owned(cells, xstrndup(a, (size_t)(b - a)));
			if (c == e)
				break;
			s = c + 1;
		}
	}
}

/* A delimiter row: every cell like "---", ":--", "--:" (pipes present). */
static int index_is_delimiter(const char *s, const char *e)
{
	struct strvec cells = STRVEC_INIT;
	int ok = memchr(s, '|', (size_t)(e - s)) != NULL;

	index_cells(&cells, s, e);
	for (size_t i = 0; ok && i < cells.nr; i++) {
		const char *p = cells.v[i];
		int dashes = 0;

		if (*p == ':')
			p++;
		while (*p == '-') {
			p++;
			dashes++;
		}
		if (*p == ':')
			p++;
		if (*p || !dashes)
			ok = 0;
	}
	strvec_clear(&cells);
	return ok;
}

/*
 * Markup removed from inline text: links and images become their text,
 * emphasis/code/strike marks and HTML tags are dropped, "\|" is "|".
 */
static void index_plain(struct strbuf *out, const char *s)
{
	for (const char *p = s; *p; p++) {
		if (*p == '\\' && p[1]) {
			strbuf_addch(out, *++p);
		} else if (*p == '!' && p[1] == '[') {
			continue;
		} else if (*p == ']' && p[1] == '(') {
			const char *close = strchr(p, ')');
			if (close)
				p = close;
		} else if (*p == '<' && (index_isalnum(p[1]) || p[1] == '/')) {
			const char *close = strchr(p, '>');
			if (close)
				p = close;
			else
				strbuf_addch(out, *p);
		} else if (*p != '[' && *p != ']' && *p != '*' && *p != '`' && *p != '~') {
			strbuf_addch(out, *p);
		}
	}
	strbuf_trim(out);
}

/*
 * The id written at the start of s ("5", "0005", "ADR-5", "adr 12-2");
 * *rest gets what follows it.  New string, or NULL.
 */
static char *index_id_at(const char *s, const char **rest)
{
	const char *p = s, *d, *e;

	while (index_isspace(*p) || *p == '#')
		p++;
	if (index_lower(p[0]) == 'a' && index_lower(p[1]) == 'd' && index_lower(p[2]) == 'r') {
		p += 3;
		if (*p == '-' || *p == '_' || *p == '#' || *p == ' ')
			p++;
	}
	d = p;
	while (index_isdigit(*p))
		p++;
	if (p == d)
		return NULL;
	e = p;
	if (*p == '-' && index_isdigit(p[1])) {
		const char *q = p + 1;
		while (index_isdigit(*q))
			q++;
		if (!index_isalnum(*q))
			e = q;
	}
	if (index_isalnum(*e))
		return NULL;
	if (rest)
		*rest = e;
	return adrid_normalize(d, (size_t)(e - d));
}

/* A title without a leading id ("ADR-5: X", "5. X", "0005 - X"). */
static char *index_strip_id(const char *title)
{
	const char *rest;
	char *id = index_id_at(title, &rest);

	if (!id)
		return xstrdup(title);
	free(id);
	while (index_isspace(*rest))
		rest++;
	if (*rest == '.' || *rest == ':' || *rest == '-' || *rest == ')')
		rest++;
	else if (!strncmp(rest, "\xe2\x80\x93", 3) || !strncmp(rest, "\xe2\x80\x94", 3))
		rest += 3;	/* en or em dash */
	while (index_isspace(*rest))
		rest++;
	return xstrdup(rest);
}

/*
 * Does s[0..e) link to a file that has an ADR's extension but is never an
 * ADR (adrid_is_excluded: "000-index.md", "template.md")?
 */
static int index_links_not_adr(const char *s, const char *e)
{
	for (const char *p = s; p + 1 < e; p++) {
		const char *open, *close;
		char *target;
		int yes;

		if (p[0] != ']' || p[1] != '(')
			continue;
		open = p + 2;
		if (!(close = memchr(open, ')', (size_t)(e - open))))
			return 0;
		target = xstrndup(open, (size_t)(close - open));
		target[strcspn(target, "#? ")] = '\0';
		yes = adrid_has_adr_ext(adrid_basename(target)) &&
		      adrid_is_excluded(adrid_basename(target));
		free(target);
		if (yes)
			return 1;
	}
	return 0;
}

/* The id of the first link in s[0..e) whose target is an ADR file name. */
static char *index_link_id(const char *s, const char *e, const char **text,
			   const char **text_end, const char **after)
{
	const char *p;

	for (p = s; p + 1 < e; p++) {
		const char *open, *close, *base, *t;
		char *target, *id = NULL;

		if (p[0] != ']' || p[1] != '(')
			continue;
		open = p + 2;
		close = memchr(open, ')', (size_t)(e - open));
		if (!close)
			return NULL;
		target = xstrndup(open, (size_t)(close - open));
		target[strcspn(target, "#? ")] = '\0';
		base = adrid_basename(target);
		if ((adrid_has_adr_ext(base) || !strchr(base, '.')) && *base &&
		    !adrid_is_excluded(base) && !strstr(target, "://")) {
			char *dot, *name = xstrdup(base);
			if ((dot = strrchr(name, '.')))
				*dot = '\0';
			id = adrid_from_name(name);
			free(name);
		}
		free(target);
		if (!id)
			continue;
		for (t = p; t > s && t[-1] != '['; t--)
			;
		if (text)
			*text = t;
		if (text_end)
			*text_end = p;
		if (after)
			*after = close + 1;
		return id;
	}
	return NULL;
}

static int index_header_is(const char *h, const char *const *names)
{
	for (; *names; names++)
		if (!strcmp(h, *names))
			return 1;
	return 0;
}

struct index_table {
	const char *start, *end;	/* bytes of the table, whole lines */
	unsigned line;			/* 1-based line of the header */
	int col_id, col_title, col_status;
	int weak_title;			/* the title column is a description */
};

/*
 * The first index table in [p, limit): a header naming a title column and
 * a number column (or a title column whose cells link to ADR files), a
 * delimiter row, then rows until a line without '|'.
 */
static int index_find_table(struct index_table *t, const char *p, const char *limit,
			    unsigned first_line)
{
	static const char *const id_names[] = { "number", "no", "no.", "nr", "#",
		"id", "adr", "num", "adr #", "adr number", NULL };
	static const char *const title_names[] = { "title", "name", "decision",
		"adr title", NULL };
	/* generic names: a title column only next to a number column */
	static const char *const weak_title_names[] = { "description", "summary",
		"subject", NULL };
	static const char *const status_names[] = { "status", "state", NULL };
	struct index_line l, d;
	unsigned line = first_line;

	for (; index_next_line(&l, p, limit); p = l.next, line++) {
		struct strvec cells = STRVEC_INIT;
		const char *q;
		int weak = -1;

		if (!memchr(l.start, '|', (size_t)(l.end - l.start)) ||
		    !index_next_line(&d, l.next, limit) || !index_is_delimiter(d.start, d.end))
			continue;
		t->col_id = t->col_title = t->col_status = -1;
		index_cells(&cells, l.start, l.end);
		for (size_t i = 0; i < cells.nr; i++) {
			struct strbuf h = STRBUF_INIT;

			index_plain(&h, cells.v[i]);
			for (size_t k = 0; k < h.len; k++)
				h.buf[k] = (char)index_lower(h.buf[k]);
			if (t->col_id < 0 && index_header_is(h.buf, id_names))
				t->col_id = (int)i;
			else if (t->col_title < 0 && index_header_is(h.buf, title_names))
				t->col_title = (int)i;
			else if (t->col_status < 0 && index_header_is(h.buf, status_names))
				t->col_status = (int)i;
			else if (weak < 0 && index_header_is(h.buf, weak_title_names))
				weak = (int)i;
			strbuf_release(&h);
		}
		strvec_clear(&cells);
		t->weak_title = 0;
		if (t->col_title < 0 && t->col_id >= 0) {
			t->col_title = weak;
			t->weak_title = 1;
		}
		if (t->col_title < 0)
			continue;
		t->start = l.start;
		t->line = line;
		for (q = d.next; index_next_line(&d, q, limit); q = d.next)
			if (!memchr(d.start, '|', (size_t)(d.end - d.start)))
				break;
		t->end = q;
		return 1;
	}
	return 0;
}

/*
 * The start marker at p: "<!-- adrlog -->", or the npm adr-log form
 * "<!-- adrlog -- Regenerate ... -->"; returns its end, or NULL.
 */
static const char *index_start_marker(const char *p)
{
	static const char open[] = "<!-- adrlog";
	const char *q;

	if (strncmp(p, open, sizeof(open) - 1))
		return NULL;
	q = p + sizeof(open) - 1;
	if (index_isalnum(*q))
		return NULL;	/* "<!-- adrlogstop -->" */
	q = strstr(q, "-->");
	return q ? q + 3 : NULL;
}

/*
 * Both markers, a start before a stop: *start and *start_end bound the
 * start marker nearest to the first stop marker after it, *stop is where
 * the stop marker begins.
 */
static int index_find_markers(const char *buf, size_t len, const char **start,
			      const char **start_end, const char **stop)
{
	struct strbuf sb = STRBUF_INIT;
	const char *a = NULL, *a_end = NULL, *b = NULL, *p, *e;
	int found = 0;

	strbuf_add(&sb, buf, len);	/* NUL-terminated copy for strstr */
	for (p = sb.buf; (p = strstr(p, "<!-- adrlog")); p++) {
		if ((e = index_start_marker(p))) {
			if (!a) {
				a = p;
				a_end = e;
				b = strstr(e, INDEX_MARK_STOP);
				if (!b)
					break;
			} else if (p < b) {
				a = p;	/* a later start before the stop wins */
				a_end = e;
			}
		}
	}
	if (a && b) {
		*start = buf + (a - sb.buf);
		*start_end = buf + (a_end - sb.buf);
		*stop = buf + (b - sb.buf);
		found = 1;
	}
	strbuf_release(&sb);
	return found;
}

static void index_parse_table(struct index_rows *rows, const struct index_table *t);

/*
 * Whether the table t is an ADR index that index --write may replace: its
 * rows name ADRs.  A row does when it links to an ADR file, or when its
 * number is the id of one of the ADRs in known (the fresh table) and the
 * table has a status column or the row's title is that ADR's.  At least
 * half of the rows must, and one at least; a table without rows is one
 * when its header has a number column.  So `| Name | Team | Phone |`, or
 * `| No | Name | Phone |` beside ADRs 1..3, is never overwritten.
 */
static int index_is_adr_table(const struct index_table *t, const struct index_rows *known)
{
	struct index_rows rows = INDEX_ROWS_INIT;
	struct strbuf a = STRBUF_INIT, b = STRBUF_INIT;
	size_t good = 0;
	int yes;

	index_parse_table(&rows, t);
	for (size_t i = 0; i < rows.nr; i++) {
		const struct index_row *r = &rows.v[i];

		if (r->linked) {
			good++;
			continue;
		}
		for (size_t k = 0; r->id && k < known->nr; k++) {
			if (!known->v[k].id || strcmp(known->v[k].id, r->id))
				continue;
			strbuf_reset(&a);
			strbuf_reset(&b);
			index_title_key(&a, r->title);
			index_title_key(&b, known->v[k].title);
			if (t->col_status >= 0 || (a.len && !strcmp(a.buf, b.buf)))
				good++;
			break;
		}
	}
	yes = rows.nr ? good && good * 2 >= rows.nr : t->col_id >= 0;
	index_rows_clear(&rows);
	strbuf_release(&a);
	strbuf_release(&b);
	return yes;
}

int index_splice(struct strbuf *out, const char *old, size_t len, const char *table)
{
	const char *a, *after, *b, *end = old + len;
	struct index_rows known = INDEX_ROWS_INIT;
	struct index_table t;
	int found = 0;

	if (index_find_markers(old, len, &a, &after, &b)) {
		const char *line_start = b;

		strbuf_add(out, old, (size_t)(after - old));
		strbuf_addch(out, '\n');
		strbuf_addstr(out, table);
		while (line_start > after && index_isspace(line_start[-1]))
			line_start--;
		if (line_start > after && line_start[-1] == '\n')
			b = line_start;
		strbuf_add(out, b, (size_t)(end - b));
		return INDEX_SPLICE_MARKERS;
	}
	/* without markers, only a table that is an ADR index is replaced */
	index_parse(&known, table, strlen(table));
	for (const char *p = old; !found && index_find_table(&t, p, end, 1); p = t.end)
		found = index_is_adr_table(&t, &known);
	index_rows_clear(&known);
	if (found) {
		strbuf_add(out, old, (size_t)(t.start - old));
		strbuf_addstr(out, table);
		strbuf_add(out, t.end, (size_t)(end - t.end));
		return INDEX_SPLICE_TABLE;
	}
	strbuf_add(out, old, len);
	if (len && old[len - 1] != '\n')
		strbuf_addch(out, '\n');
	if (len)
		strbuf_addch(out, '\n');
	strbuf_addstr(out, INDEX_MARK_START "\n");
	strbuf_addstr(out, table);
	strbuf_addstr(out, INDEX_MARK_STOP "\n");
	return INDEX_SPLICE_APPENDED;
}

static struct index_row *index_add_row(struct index_rows *rows, unsigned line)
{
	struct index_row *r;

	XGROW(rows->v, rows->alloc, rows->nr + 1);
	r = &rows->v[rows->nr++];
	memset(r, 0, sizeof(*r));
	r->line = line;
	return r;
}

static void index_parse_table(struct index_rows *rows, const struct index_table *t)
{
	struct index_line l;
	const char *p;
	unsigned line = t->line + 2;

	rows->is_table = 1;
	rows->has_status = t->col_status >= 0;
	rows->weak_title = t->weak_title;
	rows->line = t->line;
	index_next_line(&l, t->start, t->end);
	index_next_line(&l, l.next, t->end);
	for (p = l.next; index_next_line(&l, p, t->end); p = l.next, line++) {
		struct strvec cells = STRVEC_INIT;
		struct strbuf sb = STRBUF_INIT;
		struct index_row *r;

		index_cells(&cells, l.start, l.end);
		r = index_add_row(rows, line);
		/* a link to the ADR's file is surer than the number typed next to it */
		r->id = index_link_id(l.start, l.end, NULL, NULL, NULL);
		r->linked = r->id != NULL;
		/* a row for "000-index.md" or "000-template.md" names no ADR (SPEC 1) */
		if (!r->id && t->col_id >= 0 && (size_t)t->col_id < cells.nr &&
		    !index_links_not_adr(l.start, l.end)) {
			index_plain(&sb, cells.v[t->col_id]);
			r->id = index_id_at(sb.buf, NULL);
			strbuf_reset(&sb);
		}
		if ((size_t)t->col_title < cells.nr) {
			index_plain(&sb, cells.v[t->col_title]);
			r->title = index_strip_id(sb.buf);
			strbuf_reset(&sb);
		}
		if (t->col_status >= 0) {
			if ((size_t)t->col_status < cells.nr)
				index_plain(&sb, cells.v[t->col_status]);
			r->status = strbuf_detach(&sb, NULL);
		}
		strbuf_release(&sb);
		strvec_clear(&cells);
	}
}

/* A list item marker ("* ", "- ", "+ ", "1. ", "1) "): its end, or NULL. */
static const char *index_list_item(const char *s, const char *e)
{
	while (s < e && index_isspace(*s))
		s++;
	if (s + 1 < e && (*s == '*' || *s == '-' || *s == '+') && index_isspace(s[1]))
		return s + 2;
	if (s < e && index_isdigit(*s)) {
		while (s < e && index_isdigit(*s))
			s++;
		if (s + 1 < e && (*s == '.' || *s == ')') && index_isspace(s[1]))
			return s + 2;
	}
	return NULL;
}

/*
 * npm adr-log writes a status before the title: "- [ADR-3](x.md) -
 * [Superseded by [ADR-19](y.md)] Title".  Skip such a bracketed part.
 */
static const char *index_skip_brackets(const char *p, const char *e)
{
	const char *q = p;
	int depth = 0;

	if (p >= e || *p != '[')
		return p;
	for (; q < e; q++) {
		if (*q == '[')
			depth++;
		else if (*q == ']' && !--depth)
			break;
	}
	if (q >= e || (q + 1 < e && q[1] == '('))
		return p;	/* unbalanced, or a link: the title itself */
	for (q++; q < e && index_isspace(*q); q++)
		;
	return q;
}

static void index_parse_list(struct index_rows *rows, const char *p, const char *limit,
			     unsigned line)
{
	struct index_line l;

	for (; index_next_line(&l, p, limit); p = l.next, line++) {
		const char *item = index_list_item(l.start, l.end), *text, *text_end, *after;
		struct strbuf sb = STRBUF_INIT, raw = STRBUF_INIT;
		struct index_row *r;
		char *id;

		if (!item || !(id = index_link_id(item, l.end, &text, &text_end, &after)))
			continue;
		if (!rows->line)
			rows->line = line;
		r = index_add_row(rows, line);
		r->id = id;
		r->linked = 1;
		strbuf_add(&raw, text, (size_t)(text_end - text));
		index_plain(&sb, raw.buf);
		r->title = index_strip_id(sb.buf);
		if (!*r->title) {
			/* "[ADR-5](0005-x.md) - Title": the title follows the link */
			free(r->title);
			strbuf_reset(&raw);
			strbuf_reset(&sb);
			while (after < l.end && (index_isspace(*after) || *after == '-' ||
						 *after == ':'))
				after++;
			after = index_skip_brackets(after, l.end);
			strbuf_add(&raw, after, (size_t)(l.end - after));
			index_plain(&sb, raw.buf);
			r->title = strbuf_detach(&sb, NULL);
		}
		strbuf_release(&sb);
		strbuf_release(&raw);
	}
}

void index_parse(struct index_rows *rows, const char *buf, size_t len)
{
	const char *p = buf, *limit = buf + len, *a, *a_end, *b;
	struct index_table t;
	unsigned line = 1;

	if (index_find_markers(buf, len, &a, &a_end, &b)) {
		rows->markers = 1;
		for (const char *q = buf; q < a; q++)
			if (*q == '\n')
				line++;
		p = a;
		limit = b;
	}
	if (index_find_table(&t, p, limit, line)) {
		index_parse_table(rows, &t);
		return;
	}
	index_parse_list(rows, p, limit, line);
	if (rows->markers && !rows->line)
		rows->line = line;	/* an empty index is still an index */
}

void index_rows_clear(struct index_rows *rows)
{
	for (size_t i = 0; i < rows->nr; i++) {
		free(rows->v[i].id);
		free(rows->v[i].title);
		free(rows->v[i].status);
	}
	free(rows->v);
	memset(rows, 0, sizeof(*rows));
}

void index_title_key(struct strbuf *out, const char *title)
{
	if (title)
		title = index_skip_brackets(title, title + strlen(title));
	for (const unsigned char *p = (const unsigned char *)title; p && *p; p++)
		if (index_isalnum(*p) || *p >= 0x80)
			strbuf_addch(out, index_lower(*p));
}

int index_write_file(const char *top, const char *path, const char *data, size_t len,
		     int *changed)
{
	struct strbuf old = STRBUF_INIT;
	int rc;

	if (changed)
		*changed = 0;
	rc = top ? file_read_under(&old, top, path, INDEX_FILE_MAX)
		 : file_read(&old, path, INDEX_FILE_MAX);
	if (rc < 0)
		goto done;
	if (rc == 0 && old.len == len && !memcmp(old.buf, data, len))
		goto done;
	rc = top ? file_replace_under(top, path, data, len, FILE_MODE_KEEP)
		 : file_write_atomic(path, data, len, FILE_MODE_KEEP);
	if (rc < 0)
		goto done;
	if (changed)
		*changed = 1;
	rc = 0;
done:
	strbuf_release(&old);
	return rc < 0 ? -1 : 0;
}
