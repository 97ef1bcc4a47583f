/*
 * hook: when a change is large and when it is covered (SPEC section 6),
 * the ADRs to offer for it, and safe edits of commit message files.  The
 * git look-ups are change.c's; the terminal dialogue is prompt.c's; the
 * order of a hook run is cmd_hook.c's.
 */
#include "hook.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "adrid.h"
#include "config.h"
#include "discover.h"
#include "error.h"
#include "mention.h"
#include "parse.h"
#include "utf8.h"
#include "xalloc.h"

const char *const hook_default_ignore[] = {
	/* lock files */
	"*.lock", "*.lockb", "package-lock.json", "npm-shrinkwrap.json",
	"pnpm-lock.yaml", "go.sum", "packages.lock.json", "gradle.lockfile",
	/* vendored code */
	"vendor/", "third_party/", "third-party/", "node_modules/",
	/* generated files */
	"*.min.js", "*.min.css", "*.map", "*.pb.go", "*_pb2.py", "*_pb2_grpc.py",
	"*.pb.h", "*.pb.cc", "*.generated.*", "*.g.dart", "*_generated.go",
	"generated/", "__generated__/", "__snapshots__/",
	NULL
};

int hook_mode_parse(const char *s, enum hook_mode *out)
{
	if (!strcasecmp(s, "prompt"))
		*out = HOOK_MODE_PROMPT;
	else if (!strcasecmp(s, "warn"))
		*out = HOOK_MODE_WARN;
	else if (!strcasecmp(s, "block"))
		*out = HOOK_MODE_BLOCK;
	else
		return -1;
	return 0;
}

int hook_settings_load(struct hook_settings *s, struct repo *repo,
		       const struct strvec *cli_dirs)
{
	struct strvec vals = STRVEC_INIT;
	git_tree *tree = NULL;
	char *mode = NULL;
	int rc = -1;

	memset(s, 0, sizeof(*s));
	s->large_lines = 400;
	s->large_files = 20;
	for (const char *const *g = hook_default_ignore; *g; g++)
		strvec_push(&s->ignore, *g);
	if (change_base_tree(&tree, repo) < 0)
		return -1;
	/* failClosed first: it decides what a failure below means */
	if (config_get_bool(&s->fail_closed, repo, tree, "failClosed", 0) < 0 ||
	    config_get_int(&s->large_lines, repo, tree, "largeLines", 400) < 0 ||
	    config_get_int(&s->large_files, repo, tree, "largeFiles", 20) < 0 ||
	    config_get_all(&vals, repo, tree, "ignore") < 0 ||
	    config_get(&mode, repo, tree, "hookMode") < 0)
		goto done;
	for (size_t i = 0; i < vals.nr; i++) {
		if (!*vals.v[i])
			strvec_clear(&s->ignore);	/* an empty value resets */
		else
			strvec_push(&s->ignore, vals.v[i]);
	}
	if (mode && *mode && hook_mode_parse(mode, &s->mode) < 0) {
		error_set("adrlog.hookMode: '%s' is not prompt, warn or block", mode);
		goto done;
	}
	if (discover_dirs(&s->adr_dirs, NULL, repo, tree, cli_dirs) < 0)
		goto done;
	rc = 0;
done:
	free(mode);
	strvec_clear(&vals);
	git_tree_free(tree);
	return rc;
}

void hook_settings_release(struct hook_settings *s)
{
	strvec_clear(&s->ignore);
	strvec_clear(&s->adr_dirs);
}

int hook_is_large(const struct change *c, const struct hook_settings *s)
{
	return c->lines > (size_t)s->large_lines || c->files > (size_t)s->large_files;
}

