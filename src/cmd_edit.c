/*
 * cmd_edit: the commands that change records in the work tree:
 *
 *   adr-log supersede OLD NEW            NEW supersedes OLD (both sides)
 *   adr-log link A RELATION B            A Supersedes/Superseded by/Amends/
 *                                        Amended by B (both sides)
 *   adr-log status ID STATUS [--date D]  set ID's status where it keeps it
 *
 * and the parts of `new` and `check --fix` that edit (cmd_edit.h).  The
 * files are found and written by edit_tree.c, rewritten by edit.c; each
 * command prints the paths it changed, one per line, so `git diff` of
 * those shows exactly what it did.
 */
#include "cmd_edit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "adrid.h"
#include "check.h"
#include "date.h"
#include "edit.h"
#include "edit_editor.h"
#include "edit_tree.h"
#include "error.h"
#include "index.h"
#include "opt.h"
#include "render.h"
#include "report.h"
#include "strbuf.h"
#include "xalloc.h"

static const char supersede_usage[] =
	"adr-log supersede OLD NEW\n"
	"\n"
	"Record that ADR NEW supersedes ADR OLD, in both files of the work\n"
	"tree: OLD's status becomes 'Superseded by NEW', NEW gets a 'Supersedes\n"
	"OLD' link, each in the form its file already uses.  OLD and NEW are\n"
	"ids (12, 012, ADR-12, 12-2: matched exactly) or paths.  Prints the\n"
	"files it changed.";

static const char link_usage[] =
	"adr-log link A RELATION B\n"
	"\n"
	"Record 'A RELATION B' in A and the inverse in B (work tree).\n"
	"RELATION: Supersedes, 'Superseded by', Amends, 'Amended by' (any\n"
	"case; also superseded-by, amended_by).  Prints the files it changed.";

static const char status_usage[] =
	"adr-log status [--date YYYY-MM-DD] ID STATUS\n"
	"\n"
	"Set the status of ADR ID where its file keeps it (front matter, a\n"
	"Status line or section, a table, an rst field), in the file's style:\n"
	"case, emphasis and emoji are kept; a dated status log gets a new line\n"
	"dated --date (default today).  STATUS: draft, proposed, pending,\n"
	"accepted, implemented, rejected, deprecated, superseded, amended,\n"
	"withdrawn (or a synonym).  Prints the file it changed.";

/* Write the changed files and print their paths. */
static int cmd_edit_finish(struct edit_tree *t, const char *skip)
{
	struct strvec written = STRVEC_INIT;
	int rc = edit_tree_write(t, &written);

	for (size_t i = 0; i < written.nr; i++)
		if (!skip || strcmp(written.v[i], skip))
			printf("%s\n", written.v[i]);
	if (rc < 0)
		error_print();
	else if (!written.nr && !skip)
		fprintf(stderr, "adr-log: nothing to change: the files already say so\n");
	strvec_clear(&written);
	return rc < 0 ? ADR_EXIT_USAGE : ADR_EXIT_OK;
}

/* Load the work tree's ADRs; on failure print and return -1. */
static int cmd_edit_load(struct edit_tree *t, struct cmd_ctx *ctx)
{
	if (edit_tree_load(t, ctx->repo, &ctx->opts->adr_dirs) < 0) {
		error_print();
		edit_tree_release(t);
		return -1;
	}
	return 0;
}

static int cmd_edit_date(const char *date, char *today)
{
	char ymd[11];

	if (!date) {
		edit_today(today);
		return 0;
	}
	if (strlen(date) != 10 || date_find_ymd(ymd, date) || strcmp(ymd, date)) {
		error_report("--date '%s': expected YYYY-MM-DD", date);
		return -1;
	}
	memcpy(today, date, 11);
	return 0;
}

/* Relate a and b (typed ids or paths) and write; the shared body. */
static int cmd_edit_relate(struct cmd_ctx *ctx, const char *a, enum edit_rel rel,
			   const char *b, const char *date)
{
	struct edit_tree t = EDIT_TREE_INIT;
	struct edit_file *fa, *fb;
	char today[11];
	int rc;

	if (cmd_edit_date(date, today) < 0)
		return ADR_EXIT_USAGE;
	if (cmd_edit_load(&t, ctx) < 0)
		return ADR_EXIT_USAGE;
	if (edit_tree_find(&fa, &t, a) < 0 || edit_tree_find(&fb, &t, b) < 0 ||
	    edit_tree_relate(&t, fa, rel, fb, today) < 0) {
		error_print();
		edit_tree_release(&t);
		return ADR_EXIT_USAGE;
	}
	rc = cmd_edit_finish(&t, NULL);
	edit_tree_release(&t);
	return rc;
}

