/*
 * render_md_relnotes: release notes as Markdown, the text a maintainer
 * pastes into a release (and that contrib/git-cliff splices into a
 * changelog): per section a heading with the tag and date, then the
 * decisions by group, each with its net change, the commit that changed
 * it and the commits of the range that implement it, then the work on
 * earlier decisions.  All repository text goes through
 * render_md_escape(); commits and records link to the forge when known.
 */
#include "render.h"

#include <string.h>

#include "forge.h"
#include "report.h"
#include "status.h"
#include "strbuf.h"

/* A status as release notes name it at one end of a range. */
const char *render_relnotes_status(enum adr_status s, int at_start)
{
	if (s == ADR_STATUS_NONE)
		return at_start ? "new" : "no status";
	return status_name(s) ? status_name(s) : "unknown";
}

/* "**ADR 23: Deploy with Scores**", the title linked to the record. */
static void render_md_relnotes_name(struct strbuf *out, const struct render_ctx *ctx,
				    const struct adr *a)
{
	struct strbuf url = STRBUF_INIT;
	int link = !a->deleted &&
		   forge_file_link(&url, ctx->forge, ctx->db->head, a->path) == 0;

	strbuf_addstr(out, link ? "**[ADR " : "**ADR ");
	render_md_escape(out, a->id);
	strbuf_addstr(out, ": ");
	render_md_escape(out, a->doc.title ? a->doc.title : a->path);
	if (link)
		strbuf_addf(out, "](%s)", url.buf);
	strbuf_addstr(out, "**");
	strbuf_release(&url);
}

/* "`abc1234` subject (2023-11-14)" for a commit of the db. */
static void render_md_relnotes_commit(struct strbuf *out, const struct render_ctx *ctx,
				      const char *sha, const char *date)
{
	const struct adr_commit *c = adr_db_commit(ctx->db, sha);

	render_md_sha_link(out, ctx->forge, sha);
	if (c && c->subject && *c->subject) {
		strbuf_addch(out, ' ');
		render_md_escape(out, c->subject);
	}
	if (date && strlen(date) >= 10)
		strbuf_addf(out, " (%.10s)", date);
	strbuf_addch(out, '\n');
}

/* One decision: a list item, its change(s), its implementing commits. */
static void render_md_relnotes_item(struct strbuf *out, const struct render_ctx *ctx,
				    const struct relnotes_item *it)
{
	const struct adr_event *last = relnotes_change_event(it);
	int all = ctx->notes->all_transitions;

	strbuf_addstr(out, "- ");
	render_md_relnotes_name(out, ctx, it->adr);
	if (it->group == RELNOTES_EARLIER)
		strbuf_addf(out, " (%s)\n", render_relnotes_status(it->to, 0));
	else
		strbuf_addf(out, ": %s \xe2\x86\x92 %s%s\n", render_relnotes_status(it->from, 1),
			    render_relnotes_status(it->to, 0),
			    it->changed ? "" : " (no net change)");
	for (size_t i = 0; all && i < it->events_nr; i++) {
		const struct adr_event *e = it->events[i];

		strbuf_addf(out, "  - %s \xe2\x86\x92 %s in ", render_relnotes_status(e->from, 1),
			    render_relnotes_status(e->to, 0));
		render_md_relnotes_commit(out, ctx, e->commit, e->date);
	}
	if (!all && last && it->group != RELNOTES_EARLIER) {
		strbuf_addstr(out, "  - changed in ");
		render_md_relnotes_commit(out, ctx, last->commit, last->date);
	}
	for (size_t k = 0; k < it->commits.nr; k++) {
		strbuf_addstr(out, "  - implemented in ");
		render_md_relnotes_commit(out, ctx, it->commits.v[k], NULL);
	}
}

/* The items of one group (a list; "" when the group is empty). */
static void render_md_relnotes_group(struct strbuf *out, const struct render_ctx *ctx,
				     const struct relnotes_section *s,
				     enum relnotes_group g)
{
	for (size_t i = 0; i < s->nr; i++)
		if (s->items[i].group == g)
			render_md_relnotes_item(out, ctx, &s->items[i]);
}

static void render_md_heading(struct strbuf *out, int level)
{
	for (int i = 0; i < level; i++)
		strbuf_addch(out, '#');
	strbuf_addch(out, ' ');
}

