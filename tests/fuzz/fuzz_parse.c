/*
 * fuzz_parse: libFuzzer target for the ADR parser (Markdown, rst, front
 * matter).  The first input byte picks the file name (extension and id
 * form), the rest is the file's content.  parse_adr_status() (the history
 * walk's parse, which may cut the body) must agree with parse_adr() on the
 * id, title and status: a difference aborts.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

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
	const char *name;
	struct adr_doc doc, head;

	if (!size)
		return 0;
	name = names[data[0] % (sizeof(names) / sizeof(*names))];
	adr_doc_init(&doc);
	adr_doc_init(&head);
	parse_adr(&doc, name, (const char *)data + 1, size - 1);
	parse_adr_status(&head, name, (const char *)data + 1, size - 1);
	if (doc.status != head.status || doc.status_line != head.status_line ||
	    doc.title_line != head.title_line || strcmp(doc.title, head.title) ||
	    (doc.id ? !head.id || strcmp(doc.id, head.id) : head.id != NULL) ||
	    (doc.status_raw ? !head.status_raw || strcmp(doc.status_raw, head.status_raw)
			    : head.status_raw != NULL))
		abort();
	adr_doc_release(&doc);
	adr_doc_release(&head);
	return 0;
}
