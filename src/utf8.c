/*
 * utf8: validation, U+FFFD replacement, terminal neutralisation and
 * display width.  Hand-written rather than iconv so that the replacement
 * rule is exact (one U+FFFD per maximal invalid subpart) and allocation-free.
 */
#include "utf8.h"

#include <string.h>

#include "strbuf.h"

static const char replacement[] = "\xEF\xBF\xBD";

/*
 * Length of the valid UTF-8 sequence at s (at most len bytes), or 0 when
 * the bytes there do not start one.  *cp receives the code point.
 */
static size_t utf8_decode(const unsigned char *s, size_t len, unsigned *cp)
{
	unsigned c = s[0];
	size_t n, i;
	unsigned min;

	if (c < 0x80) {
		*cp = c;
		return 1;
	} else if (c >= 0xC2 && c <= 0xDF) {
		n = 2; c &= 0x1F; min = 0x80;
	} else if (c >= 0xE0 && c <= 0xEF) {
		n = 3; c &= 0x0F; min = 0x800;
	} else if (c >= 0xF0 && c <= 0xF4) {
		n = 4; c &= 0x07; min = 0x10000;
	} else {
		return 0;
	}
	if (len < n)
		return 0;
	for (i = 1; i < n; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		c = (c << 6) | (s[i] & 0x3F);
	}
	if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		return 0;
	*cp = c;
	return n;
}

size_t utf8_sanitize(struct strbuf *out, const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, start = 0, bad = 0;
	unsigned cp;

	strbuf_grow(out, len);
	while (i < len) {
		size_t n;

		if (p[i] && p[i] < 0x80) {	/* ASCII, the common case */
			i++;
			continue;
		}
		n = utf8_decode(p + i, len - i, &cp);
		if (n && cp != 0) {
			i += n;
			continue;
		}
		strbuf_add(out, s + start, i - start);
		strbuf_addstr(out, replacement);
		bad++;
		/* skip one lead byte and its continuation bytes */
		i++;
		while (i < len && (p[i] & 0xC0) == 0x80 && !n)
			i++;
		start = i;
	}
	strbuf_add(out, s + start, len - start);
	return bad;
}

int utf8_valid(const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;
	unsigned cp;

	while (i < len) {
		size_t n = utf8_decode(p + i, len - i, &cp);
		if (!n || !cp)
			return 0;
		i += n;
	}
	return 1;
}

/*
 * The bidirectional embedding, override and isolate controls (U+202A..E,
 * U+2066..9): one that is never closed reorders the rest of the terminal
 * line, so a title can show text other than its bytes ("Trojan Source").
 * Right-to-left text needs none of them to display; the marks U+200E/F
 * and U+061C, which only nudge neutral characters, are kept.
 */
static int utf8_is_bidi_control(unsigned cp)
{
	return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

void utf8_for_terminal(struct strbuf *out, const char *s, int keep_newlines)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t len = strlen(s), i = 0;
	unsigned cp;

	while (i < len) {
		size_t n = utf8_decode(p + i, len - i, &cp);
		if (!n) {
			strbuf_addstr(out, replacement);
			i++;
			continue;
		}
		if (cp == '\n' && keep_newlines)
			strbuf_addch(out, '\n');
		else if (cp == '\t')
			strbuf_addch(out, ' ');
		else if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0) ||
			 utf8_is_bidi_control(cp))
			strbuf_addstr(out, replacement);
		else
			strbuf_add(out, s + i, n);
		i += n;
	}
}

void utf8_truncate(struct strbuf *sb, size_t max)
{
	const unsigned char *p = (const unsigned char *)sb->buf;
	size_t i = 0, w = 0, cut = 0;
	unsigned cp;

	if (!max || utf8_width(sb->buf) <= max)
		return;
	/* keep whole characters while they and the ellipsis fit */
	while (i < sb->len) {
		size_t n = utf8_decode(p + i, sb->len - i, &cp);
		size_t cw;
		char one[5] = { 0 };
		if (!n)
			n = 1;
		memcpy(one, sb->buf + i, n < 4 ? n : 4);
		cw = utf8_width(one);
		if (w + cw > max - 1)
			break;
		w += cw;
		i += n;
		cut = i;
	}
	strbuf_setlen(sb, cut);
	strbuf_addstr(sb, "\xE2\x80\xA6");
}