int cmd_supersede(int argc, const char **argv, struct cmd_ctx *ctx)
{
	const char *date = NULL;
	const struct opt opts[] = {
		OPT_STRING(0, "date", &date, "YYYY-MM-DD",
			   "date of a new dated status line (default today)"),
		OPT_GLOBALS(ctx->opts),
		OPT_END
	};

	argc = opt_parse(argc, argv, opts, supersede_usage, 0);
	if (argc == OPT_HELP)
		return ADR_EXIT_OK;
	if (argc < 0)
		return ADR_EXIT_USAGE;
	if (argc != 2) {
		error_report("supersede: expected OLD and NEW: adr-log supersede 12 13");
		return ADR_EXIT_USAGE;
	}
	return cmd_edit_relate(ctx, argv[1], EDIT_SUPERSEDES, argv[0], date);
}

int cmd_link(int argc, const char **argv, struct cmd_ctx *ctx)
{
	const char *date = NULL;
	struct strbuf words = STRBUF_INIT;
	enum edit_rel rel;
	const struct opt opts[] = {
		OPT_STRING(0, "date", &date, "YYYY-MM-DD",
			   "date of a new dated status line (default today)"),
		OPT_GLOBALS(ctx->opts),
		OPT_END
	};
	int rc;

	argc = opt_parse(argc, argv, opts, link_usage, 0);
	if (argc == OPT_HELP)
		return ADR_EXIT_OK;
	if (argc < 0)
		return ADR_EXIT_USAGE;
	if (argc < 3) {
		error_report("link: expected A RELATION B: adr-log link 23 Amends 19");
		return ADR_EXIT_USAGE;
	}
	for (int i = 1; i < argc - 1; i++)
		strbuf_addf(&words, "%s%s", i > 1 ? " " : "", argv[i]);
	if (edit_rel_parse(words.buf, &rel) < 0) {
		error_report("link: unknown relation '%s' (Supersedes, 'Superseded by', "
			     "Amends, 'Amended by')", words.buf);
		strbuf_release(&words);
		return ADR_EXIT_USAGE;
	}
	strbuf_release(&words);
	rc = cmd_edit_relate(ctx, argv[0], rel, argv[argc - 1], date);
	return rc;
}

int cmd_status(int argc, const char **argv, struct cmd_ctx *ctx)
{
	const char *date = NULL;
	struct edit_tree t = EDIT_TREE_INIT;
	struct strbuf status = STRBUF_INIT, out = STRBUF_INIT;
	struct edit_file *f;
	char today[11];
	int rc;
	const struct opt opts[] = {
		OPT_STRING(0, "date", &date, "YYYY-MM-DD",
			   "date of a new dated status line (default today)"),
		OPT_GLOBALS(ctx->opts),
		OPT_END
	};

	argc = opt_parse(argc, argv, opts, status_usage, 0);
	if (argc == OPT_HELP)
		return ADR_EXIT_OK;
	if (argc < 0)
		return ADR_EXIT_USAGE;
	if (argc < 2) {
		error_report("status: expected ID and STATUS: adr-log status 12 accepted");
		return ADR_EXIT_USAGE;
	}
	if (cmd_edit_date(date, today) < 0)
		return ADR_EXIT_USAGE;
	for (int i = 1; i < argc; i++)
		strbuf_addf(&status, "%s%s", i > 1 ? " " : "", argv[i]);
	if (cmd_edit_load(&t, ctx) < 0) {
		strbuf_release(&status);
		return ADR_EXIT_USAGE;
	}
	if (edit_tree_find(&f, &t, argv[0]) < 0 ||
	    (rc = edit_status(&out, f->path, f->text.buf, f->text.len, status.buf, today,
			      NULL)) < 0) {
		error_print();
		rc = ADR_EXIT_USAGE;
		goto done;
	}
	if (rc == EDIT_CHANGED)
		edit_tree_set(f, &out);
	rc = cmd_edit_finish(&t, NULL);
done:
	strbuf_release(&status);
	strbuf_release(&out);
	edit_tree_release(&t);
	return rc;
}