/* Does a path mention (full token or a suffix of it) name an ADR of known? */
static int hook_path_names_adr(const char *token, const struct adr_db *known)
{
	for (size_t i = 0; i < known->nr; i++) {
		const struct adr *a = known->adrs[i];
		if (!strcmp(token, a->path) || !strcmp(token, adrid_basename(a->path)))
			return 1;
		for (size_t j = 0; j < a->paths.nr; j++)
			if (!strcmp(token, a->paths.v[j]) ||
			    !strcmp(token, adrid_basename(a->paths.v[j])))
				return 1;
	}
	return 0;
}

enum hook_cover hook_coverage(const char *msg, const struct change *c,
			      const struct adr_db *known)
{
	struct mention_list ml = MENTION_LIST_INIT;
	struct strvec paths = STRVEC_INIT;
	enum hook_cover cover = HOOK_UNCOVERED;

	if (c && c->adr_touched)
		return HOOK_COVERED_EDIT;
	mention_scan_ids(msg, &ml);
	for (size_t i = 0; known && i < ml.nr && !cover; i++)
		if (adr_db_find(known, ml.v[i].id) ||
		    (ml.v[i].base && adr_db_find(known, ml.v[i].base)))
			cover = HOOK_COVERED_REF;
	if (!cover && known) {
		mention_scan_paths(msg, &paths);
		for (size_t i = 0; i < paths.nr && !cover; i++)
			if (hook_path_names_adr(paths.v[i], known))
				cover = HOOK_COVERED_REF;
	}
	if (!cover && ml.none && ml.none_reason) {
		const char *r = ml.none_reason;
		while (*r && (isspace((unsigned char)*r) || *r == '(' || *r == ')'))
			r++;
		if (*r)
			cover = HOOK_COVERED_NONE;
	}
	strvec_clear(&paths);
	mention_list_clear(&ml);
	return cover;
}

int hook_commit_is_uncovered(int *uncovered, struct repo *repo, const char *rev,
			     const struct hook_settings *s, const struct adr_db *known,
			     struct change *change)
{
	struct change_filter f = { &s->ignore, &s->adr_dirs };
	struct change c;
	struct adr_db *db = NULL;
	char *msg = NULL;
	int rc;

	*uncovered = 0;
	if ((rc = change_commit(&c, repo, rev, &f)) < 0)
		return rc;
	if (hook_is_large(&c, s) && !c.adr_touched) {
		if (!(msg = change_message(repo, rev))) {
			rc = -1;
			goto done;
		}
		if (!known) {
			db = adr_db_new();
			if ((rc = discover_load(db, repo, rev, &s->adr_dirs, 1)) < 0)
				goto done;
			known = db;
		}
		*uncovered = hook_coverage(msg, &c, known) ==
			     HOOK_UNCOVERED;
	}
	rc = 0;
done:
	free(msg);
	adr_db_free(db);
	if (change && rc == 0)
		*change = c;
	else
		change_clear(&c);
	return rc;
}

/* Group of a status in the candidate order: open and accepted first. */
static int hook_status_group(enum adr_status st)
{
	switch (st) {
	case ADR_STATUS_DRAFT:
	case ADR_STATUS_PROPOSED:
	case ADR_STATUS_PENDING:
	case ADR_STATUS_ACCEPTED:
		return 2;
	case ADR_STATUS_REJECTED:
	case ADR_STATUS_DEPRECATED:
	case ADR_STATUS_SUPERSEDED:
	case ADR_STATUS_WITHDRAWN:
	case ADR_STATUS_DELETED:
		return 0;
	default:
		return 1;
	}
}

static int hook_candidate_cmp(const void *a, const void *b)
{
	const struct hook_candidate *x = a, *y = b;
	int gx = hook_status_group(x->adr->doc.status);
	int gy = hook_status_group(y->adr->doc.status);

	if (gx != gy)
		return gy - gx;
	if ((x->related > 0) != (y->related > 0))
		return y->related - x->related;
	if (x->related != y->related)
		return y->related - x->related;
	return -adrid_cmp(x->adr->id, y->adr->id);	/* most recent first */
}

