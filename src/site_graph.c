/*
 * site_graph: graph.html, the supersede/amend edges between ADRs as one
 * inline SVG (no script): a column per generation (an ADR sits right of
 * every ADR it supersedes or amends), each node a link to its page, and
 * the same edges as a list below for small screens and screen readers.
 * Edges come from both sides: "Supersedes ADR-1" in 3 and "Superseded by
 * ADR-3" in 1 are one edge.
 */
#include "site_int.h"

#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

#define NODE_W 170
#define NODE_H 44
#define GAP_X 60
#define GAP_Y 18
#define PAD 10

struct site_edge {
	size_t from, to;	/* indexes in db->adrs: from supersedes/amends to */
	int amends;
};

struct site_graph {
	struct site_edge *e;
	size_t nr, alloc;
	int *col, *row, *in;	/* per db->adrs[i]; in: takes part in an edge */
	int cols, rows;
};

static long site_live_index(const struct adr_db *db, const char *id)
{
	const struct adr *a = adr_db_find(db, id);

	for (size_t i = 0; a && i < db->nr; i++)
		if (db->adrs[i] == a)
			return (long)i;
	return -1;
}

static void site_edge_add(struct site_graph *g, long from, long to, int amends)
{
	if (from < 0 || to < 0 || from == to)
		return;
	for (size_t i = 0; i < g->nr; i++)
		if (g->e[i].from == (size_t)from && g->e[i].to == (size_t)to &&
		    g->e[i].amends == amends)
			return;
	if (g->nr == g->alloc) {
		g->alloc = g->alloc ? 2 * g->alloc : 16;
		g->e = xrealloc(g->e, g->alloc * sizeof(*g->e));
	}
	g->e[g->nr].from = (size_t)from;
	g->e[g->nr].to = (size_t)to;
	g->e[g->nr].amends = amends;
	g->nr++;
	g->in[from] = g->in[to] = 1;
}

static void site_graph_build(struct site_graph *g, const struct site *s)
{
	const struct adr_db *db = s->in->db;
	int *count, maxcol = 0;

	memset(g, 0, sizeof(*g));
	g->col = xcalloc(db->nr + 1, sizeof(int));
	g->row = xcalloc(db->nr + 1, sizeof(int));
	g->in = xcalloc(db->nr + 1, sizeof(int));
	for (size_t i = 0; i < db->nr; i++) {
		const struct adr *a = db->adrs[i];
		const struct adr_doc *d = &a->doc;

		if (a->deleted || !s->pages[i])
			continue;
		for (size_t k = 0; k < d->supersedes.nr; k++)
			site_edge_add(g, (long)i, site_live_index(db, d->supersedes.v[k]), 0);
		for (size_t k = 0; k < d->superseded_by.nr; k++)
			site_edge_add(g, site_live_index(db, d->superseded_by.v[k]), (long)i, 0);
		for (size_t k = 0; k < d->amends.nr; k++)
			site_edge_add(g, (long)i, site_live_index(db, d->amends.v[k]), 1);
		for (size_t k = 0; k < d->amended_by.nr; k++)
			site_edge_add(g, site_live_index(db, d->amended_by.v[k]), (long)i, 1);
	}
	/* Longest chain of older ADRs, relaxed at most nr times (cycles stop). */
	for (size_t pass = 0, changed = 1; changed && pass < db->nr; pass++) {
		changed = 0;
		for (size_t k = 0; k < g->nr; k++)
			if (g->col[g->e[k].from] < g->col[g->e[k].to] + 1 &&
			    g->col[g->e[k].to] + 1 < (int)db->nr) {
				g->col[g->e[k].from] = g->col[g->e[k].to] + 1;
				changed = 1;
			}
	}
	count = xcalloc(db->nr + 1, sizeof(int));
	/* Column 0 in id order; a later column's node takes the row of the
	 * first node it points to (or the next free one), which keeps most
	 * edges horizontal. */
	for (size_t i = 0; i < db->nr; i++) {
		if (g->in[i] && g->col[i] > maxcol)
			maxcol = g->col[i];
		if (g->in[i] && g->col[i] == 0)
			g->row[i] = count[0]++;
	}
	for (int c = 1; c <= maxcol; c++)
		for (size_t i = 0; i < db->nr; i++) {
			if (!g->in[i] || g->col[i] != c)
				continue;
			for (size_t k = 0; k < g->nr; k++)
				if (g->e[k].from == i && g->col[g->e[k].to] < c) {
					g->row[i] = g->row[g->e[k].to];
					break;
				}
			for (size_t j = 0; j < i; j++)
				if (g->in[j] && g->col[j] == c && g->row[j] == g->row[i]) {
					g->row[i]++;	/* taken: try the next row from the start */
					j = (size_t)-1;
				}
		}
	for (size_t i = 0; i < db->nr; i++) {
		if (!g->in[i])
			continue;
		if (g->col[i] + 1 > g->cols)
			g->cols = g->col[i] + 1;
		if (g->row[i] + 1 > g->rows)
			g->rows = g->row[i] + 1;
	}
	free(count);
}

static void site_graph_free(struct site_graph *g)
{
	free(g->e);
	free(g->col);
	free(g->row);
	free(g->in);
}

static int nx(const struct site_graph *g, size_t i) { return PAD + g->col[i] * (NODE_W + GAP_X); }
static int ny(const struct site_graph *g, size_t i) { return PAD + g->row[i] * (NODE_H + GAP_Y); }

