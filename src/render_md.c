/*
 * render_md: Markdown (GitHub/Gitea flavoured) for people reading a PR, a
 * wiki or release notes: tables for list and links, the timeline grouped
 * by day, one ADR's page for show.  Every piece of repository text goes
 * through render_md_escape(), which neutralises Markdown and HTML syntax.
 * The index and release-notes views live in render_md_report.c.
 */
#include "render.h"

#include <string.h>

#include "forge.h"
#include "status.h"
#include "strbuf.h"
#include "utf8.h"

/* A byte that is part of a word for emphasis and mentions (UTF-8 too). */
static int render_md_wordch(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || c >= 0x80;
}

/* Does p start an entity reference ("&amp;", "&#35;", "&#x23;")? */
static int render_md_entity_at(const char *p)
{
	size_t n = 1;

	if (p[n] == '#')
		n++;
	while (render_md_wordch((unsigned char)p[n]) && (unsigned char)p[n] < 0x80 && n < 40)
		n++;
	return n > 1 && p[n] == ';';
}

void render_md_escape(struct strbuf *out, const char *s)
{
	struct strbuf flat = STRBUF_INIT, safe = STRBUF_INIT;
	const char *p;
	int tildes = 0;

	for (; s && *s; s++) {
		if (!strncmp(s, "\xe2\x80\xa8", 3) || !strncmp(s, "\xe2\x80\xa9", 3)) {
			strbuf_addch(&flat, ' ');	/* U+2028/U+2029 separators */
			s += 2;
		} else {
			strbuf_addch(&flat, *s == '\n' || *s == '\r' ? ' ' : *s);
		}
	}
	utf8_for_terminal(&safe, flat.buf, 0);
	for (p = safe.buf; *p; p++)
		tildes += *p == '~';
	for (p = safe.buf; *p; p++) {
		unsigned char prev = p > safe.buf ? (unsigned char)p[-1] : ' ';
		unsigned char next = (unsigned char)p[1];

		switch (*p) {
		case '<': strbuf_addstr(out, "&lt;"); continue;
		case '>': strbuf_addstr(out, "&gt;"); continue;
		case '&':
			strbuf_addstr(out, render_md_entity_at(p) ? "&amp;" : "&");
			continue;
		case '`': case '*': case '[': case ']': case '|':
			break;	/* code spans, emphasis, links and images, cells */
		case '\\':
			/* only where it would escape what follows (or our markup) */
			if (next && !strchr("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", next))
				goto literal;
			break;
		case '_':
			/* snake_case is no emphasis: an intraword '_' never opens */
			if (render_md_wordch(prev) && render_md_wordch(next))
				goto literal;
			break;
		case '~':
			if (tildes < 2)	/* one tilde strikes nothing through */
				goto literal;
			break;
		case '#':
			/* a closing run at the end of a heading would be dropped */
			if (p[strspn(p, "#")])
				goto literal;
			break;
		case '@':
			/* a mention notifies people: a zero-width space breaks it
			 * (what Dependabot does); e-mail addresses stay as written */
			strbuf_addch(out, '@');
			if (!render_md_wordch(prev) && render_md_wordch(next))
				strbuf_addstr(out, "\xe2\x80\x8b");
			continue;
		default:
			goto literal;
		}
		strbuf_addch(out, '\\');
literal:
		strbuf_addch(out, *p);
	}
	strbuf_release(&flat);
	strbuf_release(&safe);
}

/* Write s escaped (render_md_escape) to out; NULL or "" writes dflt. */
static void render_md_put(FILE *out, const char *s, const char *dflt)
{
	struct strbuf sb = STRBUF_INIT;

	if (!s || !*s) {
		fputs(dflt, out);
		return;
	}
	render_md_escape(&sb, s);
	fputs(sb.buf, out);
	strbuf_release(&sb);
}

/* "Name" of "Name <mail>" (the mail address is noise in a table). */
static void render_md_author(FILE *out, const char *author)
{
	struct strbuf sb = STRBUF_INIT;
	const char *lt = author ? strrchr(author, '<') : NULL;

	if (author)
		strbuf_add(&sb, author, lt ? (size_t)(lt - author) : strlen(author));
	strbuf_rtrim(&sb);
	render_md_put(out, sb.len ? sb.buf : author, "-");
	strbuf_release(&sb);
}

static const char *render_md_status(enum adr_status s)
{
	const char *n = status_name(s);
	return n ? n : "no status";
}

/* "`abc1234`": a short commit id (hex only, safe in a code span). */
static void render_md_sha(FILE *out, const char *sha)
{
	fprintf(out, "`%.7s`", sha);
}

void render_md_sha_link(struct strbuf *out, const struct forge *f, const char *sha)
{
	struct strbuf url = STRBUF_INIT;

	if (forge_commit_link(&url, f, sha) == 0)
		strbuf_addf(out, "[`%.7s`](%s)", sha, url.buf);
	else
		strbuf_addf(out, "`%.7s`", sha);
	strbuf_release(&url);
}

