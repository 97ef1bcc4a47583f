/*
 * main: adr-log's entry point.  Parses the global options, looks the
 * command up in the one command table, opens the repository for commands
 * that need it, runs the command and checks that stdout was really written
 * (a full disk is an error, as in git's run_builtin).
 */
#include <git2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd.h"
#include "config.h"
#include "error.h"
#include "opt.h"
#include "pager.h"
#include "repo.h"

static const struct cmd commands[] = {
	{ "timeline", cmd_timeline, CMD_NEEDS_REPO | CMD_USE_PAGER,
	  "status changes of every ADR, oldest first (default)" },
	{ "list", cmd_list, CMD_NEEDS_REPO | CMD_USE_PAGER,
	  "the ADRs at a revision: id, title, status, date, path" },
	{ "show", cmd_show, CMD_NEEDS_REPO | CMD_USE_PAGER,
	  "one ADR: metadata, status history, links, commits" },
	{ "links", cmd_links, CMD_NEEDS_REPO | CMD_USE_PAGER,
	  "commits that reference ADRs" },
	{ "release-notes", cmd_release_notes, CMD_NEEDS_REPO,
	  "decisions whose status changed in a range" },
	{ "check", cmd_check, CMD_NEEDS_REPO,
	  "lint ADRs, their links, index and commit references" },
	{ "index", cmd_index, CMD_NEEDS_REPO,
	  "print or write the ADR index table" },
	{ "new", cmd_new, CMD_NEEDS_REPO, "start a new ADR from the template" },
	{ "site", cmd_site, CMD_NEEDS_REPO,
	  "write a static, searchable site of the decisions" },
	{ "hooks", cmd_hooks, CMD_NEEDS_REPO,
	  "install, uninstall or inspect the git hooks" },
	{ "hook", cmd_hook, 0, "entry point the installed hooks call" },
};

static const char global_usage[] =
	"adr-log [-C PATH] [--adr-dir PATH]... [--format FMT] [--color WHEN] "
	"[--no-cache] [--no-pager] [COMMAND] [ARGS]";

static void main_commands(FILE *out)
{
	fputs("\ncommands:\n", out);
	for (size_t i = 0; i < sizeof(commands) / sizeof(*commands); i++)
		fprintf(out, "    %-14s %s\n", commands[i].name, commands[i].summary);
	fputs("\n'adr-log COMMAND --help' describes one command.\n", out);
}

static const struct cmd *main_find(const char *name)
{
	for (size_t i = 0; i < sizeof(commands) / sizeof(*commands); i++)
		if (!strcmp(commands[i].name, name))
			return &commands[i];
	return NULL;
}

/* A write error on stdout (ENOSPC, EIO, closed pipe) makes the run fail. */
static int main_close_stdout(void)
{
	if (fflush(stdout) || ferror(stdout) || fclose(stdout)) {
		error_report("cannot write output: %s", "write error");
		return ADR_EXIT_USAGE;
	}
	return 0;
}

/*
 * Arm the pager for a paging command (git's order: GIT_PAGER, core.pager,
 * PAGER, less).  It starts only when output is rendered, only on a
 * terminal and not with --no-pager (which may follow the command's name,
 * so cmd_render_ctx() checks it).
 */
static void main_setup_pager(const struct cmd_ctx *ctx)
{
	char *core = NULL;

	if (ctx->opts->no_pager || !isatty(STDOUT_FILENO))
		return;
	if (ctx->repo && config_get_git(&core, ctx->repo, "core.pager") < 0)
		error_clear();
	pager_prepare(core);
	free(core);
}

int main(int argc, char **argv)
{
	static struct global_opts g;
	int version = 0, rc;
	const char **av = (const char **)argv;
	const struct cmd *cmd;
	struct cmd_ctx ctx = { &g, NULL };
	static const char *default_argv[] = { "timeline", NULL };
	const struct opt opts[] = {
		OPT_STRING('C', NULL, &g.chdir, "PATH", "run as if started in PATH"),
		OPT_GLOBALS(&g),
		OPT_BOOL(0, "version", &version, "print the version"),
		OPT_END
	};

	rc = opt_parse(argc, av, opts, global_usage, OPT_STOP_AT_NON_OPTION);
	if (rc == OPT_HELP) {
		main_commands(stdout);
		return main_close_stdout();
	}
	if (rc < 0)
		return ADR_EXIT_USAGE;
	if (version) {
		printf("adr-log version %s\n", ADRLOG_VERSION);
		return main_close_stdout();
	}
	if (rc == 0) {
		av = default_argv;
		rc = 1;
	}
	if (!strcmp(av[0], "help")) {
		if (rc > 1 && (cmd = main_find(av[1]))) {
			const char *help_argv[] = { cmd->name, "--help", NULL };
			return cmd->fn(2, help_argv, &ctx) ? ADR_EXIT_USAGE : main_close_stdout();
		}
		opt_usage(stdout, global_usage, opts);
		main_commands(stdout);
		return main_close_stdout();
	}
	cmd = main_find(av[0]);
	if (!cmd) {
		error_report("'%s' is not a command; see 'adr-log --help'", av[0]);
		return ADR_EXIT_USAGE;
	}

	git_libgit2_init();
	if ((cmd->flags & CMD_NEEDS_REPO) && !(rc > 1 && (!strcmp(av[1], "--help") ||
						  !strcmp(av[1], "-h")))) {
		if (repo_open(&ctx.repo, g.chdir) < 0) {
			error_print();
			git_libgit2_shutdown();
			return ADR_EXIT_USAGE;
		}
	}
	if (cmd->flags & CMD_USE_PAGER)
		main_setup_pager(&ctx);
	rc = cmd->fn(rc, av, &ctx);
	repo_free(ctx.repo);
	strvec_clear(&g.adr_dirs);
	error_clear();
	git_libgit2_shutdown();
	if (main_close_stdout() && rc == 0)
		rc = ADR_EXIT_USAGE;
	pager_finish();
	return rc;
}
