/* status: STUB, replaced by the parser work. */
#include "status.h"

#include <string.h>

static const char *const names[] = {
	[ADR_STATUS_NONE] = NULL, [ADR_STATUS_UNKNOWN] = "unknown",
#define STATUS_NAME(name, word) [ADR_STATUS_##name] = word,
	STATUS_LIST(STATUS_NAME)
#undef STATUS_NAME
	[ADR_STATUS_DELETED] = "deleted",
};

enum adr_status status_normalize(const char *raw)
{
	return raw ? ADR_STATUS_UNKNOWN : ADR_STATUS_NONE;
}

const char *status_name(enum adr_status s)
{
	return s < ADR_STATUS__COUNT ? names[s] : NULL;
}

enum adr_status status_from_name(const char *name)
{
	for (int i = 1; i < ADR_STATUS__COUNT; i++)
		if (!strcmp(names[i], name))
			return (enum adr_status)i;
	return ADR_STATUS_NONE;
}