/* "proposed → **accepted**", "created as **proposed**", "**deleted**". */
static void render_md_change(FILE *out, const struct adr_event *e)
{
	if (e->from == ADR_STATUS_NONE && e->to != ADR_STATUS_DELETED)
		fprintf(out, "created as **%s**", render_md_status(e->to));
	else
		fprintf(out, "%s → **%s**", render_md_status(e->from),
			render_md_status(e->to));
}

static void render_md_subject(FILE *out, const struct adr_db *db, const char *sha)
{
	const struct adr_commit *c = adr_db_commit(db, sha);
	render_md_put(out, c ? c->subject : NULL, "");
}

static int render_md_list(const struct render_ctx *ctx)
{
	FILE *out = ctx->out;
	int any = 0;

	for (size_t i = 0; i < ctx->db->nr; i++) {
		const struct adr *a = ctx->db->adrs[i];

		if (a->deleted && !ctx->all)
			continue;
		if (!any++)
			fputs("| ID | Title | Status | Date | Path |\n"
			      "| --- | --- | --- | --- | --- |\n", out);
		fputs("| ", out);
		render_md_put(out, a->id, "-");
		fputs(" | ", out);
		render_md_put(out, a->doc.title, "-");
		fputs(" | ", out);
		render_md_put(out, status_name(a->doc.status), "-");
		fputs(" | ", out);
		render_md_put(out, a->doc.date, "-");
		fputs(" | ", out);
		render_md_put(out, a->path, "-");
		fputs(a->deleted ? " (deleted) |\n" : " |\n", out);
	}
	if (!any)
		fputs("_No ADRs found._\n", out);
	return 0;
}

/* "**ADR 12** Use NATS", the title linked to the record when the forge is known. */
static void render_md_adr_name(FILE *out, const struct render_ctx *ctx,
			       const struct adr *a)
{
	struct strbuf url = STRBUF_INIT;
	int link = !a->deleted && a->doc.title && *a->doc.title &&
		   forge_file_link(&url, ctx->forge, ctx->db->head, a->path) == 0;

	fputs("**ADR ", out);
	render_md_put(out, a->id, "?");
	fputs(link ? "** [" : "** ", out);
	render_md_put(out, a->doc.title, "");
	if (link)
		fprintf(out, "](%s)", url.buf);
	strbuf_release(&url);
}

/* The commit id of the timeline, linked when the forge is known. */
static void render_md_sha_put(FILE *out, const struct render_ctx *ctx, const char *sha)
{
	struct strbuf sb = STRBUF_INIT;

	render_md_sha_link(&sb, ctx->forge, sha);
	fputs(sb.buf, out);
	strbuf_release(&sb);
}

/*
 * The timeline, in timeline order, with a "## YYYY-MM-DD" heading each
 * time the day it landed changes (ctx->landed_dates, as the text timeline:
 * never going back; the author date without them).
 */
static int render_md_timeline(const struct render_ctx *ctx)
{
	const struct adr_db *db = ctx->db;
	FILE *out = ctx->out;
	char day[11] = "";
	size_t n = 0;

	fputs("# Decision timeline\n", out);
	for (size_t i = 0; i < db->events_nr; i++) {
		const struct adr_event *e = db->events[i];
		const char *d = ctx->landed_dates && ctx->landed_dates[i] ?
				ctx->landed_dates[i] : e->date ? e->date : "";

		if (ctx->adr && e->adr != ctx->adr)
			continue;
		n++;
		if (*day && *d && (ctx->reverse ? strncmp(d, day, 10) > 0 : strncmp(d, day, 10) < 0))
			d = day;	/* a clock that went back: the day stays */
		if (strncmp(day, d, 10) || !*day) {
			snprintf(day, sizeof(day), "%.10s", *d ? d : "undated");
			fprintf(out, "\n## %s\n\n", day);
		}
		fputs("- ", out);
		render_md_adr_name(out, ctx, e->adr);
		fputs(": ", out);
		render_md_change(out, e);
		fputs(" (", out);
		render_md_sha_put(out, ctx, e->commit);
		fputs(", ", out);
		render_md_author(out, e->author);
		if (adr_db_commit(db, e->commit)) {
			fputs(": ", out);
			render_md_subject(out, db, e->commit);
		}
		fputs(")\n", out);
	}
	if (!n)
		fputs("\n_No status changes._\n", out);
	return 0;
}

/* A commit table: | Commit | Date | Author | Subject | (+ Kind). */
static void render_md_commits(FILE *out, const struct adr_db *db,
			      const struct adr *a)
{
	fputs("| Commit | Date | Author | Subject | Kind |\n"
	      "| --- | --- | --- | --- | --- |\n", out);
	for (size_t i = 0; i < a->references.nr; i++) {
		const char *sha = a->references.v[i];
		const struct adr_commit *c = adr_db_commit(db, sha);

		fputs("| ", out);
		render_md_sha(out, sha);
		fputs(" | ", out);
		fprintf(out, "%.10s", c && c->date ? c->date : "-");
		fputs(" | ", out);
		render_md_author(out, c ? c->author : NULL);
		fputs(" | ", out);
		render_md_put(out, c ? c->subject : NULL, "-");
		fputs(strvec_find(&a->edits, sha) >= 0 ? " | edits the ADR |\n"
			: " | implements |\n", out);
	}
}

