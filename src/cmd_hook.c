/*
 * cmd_hook: `adr-log hook NAME ARGS...`, what the installed shims call
 * (SPEC section 6).  commit-msg checks the staged change and its message,
 * prepare-commit-msg adds a commented hint, pre-push checks each outgoing
 * commit.  The rules are hook.c's, the sizes change.c's, the terminal
 * dialogue prompt.c's; this file puts them in order and talks to the user.
 * Any failure of adr-log itself lets git go on (fail-open) unless
 * adrlog.failClosed is true.
 */
#include "cmd.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "adr.h"
#include "change.h"
#include "config.h"
#include "discover.h"
#include "error.h"
#include "file.h"
#include "gitcmd.h"
#include "hook.h"
#include "mention.h"
#include "prompt.h"
#include "repo.h"
#include "status.h"
#include "strbuf.h"
#include "template.h"
#include "xalloc.h"
#include "utf8.h"

#define HOOK_CANDIDATES 5
#define HOOK_LARGEST 3

/* What one hook run needs. */
struct hook_run {
	struct repo *repo;
	struct hook_settings s;
	struct cmd_ctx *ctx;
};

/* Read a whole file (the commit message) into out. */
static int cmd_hook_read_file(struct strbuf *out, const char *path)
{
	FILE *f = fopen(path, "rb");
	char buf[8192];
	size_t r;

	if (!f)
		return error_set("cannot read '%s': %s", path, strerror(errno));
	while ((r = fread(buf, 1, sizeof(buf), f)) > 0)
		strbuf_add(out, buf, r);
	if (ferror(f)) {
		fclose(f);
		return error_set("cannot read '%s': read error", path);
	}
	fclose(f);
	return 0;
}

/* The mode this run uses: AUTO becomes prompt on a terminal, else warn. */
static enum hook_mode cmd_hook_mode(const struct hook_settings *s, struct prompt *p)
{
	if (s->mode == HOOK_MODE_WARN || s->mode == HOOK_MODE_BLOCK)
		return s->mode;
	if (prompt_open(p) == 0)
		return HOOK_MODE_PROMPT;
	return HOOK_MODE_WARN;
}

/*
 * "5  "Use NATS" (accepted)": the id is the key to type at the prompt.
 * Titles come from the repository: control characters are neutralised
 * (utf8_for_terminal, as list and timeline do).  hint: the line goes into
 * the commit message, where it must never cite (SPEC section 6): a title
 * holding citation syntax is left out.
 */
static void cmd_hook_candidate_line(struct strbuf *sb, const struct adr *a,
				    const struct adr_db *known, int hint)
{
	const char *st = status_name(a->doc.status);
	const char *title = a->doc.title ? a->doc.title : NULL;

	strbuf_addf(sb, "%-4s ", a->id);
	if (title && !(hint && hook_text_cites(title, known))) {
		strbuf_addch(sb, '"');
		utf8_for_terminal(sb, title, 0);
		strbuf_addch(sb, '"');
	} else if (!hint) {
		utf8_for_terminal(sb, a->path, 0);
	} else {
		strbuf_addstr(sb, "(title not shown)");
	}
	if (st)
		strbuf_addf(sb, " (%s)", st);
}

/* The finding, for warn and block, on stderr. */
static void cmd_hook_report(const char *what, const struct change *c,
			    const struct hook_settings *s, const struct adr_db *known,
			    const struct hook_candidate *cand, size_t ncand)
{
	struct strbuf sb = STRBUF_INIT;

	hook_describe_size(&sb, c, s);
	fprintf(stderr, "adr-log: %s: %s\n", what, sb.buf);
	strbuf_reset(&sb);
	hook_describe_largest(&sb, c, HOOK_LARGEST);
	if (sb.len)
		fprintf(stderr, "  largest: %s\n", sb.buf);
	for (size_t i = 0; i < ncand; i++) {
		strbuf_reset(&sb);
		cmd_hook_candidate_line(&sb, cand[i].adr, known, 0);
		fprintf(stderr, "  %s ADR %s\n", i ? "          " : "candidates:", sb.buf);
	}
	strbuf_release(&sb);
}

static void cmd_hook_how(const char *again)
{
	fprintf(stderr,
		"To cover it, do one of:\n"
		"  - name the ADR it follows in the message: a trailer \"ADR: <id>\"\n"
		"  - add or edit an ADR in the same commit (adr-log new \"Title\" starts one)\n"
		"  - say why it needs none: a trailer \"ADR: none (<reason>)\"\n"
		"  - skip this check once: ADRLOG_SKIP=1 %s\n", again);
}