/* Distinctive words (4+ letters, lower case) of the changed paths. */
static void hook_path_words(struct strvec *out, const struct change *c)
{
	static const char *const stop[] = {
		"src", "source", "lib", "libs", "test", "tests", "spec", "main",
		"index", "docs", "readme", "json", "yaml", "java", "html", "proto",
		"internal", "common", "utils", "util", "include", "impl", "core",
		"file", "files", "data", "types", NULL
	};
	struct strbuf w = STRBUF_INIT;

	for (size_t i = 0; i < c->nr && i < 64; i++) {
		const char *p = c->v[i].path;
		for (;; p++) {
			if (*p && isalnum((unsigned char)*p)) {
				strbuf_addch(&w, tolower((unsigned char)*p));
				continue;
			}
			if (w.len >= 4) {
				int skip = 0;
				for (const char *const *s = stop; *s; s++)
					if (!strcmp(*s, w.buf))
						skip = 1;
				if (!skip)
					strvec_push_unique(out, w.buf);
			}
			strbuf_reset(&w);
			if (!*p)
				break;
		}
	}
	strbuf_release(&w);
}

int hook_candidates(struct hook_candidate **out, size_t *nr, size_t max,
		    struct repo *repo, const struct adr_db *db, const struct change *c)
{
	struct hook_candidate *v = NULL;
	struct strvec words = STRVEC_INIT;
	struct strbuf text = STRBUF_INIT;
	git_tree *tree = NULL;
	size_t n = 0;

	*out = NULL;
	*nr = 0;
	if (db->nr && change_base_tree(&tree, repo) < 0)
		return -1;
	if (c)
		hook_path_words(&words, c);
	v = xcalloc(db->nr + 1, sizeof(*v));
	for (size_t i = 0; i < db->nr; i++) {
		const struct adr *a = db->adrs[i];
		/* only open or standing decisions are worth following */
		if (a->deleted || (a->doc.status != ADR_STATUS_PROPOSED &&
				   a->doc.status != ADR_STATUS_ACCEPTED))
			continue;
		v[n].adr = a;
		strbuf_reset(&text);
		if (words.nr && repo_read_path_max(&text, repo, tree, a->path,
							 PARSE_MAX_BYTES) == 0) {
			for (size_t k = 0; k < text.len; k++)
				text.buf[k] = (char)tolower((unsigned char)text.buf[k]);
			for (size_t k = 0; k < words.nr; k++)
				if (strstr(text.buf, words.v[k]))
					v[n].related++;
		}
		error_clear();
		n++;
	}
	if (n > 1)
		qsort(v, n, sizeof(*v), hook_candidate_cmp);
	*out = v;
	*nr = n < max ? n : max;
	strbuf_release(&text);
	strvec_clear(&words);
	git_tree_free(tree);
	return 0;
}

/* Length of the line starting at p (up to and including '\n'). */
static size_t hook_line_len(const char *p, const char *end)
{
	const char *nl = memchr(p, '\n', (size_t)(end - p));
	return nl ? (size_t)(nl - p) + 1 : (size_t)(end - p);
}

/* Is the line at p git's scissors line ("# ---...--- >8 ---...---")? */
static int hook_is_scissors(const char *p, size_t len, int cc)
{
	static const char cut[] = " ------------------------ >8 ------------------------";

	return len > sizeof(cut) - 1 && (unsigned char)p[0] == cc &&
	       !strncmp(p + 1, cut, sizeof(cut) - 1);
}

void hook_msg_clean(struct strbuf *out, const char *msg, size_t len, int comment_char)
{
	const char *p = msg, *end = msg + len;

	while (p < end) {
		size_t l = hook_line_len(p, end);
		if (hook_is_scissors(p, l, comment_char))
			break;
		if ((unsigned char)*p != comment_char)
			strbuf_add(out, p, l);
		p += l;
	}
}

static int hook_line_blank(const char *p, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (!isspace((unsigned char)p[i]))
			return 0;
	return 1;
}

