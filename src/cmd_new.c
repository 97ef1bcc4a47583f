/*
 * cmd_new: `adr-log new [--status TEXT] [--supersedes ID] [--amends ID]
 * [--edit|--no-edit] TITLE...`: a new ADR in the work tree from the
 * repository's template (or the built-in Nygard one) with the next free
 * id; prints its path (then the other files a link changed) and opens it
 * in the editor on a terminal.  template.c writes it; cmd_edit.c links it.
 */
#include "cmd.h"

#include <stdio.h>
#include <stdlib.h>

#include "cmd_edit.h"
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
	struct strvec supersedes = STRVEC_INIT, amends = STRVEC_INIT;
	int edit = -1, rc = ADR_EXIT_OK;
	const struct opt opts[] = {
		OPT_STRING(0, "status", &status, "TEXT", "status of the new ADR (Proposed)"),
		OPT_STRLIST('s', "supersedes", &supersedes, "ID",
			    "the new ADR supersedes ID (both files; repeatable)"),
		OPT_STRLIST(0, "amends", &amends, "ID",
			    "the new ADR amends ID (both files; repeatable)"),
		OPT_BOOL(0, "edit", &edit, "open the editor (default: on a terminal); "
			 "--no-edit: never"),
		OPT_GLOBALS(ctx->opts),
		OPT_END
	};

	argc = opt_parse(argc, argv, opts, "adr-log new [--status TEXT] [--supersedes ID] "
			 "[--amends ID] [--[no-]edit] TITLE...", 0);
	if (argc == OPT_HELP || argc < 0) {
		strvec_clear(&supersedes);
		strvec_clear(&amends);
		return argc == OPT_HELP ? ADR_EXIT_OK : ADR_EXIT_USAGE;
	}
	for (int i = 0; i < argc; i++)
		strbuf_addf(&title, "%s%s", i ? " " : "", argv[i]);
	strbuf_trim(&title);
	if (!title.len) {
		error_report("new: a title is required: adr-log new \"Use NATS for events\"");
		rc = ADR_EXIT_USAGE;
		goto done;
	}
	/* a wrong id must not leave a new file behind */
	if (cmd_edit_new_check(ctx, &supersedes, &amends) < 0) {
		rc = ADR_EXIT_USAGE;
		goto done;
	}
	if (template_new_adr(&path, &id, ctx->repo, &ctx->opts->adr_dirs, title.buf,
			     status) < 0) {
		error_report("new: %s", error_last());
		rc = ADR_EXIT_USAGE;
		goto done;
	}
	/* the folder comes from committed config: its name is untrusted text */
	strbuf_reset(&title);
	utf8_for_terminal(&title, path, 0);
	printf("%s\n", title.buf);
	if (cmd_edit_new_links(ctx, path, &supersedes, &amends) < 0)
		rc = ADR_EXIT_USAGE;
	if (edit != 0)
		cmd_edit_open_editor(ctx, path, edit == 1);
done:
	free(path);
	free(id);
	strbuf_release(&title);
	strvec_clear(&supersedes);
	strvec_clear(&amends);
	return rc;
}