/* The ADRs at HEAD (empty before the first commit). */
static int cmd_hook_known(struct adr_db **out, struct hook_run *run, const char *rev)
{
	struct adr_db *db = adr_db_new();

	*out = db;
	if (!strcmp(rev, "HEAD") && change_head_unborn(run->repo))
		return 0;
	return discover_load(db, run->repo, rev, &run->s.adr_dirs, 1);
}

/* An existing ADR typed as "ADR-7", "adr 7" or "#7", or NULL. */
static const struct adr *cmd_hook_typed_adr(const char *ans, const struct adr_db *known)
{
	struct mention_list ml = MENTION_LIST_INIT;
	struct strbuf sb = STRBUF_INIT;
	const struct adr *a = NULL;

	if (ans[0] == '#')
		strbuf_addf(&sb, "ADR-%s", ans + 1);
	else
		strbuf_addstr(&sb, ans);
	mention_scan_ids(sb.buf, &ml);
	if (ml.nr == 1) {
		a = adr_db_find(known, ml.v[0].id);
		if (!a && ml.v[0].base)
			a = adr_db_find(known, ml.v[0].base);
	}
	mention_list_clear(&ml);
	strbuf_release(&sb);
	return a;
}

/* The absolute path of the message file, for instructions that work from
 * any folder (hooks run at the top of the work tree). */
static char *cmd_hook_abs_path(const char *path)
{
	char *r = realpath(path, NULL);

	return r ? r : xstrdup(path);
}

/*
 * The dialogue of an uncovered large commit.  The menu keys are the ADR
 * ids themselves (and letters for the rest), so typing "4" means ADR 4,
 * never the 4th line.  Returns 0 (go on: *msg may have a new trailer), 1
 * (stop the commit) or -1.
 */
static int cmd_hook_ask(struct hook_run *run, struct prompt *p, struct strbuf *msg,
			const char *msg_path, const struct change *c,
			const struct adr_db *known, const struct hook_candidate *cand,
			size_t ncand, int cc, const char *why)
{
	struct strbuf sb = STRBUF_INIT, ans = STRBUF_INIT;
	char *abs_msg = cmd_hook_abs_path(msg_path);
	int rc = 1, tries = 0;

	hook_describe_size(&sb, c, &run->s);
	prompt_printf(p, "\nadr-log: this commit is a large change and names no ADR:\n"
		      "  %s\n", sb.buf);
	strbuf_reset(&sb);
	hook_describe_largest(&sb, c, HOOK_LARGEST);
	if (sb.len)
		prompt_printf(p, "  largest: %s\n", sb.buf);
	if (why && *why)
		prompt_printf(p, "What the message says does not count:\n%s", why);
	if (ncand)
		prompt_printf(p, "Proposed and accepted decisions it may follow:\n");
	for (size_t i = 0; i < ncand; i++) {
		strbuf_reset(&sb);
		cmd_hook_candidate_line(&sb, cand[i].adr, known, 0);
		prompt_printf(p, "  ADR %s\n", sb.buf);
	}
	for (;;) {
		const struct adr *linked;
		char *end;

		if (++tries > 5)
			break;
		if (prompt_ask(p, "Type an ADR id to link it, (d)raft a new ADR, "
			       "(r)eason for none, (a)bort: ", &ans) < 0)
			break;	/* end of input: abort */
		/* a bare number is an id, as "ADR-<n>" is */
		strtoul(ans.buf, &end, 10);
		strbuf_reset(&sb);
		if (ans.len && !*end)
			strbuf_addf(&sb, "ADR-%s", ans.buf);
		else
			strbuf_addbuf(&sb, &ans);
		if (ans.len && (linked = cmd_hook_typed_adr(sb.buf, known))) {
			hook_msg_add_trailer(msg, "ADR", linked->id, cc);
			prompt_printf(p, "adr-log: added the trailer \"ADR: %s\"\n", linked->id);
			rc = 0;
			break;
		}
		if (!strcmp(ans.buf, "r") || !strcmp(ans.buf, "reason")) {
			if (prompt_ask(p, "Why does this change need no ADR? ", &ans) < 0)
				break;
			if (!ans.len) {
				prompt_printf(p, "adr-log: a reason is needed\n");
				continue;
			}
			strbuf_reset(&sb);
			strbuf_addf(&sb, "none (%s)", ans.buf);
			hook_msg_add_trailer(msg, "ADR", sb.buf, cc);
			prompt_printf(p, "adr-log: added the trailer \"ADR: %s\"\n", sb.buf);
			rc = 0;
			break;
		}
		if (!strcmp(ans.buf, "d") || !strcmp(ans.buf, "draft")) {
			char *path = NULL, *id = NULL;
			if (prompt_ask(p, "Title of the decision: ", &ans) < 0)
				break;
			if (!ans.len) {
				prompt_printf(p, "adr-log: a title is needed\n");
				continue;
			}
			if (template_new_adr(&path, &id, run->repo, &run->s.adr_dirs,
					     ans.buf, "Proposed") < 0) {
				prompt_printf(p, "adr-log: %s\n", error_last());
				error_clear();
				continue;
			}
			/* ":/" names the path from the top, so the command works
			 * from any subdirectory */
			prompt_printf(p, "adr-log: created %s (ADR %s, Proposed).\n"
				      "Write it down, then commit it with this change:\n"
				      "  git add :/%s && git commit --cleanup=strip -F %s\n"
				      "(a change that adds an ADR is covered; this commit "
				      "stops here, your message is kept)\n", path, id, path,
				      abs_msg);
			free(path);
			free(id);
			rc = 1;
			break;
		}
		if (!strcmp(ans.buf, "a") || !strcmp(ans.buf, "abort") || !strcmp(ans.buf, "q"))
			break;
		if (ans.len && !*end)
			prompt_printf(p, "adr-log: no ADR has the id %s\n", ans.buf);
		prompt_printf(p, "adr-log: please answer with an existing ADR id, d, r or a\n");
	}
	if (rc == 1)
		prompt_printf(p, "adr-log: commit stopped; the message is kept in %s\n",
			      abs_msg);
	free(abs_msg);
	strbuf_release(&sb);
	strbuf_release(&ans);
	return rc;
}

