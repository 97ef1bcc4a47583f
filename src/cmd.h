/*
 * cmd: the command table's types and every command's entry point.
 *
 * main.c parses the global options into struct global_opts, finds the
 * command in its table, opens the repository when the command's flags ask
 * for it, and calls cmd_<name>(argc, argv, ctx) with argv[0] the command's
 * name.  A command returns an exit code (enum adr_exit); it prints its own
 * output through a renderer and its errors through error.h.
 */
#ifndef ADRLOG_CMD_H
#define ADRLOG_CMD_H

#include "strvec.h"

struct repo;

struct global_opts {
	const char *chdir;		/* -C PATH */
	struct strvec adr_dirs;		/* --adr-dir PATH (repeatable) */
	const char *format;		/* --format FMT, NULL: the command's default */
	const char *color;		/* --color WHEN: auto, always, never */
	int no_cache;			/* --no-cache */
	int no_pager;			/* --no-pager */
};

struct cmd_ctx {
	struct global_opts *opts;
	struct repo *repo;		/* open when the command has CMD_NEEDS_REPO */
};

enum cmd_flags {
	CMD_NEEDS_REPO = 1 << 0,	/* open the repository before the call */
	CMD_USE_PAGER = 1 << 1		/* page long output on a terminal */
};

/*
 * The global options that every command also accepts after its name
 * (`adr-log list --format json`); append to a command's option table.
 */
#define OPT_GLOBALS(g) \
	OPT_STRLIST(0, "adr-dir", &(g)->adr_dirs, "PATH", \
		    "ADR folder (repeatable; overrides configuration)"), \
	OPT_STRING(0, "format", &(g)->format, "FMT", \
		   "text, markdown, json, mermaid or html"), \
	OPT_STRING(0, "color", &(g)->color, "WHEN", "auto, always or never"), \
	OPT_BOOL(0, "no-cache", &(g)->no_cache, "do not read or write the cache"), \
	OPT_BOOL(0, "no-pager", &(g)->no_pager, "do not page the output")

typedef int (*cmd_fn)(int argc, const char **argv, struct cmd_ctx *ctx);

struct cmd {
	const char *name;
	cmd_fn fn;
	unsigned flags;
	const char *summary;
	unsigned formats;	/* the --format values it takes: 1 << enum render_format */
};

int cmd_timeline(int argc, const char **argv, struct cmd_ctx *ctx);
/* Is arg ("--since", "-n5", "--author=x", "--") an option of timeline's own? */
int cmd_timeline_takes(const char *arg);
int cmd_list(int argc, const char **argv, struct cmd_ctx *ctx);
int cmd_show(int argc, const char **argv, struct cmd_ctx *ctx);
int cmd_links(int argc, const char **argv, struct cmd_ctx *ctx);
int cmd_release_notes(int argc, const char **argv, struct cmd_ctx *ctx);
int cmd_check(int argc, const char **argv, struct cmd_ctx *ctx);
int cmd_index(int argc, const char **argv, struct cmd_ctx *ctx);
int cmd_new(int argc, const char **argv, struct cmd_ctx *ctx);
int cmd_supersede(int argc, const char **argv, struct cmd_ctx *ctx);
int cmd_link(int argc, const char **argv, struct cmd_ctx *ctx);
int cmd_status(int argc, const char **argv, struct cmd_ctx *ctx);
int cmd_hooks(int argc, const char **argv, struct cmd_ctx *ctx);
int cmd_hook(int argc, const char **argv, struct cmd_ctx *ctx);
int cmd_site(int argc, const char **argv, struct cmd_ctx *ctx);

#endif
