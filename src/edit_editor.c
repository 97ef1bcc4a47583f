/*
 * edit_editor: open a file in the user's editor, chosen as git chooses
 * (`git var GIT_EDITOR`): $GIT_EDITOR, core.editor, $VISUAL (unless
 * TERM is dumb), $EDITOR, else vi (unless TERM is dumb).  The editor
 * string is run by the shell with the file as its argument, as git runs
 * it, so "code --wait" and "emacs -nw" work; ":" means no editor.
 */
#include "edit_editor.h"

#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "config.h"
#include "error.h"
#include "xalloc.h"

static const char *edit_env(const char *name)
{
	const char *v = getenv(name);
	return v && *v ? v : NULL;
}

int edit_editor_pick(char **out, struct repo *repo)
{
	const char *term = getenv("TERM"), *v;
	int dumb = !term || !strcmp(term, "dumb");
	char *core = NULL;

	*out = NULL;
	if ((v = edit_env("GIT_EDITOR"))) {
		*out = xstrdup(v);
		return 0;
	}
	if (repo && config_get_git(&core, repo, "core.editor") < 0)
		error_clear();
	if (core && *core) {
		*out = core;
		return 0;
	}
	free(core);
	if (!dumb && (v = edit_env("VISUAL"))) {
		*out = xstrdup(v);
		return 0;
	}
	if ((v = edit_env("EDITOR"))) {
		*out = xstrdup(v);
		return 0;
	}
	if (dumb)
		return error_set("no editor: the terminal is dumb and EDITOR is unset");
	*out = xstrdup("vi");
	return 0;
}

int edit_editor_run(const char *editor, const char *path)
{
	pid_t pid;
	int status;

	if (!strcmp(editor, ":"))
		return 0;
	pid = fork();
	if (pid < 0)
		return error_set("cannot start the editor '%s': %s", editor, strerror(errno));
	if (pid == 0) {
		struct strbuf cmd = STRBUF_INIT;

		strbuf_addf(&cmd, "%s \"$@\"", editor);
		execl("/bin/sh", "sh", "-c", cmd.buf, editor, path, (char *)NULL);
		_exit(127);
	}
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			return error_set("cannot wait for the editor '%s': %s", editor,
					 strerror(errno));
	if (WIFSIGNALED(status))
		return error_set("the editor '%s' died of signal %d; the file is kept",
				 editor, WTERMSIG(status));
	if (WEXITSTATUS(status))
		return error_set("the editor '%s' failed (exit %d); the file is kept",
				 editor, WEXITSTATUS(status));
	return 0;
}
