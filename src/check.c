/*
 * check: the lint rules (check.h).  Each rule is one function over the
 * model; findings go to a check_report whose kinds carry the severity.
 * cmd_check.c loads the db and the index files and prints the report.
 */
#include "check.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "adrid.h"
#include "index.h"
#include "status.h"
#include "strbuf.h"
#include "xalloc.h"

/* The line a finding about the ADR as a whole points at. */
static unsigned check_line(const struct adr *a)
{
	return a->doc.title_line ? a->doc.title_line : 1;
}

/* The line of the status (links live next to it). */
static unsigned check_status_line(const struct adr *a)
{
	return a->doc.status_line ? a->doc.status_line : check_line(a);
}

/* The live ADR with this id, or NULL. */
static const struct adr *check_find(const struct adr_db *db, const char *id)
{
	for (size_t i = 0; i < db->nr; i++)
		if (!db->adrs[i]->deleted && !strcmp(db->adrs[i]->id, id))
			return db->adrs[i];
	return NULL;
}

static void check_duplicates(struct check_report *r, const struct adr_db *db)
{
	for (size_t i = 0; i < db->nr; i++) {
		const struct adr *a = db->adrs[i];

		if (a->deleted)
			continue;
		for (size_t j = 0; j < db->nr; j++) {
			const struct adr *b = db->adrs[j];

			if (j == i || b->deleted || strcmp(a->id, b->id))
				continue;
			check_report_add(r, CHECK_DUPLICATE_ID, a->path, check_line(a), a->id,
					 "id %s is also used by %s", a->id, b->path);
			break;
		}
	}
}

static void check_status(struct check_report *r, const struct adr *a)
{
	if (a->doc.status == ADR_STATUS_NONE)
		check_report_add(r, CHECK_NO_STATUS, a->path, check_line(a), a->id,
				 "ADR %s has no status", a->id);
	else if (a->doc.status == ADR_STATUS_UNKNOWN)
		check_report_add(r, CHECK_UNKNOWN_STATUS, a->path, check_status_line(a),
				 a->id, "unknown status '%s' (if it names a status, say "
				 "which: git config --add adrlog.statusAlias '%.40s=STATUS', "
				 "or 'statusAlias = %.40s=STATUS' under [adrlog] in .adrlog)",
				 a->doc.status_raw ? a->doc.status_raw : "",
				 a->doc.status_raw ? a->doc.status_raw : "",
				 a->doc.status_raw ? a->doc.status_raw : "");
	/* "Superseded by ADR-9" while the status still says Proposed/Accepted */
	if (a->doc.superseded_by.nr && (a->doc.status == ADR_STATUS_PROPOSED ||
					a->doc.status == ADR_STATUS_ACCEPTED))
		check_report_add(r, a->doc.status == ADR_STATUS_PROPOSED ?
				 CHECK_SUPERSEDED_PROPOSED : CHECK_SUPERSEDED_ACCEPTED,
				 a->path, check_status_line(a), a->id,
				 "ADR %s is %s, but says it is superseded by %s", a->id,
				 status_name(a->doc.status), a->doc.superseded_by.v[0]);
}

/*
 * Lexically resolve target against the folder of from into out ("" when
 * it leaves the root).  No file system: paths of the tree.
 */
static void check_resolve(struct strbuf *out, const char *from, const char *target)
{
	const char *slash = strrchr(from, '/'), *p;

	strbuf_reset(out);
	if (*target != '/' && slash)
		strbuf_add(out, from, (size_t)(slash - from));
	for (p = target; *p;) {
		const char *e = strchr(p, '/');
		size_t n = e ? (size_t)(e - p) : strlen(p);

		if (n == 2 && !strncmp(p, "..", 2)) {
			char *last = strrchr(out->buf, '/');

			if (!out->len) {
				strbuf_reset(out);
				return;
			}
			strbuf_setlen(out, last ? (size_t)(last - out->buf) : 0);
		} else if (n && !(n == 1 && *p == '.')) {
			if (out->len)
				strbuf_addch(out, '/');
			strbuf_add(out, p, n);
		}
		p += n;
		while (*p == '/')
			p++;
	}
}

