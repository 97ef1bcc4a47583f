/* cmd_hook: STUB, not implemented yet. */
#include "cmd.h"

#include "error.h"

int cmd_hook(int argc, const char **argv, struct cmd_ctx *ctx)
{
	(void)argc; (void)ctx;
	error_report("%s: not implemented yet", argv[0]);
	return ADR_EXIT_USAGE;
}
