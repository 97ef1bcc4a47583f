/*
 * render_text_report: the text views of `check` (one finding per line,
 * "path:line: rule-id: message", compiler style, so editors jump to it;
 * "path: rule-id: message" when there is no line) and of release notes
 * (the Markdown layout without markup, for a terminal).  Every piece of
 * repository text passes utf8_for_terminal().  Reads only the model.
 */
#include "render.h"

#include <string.h>

#include "report.h"
#include "strbuf.h"
#include "term.h"
#include "utf8.h"

int render_text_check(const struct render_ctx *ctx)
{
	const struct check_report *r = ctx->check;
	struct strbuf sb = STRBUF_INIT;

	for (size_t i = 0; r && i < r->nr; i++) {
		const struct check_finding *f = &r->v[i];
		int err = check_kind_severity(f->kind) == CHECK_ERROR;

		strbuf_reset(&sb);
		utf8_for_terminal(&sb, f->path, 0);
		if (f->line)
			strbuf_addf(&sb, ":%u", f->line);
		strbuf_addstr(&sb, ": ");
		if (ctx->color)
			strbuf_addstr(&sb, err ? TERM_BOLD : TERM_YELLOW);
		strbuf_addstr(&sb, check_kind_name(f->kind));
		if (ctx->color)
			strbuf_addstr(&sb, TERM_RESET);
		strbuf_addstr(&sb, ": ");
		utf8_for_terminal(&sb, f->message, 0);
		strbuf_addch(&sb, '\n');
		fwrite(sb.buf, 1, sb.len, ctx->out);
	}
	strbuf_release(&sb);
	return 0;
}

/* "abc1234 subject (2023-11-14)" for a commit of the db, one line. */
static void render_text_relnotes_commit(struct strbuf *out, const struct adr_db *db,
					const char *sha, const char *date)
{
	const struct adr_commit *c = adr_db_commit(db, sha);

	strbuf_addf(out, "%.7s", sha);
	if (c && c->subject && *c->subject) {
		strbuf_addch(out, ' ');
		utf8_for_terminal(out, c->subject, 0);
	}
	if (date && strlen(date) >= 10)
		strbuf_addf(out, " (%.10s)", date);
	strbuf_addch(out, '\n');
}

static void render_text_relnotes_item(struct strbuf *out, const struct render_ctx *ctx,
				      const struct relnotes_item *it)
{
	const struct adr_event *last = relnotes_change_event(it);
	int all = ctx->notes->all_transitions;

	strbuf_addstr(out, "  ADR ");
	utf8_for_terminal(out, it->adr->id, 0);
	strbuf_addstr(out, ": ");
	utf8_for_terminal(out, it->adr->doc.title ? it->adr->doc.title : it->adr->path, 0);
	if (it->group == RELNOTES_EARLIER)
		strbuf_addf(out, " (%s)\n", render_relnotes_status(it->to, 0));
	else
		strbuf_addf(out, ": %s -> %s%s\n", render_relnotes_status(it->from, 1),
			    render_relnotes_status(it->to, 0),
			    it->changed ? "" : " (no net change)");
	for (size_t i = 0; all && i < it->events_nr; i++) {
		const struct adr_event *e = it->events[i];

		strbuf_addf(out, "    %s -> %s in ", render_relnotes_status(e->from, 1),
			    render_relnotes_status(e->to, 0));
		render_text_relnotes_commit(out, ctx->db, e->commit, e->date);
	}
	if (!all && last && it->group != RELNOTES_EARLIER) {
		strbuf_addstr(out, "    changed in ");
		render_text_relnotes_commit(out, ctx->db, last->commit, last->date);
	}
	for (size_t k = 0; k < it->commits.nr; k++) {
		strbuf_addstr(out, "    implemented in ");
		render_text_relnotes_commit(out, ctx->db, it->commits.v[k], NULL);
	}
}

int render_text_release_notes(const struct render_ctx *ctx)
{
	const struct relnotes *rn = ctx->notes;
	struct strbuf sb = STRBUF_INIT;

	if (rn && rn->template)
		return render_md_release_notes(ctx);
	for (size_t i = 0; rn && i < rn->nr; i++) {
		const struct relnotes_section *s = &rn->v[i];

		if (i)
			strbuf_addch(&sb, '\n');
		if (ctx->color)
			strbuf_addstr(&sb, TERM_BOLD);
		utf8_for_terminal(&sb, s->title, 0);
		if (s->date)
			strbuf_addf(&sb, " (%.10s)", s->date);
		if (ctx->color)
			strbuf_addstr(&sb, TERM_RESET);
		strbuf_addch(&sb, '\n');
		if (!relnotes_changed_count(s))
			strbuf_addstr(&sb, "No decision changed status.\n");
		for (int g = 0; g < RELNOTES__COUNT; g++) {
			int any = 0;

			for (size_t k = 0; k < s->nr; k++) {
				if (s->items[k].group != (enum relnotes_group)g)
					continue;
				if (!any++)
					strbuf_addf(&sb, "\n%s\n",
						    relnotes_group_title((enum relnotes_group)g));
				render_text_relnotes_item(&sb, ctx, &s->items[k]);
			}
		}
	}
	fwrite(sb.buf, 1, sb.len, ctx->out);
	strbuf_release(&sb);
	return 0;
}
