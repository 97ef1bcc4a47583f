/*
 * mention: find what a commit message says about ADRs (SPEC section 3,
 * rules 1-3) by scanning bytes once, left to right.  No allocation for a
 * message that mentions nothing; duplicates are removed through a hash
 * only while a scan runs, so a 10 MB message full of mentions stays
 * linear.  The history engine resolves the ids and paths found here.
 */
#include "mention.h"

#include <stdlib.h>
#include <string.h>

#include "adrid.h"
#include "strbuf.h"
#include "uthash_config.h"
#include "xalloc.h"

/* At most this many path candidates per message (a real one has a few). */
#define MENTION_MAX_PATHS 4096
/* Longer tokens are no file path anyone wrote by hand. */
#define MENTION_MAX_PATH_LEN 4096
/* Bytes the suffix enumeration may visit per message (keeps it linear). */
#define MENTION_PATH_BUDGET (16u << 20)

/* One string seen during a scan (the dedup set). */
struct mention_seen {
	UT_hash_handle hh;
	char key[];
};

static int mention_isdigit(int c)
{
	return c >= '0' && c <= '9';
}

/* ASCII letters and digits; bytes >= 0x80 are never "a letter" here. */
static int mention_isalnum(int c)
{
	return mention_isdigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int mention_lower(int c)
{
	return (c >= 'A' && c <= 'Z') ? c + ('a' - 'A') : c;
}

static int mention_isblank(int c)
{
	return c == ' ' || c == '\t';
}

/* Add key to *set; returns 1 when it was new, 0 when already there. */
static int mention_seen_add(struct mention_seen **set, const char *key)
{
	struct mention_seen *s;
	size_t len = strlen(key);

	HASH_FIND(hh, *set, key, len, s);
	if (s)
		return 0;
	s = xmalloc(sizeof(*s) + len + 1);
	memcpy(s->key, key, len + 1);
	HASH_ADD(hh, *set, key[0], len, s);
	return 1;
}

static void mention_seen_free(struct mention_seen **set)
{
	struct mention_seen *s, *tmp;

	HASH_ITER(hh, *set, s, tmp) {
		HASH_DEL(*set, s);
		free(s);
	}
}

/*
 * The number part of an id mention at p: digits, an optional "-digits",
 * then no letter or digit.  A sub-number followed by a letter or digit is
 * not taken, but the main number still is when a '-' follows it
 * ("ADR-012-2a" is 12).  On a match sets *len (digits of the main part),
 * *sublen (length of "-digits" or 0) and returns the end; else NULL.
 */
static const char *mention_number(const char *p, size_t *len, size_t *sublen)
{
	const char *q = p, *r;

	while (mention_isdigit(*q))
		q++;
	if (q == p)
		return NULL;
	*len = (size_t)(q - p);
	*sublen = 0;
	if (*q == '-' && mention_isdigit(q[1])) {
		r = q + 1;
		while (mention_isdigit(*r))
			r++;
		if (!mention_isalnum(*r)) {
			*sublen = (size_t)(r - q);
			return r;
		}
	}
	return mention_isalnum(*q) ? NULL : q;
}

/* Record the id written at p (len + sublen bytes) unless seen already. */
static void mention_add(struct mention_list *out, struct mention_seen **seen,
			const char *p, size_t len, size_t sublen)
{
	char *id = adrid_normalize(p, len + sublen);
	struct mention *m;

	if (!mention_seen_add(seen, id)) {
		free(id);
		return;
	}
	XGROW(out->v, out->alloc, out->nr + 1);
	m = &out->v[out->nr++];
	m->id = id;
	m->base = sublen ? adrid_normalize(p, len) : NULL;
}

/*
 * Rule 1 at p, which must not follow a letter or digit: "ADR", one
 * optional separator (- _ # space), the number.  Returns the end of the
 * mention or NULL.
 */
static const char *mention_rule1(const char *p, struct mention_list *out,
				 struct mention_seen **seen)
{
	const char *q, *end;
	size_t len, sublen;

	if (mention_lower(p[0]) != 'a' || mention_lower(p[1]) != 'd' ||
	    mention_lower(p[2]) != 'r')
		return NULL;
	q = p + 3;
	if (*q == '-' || *q == '_' || *q == '#' || *q == ' ')
		q++;
	end = mention_number(q, &len, &sublen);
	if (!end)
		return NULL;
	mention_add(out, seen, q, len, sublen);
	return end;
}

/* Copy the reason after "none" ("(too small)", "- docs only") or NULL. */
static char *mention_none_reason(const char *p, const char *eol)
{
	struct strbuf sb = STRBUF_INIT;

	while (p < eol && (mention_isblank(*p) || *p == ':' || *p == '-' ||
			   *p == '(' || *p == ','))
		p++;
	strbuf_add(&sb, p, (size_t)(eol - p));
	strbuf_trim(&sb);
	while (sb.len && (sb.buf[sb.len - 1] == ')' || sb.buf[sb.len - 1] == '.'))
		strbuf_setlen(&sb, sb.len - 1);
	strbuf_trim(&sb);
	if (!sb.len) {
		strbuf_release(&sb);
		return NULL;
	}
	return strbuf_detach(&sb, NULL);
}

/*
 * Rule 2 on the line [p, eol): "ADR:" or "ADRs:" (leading blanks allowed),
 * then items separated by ',' or ';'; each item that starts with an id
 * ("23", "#23", "012-2", "ADR-12") names it.  "ADR: none ..." names
 * nothing and sets out->none.  Returns 1 when the line was a trailer.
 */
static int mention_rule2(const char *p, const char *eol, struct mention_list *out,
			 struct mention_seen **seen)
{
	const char *q;
	size_t len, sublen;

	while (p < eol && mention_isblank(*p))
		p++;
	if (eol - p < 4 || mention_lower(p[0]) != 'a' || mention_lower(p[1]) != 'd' ||
	    mention_lower(p[2]) != 'r')
		return 0;
	p += 3;
	if (mention_lower(*p) == 's')
		p++;
	while (p < eol && mention_isblank(*p))
		p++;
	if (p >= eol || *p != ':')
		return 0;
	p++;
	while (p < eol && mention_isblank(*p))
		p++;
	if (eol - p >= 4 && mention_lower(p[0]) == 'n' && mention_lower(p[1]) == 'o' &&
	    mention_lower(p[2]) == 'n' && mention_lower(p[3]) == 'e' &&
	    (p + 4 == eol || !mention_isalnum(p[4]))) {
		if (!out->none) {
			out->none = 1;
			out->none_reason = mention_none_reason(p + 4, eol);
		}
		return 1;
	}
	while (p < eol) {
		while (p < eol && (mention_isblank(*p) || *p == '#'))
			p++;
		q = mention_number(p, &len, &sublen);
		if (q && q <= eol)
			mention_add(out, seen, p, len, sublen);
		else
			mention_rule1(p, out, seen);
		while (p < eol && *p != ',' && *p != ';')
			p++;
		if (p < eol)
			p++;
	}
	return 1;
}

/*
 * The end of a URL starting at p ("http://" or "https://", any case, up
 * to the next blank or line end), or NULL when none starts there: an id
 * form inside a URL names nothing (SPEC section 3 [rev2]; it points at
 * another repository's records).
 */
static const char *mention_url_end(const char *p, const char *eol)
{
	const char *q = p;

	if (mention_lower(q[0]) != 'h' || mention_lower(q[1]) != 't' ||
	    mention_lower(q[2]) != 't' || mention_lower(q[3]) != 'p')
		return NULL;
	q += 4;
	if (mention_lower(*q) == 's')
		q++;
	if (q[0] != ':' || q[1] != '/' || q[2] != '/')
		return NULL;
	while (q < eol && !mention_isblank(*q) && *q != '\r')
		q++;
	return q;
}

void mention_scan_ids(const char *msg, struct mention_list *out)
{
	struct mention_seen *seen = NULL;
	const char *p = msg, *eol, *end;
	int prev = 0;

	for (size_t i = 0; i < out->nr; i++)
		mention_seen_add(&seen, out->v[i].id);
	while (*p) {
		eol = strchr(p, '\n');
		if (!eol)
			eol = p + strlen(p);
		mention_rule2(p, eol, out, &seen);
		prev = 0;
		while (p < eol) {
			if (mention_lower(*p) == 'h' && (end = mention_url_end(p, eol))) {
				prev = (unsigned char)end[-1];
				p = end;
				continue;
			}
			if (mention_lower(*p) == 'a' && !mention_isalnum(prev) &&
			    (end = mention_rule1(p, out, &seen)) && end <= eol) {
				prev = (unsigned char)end[-1];
				p = end;
				continue;
			}
			prev = (unsigned char)*p++;
		}
		if (*p == '\n')
			p++;
	}
	mention_seen_free(&seen);
}

/* Characters that glue a path to what is before it (SPEC 3, rule 3). */
static int mention_glued_before(int c)
{
	return mention_isalnum(c) || c == '_' || c == '-' || c == '.' || c >= 0x80;
}

/* Length of the ADR extension at p (".md", ".markdown", ".rst"), or 0. */
static size_t mention_ext(const char *p)
{
	static const char *const exts[] = { ".markdown", ".md", ".rst" };

	for (size_t i = 0; i < sizeof(exts) / sizeof(*exts); i++) {
		size_t n = strlen(exts[i]), k;

		for (k = 0; k < n && mention_lower(p[k]) == exts[i][k]; k++)
			;
		if (k == n && !mention_isalnum(p[n]) && p[n] != '_')
			return n;
	}
	return 0;
}

static void mention_push_path(struct strvec *out, struct mention_seen **seen,
			      const char *p, size_t len)
{
	char *s = xstrndup(p, len);

	if (out->nr < MENTION_MAX_PATHS && mention_seen_add(seen, s))
		strvec_push_owned(out, s);
	else
		free(s);
}

/*
 * A token is a run of path characters (letters, digits, _ - . / and any
 * byte >= 0x80); whatever precedes it is not glued to it.  Each place in
 * a token where an extension ends (followed by no letter, digit or '_')
 * gives the token up to there and every suffix after a '/'.
 */
void mention_scan_paths(const char *msg, struct strvec *out)
{
	struct mention_seen *seen = NULL;
	const char *p = msg, *tok = NULL;
	size_t n, budget = MENTION_PATH_BUDGET;

	for (size_t i = 0; i < out->nr; i++)
		mention_seen_add(&seen, out->v[i]);
	for (; *p && out->nr < MENTION_MAX_PATHS; p++) {
		unsigned char c = (unsigned char)*p;

		if (!mention_glued_before(c) && c != '/') {
			tok = NULL;
			continue;
		}
		if (!tok)
			tok = p;
		if (c != '.' || p == tok || !(n = mention_ext(p)))
			continue;
		if ((size_t)(p + n - tok) <= MENTION_MAX_PATH_LEN &&
		    (size_t)(p - tok) <= budget) {
			const char *end = p + n;

			budget -= (size_t)(p - tok);
			for (const char *s = tok; s < p; s++)
				if (s == tok || s[-1] == '/')
					if (*s != '/')
						mention_push_path(out, &seen, s,
								  (size_t)(end - s));
		}
		p += n - 1;
	}
	mention_seen_free(&seen);
}

void mention_list_clear(struct mention_list *ml)
{
	for (size_t i = 0; i < ml->nr; i++) {
		free(ml->v[i].id);
		free(ml->v[i].base);
	}
	free(ml->v);
	free(ml->none_reason);
	ml->v = NULL;
	ml->nr = ml->alloc = 0;
	ml->none = 0;
	ml->none_reason = NULL;
}
