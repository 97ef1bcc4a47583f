/*
 * parse_md: title and status of a Markdown ADR through cmark's AST (the
 * only file that includes cmark.h).  Walks the blocks in document order
 * with cmark's iterator (no recursion, so deep nesting cannot overflow the
 * stack) and applies SPEC section 1's Status heading and status line rules;
 * parse.c does the rest.
 */
#include "parse_int.h"

#include <cmark.h>
#include <ctype.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "status.h"
#include "xalloc.h"

/*
 * Append node's text with markup removed: text and code spans kept, links
 * and emphasis reduced to their text, inline HTML dropped.  Line breaks
 * become brk; with brk == 0 the text stops at the first break.
 */
static void md_plain(struct strbuf *sb, cmark_node *node, char brk)
{
	cmark_iter *it = cmark_iter_new(node);
	cmark_event_type ev;

	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		const char *lit;

		if (ev != CMARK_EVENT_ENTER)
			continue;
		switch (cmark_node_get_type(n)) {
		case CMARK_NODE_TEXT:
		case CMARK_NODE_CODE:
			if ((lit = cmark_node_get_literal(n)))
				strbuf_addstr(sb, lit);
			break;
		case CMARK_NODE_SOFTBREAK:
		case CMARK_NODE_LINEBREAK:
			if (!brk)
				goto done;
			strbuf_addch(sb, brk);
			break;
		default:
			break;
		}
	}
done:
	cmark_iter_free(it);
}

static int md_is_comment(cmark_node *n)
{
	const char *lit;

	if (cmark_node_get_type(n) != CMARK_NODE_HTML_BLOCK)
		return 0;
	lit = cmark_node_get_literal(n);
	if (!lit)
		return 1;
	while (*lit == ' ' || *lit == '\t' || *lit == '\n')
		lit++;
	return !strncmp(lit, "<!--", 4);
}

/* First non-empty line of an HTML block with the tags removed. */
static void md_html_line(struct strbuf *sb, const char *lit)
{
	int in_tag = 0;

	for (; lit && *lit; lit++) {
		if (*lit == '\n') {
			if (sb->len)
				break;
			continue;
		}
		if (*lit == '<')
			in_tag = 1;
		else if (*lit == '>' && in_tag)
			in_tag = 0;
		else if (!in_tag)
			strbuf_addch(sb, *lit);
		strbuf_trim(sb);
	}
}

/* Blocks skipped between a Status heading and its text: comments and rules. */
static int md_is_skipped(cmark_node *n)
{
	return md_is_comment(n) || cmark_node_get_type(n) == CMARK_NODE_THEMATIC_BREAK;
}

/* Does the text start with a date "YYYY-MM-DD" (a line of a status log)? */
static int md_starts_with_date(const char *s)
{
	for (int i = 0; i < 10; i++)
		if (i == 4 || i == 7 ? s[i] != '-' : !isdigit((unsigned char)s[i]))
			return 0;
	return !isdigit((unsigned char)s[10]);
}

/*
 * A dated status log in a paragraph ("2024-01-01 proposed" on each line):
 * the last line of the run of dated lines that opens it, into sb, with
 * *k its index.  0 when the first line has no date.
 */
static int md_last_dated_line(struct strbuf *sb, cmark_node *para, unsigned *k)
{
	struct strbuf all = STRBUF_INIT;
	size_t start = 0;
	unsigned i = 0;
	int found = 0;

	md_plain(&all, para, '\n');
	while (start < all.len) {
		const char *nl = memchr(all.buf + start, '\n', all.len - start);
		size_t end = nl ? (size_t)(nl - all.buf) : all.len;
		const char *line = all.buf + start;

		while (*line == ' ' || *line == '\t')
			line++;
		if (!md_starts_with_date(line))
			break;
		strbuf_reset(sb);
		strbuf_add(sb, all.buf + start, end - start);
		*k = i++;
		found = 1;
		start = end + 1;
	}
	strbuf_release(&all);
	return found;
}