static void site_graph_draw(struct strbuf *out, const struct site *s, const char *root,
			    const struct site_graph *g)
{
	const struct adr_db *db = s->in->db;
	int w = 2 * PAD + g->cols * NODE_W + (g->cols - 1) * GAP_X;
	int h = 2 * PAD + g->rows * NODE_H + (g->rows - 1) * GAP_Y;

	strbuf_addf(out, "<svg class=\"graph\" xmlns=\"http://www.w3.org/2000/svg\" "
		    "viewBox=\"0 0 %d %d\" width=\"%d\" role=\"img\" aria-labelledby=\"graph-title\">"
		    "<title id=\"graph-title\">Supersede and amend links between ADRs</title>\n"
		    "<defs><marker id=\"arrow-s\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" "
		    "markerWidth=\"7\" markerHeight=\"7\" orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 z\" "
		    "class=\"ah-s\"/></marker><marker id=\"arrow-a\" viewBox=\"0 0 10 10\" refX=\"10\" "
		    "refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto\"><path "
		    "d=\"M0,0 L10,5 L0,10 z\" class=\"ah-a\"/></marker></defs>\n", w, h, w);
	for (size_t k = 0; k < g->nr; k++) {
		const struct site_edge *e = &g->e[k];
		int x0 = nx(g, e->from), y0 = ny(g, e->from) + NODE_H / 2;
		int x1 = nx(g, e->to) + NODE_W, y1 = ny(g, e->to) + NODE_H / 2;

		if (g->col[e->from] <= g->col[e->to]) {	/* a cycle: loop around */
			x1 = nx(g, e->to) + NODE_W / 2;
			y1 = ny(g, e->to) + (y1 > y0 ? 0 : NODE_H);
		}
		strbuf_addf(out, "<path class=\"edge %s\" marker-end=\"url(#arrow-%c)\" "
			    "d=\"M%d,%d C%d,%d %d,%d %d,%d\"><title>ADR ",
			    e->amends ? "amends" : "supersedes", e->amends ? 'a' : 's',
			    x0, y0, x0 - GAP_X / 2, y0, x1 + GAP_X / 2, y1, x1, y1);
		site_esc(out, db->adrs[e->from]->id);
		strbuf_addstr(out, e->amends ? " amends ADR " : " supersedes ADR ");
		site_esc(out, db->adrs[e->to]->id);
		strbuf_addstr(out, "</title></path>\n");
	}
	for (size_t i = 0; i < db->nr; i++) {
		const struct adr *a = db->adrs[i];

		if (!g->in[i])
			continue;
		strbuf_addf(out, "<a href=\"%s%s\" class=\"node\"><title>ADR ", root, s->pages[i]);
		site_esc(out, a->id);
		strbuf_addstr(out, ": ");
		site_esc(out, a->doc.title);
		strbuf_addf(out, " (%s)</title><rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" "
			    "rx=\"6\" class=\"s-%s\"/><text x=\"%d\" y=\"%d\" class=\"nid\">ADR ",
			    site_status(a), nx(g, i), ny(g, i), NODE_W, NODE_H, site_status(a),
			    nx(g, i) + 8, ny(g, i) + 17);
		site_esc(out, a->id);
		strbuf_addf(out, " &middot; %s</text><text x=\"%d\" y=\"%d\" class=\"nt\">",
			    site_status(a), nx(g, i) + 8, ny(g, i) + 34);
		site_esc_n(out, a->doc.title, 22);
		strbuf_addstr(out, "</text></a>\n");
	}
	strbuf_addstr(out, "</svg>\n");
}

void site_graph_svg(struct strbuf *out, const struct site *s, const char *root)
{
	struct site_graph g;

	site_graph_build(&g, s);
	if (g.nr)
		site_graph_draw(out, s, root, &g);
	site_graph_free(&g);
}

void site_graph_page(struct strbuf *out, const struct site *s)
{
	const struct adr_db *db = s->in->db;
	struct site_graph g;

	site_head(out, s, "Decision graph", "", "graph.html");
	strbuf_addstr(out, "<h1>Decision graph</h1>\n");
	site_graph_build(&g, s);
	if (!g.nr) {
		strbuf_addstr(out, "<p class=\"empty\">No ADR supersedes or amends another.</p>\n");
	} else {
		strbuf_addstr(out, "<p class=\"meta legend\"><span class=\"key supersedes\"></span> "
			      "supersedes &nbsp; <span class=\"key amends\"></span> amends &nbsp; "
			      "(an arrow points from the newer decision to the one it changes)</p>\n"
			      "<div class=\"graph-wrap\">\n");
		site_graph_draw(out, s, "", &g);
		strbuf_addstr(out, "</div>\n<h2>Links</h2>\n<ul class=\"edges\">\n");
		for (size_t k = 0; k < g.nr; k++) {
			const struct site_edge *e = &g.e[k];

			strbuf_addf(out, "<li><a href=\"%s\">ADR ", s->pages[e->from]);
			site_esc(out, db->adrs[e->from]->id);
			strbuf_addstr(out, "</a> ");
			site_esc_n(out, db->adrs[e->from]->doc.title, 120);
			strbuf_addf(out, " <b>%s</b> <a href=\"%s\">ADR ",
				    e->amends ? "amends" : "supersedes", s->pages[e->to]);
			site_esc(out, db->adrs[e->to]->id);
			strbuf_addstr(out, "</a> ");
			site_esc_n(out, db->adrs[e->to]->doc.title, 120);
			strbuf_addstr(out, "</li>\n");
		}
		strbuf_addstr(out, "</ul>\n");
	}
	site_graph_free(&g);
	site_foot(out, NULL);
}
