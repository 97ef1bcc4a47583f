/*
 * site_rst: a reStructuredText record as simple HTML for the site (ADR
 * 0029): section titles (underlined, or over- and underlined) as
 * headings, field lists (":Status: Accepted") as a definition list,
 * bullet and numbered lists, "::" literal blocks and indented blocks as
 * preformatted text, and every other block as a paragraph.  Inline markup
 * and directives are not interpreted: their text is shown, escaped, as
 * written.  No rst parser is a dependency; this reads well enough, and
 * every byte goes through site_esc().
 */
#include "site_int.h"

#include <string.h>

#include "strvec.h"

/* A line of one repeated punctuation character, at least 3 long. */
static int site_rst_adornment(const char *l)
{
	size_t n = strlen(l);

	if (n < 3 || !strchr("=-~^*#+`:'\"._", l[0]))
		return 0;
	for (size_t i = 1; i < n; i++)
		if (l[i] != l[0])
			return 0;
	return l[0];
}

static int site_rst_blank(const char *l)
{
	return !l[strspn(l, " \t")];
}

static int site_rst_bullet(const char *l)
{
	return (l[0] == '-' || l[0] == '*' || l[0] == '+') && l[1] == ' ';
}

/* "1. ", "12) ", "#. ": the length of the marker, or 0. */
static size_t site_rst_number(const char *l)
{
	size_t n = l[0] == '#' ? 1 : strspn(l, "0123456789");

	if (!n || n > 9 || (l[n] != '.' && l[n] != ')') || l[n + 1] != ' ')
		return 0;
	return n + 2;
}

void site_rst(struct strbuf *out, const char *text, size_t len)
{
	struct strvec lines = STRVEC_INIT;
	struct strbuf sb = STRBUF_INIT;
	char styles[16] = "";
	size_t i = 0;

	for (size_t s = 0; s < len;) {
		const char *nl = memchr(text + s, '\n', len - s);
		size_t e = nl ? (size_t)(nl - text) : len;

		strbuf_reset(&sb);
		strbuf_add(&sb, text + s, e - s);
		while (sb.len && (sb.buf[sb.len - 1] == '\r' || sb.buf[sb.len - 1] == ' ' ||
				  sb.buf[sb.len - 1] == '\t'))
			strbuf_setlen(&sb, sb.len - 1);
		strvec_push(&lines, sb.buf);
		s = e + 1;
	}
	strbuf_addstr(out, "<div class=\"rst\">\n");
	while (i < lines.nr) {
		const char *l = lines.v[i];
		const char *next = i + 1 < lines.nr ? lines.v[i + 1] : "";
		int ch;

		if (site_rst_blank(l)) {
			i++;
			continue;
		}
		/* a title: "Text\n====" or "====\nText\n====" */
		ch = site_rst_adornment(l);
		if ((ch && i + 2 < lines.nr && !site_rst_blank(next) &&
		     site_rst_adornment(lines.v[i + 2]) == ch) ||
		    (!ch && l[0] != ' ' && site_rst_adornment(next))) {
			const char *title = ch ? next : l;
			int c = ch ? ch : site_rst_adornment(next);
			char *at = strchr(styles, c);
			size_t level;

			if (!at && strlen(styles) < sizeof(styles) - 1) {
				at = styles + strlen(styles);
				at[0] = (char)c;
			}
			level = at ? (size_t)(at - styles) + 2 : 4;
			if (level > 4)
				level = 4;
			strbuf_addf(out, "<h%zu>", level);
			site_esc(out, title + strspn(title, " "));
			strbuf_addf(out, "</h%zu>\n", level);
			i += ch ? 3 : 2;
			continue;
		}
		if (l[0] == ':' && strchr(l + 1, ':')) {	/* a field list */
			strbuf_addstr(out, "<dl class=\"fields\">\n");
			while (i < lines.nr && lines.v[i][0] == ':' && strchr(lines.v[i] + 1, ':')) {
				const char *f = lines.v[i] + 1, *c = strchr(f, ':');

				strbuf_reset(&sb);
				strbuf_add(&sb, f, (size_t)(c - f));
				strbuf_addstr(out, "<dt>");
				site_esc(out, sb.buf);
				strbuf_addstr(out, "</dt><dd>");
				site_esc(out, c + 1 + strspn(c + 1, " "));
				for (i++; i < lines.nr && lines.v[i][0] == ' ' && !site_rst_blank(lines.v[i]); i++) {
					strbuf_addch(out, ' ');
					site_esc(out, lines.v[i] + strspn(lines.v[i], " "));
				}
				strbuf_addstr(out, "</dd>\n");
			}
			strbuf_addstr(out, "</dl>\n");
			continue;
		}
		if (site_rst_bullet(l) || site_rst_number(l)) {	/* a list */
			int ordered = !site_rst_bullet(l);

			strbuf_addstr(out, ordered ? "<ol>\n" : "<ul>\n");
			while (i < lines.nr) {
				const char *m = lines.v[i];
				size_t skip = ordered ? site_rst_number(m) : site_rst_bullet(m) ? 2 : 0;

				if (!skip)
					break;
				strbuf_addstr(out, "<li>");
				site_esc(out, m + skip);
				/* continuation lines are indented; a blank line may
				 * separate items */
				for (i++; i < lines.nr && lines.v[i][0] == ' ' && !site_rst_blank(lines.v[i]); i++) {
					strbuf_addch(out, ' ');
					site_esc(out, lines.v[i] + strspn(lines.v[i], " "));
				}
				strbuf_addstr(out, "</li>\n");
				while (i < lines.nr && site_rst_blank(lines.v[i]) && i + 1 < lines.nr &&
				       (ordered ? site_rst_number(lines.v[i + 1]) != 0 : site_rst_bullet(lines.v[i + 1])))
					i++;
			}
			strbuf_addstr(out, ordered ? "</ol>\n" : "</ul>\n");
			continue;
		}
		if (l[0] == ' ' || l[0] == '\t' || !strncmp(l, "..", 2)) {
			/* an indented block (a literal, a quote, a directive's
			 * body) or a directive: as written */
			strbuf_addstr(out, "<pre>");
			for (int first = 1; i < lines.nr && (first || lines.v[i][0] == ' ' ||
					     lines.v[i][0] == '\t' || (site_rst_blank(lines.v[i]) &&
					     i + 1 < lines.nr && (lines.v[i + 1][0] == ' ' ||
								   lines.v[i + 1][0] == '\t'))); i++, first = 0) {
				site_esc(out, lines.v[i]);
				strbuf_addch(out, '\n');
			}
			strbuf_addstr(out, "</pre>\n");
			continue;
		}
		/* a paragraph: until a blank line */
		strbuf_addstr(out, "<p>");
		for (int first = 1; i < lines.nr && !site_rst_blank(lines.v[i]) &&
		     (first || lines.v[i][0] != ' '); i++, first = 0) {
			const char *p = lines.v[i];
			size_t n = strlen(p);

			if (!first)
				strbuf_addch(out, ' ');
			strbuf_reset(&sb);
			/* "text::" introduces a literal block: shown as "text:" */
			strbuf_add(&sb, p, n >= 2 && !strcmp(p + n - 2, "::") ? n - 1 : n);
			if (!strcmp(sb.buf, ":"))
				strbuf_reset(&sb);
			site_esc(out, sb.buf);
		}
		strbuf_addstr(out, "</p>\n");
	}
	strbuf_addstr(out, "</div>\n");
	strvec_clear(&lines);
	strbuf_release(&sb);
}
