/*
 * hooks_install: writing, checking and removing the hook shims (see
 * hooks_install.h).  The shim texts are hooks/<name> of the source tree,
 * compiled in by scripts/gen-shims (one copy of each), with @ADRLOG@
 * replaced by the installing adr-log's path.
 */
#include "hooks_install.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "error.h"
#include "file.h"
#include "strvec.h"
#include "xalloc.h"

const char *const hooks_names[] = { "prepare-commit-msg", "commit-msg", "pre-push", NULL };

#define HOOKS_MARK "# adr-log-shim "
#define HOOKS_ORIG ".adrlog-orig"
#define HOOKS_CREATED ".adrlog-created"

/* shim_prepare_commit_msg, shim_commit_msg, shim_pre_push: hooks/<name>,
 * made into C strings by scripts/gen-shims at build time */
#include "hooks_shims.h"

int hooks_shim_text(struct strbuf *out, const char *name, const char *self)
{
	const char *t, *at;

	if (!strcmp(name, "prepare-commit-msg"))
		t = shim_prepare_commit_msg;
	else if (!strcmp(name, "commit-msg"))
		t = shim_commit_msg;
	else if (!strcmp(name, "pre-push"))
		t = shim_pre_push;
	else
		return error_set("'%s': not a hook adr-log installs", name);
	at = strstr(t, "@ADRLOG@");
	strbuf_add(out, t, (size_t)(at - t));
	if (!self)
		self = "adr-log";
	/* the path goes between single quotes: escape those it holds */
	for (const char *p = self; *p; p++) {
		if (*p == '\'')
			strbuf_addstr(out, "'\\''");
		else
			strbuf_addch(out, *p);
	}
	strbuf_addstr(out, at + 8);
	return 0;
}

char *hooks_self_path(void)
{
	char *p = realpath("/proc/self/exe", NULL);
	char *r;

	if (!p)
		return NULL;
	r = xstrdup(p);
	free(p);
	return r;
}

/* Read at most max bytes of path into out; -1 when it cannot be read. */
static int hooks_read(struct strbuf *out, const char *path, size_t max)
{
	char buf[4096];
	size_t r;
	FILE *f = fopen(path, "rb");

	if (!f)
		return -1;
	while ((r = fread(buf, 1, sizeof(buf), f)) > 0) {
		strbuf_add(out, buf, r);
		if (max && out->len >= max)
			break;
	}
	fclose(f);
	return 0;
}

static int hooks_exists(const char *path)
{
	struct stat st;

	return lstat(path, &st) == 0;
}

/* Is the file at path one of our shims? */
static int hooks_is_ours(const char *path)
{
	struct strbuf sb = STRBUF_INIT;
	int ours = 0;
	struct stat st;

	if (lstat(path, &st) == 0 && S_ISREG(st.st_mode) && hooks_read(&sb, path, 8192) == 0)
		ours = strstr(sb.buf, "\n" HOOKS_MARK) != NULL;
	strbuf_release(&sb);
	return ours;
}

/* Same bytes and mode? */
static int hooks_same_file(const char *a, const char *b)
{
	struct strbuf x = STRBUF_INIT, y = STRBUF_INIT;
	struct stat sa, sb;
	int same;

	same = lstat(a, &sa) == 0 && lstat(b, &sb) == 0 && S_ISREG(sa.st_mode) &&
	       S_ISREG(sb.st_mode) && sa.st_mode == sb.st_mode &&
	       hooks_read(&x, a, 0) == 0 && hooks_read(&y, b, 0) == 0 &&
	       x.len == y.len && !memcmp(x.buf, y.buf, x.len);
	strbuf_release(&x);
	strbuf_release(&y);
	return same;
}

/*
 * Create dir and missing parents; the ones created are listed in
 * dir/.adrlog-created (deepest last) so uninstall can remove them again.
 */
