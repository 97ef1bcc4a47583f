/* adrid: STUB, replaced by the parser work. */
#include "adrid.h"

#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

char *adrid_from_name(const char *basename) { (void)basename; return NULL; }
char *adrid_from_heading(const char *text) { (void)text; return NULL; }
char *adrid_normalize(const char *s, size_t len) { return xstrndup(s, len); }
int adrid_cmp(const char *a, const char *b) { return strcmp(a, b); }
int adrid_has_adr_ext(const char *name) { (void)name; return 1; }
int adrid_is_excluded(const char *basename) { (void)basename; return 0; }
const char *adrid_basename(const char *path)
{
	const char *s = strrchr(path, '/');
	return s ? s + 1 : path;
}