int cmd_edit_new_check(struct cmd_ctx *ctx, const struct strvec *supersedes,
		       const struct strvec *amends)
{
	struct edit_tree t = EDIT_TREE_INIT;
	struct edit_file *f;
	int rc = 0;

	if (!supersedes->nr && !amends->nr)
		return 0;
	if (cmd_edit_load(&t, ctx) < 0)
		return -1;
	for (size_t i = 0; i < supersedes->nr && !rc; i++)
		rc = edit_tree_find(&f, &t, supersedes->v[i]);
	for (size_t i = 0; i < amends->nr && !rc; i++)
		rc = edit_tree_find(&f, &t, amends->v[i]);
	if (rc < 0)
		error_print();
	edit_tree_release(&t);
	return rc;
}

int cmd_edit_new_links(struct cmd_ctx *ctx, const char *path,
		       const struct strvec *supersedes, const struct strvec *amends)
{
	struct edit_tree t = EDIT_TREE_INIT;
	struct edit_file *fnew, *f;
	char today[11];
	int rc = 0;

	if (!supersedes->nr && !amends->nr)
		return 0;
	edit_today(today);
	if (cmd_edit_load(&t, ctx) < 0)
		return -1;
	rc = edit_tree_find(&fnew, &t, path);
	for (size_t i = 0; i < supersedes->nr && !rc; i++)
		if (!(rc = edit_tree_find(&f, &t, supersedes->v[i])))
			rc = edit_tree_relate(&t, fnew, EDIT_SUPERSEDES, f, today);
	for (size_t i = 0; i < amends->nr && !rc; i++)
		if (!(rc = edit_tree_find(&f, &t, amends->v[i])))
			rc = edit_tree_relate(&t, fnew, EDIT_AMENDS, f, today);
	if (rc < 0) {
		error_print();
		edit_tree_release(&t);
		return -1;
	}
	rc = cmd_edit_finish(&t, path) ? -1 : 0;
	edit_tree_release(&t);
	return rc;
}

void cmd_edit_open_editor(struct cmd_ctx *ctx, const char *path, int force)
{
	const char *top = repo_workdir(ctx->repo);
	struct strbuf abs = STRBUF_INIT;
	char *editor = NULL;

	if (!force && !(isatty(STDIN_FILENO) && isatty(STDOUT_FILENO)))
		return;
	if (edit_editor_pick(&editor, ctx->repo) < 0) {
		warning("%s; edit '%s' yourself", error_last(), path);
		error_clear();
		return;
	}
	fflush(stdout);
	strbuf_addf(&abs, "%s%s", top ? top : "", path);
	if (edit_editor_run(editor, abs.buf) < 0) {
		warning("%s", error_last());
		error_clear();
	}
	free(editor);
	strbuf_release(&abs);
}

/* The index files a folder may hold (as cmd_check.c looks for them). */
static const char *const fix_index_names[] = {
	"README.md", "README.markdown", "readme.md", "Readme.md", "index.md",
	"index.markdown", NULL
};

/* The work tree's ADRs as a db, for the index rules and the table. */
static struct adr_db *cmd_edit_db(const struct edit_tree *t)
{
	struct adr_db *db = adr_db_new();

	for (size_t i = 0; i < t->dirs.nr; i++)
		strvec_push(&db->dirs, t->dirs.v[i]);
	for (size_t i = 0; i < t->nr; i++) {
		struct adr *a = adr_db_add(db, t->v[i]->doc.id, t->v[i]->path);
		adr_doc_copy(&a->doc, &t->v[i]->doc);
	}
	adr_db_sort(db);
	return db;
}