static int hooks_mkdirs(const char *dir)
{
	struct strvec made = STRVEC_INIT;
	struct strbuf list = STRBUF_INIT, marker = STRBUF_INIT;
	char *p = xstrdup(dir);
	int rc = 0;

	for (char *s = strchr(p + 1, '/');; s = strchr(s + 1, '/')) {
		if (s)
			*s = '\0';
		if (mkdir(p, 0777) == 0) {
			strvec_push(&made, p);
		} else if (errno != EEXIST) {
			rc = error_set("cannot create folder '%s': %s", p, strerror(errno));
			break;
		}
		if (!s)
			break;
		*s = '/';
	}
	if (rc == 0 && made.nr) {
		for (size_t i = 0; i < made.nr; i++)
			strbuf_addf(&list, "%s\n", made.v[i]);
		strbuf_addf(&marker, "%s/" HOOKS_CREATED, dir);
		rc = file_write_atomic(marker.buf, list.buf, list.len, 0755);
	}
	strvec_clear(&made);
	strbuf_release(&list);
	strbuf_release(&marker);
	free(p);
	return rc;
}

int hooks_install(const char *dir, const char *self, int *changed, int *edited)
{
	struct strbuf path = STRBUF_INIT, orig = STRBUF_INIT;
	struct strbuf want = STRBUF_INIT, have = STRBUF_INIT;
	struct stat st;
	int rc = 0;

	*changed = *edited = 0;
	if (stat(dir, &st) < 0 && hooks_mkdirs(dir) < 0)
		return -1;
	for (const char *const *n = hooks_names; *n && rc == 0; n++) {
		strbuf_reset(&path);
		strbuf_reset(&orig);
		strbuf_reset(&want);
		strbuf_reset(&have);
		strbuf_addf(&path, "%s/%s", dir, *n);
		strbuf_addf(&orig, "%s" HOOKS_ORIG, path.buf);
		hooks_shim_text(&want, *n, self);
		if (hooks_is_ours(path.buf)) {
			if (hooks_shim_state(path.buf, *n, self) == HOOKS_EDITED) {
				(*edited)++;
				continue;	/* the user's edits are theirs: kept */
			}
			if (hooks_read(&have, path.buf, 0) == 0 && have.len == want.len &&
			    !memcmp(have.buf, want.buf, want.len) &&
			    stat(path.buf, &st) == 0 && (st.st_mode & 0777) == 0755)
				continue;	/* installed and current */
		} else if (hooks_exists(path.buf)) {
			if (hooks_exists(orig.buf)) {
				/* a hook manager wrote its hook again over our shim:
				 * the same bytes as the one kept aside can go */
				if (hooks_same_file(path.buf, orig.buf) && unlink(path.buf) == 0)
					goto write;
				rc = error_set("cannot chain '%s': '%s' exists already",
					       path.buf, orig.buf);
				break;
			}
			/* keep the foreign hook as it is: a rename keeps bytes and mode */
			if (rename(path.buf, orig.buf) < 0) {
				rc = error_set("cannot move '%s' aside: %s", path.buf,
					       strerror(errno));
				break;
			}
		}
write:
		if ((rc = file_write_atomic(path.buf, want.buf, want.len, 0755)) == 0)
			(*changed)++;
	}
	strbuf_release(&path);
	strbuf_release(&orig);
	strbuf_release(&want);
	strbuf_release(&have);
	return rc;
}