/*
 * How git will treat the message of this commit: whether it amends, and
 * whether comment lines are stripped, with which comment character.  The
 * command line of the git above us says it (gitcmd.c); without it, git's
 * own export tells whether an editor runs (GIT_EDITOR=: when none does).
 */
struct cmd_hook_msgmode {
	int amend;
	int editor;
	enum gitcmd_cleanup cleanup;
	int cc;
};

static void cmd_hook_msgmode(struct cmd_hook_msgmode *m, struct repo *repo,
			     const char *source, const char *msg, size_t len)
{
	struct gitcmd_commit gc;
	const char *ge = getenv("GIT_EDITOR");
	char *cfg = change_cleanup_mode(repo), *ccs = NULL;

	gitcmd_find_commit(&gc);
	m->amend = gc.amend;
	if (gc.editor >= 0)
		m->editor = gc.editor;
	else if (source)	/* prepare-commit-msg: "message" is -m/-F */
		m->editor = strcmp(source, "message") != 0;
	else
		m->editor = !(ge && !strcmp(ge, ":"));
	m->cleanup = gitcmd_cleanup_mode(gc.cleanup ? gc.cleanup : cfg, m->editor);
	if (config_get_git(&ccs, repo, "core.commentChar") < 0)
		error_clear();
	if (ccs && !strcmp(ccs, "auto"))
		m->cc = hook_comment_char_auto(msg, len, m->editor);
	else
		m->cc = change_comment_char(repo);
	free(ccs);
	free(cfg);
	gitcmd_release(&gc);
}

