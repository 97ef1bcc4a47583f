/*
 * edit: rewrite the spot where an ADR file keeps its status and links
 * (edit.h), which edit_doc.c finds: the status in the file's style, the
 * "by <link>" of a successor, a new link line in the form of the status
 * line, a front matter key.  Everything else is copied byte for byte.
 * cmd_edit.c and edit_tree.c do the file I/O.
 */
#include "edit.h"
#include "edit_int.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "adr.h"
#include "error.h"
#include "parse.h"
#include "status.h"
#include "xalloc.h"

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
