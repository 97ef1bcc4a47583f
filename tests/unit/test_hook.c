/*
 * Unit tests of the pure parts of the hooks: ignore globs (change.c),
 * message cleaning, trailers and hints (hook.c), and the names and text
 * of new ADRs (template.c).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "change.h"
#include "harness.h"
#include "file.h"
#include "hook.h"
#include "strbuf.h"
#include "template.h"

static void trailer_case(const char *in, const char *value, const char *want,
			 const char *what)
{
	struct strbuf sb = STRBUF_INIT;

	strbuf_addstr(&sb, in);
	hook_msg_add_trailer(&sb, "ADR", value, '#');
	STR_EQ(sb.buf, want, what);
	strbuf_release(&sb);
}

TEST_GROUP(hook_trailer)
{
	trailer_case("Subject\n", "5", "Subject\n\nADR: 5\n", "after the subject");
	trailer_case("Subject", "5", "Subject\n\nADR: 5\n", "no final newline");
	trailer_case("Subject\n\nBody text.\n", "5", "Subject\n\nBody text.\n\nADR: 5\n",
		     "after a body paragraph");
	trailer_case("Subject\n\nBody.\n\nSigned-off-by: A <a@b>\n", "5",
		     "Subject\n\nBody.\n\nSigned-off-by: A <a@b>\nADR: 5\n",
		     "joins an existing trailer block");
	trailer_case("Subject\n\nADR: 5\n", "5", "Subject\n\nADR: 5\n",
		     "an identical trailer is not repeated");
	trailer_case("Subject\n\n# Please enter the commit message\n# Lines starting\n",
		     "none (data only)",
		     "Subject\n\nADR: none (data only)\n\n# Please enter the commit message\n"
		     "# Lines starting\n",
		     "before git's comment lines");
	trailer_case("Subject\n# ------------------------ >8 ------------------------\n"
		     "diff --git a/x b/x\nKey: v\n", "7",
		     "Subject\n\nADR: 7\n# ------------------------ >8 ------------------------\n"
		     "diff --git a/x b/x\nKey: v\n",
		     "above the scissors line, never in the diff");
	trailer_case("Fix: the parser\n", "3", "Fix: the parser\n\nADR: 3\n",
		     "a subject that looks like a trailer is not a trailer block");
}

TEST_GROUP(hook_clean_and_hint)
{
	struct strbuf sb = STRBUF_INIT, msg = STRBUF_INIT;
	const char *m = "Subject ADR-5\n# comment ADR-9\n;x\nBody\n"
			"# ------------------------ >8 ------------------------\nADR-7\n";

	hook_msg_clean(&sb, m, strlen(m), '#');
	STR_EQ(sb.buf, "Subject ADR-5\n;x\nBody\n", "comments and scissors part dropped");
	strbuf_reset(&sb);
	hook_msg_clean(&sb, m, strlen(m), ';');
	STR_EQ(sb.buf, "Subject ADR-5\n# comment ADR-9\nBody\n"
	       "# ------------------------ >8 ------------------------\nADR-7\n",
	       "core.commentChar is the comment char");

	strbuf_addstr(&msg, "\n# Please enter the commit message\n");
	hook_msg_add_hint(&msg, "adr-log: large\n\nCandidates:\n", '#');
	STR_EQ(msg.buf, "\n# adr-log: large\n#\n# Candidates:\n#\n"
	       "# Please enter the commit message\n", "hint before git's comments");
	strbuf_reset(&msg);
	strbuf_addstr(&msg, "Subject");
	hook_msg_add_hint(&msg, "hint\n", ';');
	STR_EQ(msg.buf, "Subject\n; hint\n", "hint at the end, with the comment char");
	strbuf_release(&sb);
	strbuf_release(&msg);
}

TEST_GROUP(change_ignore_globs)
{
	struct strvec g = STRVEC_INIT;

	for (const char *const *p = hook_default_ignore; *p; p++)
		strvec_push(&g, *p);
	OK(change_path_ignored("package-lock.json", &g), "lock file at the top");
	OK(change_path_ignored("web/yarn.lock", &g), "lock file below");
	OK(change_path_ignored("vendor/github.com/x/y.go", &g), "vendor/ at the top");
	OK(change_path_ignored("svc/vendor/a.c", &g), "vendor/ at any depth");
	OK(change_path_ignored("ui/node_modules/x/index.js", &g), "node_modules/");
	OK(change_path_ignored("api/v1/user.pb.go", &g), "generated protobuf");
	OK(!change_path_ignored("src/vendored.c", &g), "vendor is a folder, not a prefix");
	OK(!change_path_ignored("src/lock.c", &g), "an ordinary file");
	strvec_clear(&g);
	strvec_push(&g, "docs/gen/");
	strvec_push(&g, "/build/*.c");
	OK(change_path_ignored("docs/gen/a.html", &g), "a folder with a slash");
	OK(!change_path_ignored("x/docs/gen/a.html", &g), "a folder with a slash is anchored");
	OK(change_path_ignored("build/out.c", &g), "a leading slash anchors a path glob");
	strvec_clear(&g);
}

TEST_GROUP(template_names)
{
	char *s;

	s = template_slug("Use NATS for events!");
	STR_EQ(s, "use-nats-for-events", "slug");
	free(s);
	s = template_slug("  ***  ");
	STR_EQ(s, "decision", "a slug is never empty");
	free(s);
	s = template_file_name(NULL, "1", "Use NATS");
	STR_EQ(s, "0001-use-nats.md", "default shape");
	free(s);
	s = template_file_name("docs/adr/adr-007-old-thing.md", "12", "Use NATS");
	STR_EQ(s, "adr-012-use-nats.md", "prefix and padding of the last ADR");
	free(s);
	s = template_file_name("adr/ADR-60.md", "61", "Queue");
	STR_EQ(s, "ADR-61.md", "names without a slug stay without one");
	free(s);
	s = template_file_name("doc/ADR_0009_x.rst", "10", "Queue");
	STR_EQ(s, "ADR_0010_queue.rst", "separator and extension kept");
	free(s);
}

TEST_GROUP(template_fill)
{
	struct strbuf sb = STRBUF_INIT;

	template_fill(&sb, template_nygard, "5", "Use NATS", "2025-01-02", "Proposed");
	OK(!strncmp(sb.buf, "# 5. Use NATS\n\nDate: 2025-01-02\n\n## Status\n\nProposed\n", 52),
	   "Nygard template filled: %s", sb.buf);
	strbuf_reset(&sb);
	template_fill(&sb, "# {short title}\n\n## Status\n\nAccepted\n\n## Context\n", "8",
		      "Cache", "2025-01-02", "Proposed");
	STR_EQ(sb.buf, "# 8. Cache\n\n## Status\n\nProposed\n\n## Context\n",
	       "a template without tokens gets title and status set");
	strbuf_reset(&sb);
	template_fill(&sb, "---\nstatus: accepted\ndate: {{date}}\n---\n# {{title}}\n", "3",
		      "X", "2025-01-02", "proposed");
	STR_EQ(sb.buf, "---\nstatus: proposed\ndate: 2025-01-02\n---\n# X\n",
	       "front matter status and braced tokens");
	strbuf_reset(&sb);
	template_fill(&sb, "---\n# optional elements\nstatus: {proposed | accepted}\n"
		      "date: {YYYY-MM-DD when decided}\n---\n\n# {short title}\n\nText\n",
		      "74", "Try it", "2025-01-02", "Proposed");
	STR_EQ(sb.buf, "---\n# optional elements\nstatus: Proposed\ndate: 2025-01-02\n---\n\n"
	       "# Try it\n\nText\n", "a MADR template: front matter set, heading without number");
	strbuf_release(&sb);
}

TEST_GROUP(file_write_atomic)
{
	char dir[] = "/tmp/adrlog-unit-XXXXXX";
	char path[64], buf[64];
	struct stat st;
	FILE *f;
	size_t n;

	OK(mkdtemp(dir) != NULL, "temporary folder");
	snprintf(path, sizeof(path), "%s/COMMIT_EDITMSG", dir);
	f = fopen(path, "w");
	fputs("old message\n", f);
	fclose(f);
	chmod(path, 0600);
	INT_EQ(file_write_atomic(path, "new message\n", 12, FILE_MODE_KEEP), 0, "written");
	f = fopen(path, "r");
	n = fread(buf, 1, sizeof(buf) - 1, f);
	buf[n] = '\0';
	fclose(f);
	STR_EQ(buf, "new message\n", "the new content replaced the old");
	OK(stat(path, &st) == 0 && (st.st_mode & 0777) == 0600, "the mode is kept");
	snprintf(buf, sizeof(buf), "%s/none/x", dir);
	INT_EQ(file_write_atomic(buf, "x", 1, FILE_MODE_KEEP), -1, "a missing folder is an error");
	unlink(path);
	rmdir(dir);
}
