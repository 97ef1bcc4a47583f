/*
 * template: the next id, the file name and the text of a new ADR (see
 * template.h).  The pure parts (slug, name, fill) are unit-tested; the
 * rest reads the ADRs at HEAD (discover.c) and the work tree folder.
 */
#include "template.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "adr.h"
#include "adrid.h"
#include "change.h"
#include "discover.h"
#include "error.h"
#include "file.h"
#include "xalloc.h"

const char template_nygard[] =
	"# NUMBER. TITLE\n"
	"\n"
	"Date: DATE\n"
	"\n"
	"## Status\n"
	"\n"
	"STATUS\n"
	"\n"
	"## Context\n"
	"\n"
	"What is the issue that we're seeing that is motivating this decision or change?\n"
	"\n"
	"## Decision\n"
	"\n"
	"What is the change that we're proposing and/or doing?\n"
	"\n"
	"## Consequences\n"
	"\n"
	"What becomes easier or more difficult to do because of this change?\n";

char *template_slug(const char *title)
{
	struct strbuf sb = STRBUF_INIT;
	int dash = 0;

	for (const unsigned char *p = (const unsigned char *)title; *p; p++) {
		if (isalnum(*p)) {
			if (dash && sb.len)
				strbuf_addch(&sb, '-');
			dash = 0;
			strbuf_addch(&sb, tolower(*p));
		} else if (*p >= 0x80) {
			continue;	/* non-ASCII letters: dropped, as adr-tools does */
		} else {
			dash = 1;
		}
		if (sb.len >= 60)
			break;
	}
	if (!sb.len)
		strbuf_addstr(&sb, "decision");
	return strbuf_detach(&sb, NULL);
}

char *template_file_name(const char *like, const char *id, const char *title)
{
	struct strbuf sb = STRBUF_INIT;
	char *slug = template_slug(title);
	const char *base = like ? adrid_basename(like) : NULL;
	const char *digits, *after, *ext;
	size_t width = 4;
	char sep = '-';

	if (base) {
		digits = base;
		while (*digits && !isdigit((unsigned char)*digits))
			digits++;
		after = digits;
		while (isdigit((unsigned char)*after))
			after++;
		ext = strrchr(base, '.');
		/* a prefix of letters, '-' and '_' only ("adr-", "ADR_"): a name
		 * with control characters or spaces is no model to copy */
		for (const char *p = base; p < digits && ext; p++)
			if (!isalpha((unsigned char)*p) && *p != '-' && *p != '_')
				ext = NULL;
		if (*digits && ext && ext >= after) {
			strbuf_add(&sb, base, (size_t)(digits - base));
			width = (size_t)(after - digits);
			if (*after == '_')
				sep = '_';
			for (size_t n = strcspn(id, "-"); n < width; n++)
				strbuf_addch(&sb, '0');
			if (after == ext)	/* "ADR-7.md": names without a slug */
				strbuf_addf(&sb, "%s%s", id, ext);
			else
				strbuf_addf(&sb, "%s%c%s%s", id, sep, slug, ext);
			free(slug);
			return strbuf_detach(&sb, NULL);
		}
	}
	for (size_t n = strcspn(id, "-"); n < width; n++)
		strbuf_addch(&sb, '0');
	strbuf_addf(&sb, "%s-%s.md", id, slug);
	free(slug);
	return strbuf_detach(&sb, NULL);
}

/* Replace whole-word (upper case) or braced tokens; count replacements. */
static int template_replace(struct strbuf *sb, const char *word, const char *braced,
			    const char *value)
{
	struct strbuf out = STRBUF_INIT;
	size_t wl = strlen(word), bl = strlen(braced), i = 0;
	int n = 0;

	while (i < sb->len) {
		const char *p = sb->buf + i;
		int before = i == 0 || !isalnum((unsigned char)p[-1]);
		if (before && !strncmp(p, word, wl) && !isalnum((unsigned char)p[wl])) {
			strbuf_addstr(&out, value);
			i += wl;
			n++;
		} else if (!strncmp(p, braced, bl)) {
			strbuf_addstr(&out, value);
			i += bl;
			n++;
		} else {
			strbuf_addch(&out, *p);
			i++;
		}
	}
	strbuf_release(sb);
	*sb = out;
	return n;
}

/* id with its first number zero-padded to width digits ("7", 3 -> "007"). */
static void template_pad(struct strbuf *out, const char *id, size_t width)
{
	for (size_t n = strcspn(id, "-"); n < width; n++)
		strbuf_addch(out, '0');
	strbuf_addstr(out, id);
}