int hooks_uninstall(const char *dir, int *changed, int *edited)
{
	struct strbuf path = STRBUF_INIT, orig = STRBUF_INIT, list = STRBUF_INIT;
	int rc = 0;

	*changed = *edited = 0;
	for (const char *const *n = hooks_names; *n; n++) {
		strbuf_reset(&path);
		strbuf_reset(&orig);
		strbuf_addf(&path, "%s/%s.old", dir, *n);
		if (hooks_is_ours(path.buf) && unlink(path.buf) == 0)
			(*changed)++;	/* a shim lefthook moved aside */
		strbuf_reset(&path);
		strbuf_addf(&path, "%s/%s", dir, *n);
		strbuf_addf(&orig, "%s" HOOKS_ORIG, path.buf);
		if (!hooks_is_ours(path.buf)) {
			/* a manager (npx husky) wrote its hook over our shim: the
			 * copy kept aside is the same hook and can go; with no hook
			 * left, the kept one goes back */
			if (hooks_exists(orig.buf) && hooks_exists(path.buf) &&
			    hooks_same_file(path.buf, orig.buf) && unlink(orig.buf) == 0)
				(*changed)++;
			else if (hooks_exists(orig.buf) && !hooks_exists(path.buf) &&
				 rename(orig.buf, path.buf) == 0)
				(*changed)++;
			continue;	/* not ours: never touched */
		}
		if (hooks_shim_state(path.buf, *n, NULL) == HOOKS_EDITED) {
			(*edited)++;
			continue;	/* edited by hand: the edits are kept */
		}
		if (unlink(path.buf) < 0) {
			rc = error_set("cannot remove '%s': %s", path.buf, strerror(errno));
			break;
		}
		(*changed)++;
		if (hooks_exists(orig.buf) && rename(orig.buf, path.buf) < 0) {
			rc = error_set("cannot restore '%s': %s", path.buf, strerror(errno));
			break;
		}
	}
	/* folders install created: removed when nothing else is in them */
	strbuf_reset(&path);
	strbuf_addf(&path, "%s/" HOOKS_CREATED, dir);
	if (rc == 0 && hooks_read(&list, path.buf, 0) == 0) {
		unlink(path.buf);
		while (list.len) {
			char *nl;
			strbuf_setlen(&list, list.len - 1);	/* the last '\n' */
			nl = strrchr(list.buf, '\n');
			rmdir(nl ? nl + 1 : list.buf);	/* fails when not empty: fine */
			strbuf_setlen(&list, nl ? (size_t)(nl - list.buf) + 1 : 0);
		}
	}
	strbuf_release(&path);
	strbuf_release(&orig);
	strbuf_release(&list);
	return rc;
}

/* The adr-log path a shim was written for (its adr_log='...' line). */
static char *hooks_shim_path(const char *text)
{
	const char *p = strstr(text, "\nadr_log='");
	struct strbuf sb = STRBUF_INIT;

	if (!p)
		return NULL;
	for (p += 10; *p && *p != '\n'; p++) {
		if (!strncmp(p, "'\\''", 4)) {
			strbuf_addch(&sb, '\'');
			p += 3;
		} else if (*p == '\'') {
			break;
		} else {
			strbuf_addch(&sb, *p);
		}
	}
	return strbuf_detach(&sb, NULL);
}

/* The version in a shim's "# adr-log-shim N" line (0: none). */
static int hooks_shim_version(const char *text)
{
	const char *p = strstr(text, "\n" HOOKS_MARK);

	return p ? atoi(p + 1 + strlen(HOOKS_MARK)) : 0;
}

enum hooks_state hooks_shim_state(const char *path, const char *name, const char *self)
{
	struct strbuf have = STRBUF_INIT, want = STRBUF_INIT, cur = STRBUF_INIT;
	enum hooks_state st = HOOKS_EDITED;
	char *was;

	if (!hooks_is_ours(path))
		return hooks_exists(path) ? HOOKS_FOREIGN : HOOKS_ABSENT;
	hooks_read(&have, path, 0);
	hooks_shim_text(&cur, name, self);
	was = hooks_shim_path(have.buf);
	hooks_shim_text(&want, name, was);
	if (have.len == cur.len && !memcmp(have.buf, cur.buf, cur.len))
		st = HOOKS_CURRENT;
	else if (have.len == want.len && !memcmp(have.buf, want.buf, want.len))
		st = HOOKS_OUTDATED;	/* as written, for another adr-log */
	else if (hooks_shim_version(have.buf) < hooks_shim_version(cur.buf))
		st = HOOKS_OUTDATED;	/* an older shim: install replaces it */
	free(was);
	strbuf_release(&have);
	strbuf_release(&want);
	strbuf_release(&cur);
	return st;
}

