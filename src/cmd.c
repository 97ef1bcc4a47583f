/*
 * cmd: helpers shared by the cmd_* files: the output format and color of
 * a run, computed the same way for every command.
 */
#include "cmd_util.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "error.h"
#include "discover.h"
#include "forge.h"
#include "history.h"
#include "date.h"
#include "pager.h"
#include "repo.h"
#include "strbuf.h"
#include "term.h"
#include "xalloc.h"

int cmd_format(const struct cmd_ctx *ctx, enum render_format def,
	       enum render_format *out)
{
	const char *c = ctx->opts->color;

	if (c && strcmp(c, "auto") && strcmp(c, "always") && strcmp(c, "never")) {
		error_report("invalid --color '%s': expected auto, always or never", c);
		return -1;
	}
	*out = def;
	if (!ctx->opts->format)
		return 0;
	if (render_format_parse(ctx->opts->format, out) < 0) {
		error_report("unknown --format '%s': expected text, markdown, json, "
			     "mermaid or html", ctx->opts->format);
		return -1;
	}
	return 0;
}

/*
 * The forge links of this run's repository, read once: every command
 * that renders links shares them (a static, as the options are: one
 * repository per run).  A bad template is reported and its links are off.
 */
const struct forge *cmd_forge(const struct cmd_ctx *ctx)
{
	static struct forge forge = FORGE_INIT;
	static int loaded;

	if (!ctx->repo)
		return NULL;
	if (!loaded) {
		loaded = 1;
		if (forge_load(&forge, ctx->repo) < 0)
			error_print();
	}
	return &forge;
}

void cmd_render_ctx(struct render_ctx *rc, const struct cmd_ctx *ctx,
		    const struct adr_db *db)
{
	if (!ctx->opts->no_pager)
		pager_start();	/* armed by main.c for CMD_USE_PAGER commands */
	rc->out = stdout;
	rc->db = db;
	rc->adr = NULL;
	rc->color = term_want_color(ctx->opts->color, stdout);
	rc->all = 0;
	rc->with_commits = 1;
	rc->check = NULL;
	rc->notes = NULL;
	rc->base_dir = NULL;
	rc->repo_name = NULL;
	rc->pages = NULL;
	rc->width = term_width(stdout);
	rc->landed_dates = NULL;
	rc->reverse = 0;
	rc->body = NULL;
	rc->body_raw = 0;
	rc->forge = cmd_forge(ctx);
}

/*
 * The commit record (subject, author, author date) of every commit that
 * landed an event, so that the JSON "commits" map names every commit the
 * document does (SPEC section 5 rev2); the engine records only the
 * commits that made changes or references.
 */
static void cmd_landed_commits(struct adr_db *db, const struct cmd_ctx *ctx)
{
	for (size_t i = 0; i < db->events_nr; i++) {
		const char *sha = db->events[i]->landed;
		git_oid oid;

		if (*sha && git_oid_fromstr(&oid, sha) == 0)
			history_commit_record(db, ctx->repo, &oid, 0);
	}
}

char **cmd_landed_dates(const struct cmd_ctx *ctx, const struct adr_db *db)
{
	char **out = xcalloc(db->events_nr + 1, sizeof(*out));

	for (size_t i = 0; i < db->events_nr; i++) {
		const char *sha = db->events[i]->landed;
		git_commit *gc = NULL;
		git_oid oid;
		const git_signature *c;
		char date[DATE_ISO_MAX];

		if (i && !strcmp(sha, db->events[i - 1]->landed)) {
			out[i] = out[i - 1] ? xstrdup(out[i - 1]) : NULL;
			continue;
		}
		if (!*sha || git_oid_fromstr(&oid, sha) < 0 ||
		    git_commit_lookup(&gc, ctx->repo->git, &oid) < 0) {
			git_error_clear();
			continue;
		}
		c = git_commit_committer(gc);
		date_iso8601(date, (int64_t)c->when.time, c->when.offset);
		out[i] = xstrdup(date);
		git_commit_free(gc);
	}
	return out;
}

void cmd_free_dates(char **dates, size_t nr)
{
	for (size_t i = 0; dates && i < nr; i++)
		free(dates[i]);
	free(dates);
}

char *cmd_repo_path(const struct cmd_ctx *ctx, const char *arg)
{
	const char *top = ctx->repo ? repo_workdir(ctx->repo) : NULL;
	struct strbuf sb = STRBUF_INIT;
	char *cwd = getcwd(NULL, 0);
	size_t n;

	if (top && cwd) {
		size_t tl = strlen(top);
		/* top ends in '/'; the root itself is top without it */
		if (!strncmp(cwd, top, tl))
			strbuf_addf(&sb, "%s/", cwd + tl);
	}
	free(cwd);
	while (!strncmp(arg, "./", 2))
		arg += 2;
	if (!strcmp(arg, "."))
		arg = "";
	strbuf_addstr(&sb, arg);
	n = sb.len;
	while (n && sb.buf[n - 1] == '/')
		n--;
	strbuf_setlen(&sb, n);
	return strbuf_detach(&sb, NULL);
}