void check_md_links(struct strvec *out, const char *path, const char *text)
{
	struct strbuf res = STRBUF_INIT, item = STRBUF_INIT;
	unsigned no = 0;
	int fence = 0;

	for (const char *line = text; line && *line;
	     line = strchr(line, '\n') ? strchr(line, '\n') + 1 : NULL) {
		const char *end = strchr(line, '\n'), *p = line;

		no++;
		if (!end)
			end = line + strlen(line);
		while (p < end && (*p == ' ' || *p == '\t'))
			p++;
		if (end - p >= 3 && (!strncmp(p, "```", 3) || !strncmp(p, "~~~", 3))) {
			fence = !fence;
			continue;
		}
		if (fence)
			continue;
		for (p = line; p + 1 < end; p++) {
			const char *open, *close;
			char *target, *id;

			if (p[0] != ']' || (p[1] != '(' && p[1] != ':'))
				continue;
			open = p + 2;
			while (open < end && (*open == ' ' || *open == '<'))
				open++;
			close = open;
			while (close < end && *close != ')' && *close != ' ' && *close != '>')
				close++;
			if (close == open || (p[1] == '(' && close == end))
				continue;
			target = xstrndup(open, (size_t)(close - open));
			target[strcspn(target, "#?")] = '\0';
			/* only relative links to ADR files: not URLs, anchors or mail */
			if (!*target || strchr(target, ':') || !adrid_has_adr_ext(adrid_basename(target)) ||
			    adrid_is_excluded(adrid_basename(target)) ||
			    !(id = adrid_from_name(adrid_basename(target)))) {
				free(target);
				continue;
			}
			free(id);
			check_resolve(&res, path, target);
			strbuf_reset(&item);
			strbuf_addf(&item, "%u\t%s", no, res.len ? res.buf : target);
			strvec_push(out, item.buf);
			free(target);
		}
	}
	strbuf_release(&res);
	strbuf_release(&item);
}

/*
 * One direction of a link pair: a says it <verb> each id of fwd; the
 * target must exist and say the inverse (back names a) -- or, for
 * supersedes, at least carry the status the link implies.
 */
static void check_link_dir(struct check_report *r, const struct adr_db *db,
			   const struct adr *a, const struct strvec *fwd,
			   const char *verb, const char *inverse, size_t back_off,
			   enum adr_status implied)
{
	for (size_t i = 0; i < fwd->nr; i++) {
		const char *id = fwd->v[i];
		const struct adr *b = check_find(db, id);
		const struct strvec *back;

		if (!b) {
			check_report_add(r, CHECK_BROKEN_LINK, a->path, check_status_line(a),
					 a->id, "ADR %s %s %s, which no ADR has", a->id,
					 verb, id);
			continue;
		}
		back = (const struct strvec *)((const char *)&b->doc + back_off);
		if (strvec_find(back, a->id) >= 0)
			continue;
		if (implied != ADR_STATUS_NONE && b->doc.status == implied)
			continue;
		check_report_add(r, CHECK_ONE_SIDED_LINK, a->path, check_status_line(a),
				 a->id, "ADR %s %s %s, but ADR %s %s %s",
				 a->id, verb, id, id, inverse, a->id);
	}
}

static void check_links(struct check_report *r, const struct adr_db *db,
			const struct adr *a)
{
	check_link_dir(r, db, a, &a->doc.supersedes, "supersedes", "is not marked superseded by",
		       offsetof(struct adr_doc, superseded_by), ADR_STATUS_SUPERSEDED);
	check_link_dir(r, db, a, &a->doc.superseded_by, "is superseded by", "does not say it supersedes",
		       offsetof(struct adr_doc, supersedes), ADR_STATUS_NONE);
	check_link_dir(r, db, a, &a->doc.amends, "amends", "is not marked amended by",
		       offsetof(struct adr_doc, amended_by), ADR_STATUS_NONE);
	check_link_dir(r, db, a, &a->doc.amended_by, "is amended by", "does not say it amends",
		       offsetof(struct adr_doc, amends), ADR_STATUS_NONE);
}

/* Status that history contradicts: nothing replaces a superseded ADR, or
 * commits implement an ADR that still says proposed/draft. */
static void check_drift(struct check_report *r, const struct adr_db *db,
			const struct adr *a)
{
	if (a->doc.status == ADR_STATUS_SUPERSEDED && !a->doc.superseded_by.nr) {
		int found = 0;

		for (size_t i = 0; i < db->nr && !found; i++)
			found = !db->adrs[i]->deleted &&
				strvec_find(&db->adrs[i]->doc.supersedes, a->id) >= 0;
		if (!found)
			check_report_add(r, CHECK_SUPERSEDED_ORPHAN, a->path,
					 check_status_line(a), a->id,
					 "ADR %s is superseded, but no ADR supersedes it", a->id);
	}
	if ((a->doc.status == ADR_STATUS_PROPOSED || a->doc.status == ADR_STATUS_DRAFT) &&
	    a->implemented_by.nr)
		check_report_add(r, CHECK_PROPOSED_IMPLEMENTED, a->path, check_status_line(a),
				 a->id, "ADR %s is %s, but %zu commit%s implement%s it "
				 "(first %.7s)", a->id, status_name(a->doc.status),
				 a->implemented_by.nr, a->implemented_by.nr == 1 ? "" : "s",
				 a->implemented_by.nr == 1 ? "s" : "", a->implemented_by.v[0]);
}

