/*
 * edit_tree: the work tree's ADRs for the editing commands (edit_tree.h).
 * Scans the ADR folders (lstat, never following a link), reads each file
 * with O_NOFOLLOW, matches ids exactly, builds the link each side writes
 * and hands the bytes to edit.c; writes go through file_write_atomic()
 * after the path is checked again.
 */
#include "edit_tree.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "adrid.h"
#include "change.h"
#include "discover.h"
#include "error.h"
#include "file.h"
#include "parse.h"
#include "xalloc.h"

/* Files larger than this are no ADR anyone edits by hand. */
#define EDIT_MAX_BYTES (16u << 20)
#define EDIT_MAX_DEPTH 16

void edit_today(char *buf)
{
	time_t now = time(NULL);
	struct tm tm;

	localtime_r(&now, &tm);
	strftime(buf, 11, "%Y-%m-%d", &tm);
}

/*
 * rel must be a plain relative path: no "..", no absolute path, no empty
 * or "." component; no component below top may be a symbolic link; the
 * folders must be folders and the last one a regular file (or missing
 * when may_miss; a folder with dir).
 */
static int edit_tree_check(const char *top, const char *rel, int may_miss, int dir)
{
	struct strbuf sb = STRBUF_INIT;
	const char *p = rel;
	struct stat st;
	int rc = 0;

	if (!*rel || *rel == '/')
		return error_set("'%s': not a path inside the work tree", rel);
	strbuf_addstr(&sb, top);
	while (*p) {
		const char *slash = strchr(p, '/');
		size_t n = slash ? (size_t)(slash - p) : strlen(p);

		if (!n || (n == 1 && *p == '.') || (n == 2 && !strncmp(p, "..", 2))) {
			rc = error_set("'%s': not a path inside the work tree", rel);
			break;
		}
		strbuf_add(&sb, p, n);
		if (lstat(sb.buf, &st) < 0) {
			if (errno == ENOENT && !slash && may_miss)
				break;
			rc = error_set("cannot read '%s': %s", rel, strerror(errno));
			break;
		}
		if (S_ISLNK(st.st_mode)) {
			rc = error_set("'%s': refusing to follow the symbolic link '%.*s'",
				       rel, (int)(sb.len - strlen(top)), sb.buf + strlen(top));
			break;
		}
		if (slash || dir ? !S_ISDIR(st.st_mode) : !S_ISREG(st.st_mode)) {
			rc = error_set("'%s': not a %s", rel, slash || dir ? "folder" : "regular file");
			break;
		}
		if (!slash)
			break;
		strbuf_addch(&sb, '/');
		p = slash + 1;
	}
	strbuf_release(&sb);
	return rc;
}

/*
 * The work-tree reads and writes go through file.c's *_under functions:
 * folder by folder without following a symbolic link (ADR 20).
 */
int edit_tree_read_file(struct strbuf *out, const char *top, const char *rel)
{
	return file_read_under(out, top, rel, EDIT_MAX_BYTES);
}

int edit_tree_write_file(const char *top, const char *rel, const char *data, size_t len)
{
	return file_replace_under(top, rel, data, len, FILE_MODE_KEEP);
}

static void edit_tree_add(struct edit_tree *t, const char *rel)
{
	struct edit_file *f;
	struct strbuf text = STRBUF_INIT;

	if (edit_tree_read_file(&text, t->top, rel) != 0) {
		/* unreadable or vanished: not ours to edit; say so once */
		warning("%s", error_last());
		error_clear();
		strbuf_release(&text);
		return;
	}
	f = xcalloc(1, sizeof(*f));
	f->path = xstrdup(rel);
	f->text = text;
	adr_doc_init(&f->doc);
	parse_adr(&f->doc, rel, text.buf, text.len);
	if (!f->doc.id) {
		adr_doc_release(&f->doc);
		strbuf_release(&f->text);
		free(f->path);
		free(f);
		return;
	}
	XGROW(t->v, t->alloc, t->nr + 1);
	t->v[t->nr++] = f;
}

/* Every ADR candidate below rel (a folder), never through a link. */
static void edit_tree_scan(struct edit_tree *t, const char *rel, int depth)
{
	struct strbuf abs = STRBUF_INIT, sub = STRBUF_INIT;
	struct dirent *e;
	DIR *dir;

	if (depth > EDIT_MAX_DEPTH)
		return;
	strbuf_addf(&abs, "%s%s", t->top, rel);
	if (!(dir = opendir(abs.buf))) {
		strbuf_release(&abs);
		return;
	}
	while ((e = readdir(dir))) {
		struct stat st;

		if (e->d_name[0] == '.')
			continue;
		strbuf_reset(&sub);
		strbuf_addf(&sub, "%s%s%s", rel, *rel ? "/" : "", e->d_name);
		strbuf_reset(&abs);
		strbuf_addf(&abs, "%s%s", t->top, sub.buf);
		if (lstat(abs.buf, &st) < 0)
			continue;
		if (S_ISLNK(st.st_mode)) {
			if (adrid_has_adr_ext(e->d_name) && !adrid_is_excluded(e->d_name))
				warning("skipping '%s': a symbolic link is never edited", sub.buf);
			continue;
		}
		if (S_ISDIR(st.st_mode))
			edit_tree_scan(t, sub.buf, depth + 1);
		else if (S_ISREG(st.st_mode) && adrid_has_adr_ext(e->d_name) &&
			 !adrid_is_excluded(e->d_name))
			edit_tree_add(t, sub.buf);
	}
	closedir(dir);
	strbuf_release(&abs);
	strbuf_release(&sub);
}