/* Wide ranges (East Asian Wide/Fullwidth and emoji), coarse but sufficient. */
static int utf8_is_wide(unsigned cp)
{
	return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) ||
	       (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
	       (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
	       (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x1F300 && cp <= 0x1FAFF) ||
	       (cp >= 0x2600 && cp <= 0x27BF) || (cp >= 0x20000 && cp <= 0x3FFFD);
}

size_t utf8_width(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t len = strlen(s), i = 0, w = 0;
	unsigned cp;

	while (i < len) {
		size_t n = utf8_decode(p + i, len - i, &cp);
		if (!n) {
			w++;
			i++;
			continue;
		}
		if (cp >= 0x300 && cp <= 0x36F)
			; /* combining marks take no column */
		else if (cp == 0xFE0F || cp == 0x200D)
			; /* emoji variation selector, zero-width joiner */
		else
			w += utf8_is_wide(cp) ? 2 : 1;
		i += n;
	}
	return w;
}

size_t utf8_next(const char *s, size_t len, unsigned *cp)
{
	size_t n;

	if (!len)
		return 0;
	n = utf8_decode((const unsigned char *)s, len, cp);
	if (!n) {
		*cp = 0xFFFD;
		n = 1;
	}
	return n;
}

/*
 * Simple case folding for the scripts of the languages adr-log reads
 * (SPEC 1a: Latin with its accents, Greek, Cyrillic; Chinese and Japanese
 * have no case).  Written out rather than taken from a library: these few
 * ranges are the whole need (docs/adr/0016).
 */
unsigned utf8_fold(unsigned c)
{
	if (c < 0x80)
		return c >= 'A' && c <= 'Z' ? c + 32 : c;
	if (c >= 0xC0 && c <= 0xDE && c != 0xD7)
		return c + 32;	/* Latin-1: À..Þ */
	if (c >= 0x100 && c <= 0x137)
		return c | 1;	/* Latin Extended-A pairs: Ā ā .. Ķ ķ */
	if (c >= 0x139 && c <= 0x148)
		return (c & 1) ? c + 1 : c;	/* Ĺ ĺ .. Ň ň */
	if (c >= 0x14A && c <= 0x177)
		return c | 1;	/* Ŋ ŋ .. Ŷ ŷ */
	if (c == 0x178)
		return 0xFF;	/* Ÿ */
	if (c >= 0x179 && c <= 0x17E)
		return (c & 1) ? c + 1 : c;	/* Ź ź .. Ž ž */
	if (c >= 0x391 && c <= 0x3AB && c != 0x3A2)
		return c + 32;	/* Greek capitals */
	if (c == 0x3C2)
		return 0x3C3;	/* final sigma */
	if (c >= 0x410 && c <= 0x42F)
		return c + 32;	/* Cyrillic А..Я */
	if (c >= 0x400 && c <= 0x40F)
		return c + 80;	/* Ѐ..Џ (Ё) */
	if ((c >= 0x460 && c <= 0x481) || (c >= 0x48A && c <= 0x4BF))
		return c | 1;
	return c;
}

int utf8_is_letter(unsigned c)
{
	if (c < 0x80)
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
	return (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7) ||
	       (c >= 0x370 && c <= 0x3FF && c != 0x37E && c != 0x387) ||
	       (c >= 0x400 && c <= 0x52F && (c < 0x482 || c > 0x489)) ||
	       c == 0x3005 ||				/* 々 */
	       (c >= 0x3041 && c <= 0x309F) ||		/* hiragana */
	       (c >= 0x30A1 && c <= 0x30FA) || c == 0x30FC ||	/* katakana, ー */
	       (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) ||
	       (c >= 0xF900 && c <= 0xFAFF) ||		/* CJK ideographs */
	       (c >= 0xAC00 && c <= 0xD7A3);		/* Hangul */
}

void utf8_fold_str(struct strbuf *out, const char *s)
{
	size_t len = strlen(s), n;
	unsigned cp;

	while ((n = utf8_next(s, len, &cp))) {
		cp = utf8_fold(cp);
		if (cp < 0x80) {
			strbuf_addch(out, (char)cp);
		} else if (cp < 0x800) {
			strbuf_addch(out, (char)(0xC0 | (cp >> 6)));
			strbuf_addch(out, (char)(0x80 | (cp & 0x3F)));
		} else if (cp < 0x10000) {
			strbuf_addch(out, (char)(0xE0 | (cp >> 12)));
			strbuf_addch(out, (char)(0x80 | ((cp >> 6) & 0x3F)));
			strbuf_addch(out, (char)(0x80 | (cp & 0x3F)));
		} else {
			strbuf_addch(out, (char)(0xF0 | (cp >> 18)));
			strbuf_addch(out, (char)(0x80 | ((cp >> 12) & 0x3F)));
			strbuf_addch(out, (char)(0x80 | ((cp >> 6) & 0x3F)));
			strbuf_addch(out, (char)(0x80 | (cp & 0x3F)));
		}
		s += n;
		len -= n;
	}
}
