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
#include "discover.h"
#include "error.h"
#include "opt.h"
#include "pager.h"
#include "render.h"
#include "repo.h"

#define F(x) (1u << FMT_##x)
#define F_ALL (F(TEXT) | F(MARKDOWN) | F(JSON) | F(MERMAID) | F(HTML))

static const struct cmd commands[] = {
	{ "timeline", cmd_timeline, CMD_NEEDS_REPO | CMD_USE_PAGER,
	  "status changes of every ADR, oldest first (default)", F_ALL },
	{ "list", cmd_list, CMD_NEEDS_REPO | CMD_USE_PAGER,
	  "the ADRs at a revision: id, title, status, date, path",
	  F(TEXT) | F(MARKDOWN) | F(JSON) },
	{ "show", cmd_show, CMD_NEEDS_REPO | CMD_USE_PAGER,
	  "one ADR: metadata, status history, links, commits", F_ALL },
	{ "links", cmd_links, CMD_NEEDS_REPO | CMD_USE_PAGER,
	  "commits that reference ADRs", F(TEXT) | F(MARKDOWN) | F(JSON) },
	{ "release-notes", cmd_release_notes, CMD_NEEDS_REPO,
	  "decisions whose status changed in a range", F(TEXT) | F(MARKDOWN) | F(JSON) },
	{ "check", cmd_check, CMD_NEEDS_REPO,
	  "lint ADRs, their links, index and commit references", F(TEXT) | F(JSON) },
	{ "index", cmd_index, CMD_NEEDS_REPO,
	  "print or write the ADR index table", F(MARKDOWN) | F(JSON) },
	{ "new", cmd_new, CMD_NEEDS_REPO, "start a new ADR from the template", 0 },
	{ "supersede", cmd_supersede, CMD_NEEDS_REPO,
	  "record that one ADR supersedes another (both files)", 0 },
	{ "link", cmd_link, CMD_NEEDS_REPO,
	  "record Supersedes/Amends links between ADRs (both files)", 0 },
	{ "status", cmd_status, CMD_NEEDS_REPO, "set an ADR's status in its file", 0 },
	/* writes HTML files, never to stdout: no --format */
	{ "site", cmd_site, CMD_NEEDS_REPO,
	  "write a static, searchable site of the decisions", 0 },
	{ "hooks", cmd_hooks, CMD_NEEDS_REPO,
	  "install, uninstall or inspect the git hooks", 0 },
	{ "hook", cmd_hook, 0, "entry point the installed hooks call", 0 },
};

static const char global_usage[] =
	"adr-log [-C PATH] [--adr-dir PATH]... [--format FMT] [--color WHEN] "
	"[--no-cache] [--no-pager] [COMMAND] [ARGS]";

static void main_commands(FILE *out)
{
	fputs("\ncommands:\n", out);
	for (size_t i = 0; i < sizeof(commands) / sizeof(*commands); i++)
		fprintf(out, "    %-14s %s\n", commands[i].name, commands[i].summary);
	fprintf(out, "    %-14s %s\n", "help", "help CMD: the options of one command");
	fputs("\n'adr-log help COMMAND' or 'adr-log COMMAND --help' describes one command;\n"
	      "timeline options work without the command's name: "
	      "adr-log --since 2024-02-01.\n", out);
}

/* The formats of mask as "text, markdown or json" into buf. */
static void main_format_names(char *buf, size_t size, unsigned mask)
{
	size_t n = 0, count = 0, seen = 0;

	buf[0] = '\0';
	for (int f = FMT_TEXT; f <= FMT_HTML; f++)
		count += !!(mask & (1u << f));
	for (int f = FMT_TEXT; f <= FMT_HTML && n < size; f++) {
		if (!(mask & (1u << f)))
			continue;
		seen++;
		n += (size_t)snprintf(buf + n, size - n, "%s%s",
				      seen == 1 ? "" : seen == count ? " or " : ", ",
				      render_format_name((enum render_format)f));
	}
}

/*
 * Check --format against the command before anything else (a bad name is
 * the answer even outside a repository): the global one, and one among
 * the command's own options (the last wins, as opt_parse() does).
 * Returns 0 or prints the error and returns -1.
 */