/*
 * The status under a Status heading: the first line of the first block
 * after it (comments and thematic breaks skipped, list and quote
 * containers entered); of a dated status log, its last dated line.  A
 * heading, code block or the end of the document gives nothing.
 */
static int md_status_after(struct strbuf *sb, unsigned *line, cmark_node *heading)
{
	cmark_node *n = cmark_node_next(heading), *item = NULL;
	unsigned k = 0;

	while (n && md_is_skipped(n))
		n = cmark_node_next(n);
	while (n) {
		cmark_node_type t = cmark_node_get_type(n);

		if (t != CMARK_NODE_LIST && t != CMARK_NODE_ITEM &&
		    t != CMARK_NODE_BLOCK_QUOTE)
			break;
		if (t == CMARK_NODE_ITEM)
			item = n;
		n = cmark_node_first_child(n);
		while (n && md_is_skipped(n))
			n = cmark_node_next(n);
	}
	if (!n)
		return 0;
	strbuf_reset(sb);
	switch (cmark_node_get_type(n)) {
	case CMARK_NODE_PARAGRAPH:
		if (md_last_dated_line(sb, n, &k)) {
			/* a log as list items: the last item that starts with a date */
			for (cmark_node *it = item ? cmark_node_next(item) : NULL; it;
			     it = cmark_node_next(it)) {
				cmark_node *p = cmark_node_first_child(it);
				struct strbuf tmp = STRBUF_INIT;
				unsigned j;

				if (!p || cmark_node_get_type(p) != CMARK_NODE_PARAGRAPH ||
				    !md_last_dated_line(&tmp, p, &j)) {
					strbuf_release(&tmp);
					break;
				}
				strbuf_reset(sb);
				strbuf_addbuf(sb, &tmp);
				strbuf_release(&tmp);
				n = p;
				k = j;
			}
		} else {
			md_plain(sb, n, 0);
		}
		break;
	case CMARK_NODE_HTML_BLOCK:
		md_html_line(sb, cmark_node_get_literal(n));
		break;
	default:
		return 0;
	}
	parse_squeeze(sb);
	*line = (unsigned)cmark_node_get_start_line(n) + k;
	return sb->len > 0;
}

/*
 * A table whose header row has a Status column (its delimiter row below
 * it): that column's cell in the first body row.  lines[0..3) are the
 * header, delimiter and body lines.  New string or NULL.
 */
static char *md_status_column(const char *hdr, size_t hn, const char *dl, size_t dn,
			      const char *row, size_t rn)
{
	struct strvec h = STRVEC_INIT, r = STRVEC_INIT;
	char *v = NULL;

	if (!memchr(hdr, '|', hn) || !parse_is_delimiter_row(dl, dn))
		return NULL;
	parse_table_cells(hdr, hn, &h);
	parse_table_cells(row, rn, &r);
	for (size_t i = 0; i < h.nr && i < r.nr; i++)
		if (parse_is_status_heading(h.v[i])) {
			/* "| Status | Accepted |" on top is a key/value row */
			if (i + 1 < h.nr && status_normalize(h.v[i + 1]) != ADR_STATUS_UNKNOWN)
				v = xstrdup(h.v[i + 1]);
			else if (*r.v[i])
				v = xstrdup(r.v[i]);
			break;
		}
	strvec_clear(&h);
	strvec_clear(&r);
	return v;
}

/* Try the status line forms on each line of a paragraph. */
static char *md_status_lines(cmark_node *para, unsigned *line)
{
	struct strbuf sb = STRBUF_INIT;
	size_t *off = NULL, nr = 0, alloc = 0;
	char *v = NULL;

	md_plain(&sb, para, '\n');
	for (size_t start = 0; start <= sb.len;) {
		const char *nl = memchr(sb.buf + start, '\n', sb.len - start);

		XGROW(off, alloc, nr + 2);
		off[nr++] = start;
		start = nl ? (size_t)(nl - sb.buf) + 1 : sb.len + 1;
	}
	off[nr] = sb.len + 1;
	for (size_t k = 0; k < nr && !v; k++) {
		const char *l = sb.buf + off[k];
		size_t n = off[k + 1] - off[k] - 1;

		/* a header row with a Status column, before its key/value reading */
		if (k + 2 < nr)
			v = md_status_column(l, n, sb.buf + off[k + 1],
					     off[k + 2] - off[k + 1] - 1, sb.buf + off[k + 2],
					     off[k + 3] - off[k + 2] - 1);
		if (!v && k + 1 < nr && memchr(l, '|', n) &&
		    parse_is_delimiter_row(sb.buf + off[k + 1], off[k + 2] - off[k + 1] - 1))
			continue;	/* a header row: its cells are names, not values */
		if (!v)
			v = parse_status_line(l, n);
		if (v)
			*line = (unsigned)cmark_node_get_start_line(para) + (unsigned)k;
	}
	free(off);
	strbuf_release(&sb);
	return v;
}

