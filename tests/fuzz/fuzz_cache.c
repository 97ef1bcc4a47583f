/*
 * fuzz_cache: libFuzzer target for the cache reader: cachefile.c's frame
 * checks (cf_open) and cache_entry.c's entry decoder, kept states
 * included, through cache_entry_check() on a file in a scratch folder.
 *
 * The first byte picks the file: even, the rest of the input as it is
 * (the frame is fuzzed, and mostly refused by its checksum); odd, the
 * rest is a payload that cf_write() frames with its right length and
 * checksum, so that the decoder itself must refuse what is wrong.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cache_int.h"	/* CACHE_MAGIC, CACHE_FORMAT: the reader's own */
#include "cachefile.h"
#include "file.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char dir[64], path[96];

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!*dir) {
		const char *tmp = getenv("TMPDIR");

		snprintf(dir, sizeof(dir), "%s/fuzz_cache.XXXXXX",
			 tmp && strlen(tmp) < 32 ? tmp : "/tmp");
		if (!mkdtemp(dir))
			abort();
		snprintf(path, sizeof(path), "%s/h-entry", dir);
	}
	if (size < 1)
		return 0;
	if (data[0] & 1) {
		struct strbuf payload = STRBUF_INIT;

		strbuf_add(&payload, data + 1, size - 1);
		if (cf_write(dir, path, CACHE_MAGIC, CACHE_FORMAT, &payload) < 0)
			abort();
		strbuf_release(&payload);
	} else if (file_replace(path, (const char *)data + 1, size - 1, FILE_MODE_KEEP, 0) < 0) {
		abort();
	}
	cache_entry_check(path);
	return 0;
}
