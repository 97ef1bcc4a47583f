/*
 * cmd: helpers shared by the cmd_* files: the output format and color of
 * a run, computed the same way for every command.
 */
#include "cmd_util.h"

#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "discover.h"
#include "history.h"
#include "pager.h"
#include "repo.h"
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
	rc->links = NULL;
	rc->repo_name = NULL;
	rc->pages = NULL;
}

int cmd_history(struct adr_db **out, const struct cmd_ctx *ctx,
		struct history_opts *ho)
{
	ho->cli_dirs = &ctx->opts->adr_dirs;
	ho->no_cache = ctx->opts->no_cache;
	if (history_load(out, ctx->repo, ho) < 0) {
		error_print();
		return -1;
	}
	return 0;
}

int cmd_discover(struct adr_db **out, const struct cmd_ctx *ctx, const char *rev)
{
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
