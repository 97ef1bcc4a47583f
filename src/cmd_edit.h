/*
 * cmd_edit: what `new` and `check --fix` borrow from the editing
 * commands (cmd_edit.c): the links of a new ADR, the editor, the fixes.
 */
#ifndef ADRLOG_CMD_EDIT_H
#define ADRLOG_CMD_EDIT_H

#include <stdio.h>

#include "cmd.h"
#include "strvec.h"

/*
 * Before `new` writes its file: every id of supersedes and amends must
 * name exactly one ADR of the work tree.  Prints the error, returns -1.
 */
int cmd_edit_new_check(struct cmd_ctx *ctx, const struct strvec *supersedes,
		       const struct strvec *amends);

/*
 * After `new` wrote path: record "path Supersedes ID" / "path Amends ID"
 * on both sides and print every other file changed.  Prints the error,
 * returns -1.
 */
int cmd_edit_new_links(struct cmd_ctx *ctx, const char *path,
		       const struct strvec *supersedes, const struct strvec *amends);

/*
 * Open path (relative to the work tree's top) in the editor when both
 * stdin and stdout are a terminal, or always with force.  Prints a
 * warning (never fails the command) when there is no editor or it fails.
 */
void cmd_edit_open_editor(struct cmd_ctx *ctx, const char *path, int force);

/*
 * `check --fix`: in the work tree, write the other side of each one-sided
 * link and rewrite an index table that drifted; one line per change to
 * out.  Returns the number of files changed, or -1 (error printed).
 */
int cmd_edit_check_fix(struct cmd_ctx *ctx, FILE *out);

#endif
