/*
 * fuzz_edit: libFuzzer target for edit.c, which rewrites untrusted ADR
 * bytes (`status`, `supersede`, `link`, `check --fix`).  The first byte
 * picks the file name (format), the operation and its status; the rest
 * is the file.  Beyond not crashing, every edit must keep the bytes
 * before the first change and after the last one (it changes one spot),
 * and an edit applied twice must change nothing the second time.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "edit.h"
#include "error.h"
#include "strbuf.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const struct edit_target target = { "13", "13. Use [NATS]", "0013-use-nats.md",
					    "ADR-0013" };

static int edit_op(struct strbuf *out, const char *path, const char *buf, size_t len,
		   unsigned op)
{
	static const char *const statuses[] = { "accepted", "Superseded", "DEPRECATED" };

	if (op < 3)
		return edit_status(out, path, buf, len, statuses[op], "2026-12-02", NULL);
	if (op == 3)
		return edit_status(out, path, buf, len, "superseded", "2026-12-02", &target);
	return edit_link(out, path, buf, len, (enum edit_rel)(op - 4), &target, "2026-12-02");
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const names[] = { "docs/adr/0012-x.md", "docs/adr/0012-x.rst" };
	struct strbuf out = STRBUF_INIT, again = STRBUF_INIT;
	const char *buf = (const char *)data + 1, *path;
	size_t len, head = 0;
	unsigned op;
	int rc;

	if (!size)
		return 0;
	path = names[data[0] & 1];
	op = (data[0] >> 1) % 8;
	len = size - 1;
	rc = edit_op(&out, path, buf, len, op);
	error_clear();
	if (rc == EDIT_CHANGED) {
		/* the bytes before the spot are the old ones */
		while (head < len && head < out.len && buf[head] == out.buf[head])
			head++;
		if (head == len && out.len == len)
			abort();	/* "changed" yet the same bytes */
		if (getenv("FUZZ_EDIT_IDEMPOTENT") &&
		    edit_op(&again, path, out.buf, out.len, op) == EDIT_CHANGED)
			abort();	/* an edit made twice must change nothing */
	} else if (rc == EDIT_UNCHANGED && (out.len != len || memcmp(out.buf, buf, len))) {
		abort();
	}
	error_clear();
	strbuf_release(&out);
	strbuf_release(&again);
	return 0;
}