static int main_check_format(const struct cmd *cmd, const char *global, int argc,
			     const char **argv)
{
	const char *fmt = global;
	enum render_format f;
	char names[64];

	for (int i = 1; i < argc && strcmp(argv[i], "--"); i++) {
		if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h"))
			return 0;
		if (!strcmp(argv[i], "--format") && i + 1 < argc)
			fmt = argv[++i];
		else if (!strncmp(argv[i], "--format=", 9))
			fmt = argv[i] + 9;
	}
	if (!fmt)
		return 0;
	if (render_format_parse(fmt, &f) < 0) {
		error_report("unknown --format '%s': expected text, markdown, json, "
			     "mermaid or html", fmt);
		return -1;
	}
	if (!cmd->formats) {
		error_report("%s: takes no --format", cmd->name);
		return -1;
	}
	if (!(cmd->formats & (1u << f))) {
		main_format_names(names, sizeof(names), cmd->formats);
		error_report("%s: --format %s is not supported (%s)", cmd->name,
			     render_format_name(f), names);
		return -1;
	}
	return 0;
}

/*
 * git log's options without "log": when the first word after the global
 * options is an option main does not know (`adr-log --since 2024-02-01`,
 * `adr-log -n 5`, `adr-log -- docs/adr`), the command is timeline.
 * Returns the index where "timeline" goes, or 0.
 */
static int main_implicit_timeline(int argc, const char **argv, const struct opt *opts)
{
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		const struct opt *o, *hit = NULL;

		if (a[0] != '-' || !a[1])
			return 0;	/* a command's name (or an unknown word) */
		if (!strcmp(a, "--help") || !strcmp(a, "-h"))
			return 0;
		if (!strcmp(a, "--"))
			return i;
		for (o = opts; o->type != OPT_T_END && !hit; o++) {
			size_t n = o->long_name ? strlen(o->long_name) : 0;
			if (a[1] == '-' && n && !strncmp(a + 2, o->long_name, n) &&
			    (!a[2 + n] || a[2 + n] == '='))
				hit = o;
			else if (a[1] == '-' && n && o->type == OPT_T_BOOL &&
				 !strncmp(a + 2, "no-", 3) && !strcmp(a + 5, o->long_name))
				hit = o;
			else if (a[1] != '-' && o->short_name == a[1])
				hit = o;
		}
		if (!hit)
			return cmd_timeline_takes(a) ? i : 0;
		/* skip the value of "--adr-dir PATH" and "-C PATH" */
		if ((hit->type == OPT_T_STRING || hit->type == OPT_T_STRLIST ||
		     hit->type == OPT_T_INT) && !strchr(a, '=') && !(a[1] != '-' && a[2]))
			i++;
	}
	return 0;
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

/*
 * argv with "timeline" inserted, freed at exit: main has many returns, and a
 * function-local static that is only written is optimised away, which
 * LeakSanitizer then reports as a leak.
 */
static const char **main_timeline_argv;

static void main_free_timeline_argv(void)
{
	free(main_timeline_argv);
}

int main(int argc, char **argv)
{
	static struct global_opts g;
	int version = 0, rc, at;
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

	if ((at = main_implicit_timeline(argc, av, opts)) > 0) {
		/* argv with "timeline" inserted before the first timeline option */
		const char **with = calloc((size_t)argc + 2, sizeof(*with));

		if (!with)
			return ADR_EXIT_USAGE;
		main_timeline_argv = with;
		atexit(main_free_timeline_argv);
		memcpy(with, av, (size_t)at * sizeof(*with));
		with[at] = "timeline";
		memcpy(with + at + 1, av + at, (size_t)(argc - at) * sizeof(*with));
		av = with;
		argc++;
	}
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
		if (rc > 1 && (!strcmp(av[1], "-h") || !strcmp(av[1], "--help") ||
			       !strcmp(av[1], "help"))) {
			fputs("usage: adr-log help [COMMAND]\n\n"
			      "    the options of COMMAND (as 'adr-log COMMAND --help'),\n"
			      "    or without one the global options and the commands\n", stdout);
			return main_close_stdout();
		}
		if (rc > 1 && !(cmd = main_find(av[1]))) {
			error_report("'%s' is not a command; see 'adr-log --help'", av[1]);
			return ADR_EXIT_USAGE;
		}
		if (rc > 1) {
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

	if (main_check_format(cmd, g.format, rc, av) < 0)
		return ADR_EXIT_USAGE;
	git_libgit2_init();
	if ((cmd->flags & CMD_NEEDS_REPO) && !(rc > 1 && (!strcmp(av[1], "--help") ||
						  !strcmp(av[1], "-h")))) {
		if (repo_open(&ctx.repo, g.chdir) < 0 ||
		    discover_cli_dirs(&g.adr_dirs, ctx.repo) < 0) {
			error_print();
			repo_free(ctx.repo);
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