/* commit-msg FILE: returns 0 (let the commit through), 1 (refuse) or -1. */
static int cmd_hook_commit_msg(struct hook_run *run, int argc, const char **argv)
{
	struct change_filter f = { &run->s.ignore, &run->s.adr_dirs };
	struct change c = { 0 };
	struct strbuf msg = STRBUF_INIT, clean = STRBUF_INIT, why = STRBUF_INIT;
	struct adr_db *known = NULL;
	struct hook_candidate *cand = NULL;
	struct prompt p = { NULL, NULL };
	struct cmd_hook_msgmode mm;
	size_t ncand = 0;
	int rc = -1;

	if (argc < 1) {
		error_set("hook commit-msg: the message file is missing");
		return -1;
	}
	/* a merge brings commits that were checked on their own */
	if (change_merging(run->repo))
		return 0;
	if (cmd_hook_read_file(&msg, argv[0]) < 0)
		goto done;
	cmd_hook_msgmode(&mm, run->repo, NULL, msg.buf, msg.len);
	if (change_staged_base(&c, run->repo, mm.amend, &f) < 0)
		goto done;
	rc = 0;
	if (!hook_is_large(&c, &run->s) || c.adr_touched)
		goto done;
	/* judged as git will record it: '#' lines of -m/-F are content */
	hook_msg_recorded(&clean, msg.buf, msg.len,
			  mm.cleanup == GITCMD_CLEANUP_ALL ||
			  mm.cleanup == GITCMD_CLEANUP_SCISSORS, mm.cc);
	strbuf_trim(&clean);
	if (!clean.len)
		goto done;	/* an empty message: git aborts the commit itself */
	rc = -1;
	if (cmd_hook_known(&known, run, "HEAD") < 0)
		goto done;
	rc = 0;
	if (hook_coverage(clean.buf, &c, known) != HOOK_UNCOVERED)
		goto done;
	rc = -1;
	if (hook_candidates(&cand, &ncand, HOOK_CANDIDATES, run->repo, known, &c) < 0)
		goto done;
	hook_coverage_why(&why, clean.buf, known);
	switch (cmd_hook_mode(&run->s, &p)) {
	case HOOK_MODE_BLOCK:
		cmd_hook_report(mm.amend ? "large change without an ADR (the whole amended "
				"commit)" : "large change without an ADR", &c, &run->s, known,
				cand, ncand);
		if (why.len)
			fprintf(stderr, "What the message says does not count:\n%s", why.buf);
		cmd_hook_how("git commit ...");
		fprintf(stderr, "Commit refused (adrlog.hookMode=block); your message "
			"is kept in %s.\n", argv[0]);
		rc = 1;
		break;
	case HOOK_MODE_PROMPT:
		rc = cmd_hook_ask(run, &p, &msg, argv[0], &c, known, cand, ncand, mm.cc,
				  why.buf);
		if (rc == 0 && file_write_atomic(argv[0], msg.buf, msg.len, FILE_MODE_KEEP) < 0)
			rc = -1;
		break;
	default:
		cmd_hook_report("warning: large change without an ADR", &c, &run->s, known,
				cand, ncand);
		if (why.len)
			fprintf(stderr, "What the message says does not count:\n%s", why.buf);
		fprintf(stderr, "  (committing anyway: adrlog.hookMode=warn; add a "
			"trailer \"ADR: <id>\" or \"ADR: none (<reason>)\" to cover it)\n");
		rc = 0;
		break;
	}
done:
	prompt_close(&p);
	free(cand);
	adr_db_free(known);
	change_clear(&c);
	strbuf_release(&msg);
	strbuf_release(&clean);
	strbuf_release(&why);
	return rc;
}

/* prepare-commit-msg FILE [SOURCE [SHA]]: a commented hint, or nothing. */
static int cmd_hook_prepare(struct hook_run *run, int argc, const char **argv)
{
	struct change_filter f = { &run->s.ignore, &run->s.adr_dirs };
	struct change c = { 0 };
	struct strbuf msg = STRBUF_INIT, hint = STRBUF_INIT, sb = STRBUF_INIT;
	struct adr_db *known = NULL;
	struct hook_candidate *cand = NULL;
	struct cmd_hook_msgmode mm;
	size_t ncand = 0;
	int rc = -1;

	if (argc < 1) {
		error_set("hook prepare-commit-msg: the message file is missing");
		return -1;
	}
	if (cmd_hook_read_file(&msg, argv[0]) < 0)
		goto done;
	cmd_hook_msgmode(&mm, run->repo, argc >= 2 ? argv[1] :
			 getenv("PRE_COMMIT_COMMIT_MSG_SOURCE") ?
			 getenv("PRE_COMMIT_COMMIT_MSG_SOURCE") : "", msg.buf, msg.len);
	rc = 0;
	/* comments would stay in the commit under the other cleanup modes */
	if (!mm.editor || (mm.cleanup != GITCMD_CLEANUP_ALL &&
			   mm.cleanup != GITCMD_CLEANUP_SCISSORS))
		goto done;
	rc = -1;
	if (change_staged_base(&c, run->repo, mm.amend, &f) < 0)
		goto done;
	rc = 0;
	if (!hook_is_large(&c, &run->s) || c.adr_touched)
		goto done;
	rc = -1;
	if (cmd_hook_known(&known, run, "HEAD") < 0 ||
	    hook_candidates(&cand, &ncand, HOOK_CANDIDATES, run->repo, known, &c) < 0)
		goto done;
	/* no citation syntax here: were the hint kept (--cleanup=verbatim),
	 * it must not make the commit cite anything */
	hook_describe_size(&sb, &c, &run->s);
	strbuf_addf(&hint, "adr-log: a large change: %s.\n"
		    "Name the decision it follows: a trailer line with ADR, a colon\n"
		    "and its number; or say why it needs none: ADR, a colon, the word\n"
		    "none and the reason in parentheses.\n", sb.buf);
	if (ncand)
		strbuf_addstr(&hint, "Proposed and accepted decisions (number, title):\n");
	for (size_t i = 0; i < ncand; i++) {
		strbuf_reset(&sb);
		cmd_hook_candidate_line(&sb, cand[i].adr, known, 1);
		strbuf_addf(&hint, "  %s\n", sb.buf);
	}
	hook_msg_add_hint(&msg, hint.buf, mm.cc);
	rc = file_write_atomic(argv[0], msg.buf, msg.len, FILE_MODE_KEEP);
done:
	free(cand);
	adr_db_free(known);
	change_clear(&c);
	strbuf_release(&msg);
	strbuf_release(&hint);
	strbuf_release(&sb);
	return rc;
}

