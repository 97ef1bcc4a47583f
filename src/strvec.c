/*
 * strvec: owned string lists (see strvec.h).
 */
#include "strvec.h"

#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

void strvec_init(struct strvec *sv)
{
	sv->v = NULL;
	sv->nr = sv->alloc = 0;
}

void strvec_push_owned(struct strvec *sv, char *s)
{
	XGROW(sv->v, sv->alloc, sv->nr + 2);
	sv->v[sv->nr++] = s;
	sv->v[sv->nr] = NULL;
}

const char *strvec_push(struct strvec *sv, const char *s)
{
	char *c = xstrdup(s);
	strvec_push_owned(sv, c);
	return c;
}

long strvec_find(const struct strvec *sv, const char *s)
{
	for (size_t i = 0; i < sv->nr; i++)
		if (!strcmp(sv->v[i], s))
			return (long)i;
	return -1;
}

void strvec_push_unique(struct strvec *sv, const char *s)
{
	if (strvec_find(sv, s) < 0)
		strvec_push(sv, s);
}

void strvec_clear(struct strvec *sv)
{
	for (size_t i = 0; i < sv->nr; i++)
		free(sv->v[i]);
	free(sv->v);
	strvec_init(sv);
}
