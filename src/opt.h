/*
 * opt: option tables that drive both parsing and the usage text, so help
 * never drifts from what is accepted (git parse-options, libgit2 cli_opt).
 *
 * USAGE
 *	int all = 0; const char *rev = "HEAD";
 *	const struct opt opts[] = {
 *		OPT_BOOL(0, "all", &all, "include deleted ADRs"),
 *		OPT_STRING(0, "rev", &rev, "REV", "read ADRs at REV"),
 *		OPT_END
 *	};
 *	argc = opt_parse(argc, argv, opts, "adr-log list [options]", 0);
 *	if (argc < 0) return argc == OPT_HELP ? 0 : ADR_EXIT_USAGE;
 *
 * argv[0] is the command name and is skipped.  On return argv[0..argc)
 * holds the non-option arguments in order.  "--" ends options.  Long
 * options take "--name=value" or "--name value"; booleans also "--no-name".
 */
#ifndef ADRLOG_OPT_H
#define ADRLOG_OPT_H

#include <stdio.h>

#include "strvec.h"

enum opt_type {
	OPT_T_END = 0,
	OPT_T_BOOL,	/* int *: set to 1 (0 with --no-) */
	OPT_T_STRING,	/* const char **: the argument */
	OPT_T_STRLIST,	/* struct strvec *: each use appends */
	OPT_T_INT,	/* int *: a decimal number */
	OPT_T_COUNT	/* int *: incremented at each use */
};

struct opt {
	enum opt_type type;
	int short_name;		/* 0 for none */
	const char *long_name;	/* NULL for none */
	void *value;
	const char *argh;	/* argument placeholder in help, e.g. "REV" */
	const char *help;
};

#define OPT_BOOL(s, l, v, h) { OPT_T_BOOL, (s), (l), (v), NULL, (h) }
#define OPT_STRING(s, l, v, a, h) { OPT_T_STRING, (s), (l), (v), (a), (h) }
#define OPT_STRLIST(s, l, v, a, h) { OPT_T_STRLIST, (s), (l), (v), (a), (h) }
#define OPT_INT(s, l, v, a, h) { OPT_T_INT, (s), (l), (v), (a), (h) }
#define OPT_COUNT(s, l, v, h) { OPT_T_COUNT, (s), (l), (v), NULL, (h) }
#define OPT_END { OPT_T_END, 0, NULL, NULL, NULL, NULL }

enum opt_flags {
	OPT_STOP_AT_NON_OPTION = 1 << 0	/* global options before a command */
};

#define OPT_HELP (-2)	/* --help was given; usage already printed */
#define OPT_ERROR (-1)	/* bad option; message already printed */

int opt_parse(int argc, const char **argv, const struct opt *opts,
	      const char *usage, unsigned flags);

/* Print "usage: <usage>" and the option table. */
void opt_usage(FILE *out, const char *usage, const struct opt *opts);

#endif