/* Check the commits one pushed ref sends; uncovered ones go to bad. */
static int cmd_hook_push_ref(struct hook_run *run, const char *local, const char *remote_sha,
			     const char *remote, struct strvec *seen, struct strbuf *bad,
			     int *nbad)
{
	struct strvec commits = STRVEC_INIT;
	struct adr_db *known = NULL;
	int rc = -1;

	if (change_outgoing(&commits, run->repo, local, remote_sha, remote) < 0)
		goto done;
	if (cmd_hook_known(&known, run, local) < 0)
		goto done;
	for (size_t i = 0; i < commits.nr; i++) {
		struct change c = { 0 };
		struct strbuf sb = STRBUF_INIT;
		char *subject;
		int uncovered;

		if (strvec_find(seen, commits.v[i]) >= 0)
			continue;
		strvec_push(seen, commits.v[i]);
		if (hook_commit_is_uncovered(&uncovered, run->repo, commits.v[i], &run->s,
					     known, &c) < 0)
			goto done;
		if (uncovered) {
			subject = change_subject(run->repo, commits.v[i]);
			strbuf_addf(bad, "  %.12s ", commits.v[i]);
			utf8_for_terminal(bad, subject ? subject : "", 0);
			hook_describe_size(&sb, &c, &run->s);
			strbuf_addf(bad, "\n      %s\n", sb.buf);
			(*nbad)++;
			free(subject);
		}
		strbuf_release(&sb);
		change_clear(&c);
	}
	rc = 0;
done:
	adr_db_free(known);
	strvec_clear(&commits);
	return rc;
}

