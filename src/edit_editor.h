/*
 * edit_editor: the editor `adr-log new` opens the new ADR in.
 */
#ifndef ADRLOG_EDIT_EDITOR_H
#define ADRLOG_EDIT_EDITOR_H

#include "repo.h"
#include "strbuf.h"

/*
 * The editor in git's order: $GIT_EDITOR, core.editor, $VISUAL (not on a
 * dumb terminal), $EDITOR, vi (not on a dumb terminal).  -1 when none.
 */
int edit_editor_pick(char **out, struct repo *repo);

/*
 * Run editor (a shell command line, as git runs it) on path and wait.
 * ":" runs nothing.  -1 when it cannot start, fails or is killed.
 */
int edit_editor_run(const char *editor, const char *path);

#endif
