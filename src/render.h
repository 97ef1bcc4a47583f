/*
 * render: the single dispatch from (view, format) to a renderer.  The
 * renderers (render_text.c, render_md.c, render_json.c, render_mermaid.c,
 * render_html.c) read only the model (adr.h) and this context; no
 * command formats output itself, and no renderer sees git or cmark.
 */
#ifndef ADRLOG_RENDER_H
#define ADRLOG_RENDER_H

#include <stdio.h>

#include "adr.h"

enum render_format {
	FMT_TEXT = 0,
	FMT_MARKDOWN,
	FMT_JSON,
	FMT_MERMAID,
	FMT_HTML
};

enum render_view {
	VIEW_LIST,		/* ADRs at a revision */
	VIEW_TIMELINE,		/* status events */
	VIEW_SHOW,		/* one ADR (ctx->adr) */
	VIEW_LINKS,		/* referencing commits (all, or ctx->adr) */
	VIEW_RELEASE_NOTES,	/* decisions changed in a range */
	VIEW_INDEX,		/* the Number | Title | Status table */
	VIEW_CHECK		/* check findings (ctx->check) */
};

struct check_report;
struct relnotes;
struct forge;

struct render_ctx {
	FILE *out;
	const struct adr_db *db;
	const struct adr *adr;	/* VIEW_SHOW, VIEW_LINKS for one ADR */
	int color;		/* emit ANSI colors (text only) */
	int all;		/* include deleted ADRs (JSON "adrs") */
	int with_commits;	/* JSON: fill commit lists (not for list) */
	const struct check_report *check;	/* VIEW_CHECK */
	const struct relnotes *notes;	/* VIEW_RELEASE_NOTES */
	const char *base_dir;	/* VIEW_INDEX: links relative to this folder */
	const char *repo_name;	/* HTML header: the repository, or NULL */
	const char *const *pages;	/* HTML timeline in a site: per db->adrs[i],
					 * its page (relative URL) or NULL */
	size_t width;		/* text: display cells to fit (term_width()); 0: no limit */
	/*
	 * Timeline views: for db->events[i], the ISO committer date of the
	 * commit that landed it (events are grouped by it); NULL (the array
	 * or an entry): the event's author date.
	 */
	char *const *landed_dates;
	int reverse;		/* timeline: newest first */
	const char *body;	/* VIEW_SHOW: the record's text (--body), or NULL */
	int body_raw;		/* print body as it is written (--raw) */
	const struct forge *forge;	/* commit/file links (forge.h), or NULL */
};

/* "text", "markdown"/"md", "json", "mermaid", "html"; -1 if unknown. */
int render_format_parse(const char *name, enum render_format *out);
const char *render_format_name(enum render_format f);

/*
 * Render view in format.  Returns 0, or -1 with an error set when the
 * format does not support the view ("list does not support --format html").
 */
int render(enum render_format format, enum render_view view,
	   const struct render_ctx *ctx);

/* Per-format entry points (one file each); same contract as render(). */
int render_text(enum render_view view, const struct render_ctx *ctx);
int render_markdown(enum render_view view, const struct render_ctx *ctx);
int render_json(enum render_view view, const struct render_ctx *ctx);
int render_mermaid(enum render_view view, const struct render_ctx *ctx);
int render_html(enum render_view view, const struct render_ctx *ctx);

/*
 * The views of `index`, `check` and `release-notes` (render_*_report.c),
 * called from the per-format dispatch; same contract as render().
 */
int render_md_index(const struct render_ctx *ctx);
int render_md_release_notes(const struct render_ctx *ctx);
int render_text_check(const struct render_ctx *ctx);
int render_json_check(const struct render_ctx *ctx);
int render_json_release_notes(const struct render_ctx *ctx);

struct strbuf;
/* The index table (header, separator, one row per live ADR) into out,
 * links relative to base_dir.  The text `index --write` splices in. */
void render_md_index_table(struct strbuf *out, const struct adr_db *db,
			   const char *base_dir);
/*
 * s as inert Markdown inline text: one line, control characters
 * neutralised (utf8_for_terminal), raw HTML, entities, links, images,
 * emphasis, code spans, strikethrough and @mentions made plain text,
 * with no backslash where a renderer would not need one (snake_case,
 * R&D, a lone ~ stay as written).
 */
void render_md_escape(struct strbuf *out, const char *s);

/*
 * Append s to out for HTML text or a quoted attribute value: control
 * characters neutralised (utf8_for_terminal) and & < > " ' as entities.
 */
void render_html_escape(struct strbuf *out, const char *s);
/* "`abc1234`", linked to the commit's page when the forge is known. */
void render_md_sha_link(struct strbuf *out, const struct forge *f, const char *sha);
struct relnotes_section;
/* A release-notes section's groups as Markdown (what {{body}} gives). */
void render_md_relnotes_body(struct strbuf *out, const struct render_ctx *ctx,
			     const struct relnotes_section *s);
/* "new"/"no status" for none at the start/end of a range, else the name. */
const char *render_relnotes_status(enum adr_status s, int at_start);
int render_text_release_notes(const struct render_ctx *ctx);
/* s as one Markdown table cell ('|' escaped, no newlines, valid UTF-8). */
void render_md_cell(struct strbuf *out, const char *s);
/* "Accepted" for accepted; the raw text when unknown; "" for none. */
void render_status_label(struct strbuf *out, const struct adr_doc *doc);
/* path relative to the folder base ("../" as needed). */
void render_relative_path(struct strbuf *out, const char *base, const char *path);

/* Record "<view>: --format <f> is not supported"; returns -1. */
int render_unsupported(enum render_format format, enum render_view view);

/* "list", "timeline", ... for messages. */
const char *render_view_name(enum render_view view);

struct json;
/*
 * The SPEC section 5 fields of one status event (commit, landed, date,
 * author, from, to) into the current JSON object: shared by render_json.c
 * and render_json_report.c so the event shape is written in one place.
 */
void render_json_event_fields(struct json *jw, const struct adr_event *e);

#endif