/* Is s[0..n) all 'N' (NNN) or all digits (the "120" of {ADR-120})? */
static int template_is_width(const char *s, size_t n)
{
	size_t k;

	for (k = 0; k < n && (s[k] == 'N' || s[k] == 'n'); k++)
		;
	if (k == n)
		return n > 0 && n <= 8;
	for (k = 0; k < n && isdigit((unsigned char)s[k]); k++)
		;
	return k == n && n <= 8;
}

/*
 * One braced placeholder {x} or {{ x }} at s (its inner text x[0..n)):
 * the text it stands for, or 0 when it is not ours.  h1: in the first
 * level-1 heading, where {ADR-NNN} and {NNN} are this ADR's number.
 */
static int template_braced(struct strbuf *out, const char *x, size_t n, int h1,
			   int after_adr, const char *id, const char *title,
			   const char *date, const char *status, int *flags)
{
	if (n == 5 && !strncasecmp(x, "title", 5)) {
		strbuf_addstr(out, title);
		*flags |= 1;
	} else if ((n == 6 && !strncasecmp(x, "number", 6)) || (n == 2 && !strncasecmp(x, "id", 2))) {
		strbuf_addstr(out, id);
	} else if ((n == 4 && !strncasecmp(x, "date", 4)) ||
		   (n == 10 && !strncasecmp(x, "yyyy-mm-dd", 10))) {
		strbuf_addstr(out, date);
	} else if (n == 6 && !strncasecmp(x, "status", 6)) {
		strbuf_addstr(out, status);
		*flags |= 2;
	} else if (h1 && n > 4 && !strncasecmp(x, "adr-", 4) && template_is_width(x + 4, n - 4)) {
		if (!after_adr)
			strbuf_addstr(out, "ADR-");
		template_pad(out, id, n - 4);
		*flags |= 4;
	} else if (h1 && template_is_width(x, n) && !isdigit((unsigned char)*x)) {
		template_pad(out, id, n);
		*flags |= 4;
	} else {
		return 0;
	}
	return 1;
}

/*
 * The braced placeholders templates use: {title}, {{title}}, {{ date }},
 * {Status}, {YYYY-MM-DD}, and in the first level-1 heading {ADR-NNN},
 * {NNN} and, after one of those, a braced example title ("# ADR
 * {ADR-120}: {Some thing}").  Returns flags: 1 the title was placed, 2
 * the status.  Unknown braces (MADR's "{proposed | accepted}") stay.
 */
static int template_placeholders(struct strbuf *sb, const char *id, const char *title,
				 const char *date, const char *status)
{
	struct strbuf out = STRBUF_INIT;
	int flags = 0, fm = !strncmp(sb->buf, "---\n", 4), seen_h1 = 0;
	size_t i = 0;

	while (i < sb->len) {
		const char *line = sb->buf + i, *nl = memchr(line, '\n', sb->len - i);
		size_t len = nl ? (size_t)(nl - line) + 1 : sb->len - i;
		int h1 = 0, line_flags = 0;

		if (fm && i > 0 && (!strncmp(line, "---", 3) || !strncmp(line, "...", 3)))
			fm = 2;	/* the closing fence: the body follows */
		else if (!fm && !seen_h1 && !strncmp(line, "# ", 2))
			h1 = seen_h1 = 1;
		for (size_t k = 0; k < len;) {
			const char *p = line + k, *close;
			int dbl = p[0] == '{' && k + 1 < len && p[1] == '{';
			const char *x;
			size_t n;

			if (*p != '{' || !(close = memchr(p, '}', len - k)) || close - p > 120) {
				strbuf_addch(&out, *p);
				k++;
				continue;
			}
			x = p + (dbl ? 2 : 1);
			n = (size_t)(close - x);
			while (n && (*x == ' ' || *x == '\t'))
				x++, n--;
			while (n && (x[n - 1] == ' ' || x[n - 1] == '\t'))
				n--;
			if (dbl && !((size_t)(close - line) + 1 < len && close[1] == '}')) {
				strbuf_addch(&out, *p);	/* "{{x}": not a placeholder */
				k++;
				continue;
			}
			if (dbl)
				close++;
			if (template_braced(&out, x, n, h1, out.len >= 4 &&
					    !strncasecmp(out.buf + out.len - 4, "ADR ", 4),
					    id, title, date, status, &line_flags)) {
				k = (size_t)(close - line) + 1;
				continue;
			}
			/* the example title of "# ADR {ADR-120}: {Some thing}" */
			if (h1 && (line_flags & 4) && !(line_flags & 1) && !dbl) {
				strbuf_addstr(&out, title);
				line_flags |= 1;
				k = (size_t)(close - line) + 1;
				continue;
			}
			strbuf_addch(&out, *p);
			k++;
		}
		flags |= line_flags & 3;
		if (fm == 2)
			fm = 0;
		i += len;
	}
	strbuf_release(sb);
	*sb = out;
	return flags;
}