int hooks_status(struct hooks_entry *out, const char *dir, const char *self)
{
	struct strbuf path = STRBUF_INIT, want = STRBUF_INIT, have = STRBUF_INIT;
	size_t i = 0;

	for (const char *const *n = hooks_names; *n; n++, i++) {
		strbuf_reset(&path);
		strbuf_reset(&want);
		strbuf_reset(&have);
		strbuf_addf(&path, "%s/%s", dir, *n);
		out[i].name = *n;
		out[i].state = hooks_shim_state(path.buf, *n, self);
		/* lefthook moves a hook it replaces to NAME.old and never runs it */
		strbuf_addstr(&path, ".old");
		out[i].moved_aside = hooks_is_ours(path.buf);
		strbuf_setlen(&path, path.len - 4);
		strbuf_addstr(&path, HOOKS_ORIG);
		out[i].chained = out[i].state != HOOKS_FOREIGN && hooks_exists(path.buf);
	}
	strbuf_release(&path);
	strbuf_release(&want);
	strbuf_release(&have);
	return 0;
}

/*
 * Hook scripts that a team keeps in the repository (Husky's .husky/<hook>,
 * a tracked core.hooksPath folder) get a marked block that calls adr-log
 * by name, found on PATH (Husky puts node_modules/.bin there): never a
 * path of this machine, since the file is committed.
 */
#define HOOKS_BLOCK_MARK "# >>> adr-log ("
#define HOOKS_BLOCK_BEGIN HOOKS_BLOCK_MARK "adr-log hooks uninstall removes this block)\n"
/* the same, when install had to end the last line of the file first */
#define HOOKS_BLOCK_BEGIN_NL HOOKS_BLOCK_MARK "adr-log hooks uninstall removes this block " \
	"and the line break above)\n"
#define HOOKS_BLOCK_END "# <<< adr-log\n"

void hooks_script_block(struct strbuf *out, const char *name)
{
	strbuf_addstr(out, HOOKS_BLOCK_BEGIN);
	strbuf_addf(out, "if command -v adr-log >/dev/null 2>&1; then\n"
		    "\tadr-log hook %s \"$@\"\n"
		    "else\n"
		    "\techo \"adr-log: warning: adr-log not found; %s check skipped\" >&2\n"
		    "fi\n", name, name);
	strbuf_addstr(out, HOOKS_BLOCK_END);
}

int hooks_script_runs_adrlog(const char *path, const char *name)
{
	struct strbuf sb = STRBUF_INIT, want = STRBUF_INIT;
	int runs;

	strbuf_addf(&want, "adr-log hook %s", name);
	runs = hooks_read(&sb, path, 0) == 0 && strstr(sb.buf, want.buf) != NULL;
	strbuf_release(&sb);
	strbuf_release(&want);
	return runs;
}

int hooks_script_add(const char *path, const char *name, int *changed)
{
	struct strbuf block = STRBUF_INIT;
	int rc;

	hooks_script_block(&block, name);
	rc = hooks_block_add(path, block.buf, changed);
	strbuf_release(&block);
	return rc;
}

