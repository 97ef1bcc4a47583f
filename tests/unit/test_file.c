/*
 * test_file: the work-tree file rules of file.c (ADR 0020): no symbolic
 * link is followed anywhere below the top, `..` and absolute paths are
 * refused, only regular files are read, the atomic write never writes
 * through a link; and the lexical "is this path in the work tree" test.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "error.h"
#include "file.h"
#include "harness.h"
#include "strbuf.h"

static void put(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");

	if (f) {
		fputs(text, f);
		fclose(f);
	}
}

static int has(const char *path, const char *text)
{
	struct strbuf sb = STRBUF_INIT;
	int ok = file_read(&sb, path, 1024) == 0 && !strcmp(sb.buf, text);

	strbuf_release(&sb);
	return ok;
}

TEST_GROUP(file_under)
{
	char dir[] = "/tmp/adrlog-file-XXXXXX";
	struct strbuf top = STRBUF_INIT, out = STRBUF_INIT, p = STRBUF_INIT;
	struct strbuf secret = STRBUF_INIT;
	struct stat st;
	char *rel;

	if (!mkdtemp(dir)) {
		OK(0, "temp dir");
		return;
	}
	strbuf_addf(&top, "%s/top/", dir);
	mkdir(top.buf, 0777);
	strbuf_addf(&p, "%s/outside", dir);
	mkdir(p.buf, 0777);
	strbuf_addf(&secret, "%s/outside/secret", dir);
	put(secret.buf, "KEY\n");
	strbuf_reset(&p);
	strbuf_addf(&p, "%sdocs", top.buf);
	mkdir(p.buf, 0777);
	strbuf_addstr(&p, "/adr");
	OK(symlink("../../outside", p.buf) == 0, "a link docs/adr -> outside");
	strbuf_reset(&p);
	strbuf_addf(&p, "%sREADME.md", top.buf);
	OK(symlink(secret.buf, p.buf) == 0, "a link README.md -> secret");

	OK(file_create_under(top.buf, "docs/adr/0001-x.md", "x", 1) < 0,
	   "no file is created through a linked folder");
	OK(strstr(error_last(), "'docs/adr' is a symbolic link") != NULL, "%s", error_last());
	strbuf_reset(&p);
	strbuf_addf(&p, "%s/outside/0001-x.md", dir);
	OK(stat(p.buf, &st) < 0, "nothing appeared outside");
	OK(file_read_under(&out, top.buf, "docs/adr/x.md", 1024) < 0,
	   "nothing is read through a linked folder");
	OK(file_read_under(&out, top.buf, "README.md", 1024) < 0 && !out.len,
	   "a linked file is not read");
	OK(strstr(error_last(), "symbolic link") != NULL, "%s", error_last());
	OK(file_replace_under(top.buf, "README.md", "new\n", 4, FILE_MODE_KEEP) < 0,
	   "a linked file is not replaced");
	OK(has(secret.buf, "KEY\n"), "the link's target is untouched");
	strbuf_reset(&p);
	strbuf_addf(&p, "%sREADME.md", top.buf);
	OK(file_write_atomic(p.buf, "new\n", 4, FILE_MODE_KEEP) < 0,
	   "file_write_atomic refuses a link at the file too");
	OK(lstat(p.buf, &st) == 0 && S_ISLNK(st.st_mode), "the link is still a link");
	OK(file_read(&out, p.buf, 1024) < 0, "file_read does not follow it either");
	OK(file_create_under(top.buf, "README.md", "x", 1) < 0, "O_EXCL: a link is EEXIST");
	OK(has(secret.buf, "KEY\n"), "the target is still untouched");

	OK(file_create_under(top.buf, "../escape.md", "x", 1) < 0, "'..' is refused");
	OK(strstr(error_last(), "'..'") != NULL, "%s", error_last());
	OK(file_create_under(top.buf, "/tmp/abs.md", "x", 1) < 0, "an absolute path is refused");
	OK(file_create_under(top.buf, "docs/", "x", 1) < 0, "no file name");

	OK(file_create_under(top.buf, "a/b/c.md", "hello\n", 6) == 0, "folders are made");
	OK(file_create_under(top.buf, "a/b/c.md", "again\n", 6) < 0, "never overwritten");
	strbuf_reset(&out);
	INT_EQ(file_read_under(&out, top.buf, "a/b/c.md", 1024), 0, "read back");
	STR_EQ(out.buf, "hello\n", "content");
	strbuf_reset(&out);
	INT_EQ(file_read_under(&out, top.buf, "a/b/c.md", 3), -1, "larger than max");
	INT_EQ(file_read_under(&out, top.buf, "a/missing.md", 1024), 1, "missing file");
	INT_EQ(file_read_under(&out, top.buf, "no/such/x.md", 1024), 1, "missing folder");
	INT_EQ(file_replace_under(top.buf, "a/b/c.md", "two\n", 4, FILE_MODE_KEEP), 0,
	       "replace in a real folder");
	strbuf_reset(&out);
	file_read_under(&out, top.buf, "a/b/c.md", 1024);
	STR_EQ(out.buf, "two\n", "replaced");
	strbuf_reset(&p);
	strbuf_addf(&p, "%sfifo.md", top.buf);
	OK(mkfifo(p.buf, 0666) == 0, "a FIFO");
	OK(file_read_under(&out, top.buf, "fifo.md", 1024) < 0, "a FIFO is not read (nor hangs)");
	OK(strstr(error_last(), "not a regular file") != NULL, "%s", error_last());

	OK(file_path_below(&rel, top.buf, p.buf) && rel && !strcmp(rel, "fifo.md"),
	   "a path in the top");
	free(rel);
	strbuf_reset(&p);
	strbuf_addf(&p, "%sa/./b/../x.md", top.buf);
	OK(file_path_below(&rel, top.buf, p.buf) && rel && !strcmp(rel, "a/x.md"),
	   "'.' and '..' resolved as text");
	free(rel);
	strbuf_reset(&p);
	strbuf_addf(&p, "%s../outside/x.md", top.buf);
	OK(!file_path_below(&rel, top.buf, p.buf) && !rel, "a path leaving the top");
	strbuf_reset(&p);
	strbuf_addf(&p, "%s/topx/x.md", dir);
	OK(!file_path_below(&rel, top.buf, p.buf), "a sibling with the same prefix");

	strbuf_reset(&p);
	strbuf_addf(&p, "rm -rf '%s'", dir);
	OK(system(p.buf) == 0, "clean up");
	strbuf_release(&top);
	strbuf_release(&out);
	strbuf_release(&p);
	strbuf_release(&secret);
}