/* Offset of the line after the one starting at off. */
static size_t template_next_line(const struct strbuf *sb, size_t off)
{
	const char *nl = memchr(sb->buf + off, '\n', sb->len - off);
	return nl ? (size_t)(nl - sb->buf) + 1 : sb->len;
}

/* Replace the line at [off, end of line) with text. */
static void template_set_line(struct strbuf *sb, size_t off, const char *text)
{
	struct strbuf out = STRBUF_INIT;
	size_t next = template_next_line(sb, off);
	int nl = next > off && sb->buf[next - 1] == '\n';

	strbuf_add(&out, sb->buf, off);
	strbuf_addstr(&out, text);
	if (nl)
		strbuf_addch(&out, '\n');
	strbuf_add(&out, sb->buf + next, sb->len - next);
	strbuf_release(sb);
	*sb = out;
}

/*
 * Offset of the body: after YAML front matter ("---" first line to the next
 * "---" or "..."), 0 when there is none.  *fm_end receives the offset of
 * the closing line.
 */
static size_t template_body(const struct strbuf *sb, size_t *fm_end)
{
	*fm_end = 0;
	if (strncmp(sb->buf, "---\n", 4))
		return 0;
	for (size_t off = 4; off < sb->len; off = template_next_line(sb, off)) {
		if (!strncmp(sb->buf + off, "---", 3) || !strncmp(sb->buf + off, "...", 3)) {
			*fm_end = off;
			return template_next_line(sb, off);
		}
	}
	return 0;
}

/* Set "key: value" in the front matter; 1 when the key was there. */
static int template_set_field(struct strbuf *sb, const char *key, const char *value)
{
	struct strbuf line = STRBUF_INIT;
	size_t fm_end, klen = strlen(key);

	template_body(sb, &fm_end);
	for (size_t off = 4; off < fm_end; off = template_next_line(sb, off)) {
		if (!strncasecmp(sb->buf + off, key, klen) && sb->buf[off + klen] == ':') {
			strbuf_addf(&line, "%s: %s", key, value);
			template_set_line(sb, off, line.buf);
			strbuf_release(&line);
			return 1;
		}
	}
	return 0;
}

/* Set the status under the body's Status heading (any level). */
static void template_set_status(struct strbuf *sb, const char *status)
{
	size_t fm_end;

	for (size_t off = template_body(sb, &fm_end); off < sb->len;
	     off = template_next_line(sb, off)) {
		const char *p = sb->buf + off;
		size_t h = 0;
		while (p[h] == '#')
			h++;
		if (h && !strncasecmp(p + h, " status", 7) &&
		    (p[h + 7] == '\n' || p[h + 7] == ' ' || p[h + 7] == '\0')) {
			size_t o = template_next_line(sb, off);
			while (o < sb->len && sb->buf[o] == '\n')
				o++;
			if (o < sb->len && sb->buf[o] != '#')
				template_set_line(sb, o, status);
			return;
		}
	}
}

void template_fill(struct strbuf *out, const char *tmpl, const char *id,
		   const char *title, const char *date, const char *status)
{
	struct strbuf sb = STRBUF_INIT, line = STRBUF_INIT;
	size_t fm_end, body;
	int titled, statused, flags;

	strbuf_addstr(&sb, tmpl);
	flags = template_placeholders(&sb, id, title, date, status);
	template_replace(&sb, "NUMBER", "{{number}}", id);
	template_replace(&sb, "DATE", "{{date}}", date);
	statused = template_replace(&sb, "STATUS", "{{status}}", status) || (flags & 2);
	titled = template_replace(&sb, "TITLE", "{{title}}", title) || (flags & 1);
	/* MADR style front matter: "status: {proposed | ...}", "date: {...}" */
	template_set_field(&sb, "date", date);
	if (!statused)
		statused = template_set_field(&sb, "status", status);
	template_replace(&sb, "YYYY-MM-DD", "{{ date }}", date);
	body = template_body(&sb, &fm_end);
	if (!titled) {
		for (size_t off = body; off < sb.len; off = template_next_line(&sb, off)) {
			if (!strncmp(sb.buf + off, "# ", 2)) {
				/* MADR (front matter) keeps numbers out of headings */
				if (fm_end)
					strbuf_addf(&line, "# %s", title);
				else
					strbuf_addf(&line, "# %s. %s", id, title);
				template_set_line(&sb, off, line.buf);
				titled = 1;
				break;
			}
		}
		if (!titled) {
			strbuf_reset(&line);
			strbuf_add(&line, sb.buf, body);
			strbuf_addf(&line, "# %s. %s\n\n", id, title);
			strbuf_add(&line, sb.buf + body, sb.len - body);
			strbuf_release(&sb);
			sb = line;
			strbuf_init(&line, 0);
		}
	}
	if (!statused)
		template_set_status(&sb, status);
	strbuf_addbuf(out, &sb);
	strbuf_release(&sb);
	strbuf_release(&line);
}

