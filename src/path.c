/*
 * path.c: tree paths resolved lexically (see path.h).
 */
#include "path.h"

#include <string.h>

int path_lexical(struct strbuf *out, const char *rel)
{
	const char *p = rel;

	strbuf_reset(out);
	while (*p) {
		const char *slash = strchr(p, '/');
		size_t n = slash ? (size_t)(slash - p) : strlen(p);

		if (n == 2 && !strncmp(p, "..", 2)) {
			char *last;

			if (!out->len)
				return -1;
			last = strrchr(out->buf, '/');
			strbuf_setlen(out, last ? (size_t)(last - out->buf) : 0);
		} else if (n && !(n == 1 && *p == '.')) {
			if (out->len)
				strbuf_addch(out, '/');
			strbuf_add(out, p, n);
		}
		p += n;
		while (*p == '/')
			p++;
	}
	return 0;
}

int path_resolve_link(struct strbuf *out, const char *from, const char *target)
{
	const char *slash = strrchr(from, '/');
	struct strbuf joined = STRBUF_INIT;
	int rc;

	if (*target != '/' && slash)
		strbuf_add(&joined, from, (size_t)(slash - from) + 1);
	strbuf_addstr(&joined, target);
	rc = path_lexical(out, joined.buf);
	strbuf_release(&joined);
	return rc;
}
