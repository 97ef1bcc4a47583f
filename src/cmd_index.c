/*
 * cmd_index: `adr-log index [--write FILE]`: the ADR index table
 * (Number | Title | Status) of the ADRs at HEAD, printed, or spliced into
 * FILE (default: the ADR folder's README.md in the work tree) between
 * the <!-- adrlog --> markers.  The one command that writes a file.
 */
#include "cmd.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "adr.h"
#include "cmd_util.h"
#include "error.h"
#include "file.h"
#include "index.h"
#include "opt.h"
#include "repo.h"
#include "strbuf.h"
#include "xalloc.h"

static const char index_usage[] =
	"adr-log index [--rev REV] [--write [FILE]]\n"
	"\n"
	"Print the index table of the ADRs at REV (default HEAD), or write it\n"
	"into FILE (default: README.md in the ADR folder of the work tree):\n"
	"between the <!-- adrlog --> and <!-- adrlogstop --> markers when they\n"
	"are there, else over the file's existing ADR index table (never over\n"
	"another table), else appended inside new markers.  Writing twice\n"
	"changes nothing.  A symbolic link in the path of a FILE in the work\n"
	"tree is refused.";

/* The folder the file lives in, relative to the top of the work tree. */
static char *cmd_index_base(const char *file, const char *workdir)
{
	char *abs = realpath(file, NULL), *slash;
	char *top = workdir ? realpath(workdir, NULL) : NULL;
	size_t n = top ? strlen(top) : 0;
	char *base;

	if (!abs) {
		/* a new file: its folder must exist */
		char *dir = xstrdup(file);
		char *s = strrchr(dir, '/');
		struct strbuf sb = STRBUF_INIT;

		if (s)
			*s = '\0';
		abs = realpath(s ? dir : ".", NULL);
		free(dir);
		if (!abs) {
			free(top);
			return NULL;
		}
		strbuf_addstr(&sb, abs);
		strbuf_addstr(&sb, "/x");
		free(abs);
		abs = strbuf_detach(&sb, NULL);
	}
	slash = strrchr(abs, '/');
	*slash = '\0';
	strcat(abs, "/");
	if (n && !strncmp(abs, top, n) && abs[n] == '/')
		base = xstrdup(abs + n + 1);
	else
		base = xstrdup(abs);
	free(abs);
	free(top);
	if (*base && base[strlen(base) - 1] == '/')
		base[strlen(base) - 1] = '\0';
	return base;
}

/* The folder of rel ("docs/adr/README.md" -> "docs/adr", "x.md" -> ""). */
static char *cmd_index_rel_base(const char *rel)
{
	const char *slash = strrchr(rel, '/');

	return xstrndup(rel, slash ? (size_t)(slash - rel) : 0);
}

/*
 * index --write: read FILE, splice the table in, write it back.  A FILE in
 * the work tree (the default one always) is read and written without
 * following a symbolic link (file.h, ADR 0020), and its links are computed
 * from where it is in the tree, not from where a link points; a FILE the
 * user names outside the work tree is theirs (only a link at the file
 * itself is refused).
 */
static int cmd_index_write(struct cmd_ctx *ctx, const struct adr_db *db,
			   const char *file)
{
	const char *workdir = repo_workdir(ctx->repo);
	struct strbuf path = STRBUF_INIT, old = STRBUF_INIT, out = STRBUF_INIT;
	struct strbuf table = STRBUF_INIT;
	char *base = NULL, *rel = NULL;
	int rc = -1, r, how, changed;

	if (!file || !*file) {
		if (!workdir) {
			error_report("index: --write needs a work tree (this repository is bare)");
			return ADR_EXIT_USAGE;
		}
		if (!db->dirs.nr) {
			error_report("index: no ADR folder found; use --adr-dir or --write FILE");
			return ADR_EXIT_USAGE;
		}
		strbuf_addf(&path, "%s%sREADME.md", db->dirs.v[0], *db->dirs.v[0] ? "/" : "");
		rel = strbuf_detach(&path, NULL);
	} else if (!workdir || !file_path_below(&rel, workdir, file)) {
		strbuf_addstr(&path, file);
	}
	if (rel) {
		base = cmd_index_rel_base(rel);
		r = file_read_under(&old, workdir, rel, INDEX_FILE_MAX);
	} else {
		base = cmd_index_base(path.buf, workdir);
		if (!base) {
			error_report("index: cannot write '%s': no such folder", path.buf);
			goto done;
		}
		r = file_read(&old, path.buf, INDEX_FILE_MAX);
	}
	if (r < 0) {
		error_report("index: %s", error_last());
		goto done;
	}
	render_md_index_table(&table, db, base);
	how = index_splice(&out, old.buf, old.len, table.buf);
	if (index_write_file(rel ? workdir : NULL, rel ? rel : path.buf, out.buf, out.len,
			     &changed) < 0) {
		error_report("index: %s", error_last());
		goto done;
	}
	if (how == INDEX_SPLICE_APPENDED && r == 0 && old.len) {
		/* the author's tables stay; say where the index went instead
		 * (warning() makes the file name safe for the terminal) */
		warning("index: '%s' has no <!-- adrlog --> markers and no ADR index table: "
			"the index was appended between new markers", rel ? rel : path.buf);
	}
	rc = 0;
done:
	free(base);
	free(rel);
	strbuf_release(&path);
	strbuf_release(&old);
	strbuf_release(&out);
	strbuf_release(&table);
	return rc < 0 ? ADR_EXIT_USAGE : ADR_EXIT_OK;
}

int cmd_index(int argc, const char **argv, struct cmd_ctx *ctx)
{
	const char *rev = "HEAD", *file = NULL;
	enum render_format fmt;
	struct render_ctx rc;
	struct adr_db *db;
	int rcode, write = 0;
	const struct opt opts[] = {
		OPT_STRING(0, "rev", &rev, "REV", "read the ADRs at REV (default HEAD)"),
		OPT_BOOL('w', "write", &write, "write the table into FILE (default: "
			 "the ADR folder's README.md)"),
		OPT_GLOBALS(ctx->opts),
		OPT_END
	};

	argc = opt_parse(argc, argv, opts, index_usage, 0);
	if (argc == OPT_HELP)
		return ADR_EXIT_OK;
	if (argc < 0)
		return ADR_EXIT_USAGE;
	if (argc > (write ? 1 : 0)) {
		error_report("index: unexpected argument '%s'", argv[write ? 1 : 0]);
		return ADR_EXIT_USAGE;
	}
	if (write && argc == 1)
		file = argv[0];
	if (cmd_format(ctx, FMT_MARKDOWN, &fmt) < 0)
		return ADR_EXIT_USAGE;
	if (cmd_discover(&db, ctx, rev) < 0)
		return ADR_EXIT_USAGE;
	if (write) {
		rcode = cmd_index_write(ctx, db, file);
		adr_db_free(db);
		return rcode;
	}
	cmd_render_ctx(&rc, ctx, db);
	rc.with_commits = 0;
	rcode = render(fmt == FMT_TEXT ? FMT_MARKDOWN : fmt, VIEW_INDEX, &rc);
	if (rcode < 0)
		error_print();
	adr_db_free(db);
	return rcode < 0 ? ADR_EXIT_USAGE : ADR_EXIT_OK;
}
