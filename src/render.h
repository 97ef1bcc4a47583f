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
struct strbuf;

/*
 * Links to the forge (the web pages of a commit and of a file), for the
 * HTML pages.  Each function appends the URL to out and returns 0, or -1
 * (nothing appended) when there is none; a NULL struct or function means
 * plain text.  data is passed through (forge.c's struct forge, say).
 */
struct render_links {
	const void *data;
	int (*commit_url)(struct strbuf *out, const void *data, const char *sha);
	int (*file_url)(struct strbuf *out, const void *data, const char *sha,
			const char *path);
};

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
	const struct render_links *links;	/* HTML: forge links, or NULL */
	const char *repo_name;	/* HTML header: the repository, or NULL */
	const char *const *pages;	/* HTML timeline in a site: per db->adrs[i],
					 * its page (relative URL) or NULL */
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