/* pre-push REMOTE URL, refs on stdin: 0 (push), 1 (refuse) or -1. */
static int cmd_hook_pre_push(struct hook_run *run, int argc, const char **argv)
{
	const char *to = getenv("PRE_COMMIT_TO_REF"), *from = getenv("PRE_COMMIT_FROM_REF");
	const char *remote = argc >= 1 ? argv[0] : getenv("PRE_COMMIT_REMOTE_NAME");
	struct strvec seen = STRVEC_INIT;
	struct strbuf line = STRBUF_INIT, bad = STRBUF_INIT, ans = STRBUF_INIT;
	struct prompt p = { NULL, NULL };
	int nbad = 0, rc = -1, c, lines = 0;

	/* under the pre-commit framework the range is in the environment
	 * and stdin is not git's; a terminal on stdin is nobody's ref list */
	for (c = (to && *to) || isatty(STDIN_FILENO) ? EOF : 0; c != EOF;) {
		char lref[1024], lsha[128], rref[1024], rsha[128];

		strbuf_reset(&line);
		while ((c = getchar()) != EOF && c != '\n')
			strbuf_addch(&line, c);
		if (line.len && sscanf(line.buf, "%1023s %127s %1023s %127s",
				       lref, lsha, rref, rsha) == 4) {
			lines++;
			if (!change_is_zero_sha(lsha) &&	/* zero: a deleted ref */
			    cmd_hook_push_ref(run, lsha, rsha, remote, &seen, &bad, &nbad) < 0)
				goto done;
		}
	}
	/* the pre-commit framework passes the range in its environment */
	if (!lines && to && *to &&
	    cmd_hook_push_ref(run, to, from, remote, &seen, &bad, &nbad) < 0)
		goto done;
	rc = 0;
	if (!nbad)
		goto done;
	switch (cmd_hook_mode(&run->s, &p)) {
	case HOOK_MODE_BLOCK:
		fprintf(stderr, "adr-log: %d large commit%s without an ADR:\n%s", nbad,
			nbad == 1 ? "" : "s", bad.buf);
		cmd_hook_how("git push ...");
		fprintf(stderr, "(reword a commit with git commit --amend or git rebase -i)\n"
			"Push refused (adrlog.hookMode=block).\n");
		rc = 1;
		break;
	case HOOK_MODE_PROMPT:
		prompt_printf(&p, "\nadr-log: %d large commit%s without an ADR:\n%s", nbad,
			      nbad == 1 ? "" : "s", bad.buf);
		rc = 1;
		if (prompt_ask(&p, "Push anyway? [y/N] ", &ans) == 0 &&
		    (!strcmp(ans.buf, "y") || !strcmp(ans.buf, "yes")))
			rc = 0;
		break;
	default:
		fprintf(stderr, "adr-log: warning: %d large commit%s without an ADR:\n%s",
			nbad, nbad == 1 ? "" : "s", bad.buf);
		break;
	}
done:
	prompt_close(&p);
	strvec_clear(&seen);
	strbuf_release(&line);
	strbuf_release(&bad);
	strbuf_release(&ans);
	return rc;
}

int cmd_hook(int argc, const char **argv, struct cmd_ctx *ctx)
{
	const char *skip = getenv("ADRLOG_SKIP");
	struct hook_run run = { NULL, { 0 }, ctx };
	int rc;

	if (argc < 2 || !strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) {
		printf("usage: adr-log hook (commit-msg | prepare-commit-msg | pre-push) "
		       "ARGS...\n\nCalled by the hooks 'adr-log hooks install' writes.\n");
		return argc < 2 ? ADR_EXIT_USAGE : ADR_EXIT_OK;
	}
	if (strcmp(argv[1], "commit-msg") && strcmp(argv[1], "prepare-commit-msg") &&
	    strcmp(argv[1], "pre-push")) {
		error_report("hook: '%s' is not a hook adr-log handles", argv[1]);
		return ADR_EXIT_USAGE;
	}
	if (skip && *skip && strcmp(skip, "0"))
		return ADR_EXIT_OK;	/* ADRLOG_SKIP=1: this once */
	/* prepare-commit-msg for -m/-F, merges, amends, squashes: no editor
	 * or not a new change; decided before the repository is opened */
	if (!strcmp(argv[1], "prepare-commit-msg")) {
		/* the pre-commit framework passes the source in its environment */
		const char *src = argc >= 4 ? argv[3] : getenv("PRE_COMMIT_COMMIT_MSG_SOURCE");
		if (src && *src && strcmp(src, "template"))
			return ADR_EXIT_OK;
	}
	change_trust_objects();
	if (repo_open(&run.repo, ctx->opts->chdir) < 0 ||
	    hook_settings_load(&run.s, run.repo, &ctx->opts->adr_dirs) < 0) {
		rc = -1;
	} else if (!strcmp(argv[1], "commit-msg")) {
		rc = cmd_hook_commit_msg(&run, argc - 2, argv + 2);
	} else if (!strcmp(argv[1], "prepare-commit-msg")) {
		rc = cmd_hook_prepare(&run, argc - 2, argv + 2);
	} else {
		rc = cmd_hook_pre_push(&run, argc - 2, argv + 2);
	}
	if (rc < 0) {
		if (run.s.fail_closed) {
			error_print();
			fprintf(stderr, "adr-log: %s stopped (adrlog.failClosed=true)\n",
				argv[1]);
			rc = ADR_EXIT_FAIL;
		} else {
			warning("%s hook failed: %s; going on (fail-open)", argv[1],
				error_last());
			rc = ADR_EXIT_OK;
		}
	}
	hook_settings_release(&run.s);
	repo_free(run.repo);
	return rc;
}
