/* parse: STUB, replaced by the parser work. */
#include "parse.h"

#include "adrid.h"
#include "xalloc.h"

int parse_adr(struct adr_doc *out, const char *path, const char *buf, size_t len)
{
	(void)buf; (void)len;
	out->id = adrid_from_name(adrid_basename(path));
	out->title = xstrdup(adrid_basename(path));
	return 0;
}