int hooks_block_add(const char *path, const char *block, int *changed)
{
	struct strbuf sb = STRBUF_INIT, body = STRBUF_INIT;
	int rc = 0, existed = hooks_exists(path), nl = 0;

	if (existed && hooks_read(&sb, path, 0) < 0)
		return error_set("cannot read '%s': %s", path, strerror(errno));
	if (strstr(sb.buf, HOOKS_BLOCK_MARK)) {
		strbuf_release(&sb);
		return 0;	/* there already */
	}
	/* the body, without markers a printed block carries */
	if (!strncmp(block, HOOKS_BLOCK_BEGIN, strlen(HOOKS_BLOCK_BEGIN)))
		block += strlen(HOOKS_BLOCK_BEGIN);
	strbuf_addstr(&body, block);
	if (body.len >= strlen(HOOKS_BLOCK_END) &&
	    !strcmp(body.buf + body.len - strlen(HOOKS_BLOCK_END), HOOKS_BLOCK_END))
		strbuf_setlen(&body, body.len - strlen(HOOKS_BLOCK_END));
	if (sb.len && sb.buf[sb.len - 1] != '\n') {
		strbuf_addch(&sb, '\n');
		nl = 1;
	}
	strbuf_addstr(&sb, nl ? HOOKS_BLOCK_BEGIN_NL : HOOKS_BLOCK_BEGIN);
	strbuf_addbuf(&sb, &body);
	strbuf_addstr(&sb, HOOKS_BLOCK_END);
	rc = file_write_atomic(path, sb.buf, sb.len, existed ? FILE_MODE_KEEP : 0755);
	if (rc == 0)
		(*changed)++;
	strbuf_release(&sb);
	strbuf_release(&body);
	return rc;
}

int hooks_script_remove(const char *path, int *changed)
{
	struct strbuf sb = STRBUF_INIT, out = STRBUF_INIT;
	char *b, *e;
	int rc = 0;

	if (hooks_read(&sb, path, 0) < 0 || !(b = strstr(sb.buf, HOOKS_BLOCK_MARK)) ||
	    !(e = strstr(b, HOOKS_BLOCK_END))) {
		strbuf_release(&sb);
		return 0;
	}
	strbuf_add(&out, sb.buf, (size_t)(b - sb.buf));
	/* the line break install added before the block goes too */
	if (!strncmp(b, HOOKS_BLOCK_BEGIN_NL, strlen(HOOKS_BLOCK_BEGIN_NL)) && out.len &&
	    out.buf[out.len - 1] == '\n')
		strbuf_setlen(&out, out.len - 1);
	strbuf_addstr(&out, e + strlen(HOOKS_BLOCK_END));
	if (!out.len) {
		/* install created the file for the block alone */
		if (unlink(path) < 0)
			rc = error_set("cannot remove '%s': %s", path, strerror(errno));
	} else {
		rc = file_write_atomic(path, out.buf, out.len, FILE_MODE_KEEP);
	}
	if (rc == 0)
		(*changed)++;
	strbuf_release(&sb);
	strbuf_release(&out);
	return rc;
}

void hooks_lefthook_snippet(struct strbuf *out)
{
	strbuf_addstr(out,
		"prepare-commit-msg:\n"
		"  jobs:\n"
		"    - name: adr-log\n"
		"      run: adr-log hook prepare-commit-msg {1} {2} {3}\n"
		"commit-msg:\n"
		"  jobs:\n"
		"    - name: adr-log\n"
		"      run: adr-log hook commit-msg {1}\n"
		"      # the prompt needs the terminal, not lefthook's buffered output\n"
		"      interactive: true\n"
		"pre-push:\n"
		"  jobs:\n"
		"    - name: adr-log\n"
		"      run: adr-log hook pre-push {1} {2}\n"
		"      # the pushed refs come on stdin (no prompt: warn or block)\n"
		"      use_stdin: true\n");
}

