/*
 * hooks_install: `adr-log hooks install | uninstall | status` (SPEC
 * section 6).  Writes the shims of hooks/ into the folder git runs hooks
 * from (change_hooks_dir: core.hooksPath, the common dir of worktrees),
 * moving a hook that is not ours aside to NAME.adrlog-orig, where the shim
 * runs it first; uninstall renames it back, so the folder is restored byte
 * for byte, mode included.
 */
#ifndef ADRLOG_HOOKS_INSTALL_H
#define ADRLOG_HOOKS_INSTALL_H

#include "strbuf.h"

/* The hooks adr-log installs, NULL-terminated. */
extern const char *const hooks_names[];

enum hooks_state {
	HOOKS_ABSENT = 0,	/* no hook of that name */
	HOOKS_CURRENT,		/* our shim, as install would write it now */
	HOOKS_OUTDATED,		/* our shim, another version or adr-log path */
	HOOKS_FOREIGN		/* a hook that is not ours (install chains it) */
};

struct hooks_entry {
	const char *name;
	enum hooks_state state;
	int chained;		/* NAME.adrlog-orig exists and runs first */
};

/*
 * The shim for hook name calling the adr-log at self (an absolute path,
 * or NULL: adr-log on PATH).  Returns -1 for a name that is not ours.
 */
int hooks_shim_text(struct strbuf *out, const char *name, const char *self);

/* The absolute path of the running adr-log, or NULL (caller frees). */
char *hooks_self_path(void);

/*
 * Install the shims into dir (created when missing, and then removed
 * again by uninstall).  Installing twice changes nothing.  *changed counts
 * the files written.  Returns 0 or -1.
 */
int hooks_install(const char *dir, const char *self, int *changed);

/* Remove our shims from dir and put back what they replaced. */
int hooks_uninstall(const char *dir, int *changed);

/* The state of each hook of hooks_names in dir (out has one per name). */
int hooks_status(struct hooks_entry *out, const char *dir, const char *self);

#endif
