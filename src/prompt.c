/*
 * prompt: questions on /dev/tty for the commit-msg hook (see prompt.h).
 * Nothing here knows about ADRs; cmd_hook.c says what to ask.
 */
#include "prompt.h"

#include <fcntl.h>
#include <stdarg.h>
#include <string.h>
#include <unistd.h>

int prompt_open(struct prompt *p)
{
	int fd, fd2;

	p->in = p->out = NULL;
	if (!isatty(STDERR_FILENO))
		return -1;
	fd = open("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	fd2 = fcntl(fd, F_DUPFD_CLOEXEC, 0);
	if (fd2 < 0 || !(p->in = fdopen(fd, "r")) || !(p->out = fdopen(fd2, "w"))) {
		if (p->in)
			fclose(p->in);
		else
			close(fd);
		if (fd2 >= 0)
			close(fd2);
		p->in = NULL;
		return -1;
	}
	return 0;
}

void prompt_close(struct prompt *p)
{
	if (p->in)
		fclose(p->in);
	if (p->out)
		fclose(p->out);
	p->in = p->out = NULL;
}

void prompt_printf(struct prompt *p, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vfprintf(p->out, fmt, ap);
	va_end(ap);
	fflush(p->out);
}

int prompt_ask(struct prompt *p, const char *question, struct strbuf *answer)
{
	int c;

	strbuf_reset(answer);
	fputs(question, p->out);
	fflush(p->out);
	while ((c = getc(p->in)) != EOF && c != '\n')
		strbuf_addch(answer, c);
	if (c == EOF && !answer->len)
		return -1;
	strbuf_trim(answer);
	return 0;
}
