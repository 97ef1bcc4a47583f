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
	HOOKS_EDITED,		/* our shim, edited by hand (kept by install
				   and uninstall) */
	HOOKS_FOREIGN		/* a hook that is not ours (install chains it) */
};

struct hooks_entry {
	const char *name;
	enum hooks_state state;
	int chained;		/* NAME.adrlog-orig exists and runs first */
	int moved_aside;	/* our shim sits at NAME.old (lefthook moved it;
				   git never runs it) */
};

/* The state of the hook file at path for hook name. */
enum hooks_state hooks_shim_state(const char *path, const char *name, const char *self);

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
 * the files written, *edited the shims edited by hand, left as they are.
 * Returns 0 or -1.
 */
int hooks_install(const char *dir, const char *self, int *changed, int *edited);

/*
 * Remove our shims from dir and put back what they replaced; a shim
 * edited by hand is kept (*edited counts them).
 */
int hooks_uninstall(const char *dir, int *changed, int *edited);

/* The state of each hook of hooks_names in dir (out has one per name). */
int hooks_status(struct hooks_entry *out, const char *dir, const char *self);

/*
 * Hook scripts kept in the repository (Husky's .husky/<hook>, a tracked
 * hooks folder): a marked block that runs `adr-log hook NAME "$@"` with
 * adr-log found on PATH, so the file holds no path of this machine.
 */
void hooks_script_block(struct strbuf *out, const char *name);

/* Append the block to the script at path (created when missing); no-op
 * when it is there.  *changed counts the files written. */
int hooks_script_add(const char *path, const char *name, int *changed);

/* Append text between the markers of our block (any file format whose
 * comments start with '#': shell, YAML); no-op when a block is there. */
int hooks_block_add(const char *path, const char *text, int *changed);

/*
 * The lines to append to the lefthook YAML config at path, or -1 (with
 * the reason) when appending would not be valid (another format, or the
 * file configures one of our hooks already: merging is the user's).
 */
int hooks_lefthook_config_block(struct strbuf *out, const char *path);

/*
 * The same for .pre-commit-config.yaml: only when "repos:" is its last
 * top-level key with a block list; the entries take that list's indent.
 */
int hooks_precommit_config_block(struct strbuf *out, const char *path);

/* Remove the block, byte for byte; a file holding only it is removed. */
int hooks_script_remove(const char *path, int *changed);

/* Does the script at path run `adr-log hook NAME` (our block or a line a
 * person wrote)? */
int hooks_script_runs_adrlog(const char *path, const char *name);

/* What to add to lefthook.yml (interactive where a prompt can appear). */
void hooks_lefthook_snippet(struct strbuf *out);

/* What to add under repos: in .pre-commit-config.yaml. */
void hooks_precommit_snippet(struct strbuf *out);

#endif
