/*
 * gitcmd: what the `git commit` that runs a hook was asked to do.  Git
 * tells a commit-msg hook neither that it amends nor its --cleanup mode,
 * yet both decide what the commit records (SPEC section 6): the hook reads
 * the command line of the git process above it (Linux /proc; elsewhere
 * nothing is known and the callers fall back to what git exports).
 */
#ifndef ADRLOG_GITCMD_H
#define ADRLOG_GITCMD_H

enum gitcmd_cleanup {
	GITCMD_CLEANUP_ALL = 0,	/* strip: comment lines go */
	GITCMD_CLEANUP_SPACE,	/* whitespace: comment lines stay */
	GITCMD_CLEANUP_NONE,	/* verbatim */
	GITCMD_CLEANUP_SCISSORS	/* cut at the scissors line, then strip */
};

struct gitcmd_commit {
	int found;		/* a git commit process was found */
	int amend;		/* --amend */
	int editor;		/* -1 unknown, 0 no editor, 1 editor (git's use_editor) */
	char *cleanup;		/* --cleanup=VALUE as given, or NULL */
};

/*
 * Parse the arguments of git (argv[0] is git itself, NULL-terminated):
 * out->found when the command is `commit` (after git's own options such
 * as -c k=v and -C dir).  Pure; for tests.
 */
void gitcmd_parse(struct gitcmd_commit *out, const char *const *argv);

/* Look for the nearest ancestor process that is a git commit. */
void gitcmd_find_commit(struct gitcmd_commit *out);

void gitcmd_release(struct gitcmd_commit *c);

/*
 * git's cleanup mode (builtin/commit.c get_cleanup_mode): arg is --cleanup
 * or commit.cleanup (NULL: "default"), editor whether git runs an editor.
 */
enum gitcmd_cleanup gitcmd_cleanup_mode(const char *arg, int editor);

#endif