static int edit_tree_cmp(const void *a, const void *b)
{
	const struct edit_file *x = *(struct edit_file *const *)a;
	const struct edit_file *y = *(struct edit_file *const *)b;
	int c = adrid_cmp(x->doc.id, y->doc.id);

	return c ? c : strcmp(x->path, y->path);
}

int edit_tree_load(struct edit_tree *t, struct repo *repo, const struct strvec *cli_dirs)
{
	const char *wd = change_workdir(repo);
	git_tree *tree = NULL;
	int rc;

	if (!wd)
		return error_set("the repository has no work tree to edit");
	t->top = xstrdup(wd);
	rc = change_base_tree(&tree, repo);
	if (rc == 0)
		rc = discover_dirs(&t->dirs, NULL, repo, tree, cli_dirs);
	git_tree_free(tree);
	if (rc < 0)
		return -1;
	if (!t->dirs.nr) {
		struct stat st;
		struct strbuf sb = STRBUF_INIT;

		/* nothing committed yet: the folder `new` writes to */
		strbuf_addf(&sb, "%sdocs/adr", t->top);
		if (lstat(sb.buf, &st) == 0 && S_ISDIR(st.st_mode))
			strvec_push(&t->dirs, "docs/adr");
		strbuf_release(&sb);
	}
	for (size_t i = 0; i < t->dirs.nr; i++) {
		const char *d = t->dirs.v[i];

		if (*d && edit_tree_check(t->top, d, 1, 1) < 0) {
			/* a folder reached through a link is never edited */
			if (strstr(error_last(), "symbolic link"))
				return -1;
			error_clear();
			continue;
		}
		edit_tree_scan(t, d, 0);
	}
	qsort(t->v, t->nr, sizeof(*t->v), edit_tree_cmp);
	return 0;
}

void edit_tree_release(struct edit_tree *t)
{
	for (size_t i = 0; i < t->nr; i++) {
		adr_doc_release(&t->v[i]->doc);
		strbuf_release(&t->v[i]->text);
		free(t->v[i]->path);
		free(t->v[i]);
	}
	free(t->v);
	free(t->top);
	strvec_clear(&t->dirs);
	memset(t, 0, sizeof(*t));
}

/* "12", "012", "ADR-12", "adr_012-2", "#12" -> normalized id, or NULL. */
static char *edit_tree_typed_id(const char *s)
{
	size_t n = 0;

	if (!strncasecmp(s, "adr", 3)) {
		s += 3;
		if (*s == '-' || *s == '_' || *s == ' ' || *s == '#')
			s++;
	} else if (*s == '#') {
		s++;
	}
	while (isdigit((unsigned char)s[n]))
		n++;
	if (!n)
		return NULL;
	if (s[n] == '-' && isdigit((unsigned char)s[n + 1])) {
		n++;
		while (isdigit((unsigned char)s[n]))
			n++;
	}
	if (s[n])
		return NULL;
	return adrid_normalize(s, n);
}

struct edit_file *edit_tree_by_id(const struct edit_tree *t, const char *id)
{
	struct edit_file *found = NULL;

	for (size_t i = 0; i < t->nr; i++)
		if (!strcmp(t->v[i]->doc.id, id)) {
			if (found)
				return NULL;
			found = t->v[i];
		}
	return found;
}

/* which as a path: relative to the current folder, made relative to top. */
static char *edit_tree_rel(const struct edit_tree *t, const char *which)
{
	char *abs = realpath(which, NULL), *top = realpath(t->top, NULL), *rel = NULL;
	size_t n = top ? strlen(top) : 0;

	if (abs && top && !strncmp(abs, top, n) && abs[n] == '/')
		rel = xstrdup(abs + n + 1);
	free(abs);
	free(top);
	return rel;
}

int edit_tree_find(struct edit_file **out, const struct edit_tree *t, const char *which)
{
	char *id = edit_tree_typed_id(which);
	struct strbuf sb = STRBUF_INIT;
	size_t hits = 0;

	*out = NULL;
	if (!id) {
		char *rel = edit_tree_rel(t, which);

		for (size_t i = 0; rel && i < t->nr; i++)
			if (!strcmp(t->v[i]->path, rel))
				*out = t->v[i];
		free(rel);
		if (*out)
			return 0;
		return error_set("'%s' is neither an ADR id nor an ADR file of the work tree",
				 which);
	}
	for (size_t i = 0; i < t->nr; i++) {
		if (strcmp(t->v[i]->doc.id, id))
			continue;
		strbuf_addf(&sb, "%s%s", hits ? ", " : "", t->v[i]->path);
		*out = t->v[i];
		hits++;
	}
	if (hits == 1) {
		free(id);
		strbuf_release(&sb);
		return 0;
	}
	*out = NULL;
	if (hits)
		error_set("ADR %s is ambiguous: %s; name the file instead", id, sb.buf);
	else
		error_set("no ADR %s in the work tree (%s)", id,
			  t->dirs.nr ? t->dirs.v[0] : "no ADR folder");
	free(id);
	strbuf_release(&sb);
	return -1;
}

