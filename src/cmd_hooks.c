/*
 * cmd_hooks: `adr-log hooks install | uninstall | status`: manage the git
 * hooks in the folder git runs them from (SPEC section 6).  The work is
 * hooks_install.c's; the folder comes from change_hooks_dir().
 */
#include "cmd.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "change.h"
#include "error.h"
#include "hooks_install.h"
#include "opt.h"

static const char hooks_usage[] = "adr-log hooks (install | uninstall | status)";

/* "status": one line per hook, then the folder. */
static int cmd_hooks_status(const char *dir, const char *self)
{
	struct hooks_entry e[8];
	int all = 1;

	hooks_status(e, dir, self);
	printf("hooks folder: %s\n", dir);
	for (size_t i = 0; hooks_names[i]; i++) {
		const char *what = "not installed";
		switch (e[i].state) {
		case HOOKS_CURRENT:
			what = "installed (current)";
			break;
		case HOOKS_OUTDATED:
			what = "installed (outdated: run 'adr-log hooks install')";
			break;
		case HOOKS_FOREIGN:
			what = "not installed (another hook is there; install chains it)";
			break;
		case HOOKS_ABSENT:
			break;
		}
		if (e[i].state != HOOKS_CURRENT)
			all = 0;
		printf("%-20s %s%s\n", e[i].name, what,
		       e[i].chained ? "; runs the previous hook first" : "");
	}
	return all ? ADR_EXIT_OK : ADR_EXIT_FAIL;
}

int cmd_hooks(int argc, const char **argv, struct cmd_ctx *ctx)
{
	char *dir = NULL, *self;
	int changed = 0, rc = ADR_EXIT_OK;
	const struct opt opts[] = { OPT_GLOBALS(ctx->opts), OPT_END };

	argc = opt_parse(argc, argv, opts, hooks_usage, 0);
	if (argc == OPT_HELP)
		return ADR_EXIT_OK;
	if (argc < 0)
		return ADR_EXIT_USAGE;
	if (argc != 1 || (strcmp(argv[0], "install") && strcmp(argv[0], "uninstall") &&
			  strcmp(argv[0], "status"))) {
		error_report("usage: %s", hooks_usage);
		return ADR_EXIT_USAGE;
	}
	change_hooks_dir(&dir, ctx->repo);
	self = hooks_self_path();
	if (!strcmp(argv[0], "status")) {
		rc = cmd_hooks_status(dir, self);
	} else if (!strcmp(argv[0], "install")) {
		if (hooks_install(dir, self, &changed) < 0) {
			error_print();
			rc = ADR_EXIT_USAGE;
		} else if (changed) {
			printf("installed adr-log hooks in %s\n", dir);
		} else {
			printf("adr-log hooks already installed in %s\n", dir);
		}
	} else {
		if (hooks_uninstall(dir, &changed) < 0) {
			error_print();
			rc = ADR_EXIT_USAGE;
		} else if (changed) {
			printf("removed adr-log hooks from %s\n", dir);
		} else {
			printf("no adr-log hooks in %s\n", dir);
		}
	}
	free(self);
	free(dir);
	return rc;
}