/* "Supersedes: ADR 3 (Old title), ADR 4" */
static void render_md_link_line(FILE *out, const struct adr_db *db,
				const char *label, const struct strvec *ids)
{
	if (!ids->nr)
		return;
	fprintf(out, "- %s: ", label);
	for (size_t i = 0; i < ids->nr; i++) {
		const struct adr *t = adr_db_find(db, ids->v[i]);

		fputs(i ? ", ADR " : "ADR ", out);
		render_md_put(out, ids->v[i], "?");
		if (t && t->doc.title) {
			fputs(" (", out);
			render_md_put(out, t->doc.title, "");
			fputc(')', out);
		}
	}
	fputc('\n', out);
}

static int render_md_show(const struct render_ctx *ctx)
{
	const struct adr *a = ctx->adr;
	const struct adr_db *db = ctx->db;
	FILE *out = ctx->out;

	if (!a)
		return render_unsupported(FMT_MARKDOWN, VIEW_SHOW);
	fputs("# ADR ", out);
	render_md_put(out, a->id, "?");
	fputs(": ", out);
	render_md_put(out, a->doc.title, "");
	fputs("\n\n| | |\n| --- | --- |\n| Status | ", out);
	render_md_put(out, status_name(a->doc.status), "-");
	if (a->doc.status_raw) {
		fputs(" (", out);
		render_md_put(out, a->doc.status_raw, "");
		fputc(')', out);
	}
	fputs(" |\n| Date | ", out);
	render_md_put(out, a->doc.date, "-");
	fputs(" |\n| Path | ", out);
	render_md_put(out, a->path, "-");
	fputs(a->deleted ? " (deleted) |\n" : " |\n", out);
	if (a->paths.nr > 1) {
		fputs("| Former paths | ", out);
		for (size_t i = 0; i + 1 < a->paths.nr; i++) {
			if (i)
				fputs(", ", out);
			render_md_put(out, a->paths.v[i], "");
		}
		fputs(" |\n", out);
	}

	fputs("\n## Status history\n\n", out);
	if (!a->history_nr)
		fputs("_No status changes._\n", out);
	else
		fputs("| Date | Change | Commit | Author | Subject |\n"
		      "| --- | --- | --- | --- | --- |\n", out);
	for (size_t i = 0; i < a->history_nr; i++) {
		const struct adr_event *e = a->history[i];

		fprintf(out, "| %.10s | ", e->date ? e->date : "-");
		render_md_change(out, e);
		fputs(" | ", out);
		render_md_sha(out, e->commit);
		fputs(" | ", out);
		render_md_author(out, e->author);
		fputs(" | ", out);
		render_md_subject(out, db, e->commit);
		fputs(" |\n", out);
	}

	if (a->doc.supersedes.nr || a->doc.superseded_by.nr ||
	    a->doc.amends.nr || a->doc.amended_by.nr) {
		fputs("\n## Links\n\n", out);
		render_md_link_line(out, db, "Supersedes", &a->doc.supersedes);
		render_md_link_line(out, db, "Superseded by", &a->doc.superseded_by);
		render_md_link_line(out, db, "Amends", &a->doc.amends);
		render_md_link_line(out, db, "Amended by", &a->doc.amended_by);
	}

	fputs("\n## Referencing commits\n\n", out);
	if (!a->references.nr)
		fputs("_No commit references this ADR._\n", out);
	else
		render_md_commits(out, db, a);
	return 0;
}

/* Per ADR (or only ctx->adr), the commits that reference it. */
static int render_md_links(const struct render_ctx *ctx)
{
	const struct adr_db *db = ctx->db;
	FILE *out = ctx->out;
	int any = 0;

	fputs("# Commits referencing ADRs\n", out);
	for (size_t i = 0; i < db->nr; i++) {
		const struct adr *a = db->adrs[i];

		if (ctx->adr ? a != ctx->adr : !a->references.nr)
			continue;
		any = 1;
		fputs("\n## ADR ", out);
		render_md_put(out, a->id, "?");
		fputs(": ", out);
		render_md_put(out, a->doc.title, "");
		fputs("\n\n", out);
		if (a->references.nr)
			render_md_commits(out, db, a);
		else
			fputs("_No commit references this ADR._\n", out);
	}
	if (!any)
		fputs("\n_No commit references an ADR._\n", out);
	return 0;
}

int render_markdown(enum render_view view, const struct render_ctx *ctx)
{
	switch (view) {
	case VIEW_LIST:
		return render_md_list(ctx);
	case VIEW_TIMELINE:
		return render_md_timeline(ctx);
	case VIEW_SHOW:
		return render_md_show(ctx);
	case VIEW_LINKS:
		return render_md_links(ctx);
	case VIEW_INDEX:
		return render_md_index(ctx);
	case VIEW_RELEASE_NOTES:
		return render_md_release_notes(ctx);
	default:
		return render_unsupported(FMT_MARKDOWN, view);
	}
}
