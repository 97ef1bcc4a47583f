/*
 * test_gitcmd: reading a `git commit` command line (gitcmd.c): amend,
 * --cleanup, and whether git opens an editor (builtin/commit.c's rules).
 */
#include <stddef.h>

#include "harness.h"
#include "gitcmd.h"

TEST_GROUP(gitcmd)
{
	struct gitcmd_commit c;
	const char *a1[] = { "git", "-c", "x.y=1", "commit", "--amend", "-m", "msg", NULL };
	const char *a2[] = { "git", "commit", "--cleanup=verbatim", NULL };
	const char *a3[] = { "git", "commit", "-am", "#1 subject", NULL };
	const char *a4[] = { "git", "commit", "-F", "f", "-e", NULL };
	const char *a5[] = { "git", "-C", "dir", "log", "--amend", NULL };
	const char *a6[] = { "git", "commit", "-n", "--amen", "--cleanup", "scissors", NULL };
	const char *a7[] = { "git", "commit", "-C", "HEAD", NULL };
	const char *a8[] = { "git", "commit", "--", "--amend", NULL };

	gitcmd_parse(&c, a1);
	INT_EQ(c.found && c.amend, 1, "-c before the command, --amend");
	INT_EQ(c.editor, 0, "-m: no editor");
	gitcmd_release(&c);
	gitcmd_parse(&c, a2);
	STR_EQ(c.cleanup, "verbatim", "--cleanup=verbatim");
	INT_EQ(c.editor, 1, "no message: the editor opens");
	gitcmd_release(&c);
	gitcmd_parse(&c, a3);
	INT_EQ(c.editor, 0, "-am bundles -m");
	gitcmd_release(&c);
	gitcmd_parse(&c, a4);
	INT_EQ(c.editor, 1, "-F with -e edits");
	gitcmd_release(&c);
	gitcmd_parse(&c, a5);
	INT_EQ(c.found, 0, "not a commit");
	gitcmd_release(&c);
	gitcmd_parse(&c, a6);
	INT_EQ(c.amend, 1, "an abbreviated --amend");
	STR_EQ(c.cleanup, "scissors", "--cleanup VALUE");
	gitcmd_release(&c);
	gitcmd_parse(&c, a7);
	INT_EQ(c.editor, 0, "-C reuses without editing");
	gitcmd_release(&c);
	gitcmd_parse(&c, a8);
	INT_EQ(c.amend, 0, "after -- a path");
	gitcmd_release(&c);
	INT_EQ(gitcmd_cleanup_mode(NULL, 0), GITCMD_CLEANUP_SPACE, "default without editor");
	INT_EQ(gitcmd_cleanup_mode("default", 1), GITCMD_CLEANUP_ALL, "default with editor");
	INT_EQ(gitcmd_cleanup_mode("scissors", 0), GITCMD_CLEANUP_SPACE, "scissors without editor");
}