/*
 * The first numeric part of an id ("17-1" -> "17"), leading zeros dropped,
 * as a string: ids are any number of digits ("18446744073709551616" is a
 * legal file name), so they are compared and counted as decimal text,
 * never squeezed into an integer that wraps.
 */
static void template_id_num(struct strbuf *out, const char *id)
{
	size_t n = strspn(id, "0123456789"), z = 0;

	while (z + 1 < n && id[z] == '0')
		z++;
	strbuf_reset(out);
	strbuf_add(out, id + z, n - z);
}

/* Decimal strings without leading zeros: longer is larger, then bytes. */
static int template_num_cmp(const struct strbuf *a, const struct strbuf *b)
{
	if (a->len != b->len)
		return a->len < b->len ? -1 : 1;
	return memcmp(a->buf, b->buf, a->len);
}

/* n + 1 in decimal ("" counts as 0, so the first id is "1"). */
static void template_num_inc(struct strbuf *n)
{
	size_t i = n->len;

	while (i > 0 && n->buf[i - 1] == '9')
		n->buf[--i] = '0';
	if (i > 0) {
		n->buf[i - 1]++;
	} else {
		struct strbuf one = STRBUF_INIT;
		strbuf_addch(&one, '1');
		strbuf_addbuf(&one, n);
		strbuf_release(n);
		*n = one;
	}
}

/* Take id as the highest so far when it is; *like gets path. */
static void template_consider(struct strbuf *max, int *any, char **like, const char *id,
			      const char *path)
{
	struct strbuf n = STRBUF_INIT;

	template_id_num(&n, id);
	if (!*any || template_num_cmp(&n, max) > 0) {
		strbuf_reset(max);
		strbuf_addbuf(max, &n);
		free(*like);
		*like = xstrdup(path);
	}
	*any = 1;
	strbuf_release(&n);
}

int template_next_id(char **id, char **like, struct repo *repo,
		     const struct strvec *dirs)
{
	struct adr_db *db = adr_db_new();
	const char *wd = change_workdir(repo);
	struct strbuf max = STRBUF_INIT, sb = STRBUF_INIT;
	int any = 0, rc = -1;

	*id = NULL;
	*like = NULL;
	if (!change_head_unborn(repo) &&
	    discover_load(db, repo, "HEAD", dirs, 1) < 0)
		goto done;
	for (size_t i = 0; i < db->nr; i++)
		template_consider(&max, &any, like, db->adrs[i]->id, db->adrs[i]->path);
	/* drafts in the work tree that are not committed yet */
	for (size_t d = 0; wd && d < dirs->nr; d++) {
		DIR *dir;
		struct dirent *e;
		int dirfd, r;

		/* the folder as it is, never through a link (file.h) */
		if ((r = file_dir_under(&dirfd, wd, dirs->v[d], 0)) < 0)
			goto done;
		if (r > 0)
			continue;
		if (!(dir = fdopendir(dirfd))) {
			close(dirfd);
			continue;
		}
		while ((e = readdir(dir))) {
			char *fid;
			if (!adrid_has_adr_ext(e->d_name) || adrid_is_excluded(e->d_name))
				continue;
			if (!(fid = adrid_from_name(e->d_name)))
				continue;
			strbuf_reset(&sb);
			strbuf_addf(&sb, "%s%s%s", dirs->v[d], *dirs->v[d] ? "/" : "", e->d_name);
			template_consider(&max, &any, like, fid, sb.buf);
			free(fid);
		}
		closedir(dir);
	}
	template_num_inc(&max);
	*id = strbuf_detach(&max, NULL);
	rc = 0;
done:
	if (rc < 0) {
		free(*like);
		*like = NULL;
	}
	adr_db_free(db);
	strbuf_release(&max);
	strbuf_release(&sb);
	return rc;
}

/* A template larger than this is no template (and never read whole). */
#define TEMPLATE_MAX (1024 * 1024)