void hooks_precommit_snippet(struct strbuf *out)
{
	strbuf_addstr(out,
		"  - repo: local\n"
		"    hooks:\n"
		"      - id: adr-log-commit-msg\n"
		"        name: adr-log (large changes name their ADR)\n"
		"        entry: adr-log hook commit-msg\n"
		"        language: system\n"
		"        stages: [commit-msg]\n"
		"        always_run: true\n"
		"        verbose: true\n"
		"      - id: adr-log-prepare-commit-msg\n"
		"        name: adr-log (a hint for large changes)\n"
		"        entry: adr-log hook prepare-commit-msg\n"
		"        language: system\n"
		"        stages: [prepare-commit-msg]\n"
		"        always_run: true\n"
		"      - id: adr-log-pre-push\n"
		"        name: adr-log (pushed commits name their ADR)\n"
		"        entry: adr-log hook pre-push\n"
		"        language: system\n"
		"        stages: [push]\n"
		"        pass_filenames: false\n"
		"        always_run: true\n"
		"        verbose: true\n");
}

/* Is a line of text at column 0 (not a comment) equal to key? */
static int hooks_yaml_has_key(const char *text, const char *key)
{
	size_t n = strlen(key);

	for (const char *p = text; p && *p; p = strchr(p, '\n'), p = p ? p + 1 : NULL)
		if (!strncmp(p, key, n) && (p[n] == ':'))
			return 1;
	return 0;
}

int hooks_lefthook_config_block(struct strbuf *out, const char *path)
{
	struct strbuf sb = STRBUF_INIT;
	size_t n = strlen(path);
	int rc = 0;

	if (!(n > 4 && !strcmp(path + n - 4, ".yml")) &&
	    !(n > 5 && !strcmp(path + n - 5, ".yaml")))
		return error_set("'%s': only a YAML lefthook config is written "
				 "(add the lines yourself)", path);
	if (hooks_read(&sb, path, 0) < 0)
		return error_set("cannot read '%s': %s", path, strerror(errno));
	for (const char *const *h = hooks_names; *h && rc == 0; h++)
		if (hooks_yaml_has_key(sb.buf, *h))
			rc = error_set("'%s' configures %s already: add the adr-log job "
				       "to it yourself (adr-log hooks install prints it)",
				       path, *h);
	if (rc == 0)
		hooks_lefthook_snippet(out);
	strbuf_release(&sb);
	return rc;
}

int hooks_precommit_config_block(struct strbuf *out, const char *path)
{
	struct strbuf sb = STRBUF_INIT, snip = STRBUF_INIT;
	const char *p, *repos = NULL;
	int indent = 2, rc = 0;

	if (hooks_read(&sb, path, 0) < 0)
		return error_set("cannot read '%s': %s", path, strerror(errno));
	/* "repos:" must be the last top-level key, its items a block list:
	 * then new items appended at the end of the file join that list */
	for (p = sb.buf; p && *p; p = strchr(p, '\n'), p = p ? p + 1 : NULL) {
		if (*p == ' ' || *p == '\n' || *p == '#' || *p == '-')
			continue;
		repos = !strncmp(p, "repos:", 6) ? p : NULL;
	}
	if (repos) {
		const char *v = repos + 6;
		while (*v == ' ')
			v++;
		if (*v && *v != '\n' && *v != '#')
			repos = NULL;	/* "repos: [...]": a flow list */
	}
	if (!repos) {
		rc = error_set("'%s': 'repos:' is not the last key with a block list: "
			       "add the entries yourself (adr-log hooks install prints them)",
			       path);
		goto done;
	}
	for (p = strchr(repos, '\n'); p && *++p; p = strchr(p, '\n')) {
		const char *q = p;
		while (*q == ' ')
			q++;
		if (*q == '\n' || *q == '#')
			continue;
		if (*q == '-')
			indent = (int)(q - p);
		break;
	}
	hooks_precommit_snippet(&snip);
	/* the snippet's items are at column 2: move them to the file's */
	for (p = snip.buf; *p;) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) + 1 : strlen(p);
		for (int i = 0; i < indent; i++)
			strbuf_addch(out, ' ');
		strbuf_add(out, p + 2, len - 2);
		p += len;
	}
done:
	strbuf_release(&snip);
	strbuf_release(&sb);
	return rc;
}