/* "Token: value" with a token of letters, digits and '-'. */
static int hook_line_is_trailer(const char *p, size_t len)
{
	size_t i = 0;

	if (!len || !isalnum((unsigned char)p[0]))
		return 0;
	while (i < len && (isalnum((unsigned char)p[i]) || p[i] == '-'))
		i++;
	return i < len && p[i] == ':';
}

void hook_msg_add_trailer(struct strbuf *msg, const char *key, const char *value,
			  int comment_char)
{
	const char *start = msg->buf, *end = msg->buf + msg->len, *p;
	size_t content_end = 0, para_start = 0, first_line_end = 0;
	int in_blank = 1, trailers = 0, others = 0, seen_first = 0;
	struct strbuf line = STRBUF_INIT, out = STRBUF_INIT;

	/* the content ends at its last non-blank, non-comment line */
	for (p = start; p < end;) {
		size_t l = hook_line_len(p, end);
		if (hook_is_scissors(p, l, comment_char))
			break;
		if ((unsigned char)*p != comment_char) {
			if (hook_line_blank(p, l)) {
				in_blank = 1;
			} else {
				if (in_blank)
					para_start = (size_t)(p - start);
				in_blank = 0;
				content_end = (size_t)(p - start) + l;
				if (!seen_first) {
					seen_first = 1;
					first_line_end = content_end;
				}
			}
		}
		p += l;
	}
	strbuf_addf(&line, "%s: %s", key, value);
	/* is the last paragraph (not the subject) a block of trailers? */
	if (seen_first && para_start >= first_line_end) {
		for (p = start + para_start; p < start + content_end;) {
			size_t l = hook_line_len(p, start + content_end);
			size_t ll = l && p[l - 1] == '\n' ? l - 1 : l;
			if ((unsigned char)*p == comment_char)
				;
			else if (hook_line_is_trailer(p, ll)) {
				trailers++;
				if (ll == line.len && !memcmp(p, line.buf, ll)) {
					strbuf_release(&line);
					return;	/* already there */
				}
			} else if (*p != ' ' && *p != '\t')
				others++;
			p += l;
		}
	}
	strbuf_add(&out, start, content_end);
	if (content_end && start[content_end - 1] != '\n')
		strbuf_addch(&out, '\n');
	if (seen_first && !(trailers && !others))
		strbuf_addch(&out, '\n');
	strbuf_addbuf(&out, &line);
	strbuf_addch(&out, '\n');
	strbuf_add(&out, start + content_end, msg->len - content_end);
	strbuf_release(&line);
	strbuf_release(msg);
	*msg = out;
}

void hook_msg_add_hint(struct strbuf *msg, const char *hint, int comment_char)
{
	const char *start = msg->buf, *end = msg->buf + msg->len, *p;
	struct strbuf h = STRBUF_INIT, out = STRBUF_INIT;
	size_t at = msg->len;

	for (p = start; p < end;) {
		size_t l = hook_line_len(p, end);
		if ((unsigned char)*p == comment_char) {
			at = (size_t)(p - start);
			break;
		}
		p += l;
	}
	for (p = hint; *p;) {
		size_t l = hook_line_len(p, p + strlen(p));
		size_t ll = p[l - 1] == '\n' ? l - 1 : l;
		strbuf_addch(&h, comment_char);
		if (ll)
			strbuf_addch(&h, ' ');
		strbuf_add(&h, p, ll);
		strbuf_addch(&h, '\n');
		p += l;
	}
	strbuf_add(&out, start, at);
	if (at && start[at - 1] != '\n')
		strbuf_addch(&out, '\n');
	strbuf_addbuf(&out, &h);
	if (at < msg->len) {
		strbuf_addch(&out, comment_char);
		strbuf_addch(&out, '\n');
	}
	strbuf_add(&out, start + at, msg->len - at);
	strbuf_release(&h);
	strbuf_release(msg);
	*msg = out;
}