void edit_tree_set(struct edit_file *f, const struct strbuf *text)
{
	strbuf_reset(&f->text);
	strbuf_addbuf(&f->text, text);
	adr_doc_release(&f->doc);
	adr_doc_init(&f->doc);
	parse_adr(&f->doc, f->path, f->text.buf, f->text.len);
	f->changed = 1;
}

int edit_tree_write(struct edit_tree *t, struct strvec *written)
{
	for (size_t i = 0; i < t->nr; i++) {
		struct edit_file *f = t->v[i];

		if (!f->changed)
			continue;
		if (edit_tree_write_file(t->top, f->path, f->text.buf, f->text.len) < 0)
			return -1;
		f->changed = 0;
		strvec_push(written, f->path);
	}
	return 0;
}

/* to's path relative to from's folder ("../x/0012-y.md" when needed). */
static void edit_tree_href(struct strbuf *out, const char *from, const char *to)
{
	const char *fs = from, *ts = to, *p;
	size_t common = 0;

	/* the common folder prefix */
	for (size_t k = 0; from[k] && from[k] == to[k]; k++)
		if (from[k] == '/')
			common = k + 1;
	fs = from + common;
	ts = to + common;
	for (p = fs; (p = strchr(p, '/')); p++)
		strbuf_addstr(out, "../");
	strbuf_addstr(out, ts);
}

void edit_tree_target(struct edit_target *out, struct strbuf bufs[3],
		      const struct edit_file *from, const struct edit_file *to)
{
	const char *base = adrid_basename(to->path), *s = base, *title_src = NULL;
	size_t n = 0;
	char *written;

	for (int i = 0; i < 3; i++)
		strbuf_reset(&bufs[i]);
	/* the id as the file name writes it: "0012", "012-2" */
	if (!strncasecmp(s, "adr", 3) && (s[3] == '-' || s[3] == '_'))
		s += 4;
	while (isdigit((unsigned char)s[n]))
		n++;
	if (n && s[n] == '-' && isdigit((unsigned char)s[n + 1])) {
		size_t m = n + 1;
		while (isdigit((unsigned char)s[m]))
			m++;
		if (!isalnum((unsigned char)s[m]))
			n = m;
	}
	written = n ? adrid_normalize(s, n) : NULL;
	if (written && !strcmp(written, to->doc.id))
		strbuf_addf(&bufs[2], "ADR-%.*s", (int)n, s);
	else
		strbuf_addf(&bufs[2], "ADR-%s", to->doc.id);
	free(written);
	/* adr-tools' "[12. Title](...)" when the heading is numbered so */
	if (to->doc.title_line) {
		const char *line = to->text.buf;
		for (unsigned l = 1; l < to->doc.title_line && line; l++)
			line = (line = strchr(line, '\n')) ? line + 1 : NULL;
		if (line) {
			while (*line == '#' || *line == ' ')
				line++;
			title_src = line;
		}
	}
	if (title_src && isdigit((unsigned char)*title_src))
		strbuf_addf(&bufs[0], "%s. %s", to->doc.id, to->doc.title);
	else
		strbuf_addbuf(&bufs[0], &bufs[2]);
	edit_tree_href(&bufs[1], from->path, to->path);
	out->id = to->doc.id;
	out->text = bufs[0].buf;
	out->href = bufs[1].buf;
	out->shortref = bufs[2].buf;
}

int edit_tree_link(struct edit_file *f, enum edit_rel rel,
			  const struct edit_file *other, const char *date)
{
	struct strbuf bufs[3] = { STRBUF_INIT, STRBUF_INIT, STRBUF_INIT };
	struct strbuf out = STRBUF_INIT;
	struct edit_target target;
	int rc;

	edit_tree_target(&target, bufs, f, other);
	rc = edit_link(&out, f->path, f->text.buf, f->text.len, rel, &target, date);
	if (rc == EDIT_CHANGED)
		edit_tree_set(f, &out);
	for (int i = 0; i < 3; i++)
		strbuf_release(&bufs[i]);
	strbuf_release(&out);
	return rc;
}

int edit_tree_relate(struct edit_tree *t, struct edit_file *a, enum edit_rel rel,
		     struct edit_file *b, const char *date)
{
	(void)t;
	if (a == b)
		return error_set("ADR %s cannot %s itself", a->doc.id,
				 rel == EDIT_SUPERSEDES || rel == EDIT_SUPERSEDED_BY ?
				 "supersede" : "amend");
	if (edit_tree_link(a, rel, b, date) < 0 ||
	    edit_tree_link(b, edit_rel_inverse(rel), a, date) < 0)
		return -1;
	return 0;
}
