/*
 * gitcmd: read the command line of the `git commit` above this process
 * (see gitcmd.h).  Hooks run as children of git, possibly through a hook
 * manager (Husky's scripts, lefthook, pre-commit), so the walk goes up a
 * few parents until it meets a git process.
 */
#include "gitcmd.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "strvec.h"
#include "xalloc.h"

/* git's global options that take a separate value */
static int gitcmd_global_takes_value(const char *a)
{
	return !strcmp(a, "-c") || !strcmp(a, "-C") || !strcmp(a, "--git-dir") ||
	       !strcmp(a, "--work-tree") || !strcmp(a, "--namespace") ||
	       !strcmp(a, "--config-env") || !strcmp(a, "--exec-path") ||
	       !strcmp(a, "--super-prefix") || !strcmp(a, "--list-cmds");
}

/* Is a a unique prefix (at least min characters) of the long option opt? */
static int gitcmd_long(const char *a, const char *opt, size_t min)
{
	size_t n = strlen(a);

	return n >= min && n <= strlen(opt) && !strncmp(a, opt, n);
}

void gitcmd_parse(struct gitcmd_commit *out, const char *const *argv)
{
	const char *const *a = argv + (argv[0] ? 1 : 0);
	int message = 0, edit = -1;

	memset(out, 0, sizeof(*out));
	out->editor = -1;
	for (; *a && (*a)[0] == '-'; a++)
		if (gitcmd_global_takes_value(*a) && a[1])
			a++;
	if (!*a || strcmp(*a, "commit"))
		return;
	out->found = 1;
	for (a++; *a; a++) {
		const char *s = *a;
		if (!strcmp(s, "--"))
			break;
		if (s[0] != '-' || !s[1])
			continue;	/* a path */
		if (s[1] == '-') {
			const char *eq = strchr(s, '=');
			size_t n = eq ? (size_t)(eq - s) : strlen(s);
			char *name = xstrndup(s, n);
			if (gitcmd_long(name, "--amend", 4))
				out->amend = 1;
			else if (gitcmd_long(name, "--cleanup", 4)) {
				free(out->cleanup);
				out->cleanup = xstrdup(eq ? eq + 1 : a[1] ? *++a : "");
			} else if (gitcmd_long(name, "--message", 5) ||
				   gitcmd_long(name, "--file", 4) ||
				   gitcmd_long(name, "--reuse-message", 3) ||
				   gitcmd_long(name, "--fixup", 4)) {
				message = 1;
				if (!eq && a[1])
					a++;
			} else if (gitcmd_long(name, "--edit", 4))
				edit = 1;
			else if (gitcmd_long(name, "--no-edit", 5))
				edit = 0;
			else if (!eq && (gitcmd_long(name, "--author", 4) ||
					 gitcmd_long(name, "--date", 4) ||
					 gitcmd_long(name, "--template", 3) ||
					 gitcmd_long(name, "--reedit-message", 4) ||
					 gitcmd_long(name, "--squash", 3) ||
					 gitcmd_long(name, "--trailer", 4) ||
					 gitcmd_long(name, "--pathspec-from-file", 4)) && a[1]) {
				if (gitcmd_long(name, "--reedit-message", 4) && edit < 0)
					edit = 1;	/* -c: a message, edited */
				a++;
			}
			free(name);
			continue;
		}
		/* short options, possibly bundled ("-am msg", "-mmsg") */
		for (const char *p = s + 1; *p; p++) {
			if (*p == 'e') {
				edit = 1;
			} else if (strchr("mFC", *p)) {
				message = 1;
				if (!p[1] && a[1])
					a++;
				break;
			} else if (*p == 'c' || *p == 't') {
				/* -c COMMIT (edited again), -t TEMPLATE */
				if (*p == 'c' && edit < 0)
					edit = 1;
				if (!p[1] && a[1])
					a++;
				break;
			} else if (*p == 'S' || *p == 'u') {
				break;	/* an optional value, glued */
			}
		}
	}
	/* builtin/commit.c: -m, -F, -C do not open the editor; -e, --no-edit decide */
	out->editor = edit >= 0 ? edit : !message;
}

void gitcmd_release(struct gitcmd_commit *c)
{
	free(c->cleanup);
	c->cleanup = NULL;
}

/* The arguments of process pid (NUL-separated in /proc), into v. */
static int gitcmd_read_args(struct strvec *v, long pid)
{
	char path[64], buf[65536];
	size_t n;
	FILE *f;

	snprintf(path, sizeof(path), "/proc/%ld/cmdline", pid);
	if (!(f = fopen(path, "rb")))
		return -1;
	n = fread(buf, 1, sizeof(buf) - 1, f);
	fclose(f);
	buf[n] = '\0';
	for (size_t i = 0; i < n; i += strlen(buf + i) + 1)
		strvec_push(v, buf + i);
	return 0;
}

/* The parent of pid, or -1. */
static long gitcmd_parent(long pid)
{
	char path[64], buf[1024];
	const char *p;
	size_t n;
	FILE *f;

	snprintf(path, sizeof(path), "/proc/%ld/stat", pid);
	if (!(f = fopen(path, "rb")))
		return -1;
	n = fread(buf, 1, sizeof(buf) - 1, f);
	fclose(f);
	buf[n] = '\0';
	/* "pid (comm) state ppid ...": comm may hold spaces and parentheses */
	if (!(p = strrchr(buf, ')')))
		return -1;
	return strtol(p + 3, NULL, 10);
}

void gitcmd_find_commit(struct gitcmd_commit *out)
{
	long pid = (long)getppid();

	memset(out, 0, sizeof(*out));
	out->editor = -1;
	/* shim, Husky's h and the user's script, lefthook, its shell: a few */
	for (int depth = 0; depth < 12 && pid > 1; depth++) {
		struct strvec v = STRVEC_INIT;
		if (gitcmd_read_args(&v, pid) == 0 && v.nr) {
			const char *base = strrchr(v.v[0], '/');
			base = base ? base + 1 : v.v[0];
			if (!strcmp(base, "git")) {
				gitcmd_parse(out, (const char *const *)v.v);
				strvec_clear(&v);
				if (out->found)
					return;
				gitcmd_release(out);
				memset(out, 0, sizeof(*out));
				out->editor = -1;
				return;	/* git, but not a commit: nothing known */
			}
		}
		strvec_clear(&v);
		pid = gitcmd_parent(pid);
	}
}

enum gitcmd_cleanup gitcmd_cleanup_mode(const char *arg, int editor)
{
	if (!arg || !strcmp(arg, "default"))
		return editor ? GITCMD_CLEANUP_ALL : GITCMD_CLEANUP_SPACE;
	if (!strcmp(arg, "verbatim"))
		return GITCMD_CLEANUP_NONE;
	if (!strcmp(arg, "whitespace"))
		return GITCMD_CLEANUP_SPACE;
	if (!strcmp(arg, "scissors"))
		return editor ? GITCMD_CLEANUP_SCISSORS : GITCMD_CLEANUP_SPACE;
	return GITCMD_CLEANUP_ALL;	/* strip, and what git would refuse */
}