/* Rewrite each index table of the folders that check finds drifted. */
static int cmd_edit_fix_index(struct edit_tree *t, FILE *out, size_t *changed)
{
	struct adr_db *db = cmd_edit_db(t);
	struct strbuf path = STRBUF_INIT, buf = STRBUF_INIT, table = STRBUF_INIT;
	struct strbuf spliced = STRBUF_INIT;
	int rc = 0;

	for (size_t i = 0; i < t->dirs.nr && !rc; i++) {
		const char *dir = t->dirs.v[i];

		for (size_t k = 0; fix_index_names[k] && !rc; k++) {
			struct check_report r = CHECK_REPORT_INIT;

			strbuf_reset(&path);
			strbuf_addf(&path, "%s%s%s", dir, *dir ? "/" : "", fix_index_names[k]);
			strbuf_reset(&buf);
			if ((rc = edit_tree_read_file(&buf, t->top, path.buf)) != 0) {
				rc = rc > 0 ? 0 : -1;
				continue;
			}
			check_index(&r, db, dir, path.buf, buf.buf, buf.len);
			if (r.nr) {
				strbuf_reset(&table);
				strbuf_reset(&spliced);
				render_md_index_table(&table, db, dir);
				index_splice(&spliced, buf.buf, buf.len, table.buf);
				if ((spliced.len != buf.len || memcmp(spliced.buf, buf.buf, buf.len)) &&
				    !(rc = edit_tree_write_file(t->top, path.buf, spliced.buf,
								spliced.len))) {
					fprintf(out, "%s: index table rewritten (%zu finding%s)\n",
						path.buf, r.nr, r.nr == 1 ? "" : "s");
					(*changed)++;
				}
			}
			check_report_clear(&r);
		}
	}
	strbuf_release(&path);
	strbuf_release(&buf);
	strbuf_release(&table);
	strbuf_release(&spliced);
	adr_db_free(db);
	return rc;
}

static const struct strvec *cmd_edit_rel_list(const struct adr_doc *doc, enum edit_rel rel)
{
	return rel == EDIT_SUPERSEDES ? &doc->supersedes :
	       rel == EDIT_SUPERSEDED_BY ? &doc->superseded_by :
	       rel == EDIT_AMENDS ? &doc->amends : &doc->amended_by;
}

/*
 * The other side of each one-sided link, as check's one-sided-link rule
 * sees them: b lacks the inverse of a's link to it (a superseded b that
 * already says superseded is not one-sided).  A link to an id no ADR, or
 * several, has is left alone: that takes a person.
 */
static int cmd_edit_fix_links(struct edit_tree *t, FILE *out)
{
	char today[11];

	edit_today(today);
	for (size_t i = 0; i < t->nr; i++) {
		struct edit_file *a = t->v[i];

		for (int rel = EDIT_SUPERSEDES; rel <= EDIT_AMENDED_BY; rel++) {
			struct strvec ids = STRVEC_INIT;
			const struct strvec *l = cmd_edit_rel_list(&a->doc, (enum edit_rel)rel);

			for (size_t k = 0; k < l->nr; k++)
				strvec_push(&ids, l->v[k]);
			for (size_t k = 0; k < ids.nr; k++) {
				struct edit_file *b = edit_tree_by_id(t, ids.v[k]);
				enum edit_rel inv = edit_rel_inverse((enum edit_rel)rel);
				int rc;

				if (!b || b == a ||
				    strvec_find(cmd_edit_rel_list(&b->doc, inv), a->doc.id) >= 0)
					continue;
				if (rel == EDIT_SUPERSEDES && b->doc.status == ADR_STATUS_SUPERSEDED)
					continue;
				rc = edit_tree_link(b, inv, a, today);
				if (rc < 0) {
					warning("cannot fix the link of ADR %s to ADR %s: %s",
						a->doc.id, b->doc.id, error_last());
					error_clear();
				} else if (rc == EDIT_CHANGED) {
					fprintf(out, "%s: added '%s ADR %s' (ADR %s %s it)\n",
						b->path, edit_rel_word(inv), a->doc.id, a->doc.id,
						rel == EDIT_SUPERSEDES ? "supersedes" :
						rel == EDIT_SUPERSEDED_BY ? "is superseded by" :
						rel == EDIT_AMENDS ? "amends" : "is amended by");
				}
			}
			strvec_clear(&ids);
		}
	}
	return 0;
}

int cmd_edit_check_fix(struct cmd_ctx *ctx, FILE *out)
{
	struct edit_tree t = EDIT_TREE_INIT;
	struct strvec written = STRVEC_INIT;
	size_t changed = 0;
	int rc;

	if (cmd_edit_load(&t, ctx) < 0)
		return -1;
	cmd_edit_fix_links(&t, out);
	rc = edit_tree_write(&t, &written);
	if (rc == 0)
		rc = cmd_edit_fix_index(&t, out, &changed);
	if (rc < 0) {
		error_print();
		changed = 0;
	}
	changed += written.nr;
	if (rc == 0)
		fprintf(out, "adr-log: check --fix: %zu file%s changed in the work tree%s\n",
			changed, changed == 1 ? "" : "s",
			changed ? "; the findings below are of the commit until it is "
			"committed" : "");
	strvec_clear(&written);
	edit_tree_release(&t);
	return rc < 0 ? -1 : (int)changed;
}
