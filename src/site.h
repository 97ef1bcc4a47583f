/*
 * site: `adr-log site OUTDIR`, a static, self-contained decision log (ADR
 * 0029): index.html (every ADR, status and folder filters, a search over
 * titles and full text from an index inside the page), adr/<id>.html per
 * ADR (its rendered body, status history, implementing commits, links
 * both ways, earlier paths), timeline.html (the HTML timeline, its lanes
 * linked to the pages) and graph.html (supersede/amend edges as SVG).
 * Every page inlines its CSS and script, loads nothing, and links the
 * others relatively, so the folder works from file:// and anywhere it is
 * published.
 *
 * This layer reads only the model, the bodies the command read, and
 * writes through file.h (no link inside OUTDIR is ever followed).
 */
#ifndef ADRLOG_SITE_H
#define ADRLOG_SITE_H

#include "adr.h"
#include "render.h"

struct site_input {
	const struct adr_db *db;
	/* per db->adrs[i]: its file at the tip (NULL: none, e.g. deleted) */
	const char *const *bodies;
	const size_t *body_lens;
	const char *repo_name;		/* shown in every header; may be NULL */
	const char *rev;		/* the revision the user asked for */
	const struct forge *forge;	/* commit and file links (forge.h), or NULL */
};

/* The marker file that says a folder was written by adr-log site. */
#define SITE_MARKER ".adr-log-site"

/*
 * Write the site into outdir (created when missing).  A folder that is
 * not empty and has no SITE_MARKER is refused unless force.  Pages of a
 * previous build that this one does not write are removed (only names
 * the marker lists, only below outdir).  *nfiles gets the number of files
 * written.  Returns 0, or -1 with an error set.
 */
int site_build(const char *outdir, const struct site_input *in, int force,
	       size_t *nfiles);

#endif
