/*
 * fuzz_parse: libFuzzer target for the ADR parser (Markdown, rst, front
 * matter).  The first input byte picks the file name (extension and id
 * form), the rest is the file's content.
 */
#include <stddef.h>
#include <stdint.h>

#include "adr.h"
#include "parse.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const names[] = {
		"docs/adr/0012-use-nats.md", "docs/adr/index.rst",
		"docs/adr/notes.md", "adr-017-1-x.markdown", "0010_audit.rst",
		"docs/decisions/20210304-some-title.md", "x/README.md", "_draft.md",
	};
	struct adr_doc doc;

	if (!size)
		return 0;
	adr_doc_init(&doc);
	parse_adr(&doc, names[data[0] % (sizeof(names) / sizeof(*names))],
		  (const char *)data + 1, size - 1);
	adr_doc_release(&doc);
	return 0;
}
