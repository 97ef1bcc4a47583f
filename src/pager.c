/*
 * pager: git's pager protocol (pager.h): choose the program, run it with
 * `sh -c` reading a pipe that replaces our stdout, and wait for it at the
 * end so the shell prompt comes back after the last page.
 */
#include "pager.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "xalloc.h"

static char *pager_armed;	/* the program to start, NULL: none */
static pid_t pager_pid;		/* > 0 while the pager runs */
static int pager_stderr = -1;	/* the terminal stderr we replaced */

const char *pager_program(const char *core_pager)
{
	const char *p = getenv("GIT_PAGER");

	if (!p)
		p = core_pager;
	if (!p)
		p = getenv("PAGER");
	if (!p)
		p = "less";
	if (!*p || !strcmp(p, "cat"))
		return NULL;
	return p;
}

void pager_prepare(const char *core_pager)
{
	const char *p;

	if (pager_armed || pager_pid > 0 || !isatty(STDOUT_FILENO))
		return;
	p = pager_program(core_pager);
	if (p)
		pager_armed = xstrdup(p);
}

/*
 * Killed while the pager runs (Ctrl-C, SIGPIPE when it quit): close our
 * end and wait for it, as git does, so the shell does not print its
 * prompt under a pager that still owns the terminal; then die of sig.
 * Only async-signal-safe calls.
 */
static void pager_on_signal(int sig)
{
	close(STDOUT_FILENO);
	if (pager_stderr >= 0)
		dup2(pager_stderr, STDERR_FILENO);
	if (pager_pid > 0)
		waitpid(pager_pid, NULL, 0);
	signal(sig, SIG_DFL);
	raise(sig);
}

void pager_start(void)
{
	int fd[2];
	char *prog = pager_armed;

	if (!prog)
		return;
	pager_armed = NULL;
	fflush(stdout);
	if (pipe(fd) < 0) {
		free(prog);
		return;
	}
	pager_pid = fork();
	if (pager_pid < 0) {
		close(fd[0]);
		close(fd[1]);
		free(prog);
		pager_pid = 0;
		return;
	}
	if (pager_pid == 0) {
		dup2(fd[0], STDIN_FILENO);
		close(fd[0]);
		close(fd[1]);
		setenv("LESS", "FRX", 0);
		setenv("LV", "-c", 0);
		execl("/bin/sh", "sh", "-c", prog, (char *)NULL);
		_exit(127);
	}
	free(prog);
	signal(SIGINT, pager_on_signal);
	signal(SIGHUP, pager_on_signal);
	signal(SIGTERM, pager_on_signal);
	signal(SIGQUIT, pager_on_signal);
	signal(SIGPIPE, pager_on_signal);
	dup2(fd[1], STDOUT_FILENO);
	if (isatty(STDERR_FILENO)) {
		pager_stderr = dup(STDERR_FILENO);
		dup2(fd[1], STDERR_FILENO);
	}
	close(fd[0]);
	close(fd[1]);
}

int pager_in_use(void)
{
	return pager_pid > 0;
}

void pager_finish(void)
{
	int status;

	free(pager_armed);
	pager_armed = NULL;
	if (pager_pid <= 0)
		return;
	fflush(stderr);
	if (pager_stderr >= 0) {
		dup2(pager_stderr, STDERR_FILENO);
		close(pager_stderr);
		pager_stderr = -1;
	}
	while (waitpid(pager_pid, &status, 0) < 0 && errno == EINTR)
		;
	pager_pid = 0;
}
