/*
 * fuzz_config: libFuzzer target for the readers of configuration text:
 * the git-config syntax of a committed .adrlog and folder normalization.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "config.h"
#include "discover.h"
#include "xalloc.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct strvec v = STRVEC_INIT;
	char *s;

	config_text_get_all((const char *)data, size, "adrlog", "dir", &v);
	for (size_t i = 0; i < v.nr; i++) {
		char *n = discover_normalize_dir(v.v[i]);
		free(n);
		config_parse_bool(v.v[i]);
	}
	strvec_clear(&v);
	s = xstrndup((const char *)data, size);
	free(discover_normalize_dir(s));
	free(s);
	return 0;
}