/*
 * The template at path in HEAD's tree, only as a regular blob: a committed
 * symbolic link's blob is the link's target text, not a template.
 * 0, 1 when there is none, -1 on error.
 */
static int template_from_head(struct strbuf *out, struct repo *repo, git_tree *tree,
			      const char *path)
{
	git_tree_entry *e = NULL;
	git_filemode_t mode;
	int rc = 1;

	if (git_tree_entry_bypath(&e, tree, path) < 0)
		return 1;
	mode = git_tree_entry_filemode(e);
	if (mode == GIT_FILEMODE_BLOB || mode == GIT_FILEMODE_BLOB_EXECUTABLE)
		rc = repo_read_blob(out, repo, git_tree_entry_id(e), TEMPLATE_MAX) < 0 ? -1 : 0;
	git_tree_entry_free(e);
	return rc;
}

/*
 * The template text: <dir>/template.md (or adr-template.md, the MADR
 * name, 0000-template.md, templates/...) in the work tree, then at HEAD;
 * else the built-in one.  The work tree comes first so that an edit to the
 * template is used before it is committed (as uncommitted drafts count for
 * the next id); but only a regular file reached without a symbolic link
 * (file_read_under, ADR 0020), so a committed link to ~/.ssh/id_ed25519
 * is never copied into a new ADR.  A refused one is named in a warning.
 */
static void template_text(struct strbuf *out, struct repo *repo, const char *dir)
{
	static const char *const names[] = {
		"template.md", "adr-template.md", "0000-template.md",
		"templates/template.md", "templates/adr-template.md", NULL
	};
	const char *wd = change_workdir(repo);
	struct strbuf path = STRBUF_INIT;
	git_tree *tree = NULL;

	for (const char *const *n = names; *n; n++) {
		int rc;

		strbuf_reset(&path);
		strbuf_addf(&path, "%s%s%s", dir, *dir ? "/" : "", *n);
		rc = file_read_under(out, wd, path.buf, TEMPLATE_MAX);
		if (rc == 0) {
			strbuf_release(&path);
			return;
		}
		if (rc < 0) {
			warning("%s; not used as the template", error_last());
			strbuf_reset(out);
		}
	}
	if (!change_head_unborn(repo) && repo_tree(&tree, repo, "HEAD") == 0) {
		for (const char *const *n = names; *n; n++) {
			strbuf_reset(&path);
			strbuf_addf(&path, "%s%s%s", dir, *dir ? "/" : "", *n);
			if (template_from_head(out, repo, tree, path.buf) == 0) {
				git_tree_free(tree);
				strbuf_release(&path);
				return;
			}
			strbuf_reset(out);
		}
	}
	error_clear();
	git_tree_free(tree);
	strbuf_release(&path);
	strbuf_addstr(out, template_nygard);
}

int template_new_adr(char **path, char **id, struct repo *repo,
		     const struct strvec *cli_dirs, const char *title,
		     const char *status)
{
	struct strvec dirs = STRVEC_INIT;
	struct strbuf rel = STRBUF_INIT, text = STRBUF_INIT;
	struct strbuf tmpl = STRBUF_INIT;
	const char *wd = change_workdir(repo);
	git_tree *tree = NULL;
	char *like = NULL, *name = NULL, date[16];
	time_t now = time(NULL);
	int rc = -1;

	*path = *id = NULL;
	if (!wd)
		return error_set("the repository has no work tree to write to");
	if (change_base_tree(&tree, repo) < 0 ||
	    discover_dirs(&dirs, NULL, repo, tree, cli_dirs) < 0)
		goto done;
	if (!dirs.nr)
		strvec_push(&dirs, "docs/adr");
	if (template_next_id(id, &like, repo, &dirs) < 0)
		goto done;
	strftime(date, sizeof(date), "%Y-%m-%d", localtime(&now));
	name = template_file_name(like, *id, title);
	strbuf_addf(&rel, "%s%s%s", dirs.v[0], *dirs.v[0] ? "/" : "", name);
	template_text(&tmpl, repo, dirs.v[0]);
	template_fill(&text, tmpl.buf, *id, title, date, status);
	/* its folders made and the file created without following a link */
	if (file_create_under(wd, rel.buf, text.buf, text.len) < 0)
		goto done;
	*path = strbuf_detach(&rel, NULL);
	rc = 0;
done:
	if (rc < 0) {
		free(*id);
		*id = NULL;
	}
	git_tree_free(tree);
	free(like);
	free(name);
	strvec_clear(&dirs);
	strbuf_release(&rel);
	strbuf_release(&text);
	strbuf_release(&tmpl);
	return rc;
}
