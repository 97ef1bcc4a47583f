/*
 * cmd_new: `adr-log new [--status TEXT] TITLE...`: a new ADR in the work
 * tree from the repository's template (or the built-in Nygard one) with
 * the next free id; prints its path.  template.c does the work.
 */
#include "cmd.h"

#include <stdio.h>
#include <stdlib.h>

#include "error.h"
#include "opt.h"
#include "strbuf.h"
#include "template.h"
#include "utf8.h"

int cmd_new(int argc, const char **argv, struct cmd_ctx *ctx)
{
	const char *status = "Proposed";
	struct strbuf title = STRBUF_INIT;
	char *path = NULL, *id = NULL;
	const struct opt opts[] = {
		OPT_STRING(0, "status", &status, "TEXT", "status of the new ADR (Proposed)"),
		OPT_GLOBALS(ctx->opts),
		OPT_END
	};

	argc = opt_parse(argc, argv, opts, "adr-log new [--status TEXT] TITLE...", 0);
	if (argc == OPT_HELP)
		return ADR_EXIT_OK;
	if (argc < 0)
		return ADR_EXIT_USAGE;
	for (int i = 0; i < argc; i++)
		strbuf_addf(&title, "%s%s", i ? " " : "", argv[i]);
	strbuf_trim(&title);
	if (!title.len) {
		error_report("new: a title is required: adr-log new \"Use NATS for events\"");
		strbuf_release(&title);
		return ADR_EXIT_USAGE;
	}
	if (template_new_adr(&path, &id, ctx->repo, &ctx->opts->adr_dirs, title.buf,
			     status) < 0) {
		error_report("new: %s", error_last());
		strbuf_release(&title);
		return ADR_EXIT_USAGE;
	}
	/* the folder comes from committed config: its name is untrusted text */
	strbuf_reset(&title);
	utf8_for_terminal(&title, path, 0);
	printf("%s\n", title.buf);
	free(path);
	free(id);
	strbuf_release(&title);
	return ADR_EXIT_OK;
}
