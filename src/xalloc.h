/*
 * xalloc: allocation that cannot fail.  On exhaustion the process prints
 * "adr-log: out of memory" and exits 2, so no caller checks for NULL (the
 * cmark / mandoc model).  uthash is configured to call the same path.
 */
#ifndef ADRLOG_XALLOC_H
#define ADRLOG_XALLOC_H

#include <stddef.h>

void *xmalloc(size_t size);
void *xcalloc(size_t nmemb, size_t size);
void *xrealloc(void *ptr, size_t size);
char *xstrdup(const char *s);
/* Copy of the first len bytes of s (which need not be NUL-terminated). */
char *xstrndup(const char *s, size_t len);
/* Grow *arr (of elem-sized items) so that it holds at least need items. */
void xgrow(void **arr, size_t *alloc, size_t need, size_t elem);
/* Called by uthash on allocation failure. */
void xalloc_die(void);

#define XGROW(arr, alloc, need) \
	xgrow((void **)&(arr), &(alloc), (need), sizeof(*(arr)))

#endif
