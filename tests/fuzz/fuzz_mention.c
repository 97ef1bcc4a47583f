/*
 * fuzz_mention: libFuzzer target for the commit-message reference scanner
 * (ids, trailers, path candidates).
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "mention.h"
#include "xalloc.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *msg = xstrndup((const char *)data, size);
	struct mention_list ml = MENTION_LIST_INIT;
	struct strvec paths = STRVEC_INIT;

	mention_scan_ids(msg, &ml);
	mention_scan_paths(msg, &paths);
	mention_list_clear(&ml);
	strvec_clear(&paths);
	free(msg);
	return 0;
}
