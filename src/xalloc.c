/*
 * xalloc: checked allocation.  The one place that decides what running out
 * of memory means for adr-log: a one-line message and exit status 2.
 */
#include "xalloc.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

/*
 * Large blocks (the walk's nodes, a cache entry's decoded arrays: tens of
 * MB at 100k commits) ask Linux for transparent huge pages where it gives
 * them on request ("madvise" mode): one fault per 2 MiB instead of 512,
 * and a repeat run spent a sixth of its time in page faults.  A hint on
 * the block's own 2 MiB-aligned interior only, safe wherever malloc took
 * the block from (its own mapping, or the heap, where the hint outlives
 * the block: a later block there may get huge pages too).
 */
#define XALLOC_HUGE_MIN (4u << 20)
#define XALLOC_HUGE_PAGE ((uintptr_t)2 << 20)

static void xalloc_huge(void *p, size_t size)
{
#ifdef MADV_HUGEPAGE
	uintptr_t lo = ((uintptr_t)p + XALLOC_HUGE_PAGE - 1) & ~(XALLOC_HUGE_PAGE - 1);
	uintptr_t hi = ((uintptr_t)p + size) & ~(XALLOC_HUGE_PAGE - 1);

	if (size >= XALLOC_HUGE_MIN && hi > lo)
		(void)madvise((void *)lo, hi - lo, MADV_HUGEPAGE);
#else
	(void)p;
	(void)size;
#endif
}

void xalloc_die(void)
{
	fputs("adr-log: out of memory\n", stderr);
	exit(2);
}

void *xmalloc(size_t size)
{
	void *p = malloc(size ? size : 1);
	if (!p)
		xalloc_die();
	xalloc_huge(p, size);
	return p;
}

void *xcalloc(size_t nmemb, size_t size)
{
	void *p = calloc(nmemb ? nmemb : 1, size ? size : 1);
	if (!p)
		xalloc_die();
	if (nmemb && size && nmemb <= SIZE_MAX / size)
		xalloc_huge(p, nmemb * size);
	return p;
}

void *xrealloc(void *ptr, size_t size)
{
	void *p = realloc(ptr, size ? size : 1);
	if (!p)
		xalloc_die();
	xalloc_huge(p, size);
	return p;
}

char *xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *xstrndup(const char *s, size_t len)
{
	char *p = xmalloc(len + 1);
	memcpy(p, s, len);
	p[len] = '\0';
	return p;
}

void xgrow(void **arr, size_t *alloc, size_t need, size_t elem)
{
	size_t n;

	if (need <= *alloc)
		return;
	n = *alloc ? *alloc : 8;
	while (n < need) {
		if (n > ((size_t)-1) / 2 / elem)
			xalloc_die();
		n *= 2;
	}
	*arr = xrealloc(*arr, n * elem);
	*alloc = n;
}