static int render_md_level(const struct render_ctx *ctx)
{
	return ctx->notes->heading_level ? ctx->notes->heading_level : 2;
}

void render_md_relnotes_body(struct strbuf *out, const struct render_ctx *ctx,
			     const struct relnotes_section *s)
{
	int first = 1;

	if (!relnotes_changed_count(s))
		strbuf_addstr(out, "No decision changed status.\n");
	for (int g = 0; g < RELNOTES__COUNT; g++) {
		struct strbuf items = STRBUF_INIT;

		render_md_relnotes_group(&items, ctx, s, (enum relnotes_group)g);
		if (items.len) {
			if (!first || g == RELNOTES_EARLIER)
				strbuf_addch(out, '\n');
			first = 0;
			render_md_heading(out, render_md_level(ctx) + 1);
			strbuf_addf(out, "%s\n\n", relnotes_group_title((enum relnotes_group)g));
			strbuf_addbuf(out, &items);
		}
		strbuf_release(&items);
	}
}

/*
 * The value of one template placeholder for section s; returns 0 when
 * name is not a placeholder (it is then copied as written).
 */
static int render_md_placeholder(struct strbuf *out, const struct render_ctx *ctx,
				 const struct relnotes_section *s, const char *name,
				 size_t len)
{
	static const struct { const char *name; enum relnotes_group g; } groups[] = {
		{ "new", RELNOTES_NEW }, { "accepted", RELNOTES_ACCEPTED },
		{ "implemented", RELNOTES_IMPLEMENTED }, { "deprecated", RELNOTES_RETIRED },
		{ "superseded", RELNOTES_RETIRED }, { "rejected", RELNOTES_REJECTED },
		{ "withdrawn", RELNOTES_REJECTED }, { "earlier", RELNOTES_EARLIER },
	};
#define IS(word) (len == strlen(word) && !strncmp(name, word, len))
	if (IS("title"))
		render_md_escape(out, s->title);
	else if (IS("from"))
		render_md_escape(out, s->from ? s->from : "");
	else if (IS("to"))
		render_md_escape(out, s->to);
	else if (IS("date"))
		strbuf_addf(out, "%.10s", s->date ? s->date : "");
	else if (IS("count"))
		strbuf_addf(out, "%zu", relnotes_changed_count(s));
	else if (IS("body"))
		render_md_relnotes_body(out, ctx, s);
	else {
		for (size_t i = 0; i < sizeof(groups) / sizeof(*groups); i++)
			if (IS(groups[i].name)) {
				render_md_relnotes_group(out, ctx, s, groups[i].g);
				return 1;
			}
		return 0;
	}
#undef IS
	return 1;
}

/* tmpl with every {{placeholder}} of section s filled in. */
static void render_md_template(struct strbuf *out, const char *tmpl,
			       const struct render_ctx *ctx,
			       const struct relnotes_section *s)
{
	const char *p = tmpl, *open, *close;

	while ((open = strstr(p, "{{")) && (close = strstr(open + 2, "}}"))) {
		const char *n = open + 2, *e = close;

		strbuf_add(out, p, (size_t)(open - p));
		while (n < e && *n == ' ')
			n++;
		while (e > n && e[-1] == ' ')
			e--;
		if (!render_md_placeholder(out, ctx, s, n, (size_t)(e - n)))
			strbuf_add(out, open, (size_t)(close + 2 - open));
		p = close + 2;
	}
	strbuf_addstr(out, p);
}

int render_md_release_notes(const struct render_ctx *ctx)
{
	const struct relnotes *rn = ctx->notes;
	struct strbuf sb = STRBUF_INIT;

	for (size_t i = 0; rn && i < rn->nr; i++) {
		const struct relnotes_section *s = &rn->v[i];

		if (rn->template) {
			render_md_template(&sb, rn->template, ctx, s);
			continue;
		}
		if (i)
			strbuf_addch(&sb, '\n');
		render_md_heading(&sb, render_md_level(ctx));
		render_md_escape(&sb, s->title);
		if (s->date)
			strbuf_addf(&sb, " (%.10s)", s->date);
		strbuf_addstr(&sb, "\n\n");
		render_md_relnotes_body(&sb, ctx, s);
	}
	fwrite(sb.buf, 1, sb.len, ctx->out);
	strbuf_release(&sb);
	return 0;
}
