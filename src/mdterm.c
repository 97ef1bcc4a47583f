/*
 * mdterm: Markdown laid out for a terminal, one line at a time (see
 * mdterm.h).  Each line is made terminal-safe first (utf8_for_terminal);
 * only then are SGR sequences of our own added, so nothing in the record
 * can reach the terminal as a control sequence.
 */
#include "mdterm.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "strbuf.h"
#include "utf8.h"
#include "xalloc.h"

#define MDTERM_BOLD "\033[1m"
#define MDTERM_UNDERLINE "\033[4m"
#define MDTERM_DIM "\033[2m"
#define MDTERM_RESET "\033[m"

struct mdterm {
	struct strbuf *out;
	size_t width;
	int color;
};

static void mdterm_sgr(const struct mdterm *m, const char *sgr)
{
	if (m->color)
		strbuf_addstr(m->out, sgr);
}

/* Where the run of n copies of c that starts a closing marker is, or NULL. */
static const char *mdterm_find_close(const char *p, const char *mark)
{
	size_t n = strlen(mark);

	for (; *p; p++) {
		if (*p == '\\' && p[1]) {
			p++;
			continue;
		}
		if (!strncmp(p, mark, n) && p[-1] != ' ')
			return p;
	}
	return NULL;
}

/*
 * One line's inline markup: code spans and emphasis markers dropped
 * (bold/underline with color), links as "text <url>", images as
 * "[image: alt]", backslash escapes resolved.  Single '_' is left alone:
 * it is far more often part of a name (snake_case) than emphasis.
 */
static void mdterm_inline(const struct mdterm *m, const char *s)
{
	struct strbuf *out = m->out;

	for (const char *p = s; *p;) {
		const char *close, *rb, *rp;

		if (*p == '\\' && p[1] && ispunct((unsigned char)p[1])) {
			strbuf_addch(out, p[1]);
			p += 2;
		} else if (*p == '`') {
			size_t n = strspn(p, "`");
			char mark[16];

			if (n >= sizeof(mark))
				n = sizeof(mark) - 1;
			memset(mark, '`', n);
			mark[n] = '\0';
			close = strstr(p + n, mark);
			if (!close) {
				strbuf_add(out, p, n);
				p += n;
				continue;
			}
			strbuf_add(out, p + n, (size_t)(close - p - n));
			p = close + n;
		} else if ((!strncmp(p, "**", 2) || !strncmp(p, "__", 2)) && p[2] &&
			   p[2] != ' ' && (close = mdterm_find_close(p + 3, p[0] == '*' ? "**" : "__"))) {
			struct strbuf inner = STRBUF_INIT;
			struct mdterm sub = { &inner, m->width, m->color };

			strbuf_add(&inner, p + 2, (size_t)(close - p - 2));
			mdterm_sgr(m, MDTERM_BOLD);
			{
				char *copy = strbuf_detach(&inner, NULL);
				mdterm_inline(&sub, copy);
				strbuf_addbuf(out, &inner);
				strbuf_release(&inner);
				free(copy);
			}
			mdterm_sgr(m, MDTERM_RESET);
			p = close + 2;
		} else if (*p == '*' && p[1] && p[1] != ' ' && p[1] != '*' &&
			   (close = mdterm_find_close(p + 2, "*"))) {
			mdterm_sgr(m, MDTERM_UNDERLINE);
			strbuf_add(out, p + 1, (size_t)(close - p - 1));
			mdterm_sgr(m, MDTERM_RESET);
			p = close + 1;
		} else if ((*p == '[' || (*p == '!' && p[1] == '[')) &&
			   (rb = strchr(p, ']')) && rb[1] == '(' && (rp = strchr(rb, ')'))) {
			int image = *p == '!';
			const char *text = p + 1 + image;

			if (image)
				strbuf_addstr(out, "[image: ");
			strbuf_add(out, text, (size_t)(rb - text));
			if (image)
				strbuf_addch(out, ']');
			if (!image && rp > rb + 2 && strncmp(text, rb + 2, (size_t)(rp - rb - 2))) {
				strbuf_addstr(out, " <");
				strbuf_add(out, rb + 2, (size_t)(rp - rb - 2));
				strbuf_addch(out, '>');
			}
			p = rp + 1;
		} else {
			strbuf_addch(out, *p++);
		}
	}
}

/* A thematic break: three or more of one of - * _ with only spaces between. */
static int mdterm_is_rule(const char *s)
{
	char c = 0;
	int n = 0;

	for (s += strspn(s, " "); *s; s++) {
		if (*s == ' ')
			continue;
		if (!c && (*s == '-' || *s == '*' || *s == '_'))
			c = *s;
		if (*s != c)
			return 0;
		n++;
	}
	return n >= 3;
}