void check_adrs(struct check_report *r, const struct adr_db *db)
{
	check_duplicates(r, db);
	for (size_t i = 0; i < db->nr; i++) {
		const struct adr *a = db->adrs[i];

		if (a->deleted)
			continue;
		check_status(r, a);
		check_links(r, db, a);
		check_drift(r, db, a);
	}
}

/* Non-zero when path is below dir ("" is the repository root). */
static int check_in_dir(const char *path, const char *dir)
{
	size_t n = strlen(dir);

	return !n || (!strncmp(path, dir, n) && path[n] == '/');
}

/* Does the index row's status say what the ADR says? */
static int check_same_status(const char *cell, const struct adr *a)
{
	enum adr_status s = status_normalize(*cell ? cell : NULL);

	if (s != a->doc.status)
		return 0;
	if (s == ADR_STATUS_UNKNOWN)
		return a->doc.status_raw && !strncasecmp(cell, a->doc.status_raw, strlen(cell));
	return 1;
}

static void check_index_row(struct check_report *r, const struct adr *a,
			    const struct index_rows *rows, const struct index_row *row,
			    const char *path)
{
	struct strbuf k1 = STRBUF_INIT, k2 = STRBUF_INIT;

	if (rows->has_status && !check_same_status(row->status, a)) {
		const char *s = status_name(a->doc.status);

		check_report_add(r, CHECK_INDEX_STATUS, path, row->line, a->id,
				 "index says ADR %s is '%s', but %s says '%s'", a->id,
				 row->status, a->path,
				 a->doc.status == ADR_STATUS_UNKNOWN ? a->doc.status_raw :
				 s ? s : "no status");
	}
	index_title_key(&k1, row->title);
	index_title_key(&k2, a->doc.title);
	if (!rows->weak_title && k1.len && strcmp(k1.buf, k2.buf))
		check_report_add(r, CHECK_INDEX_TITLE, path, row->line, a->id,
				 "index title of ADR %s is '%s', but %s says '%s'", a->id,
				 row->title, a->path, a->doc.title ? a->doc.title : "");
	strbuf_release(&k1);
	strbuf_release(&k2);
}

/*
 * A table or list outside markers is taken for the index only when one of
 * its rows names an existing ADR (a README may hold other tables).
 */
static int check_index_is_ours(const struct adr_db *db, const struct index_rows *rows)
{
	if (rows->markers)
		return 1;
	for (size_t i = 0; i < rows->nr; i++)
		if (rows->v[i].id && check_find(db, rows->v[i].id))
			return 1;
	return 0;
}

void check_index(struct check_report *r, const struct adr_db *db, const char *dir,
		 const char *path, const char *buf, size_t len)
{
	struct index_rows rows = INDEX_ROWS_INIT;

	index_parse(&rows, buf, len);
	if (!rows.line || !check_index_is_ours(db, &rows)) {
		index_rows_clear(&rows);
		return;
	}
	for (size_t i = 0; i < rows.nr; i++) {
		const struct index_row *row = &rows.v[i];
		const struct adr *a;

		if (!row->id)
			continue;
		if (!(a = check_find(db, row->id))) {
			check_report_add(r, CHECK_INDEX_EXTRA, path, row->line, row->id,
					 "index lists ADR %s, which does not exist", row->id);
			continue;
		}
		check_index_row(r, a, &rows, row, path);
	}
	for (size_t i = 0; i < db->nr; i++) {
		const struct adr *a = db->adrs[i];
		size_t j;

		if (a->deleted || !check_in_dir(a->path, dir))
			continue;
		for (j = 0; j < rows.nr; j++)
			if (rows.v[j].id && !strcmp(rows.v[j].id, a->id))
				break;
		if (j == rows.nr)
			check_report_add(r, CHECK_INDEX_MISSING, path, rows.line, a->id,
					 "index lacks ADR %s (%s)", a->id, a->path);
	}
	index_rows_clear(&rows);
}

void check_unknown_refs(struct check_report *r, const struct adr_db *db,
			int (*in_range)(const char *sha, void *data), void *data)
{
	for (size_t i = 0; i < db->unknown_nr; i++) {
		const struct adr_unknown_ref *u = &db->unknown[i];
		const struct adr_commit *c = adr_db_commit(db, u->commit);

		if (in_range && !in_range(u->commit, data))
			continue;
		check_report_add(r, in_range ? CHECK_UNKNOWN_REF : CHECK_UNKNOWN_REF_OLD,
				 u->commit, 0, u->id,
				 "commit cites ADR %s, which no ADR was at that commit%s%s%s",
				 u->id, c && c->subject ? " (\"" : "",
				 c && c->subject ? c->subject : "",
				 c && c->subject ? "\")" : "");
	}
}