/* Append source lines [first, last] (1-based) of body to sb. */
static void md_add_lines(struct strbuf *sb, const char *body, size_t len,
			 unsigned first, unsigned last)
{
	unsigned line = 1;
	size_t pos = 0;

	while (pos < len && line <= last) {
		const char *nl = memchr(body + pos, '\n', len - pos);
		size_t n = nl ? (size_t)(nl - (body + pos)) + 1 : len - pos;

		if (line >= first)
			strbuf_add(sb, body + pos, n);
		pos += n;
		line++;
	}
}

void parse_md(struct parse_out *out, const char *body, size_t len)
{
	cmark_node *doc = cmark_parse_document(body, len, CMARK_OPT_DEFAULT);
	cmark_iter *it = cmark_iter_new(doc);
	cmark_node *status_heading = NULL;
	struct strbuf sb = STRBUF_INIT;
	cmark_event_type ev;
	unsigned first_h2 = 0;
	int line_form = 0;

	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		cmark_node_type t = cmark_node_get_type(n);

		if (ev != CMARK_EVENT_ENTER)
			continue;
		if (t == CMARK_NODE_HEADING) {
			int level = cmark_node_get_heading_level(n);

			strbuf_reset(&sb);
			md_plain(&sb, n, ' ');
			parse_squeeze(&sb);
			if (level == 1 && !out->title && sb.len) {
				out->title = xstrdup(sb.buf);
				out->title_line = (unsigned)cmark_node_get_start_line(n);
			}
			if (!out->status && parse_is_status_heading(sb.buf) &&
			    md_status_after(&sb, &out->status_line, n)) {
				out->status = xstrdup(sb.buf);
				status_heading = n;
			}
			if (level == 2 && !first_h2)
				first_h2 = (unsigned)cmark_node_get_start_line(n);
		} else if (t == CMARK_NODE_PARAGRAPH && !first_h2 && !out->status) {
			if ((out->status = md_status_lines(n, &out->status_line)))
				line_form = 1;
		}
	}

	if (status_heading) {
		int level = cmark_node_get_heading_level(status_heading);
		unsigned last = (unsigned)-1;

		for (cmark_node *n = cmark_node_next(status_heading); n; n = cmark_node_next(n))
			if (cmark_node_get_type(n) == CMARK_NODE_HEADING &&
			    cmark_node_get_heading_level(n) <= level) {
				last = (unsigned)cmark_node_get_start_line(n) - 1;
				break;
			}
		md_add_lines(&out->section, body, len,
			     (unsigned)cmark_node_get_start_line(status_heading), last);
	} else if (line_form) {
		md_add_lines(&out->section, body, len, 1,
			     first_h2 ? first_h2 - 1 : (unsigned)-1);
	}
	strbuf_release(&sb);
	cmark_iter_free(it);
	cmark_node_free(doc);
}

void parse_md_status(struct parse_out *out, const char *body, size_t len, int need_status)
{
	size_t cut = parse_md_head_len(body, len, need_status);

	if (cut < len) {
		parse_md(out, body, cut);
		if (out->title && (out->status || !need_status))
			return;
		free(out->title);
		free(out->status);
		out->title = out->status = NULL;
		out->title_line = out->status_line = 0;
		strbuf_reset(&out->section);
	}
	parse_md(out, body, len);
}
