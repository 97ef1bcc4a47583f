/*
 * pty-run: run a command on a new pseudo-terminal and talk to it, so the
 * end-to-end tests can drive the hook's prompt exactly as a person at a
 * terminal would (the hook reads /dev/tty; a pipe would not do).
 *
 *	pty-run [-t SECONDS] [-e TEXT | -s TEXT | -c | -d]... -- CMD [ARGS...]
 *
 *   -e TEXT  wait until TEXT has appeared in the output (since the last -e)
 *   -s TEXT  type TEXT ("\n" in TEXT is a newline)
 *   -c       type Ctrl-C
 *   -d       type Ctrl-D (end of input)
 *   -t N     give up after N seconds (default 20): exit 124
 *
 * Everything the command writes to the terminal is copied to stdout.  The
 * exit status is the command's (128 + signal when it was killed).
 */
#include <errno.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static char out[1 << 20];
static size_t out_len, mark;

/* Read what is there (waiting at most ms); -1 at end of output. */
static int pump(int fd, int ms)
{
	struct pollfd pfd = { fd, POLLIN, 0 };
	char buf[4096];
	ssize_t n;

	if (poll(&pfd, 1, ms) <= 0)
		return 0;
	n = read(fd, buf, sizeof(buf));
	if (n <= 0)
		return -1;
	fwrite(buf, 1, (size_t)n, stdout);
	fflush(stdout);
	if (out_len + (size_t)n < sizeof(out) - 1) {
		memcpy(out + out_len, buf, (size_t)n);
		out_len += (size_t)n;
		out[out_len] = '\0';
	}
	return 1;
}

static void type(int fd, const char *s)
{
	char buf[4096];
	size_t n = 0;

	for (; *s && n < sizeof(buf) - 1; s++) {
		if (s[0] == '\\' && s[1] == 'n') {
			buf[n++] = '\n';
			s++;
		} else {
			buf[n++] = *s;
		}
	}
	if (write(fd, buf, n) < 0)
		perror("pty-run: write");
}

int main(int argc, char **argv)
{
	int fd, i, status, timeout = 20, dead = 0;
	struct winsize ws = { 24, 100, 0, 0 };
	time_t start = time(NULL);
	pid_t pid;

	for (i = 1; i < argc && strcmp(argv[i], "--"); i++)
		if (!strcmp(argv[i], "-t") && i + 1 < argc)
			timeout = atoi(argv[++i]);
	if (i >= argc - 1) {
		fprintf(stderr, "usage: pty-run [-t N] [-e TEXT | -s TEXT | -c | -d]... -- CMD...\n");
		return 2;
	}
	pid = forkpty(&fd, NULL, NULL, &ws);
	if (pid < 0) {
		perror("pty-run: forkpty");
		return 2;
	}
	if (pid == 0) {
		execvp(argv[i + 1], argv + i + 1);
		perror("pty-run: exec");
		_exit(127);
	}
	for (int a = 1; a < i; a++) {
		if (!strcmp(argv[a], "-t")) {
			a++;
		} else if (!strcmp(argv[a], "-e") && a + 1 < i) {
			const char *want = argv[++a];
			char *hit;
			while (!(hit = strstr(out + mark, want))) {
				if (dead || time(NULL) - start > timeout) {
					fprintf(stderr, "\npty-run: gave up waiting for '%s'\n", want);
					kill(pid, SIGKILL);
					waitpid(pid, &status, 0);
					return 124;
				}
				if (pump(fd, 100) < 0)
					dead = 1;
			}
			mark = (size_t)(hit - out) + strlen(want);
		} else if (!strcmp(argv[a], "-s") && a + 1 < i) {
			usleep(50000);	/* let the program reach its read */
			type(fd, argv[++a]);
		} else if (!strcmp(argv[a], "-c")) {
			usleep(50000);
			type(fd, "\003");
		} else if (!strcmp(argv[a], "-d")) {
			usleep(50000);
			type(fd, "\004");
		}
	}
	while (!dead && time(NULL) - start <= timeout)
		if (pump(fd, 100) < 0)
			dead = 1;
	if (!dead) {
		fprintf(stderr, "\npty-run: timed out\n");
		kill(pid, SIGKILL);
		waitpid(pid, &status, 0);
		return 124;
	}
	if (waitpid(pid, &status, 0) < 0)
		return 2;
	if (WIFSIGNALED(status))
		return 128 + WTERMSIG(status);
	return WEXITSTATUS(status);
}