void hook_describe_size(struct strbuf *out, const struct change *c,
			const struct hook_settings *s)
{
	strbuf_addf(out, "%zu changed line%s in %zu file%s (limits: %d lines, %d files)",
		    c->lines, c->lines == 1 ? "" : "s", c->files,
		    c->files == 1 ? "" : "s", s->large_lines, s->large_files);
}

void hook_describe_largest(struct strbuf *out, const struct change *c, size_t n)
{
	for (size_t i = 0; i < c->nr && i < n; i++) {
		strbuf_addstr(out, i ? ", " : "");
		utf8_for_terminal(out, c->v[i].path, 0);	/* paths are untrusted */
		strbuf_addf(out, " (%zu)", c->v[i].lines);
	}
	if (c->nr > n)
		strbuf_addf(out, ", and %zu more", c->nr - n);
}

int hook_comment_char_auto(const char *msg, size_t len, int editor)
{
	static const char cands[] = "#;@!$%^&|:";
	const char *end = msg + len, *p, *last = NULL;
	char left[sizeof(cands)];

	if (editor) {
		/* git wrote its comment block (and maybe a scissors line) with
		 * the character it chose: the last comment line tells it */
		for (p = msg; p < end; p += hook_line_len(p, end)) {
			size_t l = hook_line_len(p, end);
			if (strchr(cands, *p) && *p && hook_is_scissors(p, l, (unsigned char)*p))
				return (unsigned char)*p;
			if (!hook_line_blank(p, l))
				last = p;
		}
		return last && *last && strchr(cands, *last) ? (unsigned char)*last : '#';
	}
	/* no editor: git's adjust_comment_line_char over the message itself */
	if (!memchr(msg, '#', len))
		return '#';
	memcpy(left, cands, sizeof(cands));
	for (p = msg; p < end; p += hook_line_len(p, end)) {
		char *c = *p ? strchr(left, *p) : NULL;
		if (c)
			*c = ' ';
	}
	for (p = left; *p == ' '; p++)
		;
	return *p ? (unsigned char)*p : '#';
}

void hook_msg_recorded(struct strbuf *out, const char *msg, size_t len, int strip,
		       int comment_char)
{
	if (strip)
		hook_msg_clean(out, msg, len, comment_char);
	else
		strbuf_add(out, msg, len);
}

void hook_coverage_why(struct strbuf *out, const char *msg, const struct adr_db *known)
{
	struct mention_list ml = MENTION_LIST_INIT;

	mention_scan_ids(msg, &ml);
	for (size_t i = 0; i < ml.nr; i++) {
		if (known && (adr_db_find(known, ml.v[i].id) ||
			      (ml.v[i].base && adr_db_find(known, ml.v[i].base))))
			continue;
		strbuf_addf(out, "  - \"%s\" in the message names no ADR here "
			    "(no ADR has the id %s)\n", ml.v[i].id, ml.v[i].id);
	}
	if (ml.none) {
		const char *r = ml.none_reason ? ml.none_reason : "";
		while (*r && (isspace((unsigned char)*r) || *r == '(' || *r == ')'))
			r++;
		if (!*r)
			strbuf_addstr(out, "  - \"ADR: none\" counts only with a reason: "
				      "\"ADR: none (<reason>)\"\n");
	}
	mention_list_clear(&ml);
}

int hook_text_cites(const char *text, const struct adr_db *known)
{
	struct mention_list ml = MENTION_LIST_INIT;
	struct strvec paths = STRVEC_INIT;
	int cites;

	mention_scan_ids(text, &ml);
	mention_scan_paths(text, &paths);
	/* any id form or ADR-like trailer counts, known or not: a later ADR
	 * could hold the id */
	cites = ml.nr > 0 || ml.none;
	for (size_t i = 0; !cites && known && i < paths.nr; i++)
		cites = hook_path_names_adr(paths.v[i], known);
	strvec_clear(&paths);
	mention_list_clear(&ml);
	return cites;
}