/* The slug of a path: its base name without extension and leading id. */
static void cmd_slug(struct strbuf *out, const char *path)
{
	const char *base = strrchr(path, '/'), *dot, *p;

	base = base ? base + 1 : path;
	dot = strrchr(base, '.');
	p = base;
	if (!strncasecmp(p, "adr", 3) && (p[3] == '-' || p[3] == '_'))
		p += 4;
	if (isdigit((unsigned char)*p)) {
		while (isdigit((unsigned char)*p) || (*p == '-' && isdigit((unsigned char)p[1])))
			p++;
		if (*p == '-' || *p == '_')
			p++;
	} else {
		p = base;
	}
	strbuf_reset(out);
	if (dot && dot >= p)
		strbuf_add(out, p, (size_t)(dot - p));
	else if (!dot)
		strbuf_addstr(out, p);
}

/*
 * How well ADR a matches arg: 4 its current path, 3 an earlier path, 2 its
 * current file name or slug, 1 an earlier one's, 0 not at all.
 */
static int cmd_adr_matches(const struct adr *a, const char *arg, const char *rooted)
{
	struct strbuf sb = STRBUF_INIT;
	int m = 0;

	for (size_t i = 0; i < a->paths.nr + 1; i++) {
		const char *p = i < a->paths.nr ? a->paths.v[i] : a->path;
		int current = i == a->paths.nr || (a->path && !strcmp(p, a->path));
		const char *base;
		int here = 0;

		if (!p)
			continue;
		base = strrchr(p, '/');
		base = base ? base + 1 : p;
		cmd_slug(&sb, p);
		if (!strcmp(p, arg) || !strcmp(p, rooted))
			here = current ? 4 : 3;
		else if (!strcmp(base, arg) || (sb.len && !strcasecmp(sb.buf, arg)))
			here = current ? 2 : 1;
		if (here > m)
			m = here;
	}
	strbuf_release(&sb);
	return m;
}

const struct adr *cmd_find_adr(const struct cmd_ctx *ctx, const struct adr_db *db,
			       const char *what, const char *arg)
{
	char *id = history_parse_id(arg), *rooted;
	const struct adr *a = id ? adr_db_find(db, id) : NULL, *found = NULL;
	int best = 0, several = 0, is_id = id != NULL;

	free(id);
	if (a)
		return a;
	if (is_id) {
		error_set("%s: no ADR with id '%s'", what, arg);
		return NULL;
	}
	rooted = cmd_repo_path(ctx, arg);
	for (size_t i = 0; i < db->nr; i++) {
		const struct adr *x = db->adrs[i];
		/* a live ADR wins over a tombstone, a path over a name */
		int m = cmd_adr_matches(x, arg, rooted);

		if (!m)
			continue;
		m = m * 2 + !x->deleted;
		if (m > best) {
			best = m;
			found = x;
			several = 0;
		} else if (m == best && x != found) {
			several = 1;
		}
	}
	free(rooted);
	if (several) {
		error_set("%s: '%s' names several ADRs; give its id or path", what, arg);
		return NULL;
	}
	if (!found)
		error_set("%s: no ADR with id, path or name '%s'", what, arg);
	return found;
}

int cmd_resolve_dirs(const struct cmd_ctx *ctx, const char *rev)
{
	struct strvec dirs = STRVEC_INIT;
	char *note = NULL;

	if (discover_resolve(&dirs, &note, ctx->repo, rev ? rev : "HEAD",
			     &ctx->opts->adr_dirs) < 0) {
		error_print();
		strvec_clear(&dirs);
		return -1;
	}
	if (note)
		fprintf(stderr, "adr-log: note: %s\n", note);
	free(note);
	/* the loads below read exactly these folders */
	strvec_clear(&ctx->opts->adr_dirs);
	for (size_t i = 0; i < dirs.nr; i++)
		strvec_push(&ctx->opts->adr_dirs, *dirs.v[i] ? dirs.v[i] : ".");
	strvec_clear(&dirs);
	return 0;
}

int cmd_history(struct adr_db **out, const struct cmd_ctx *ctx,
		struct history_opts *ho)
{
	if (cmd_resolve_dirs(ctx, ho->tip) < 0)
		return -1;
	ho->cli_dirs = &ctx->opts->adr_dirs;
	ho->no_cache = ctx->opts->no_cache;
	if (history_load(out, ctx->repo, ho) < 0) {
		error_print();
		return -1;
	}
	cmd_landed_commits(*out, ctx);
	return 0;
}

int cmd_discover(struct adr_db **out, const struct cmd_ctx *ctx, const char *rev)
{
	*out = NULL;
	if (cmd_resolve_dirs(ctx, rev) < 0)
		return -1;
	*out = adr_db_new();
	if (discover_load(*out, ctx->repo, rev, &ctx->opts->adr_dirs,
			  !ctx->opts->no_cache) < 0) {
		error_print();
		adr_db_free(*out);
		*out = NULL;
		return -1;
	}
	return 0;
}

char *cmd_repo_name(struct repo *repo)
{
	const char *top = repo_workdir(repo);
	char *path = xstrdup(top ? top : git_repository_path(repo->git));
	size_t n = strlen(path);
	char *slash, *name;

	while (n > 1 && path[n - 1] == '/')
		path[--n] = '\0';
	if (!top && n > 5 && !strcmp(path + n - 5, "/.git"))
		path[n -= 5] = '\0';
	slash = strrchr(path, '/');
	name = xstrdup(slash ? slash + 1 : path);
	free(path);
	return name;
}