/* A setext underline ("===" or "---", at least one character). */
static int mdterm_is_setext(const char *s)
{
	size_t n;

	s += strspn(s, " ");
	if (*s != '=' && *s != '-')
		return 0;
	n = strspn(s, *s == '=' ? "=" : "-");
	return !s[n + strspn(s + n, " ")];
}

static void mdterm_rule(const struct mdterm *m)
{
	size_t w = m->width && m->width < 80 ? m->width : 80;

	mdterm_sgr(m, MDTERM_DIM);
	for (size_t i = 0; i < w; i++)
		strbuf_addstr(m->out, "\xe2\x94\x80");	/* U+2500 */
	mdterm_sgr(m, MDTERM_RESET);
	strbuf_addch(m->out, '\n');
}

static void mdterm_heading(const struct mdterm *m, const char *text)
{
	size_t n = strlen(text);

	while (n && (text[n - 1] == '#' || text[n - 1] == ' '))
		n--;	/* the optional closing sequence */
	mdterm_sgr(m, MDTERM_BOLD);
	{
		struct strbuf t = STRBUF_INIT;
		strbuf_add(&t, text, n);
		mdterm_inline(m, t.buf);
		strbuf_release(&t);
	}
	mdterm_sgr(m, MDTERM_RESET);
	strbuf_addch(m->out, '\n');
}

/* One line of ordinary text: lists, quotes, then the inline markup. */
static void mdterm_line(const struct mdterm *m, const char *s)
{
	size_t ind = strspn(s, " ");
	const char *p = s + ind;

	strbuf_add(m->out, s, ind);
	if ((*p == '-' || *p == '*' || *p == '+') && p[1] == ' ') {
		strbuf_addstr(m->out, "\xe2\x80\xa2 ");	/* U+2022 */
		p += 2;
	} else if (*p == '>') {
		strbuf_addstr(m->out, "\xe2\x94\x82 ");	/* U+2502 */
		p += p[1] == ' ' ? 2 : 1;
	}
	mdterm_inline(m, p);
	strbuf_addch(m->out, '\n');
}

void mdterm_render(struct strbuf *out, const char *md, size_t width, int color)
{
	struct mdterm m = { out, width, color };
	struct strbuf safe = STRBUF_INIT;
	char **lines;
	size_t nr = 0, i = 0;
	char fence[8] = "";

	utf8_for_terminal(&safe, md ? md : "", 1);
	for (const char *p = safe.buf; *p; p++)
		nr += *p == '\n';
	lines = xcalloc(nr + 2, sizeof(*lines));
	nr = 0;
	for (char *p = safe.buf, *nl; p && *p; p = nl ? nl + 1 : NULL) {
		nl = strchr(p, '\n');
		if (nl)
			*nl = '\0';
		lines[nr++] = p;
	}
	/* front matter, shown dimmed as it is written */
	if (nr && !strcmp(lines[0], "---")) {
		size_t end;
		for (end = 1; end < nr && strcmp(lines[end], "---") && strcmp(lines[end], "..."); end++)
			;
		if (end < nr) {
			for (; i <= end; i++) {
				mdterm_sgr(&m, MDTERM_DIM);
				strbuf_addstr(out, lines[i]);
				mdterm_sgr(&m, MDTERM_RESET);
				strbuf_addch(out, '\n');
			}
		}
	}
	for (; i < nr; i++) {
		const char *l = lines[i], *t = l + strspn(l, " ");
		size_t hashes = strspn(t, "#");

		if (*fence) {
			if (!strncmp(t, fence, strlen(fence))) {
				*fence = '\0';
				continue;
			}
			mdterm_sgr(&m, MDTERM_DIM);
			strbuf_addstr(out, "    ");
			strbuf_addstr(out, l);
			mdterm_sgr(&m, MDTERM_RESET);
			strbuf_addch(out, '\n');
		} else if (!strncmp(t, "```", 3) || !strncmp(t, "~~~", 3)) {
			size_t n = strspn(t, t[0] == '`' ? "`" : "~");
			if (n >= sizeof(fence))
				n = sizeof(fence) - 1;
			memcpy(fence, t, n);
			fence[n] = '\0';
		} else if (hashes >= 1 && hashes <= 6 && (t[hashes] == ' ' || !t[hashes])) {
			mdterm_heading(&m, t + hashes + strspn(t + hashes, " "));
		} else if (*t && i + 1 < nr && mdterm_is_setext(lines[i + 1]) &&
			   !mdterm_is_rule(l)) {
			mdterm_heading(&m, t);
			i++;
		} else if (mdterm_is_rule(l)) {
			mdterm_rule(&m);
		} else {
			mdterm_line(&m, l);
		}
	}
	free(lines);
	strbuf_release(&safe);
}
