/*
 * history: the engine's driver (see history.h).  It resolves the range,
 * finds the ADR folders at the tip, runs the walk (walk.c) with the
 * message scan (link.c), applies every commit in order (events.c), then
 * turns lineages, events and references into the model (adr.h) that the
 * renderers read.
 */
#include "history.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "adrid.h"
#include "cache.h"
#include "cachefile.h"
#include "date.h"
#include "discover.h"
#include "error.h"
#include "events.h"
#include "histdirs.h"
#include "link.h"
#include "progress.h"
#include "parse.h"
#include "strbuf.h"
#include "xalloc.h"

int history_parse_range(struct history_opts *opts, char *range)
{
	char *dots;

	opts->tip = NULL;
	opts->hide = NULL;
	if (!range)
		return 0;
	if (strstr(range, "..."))
		return error_set("invalid range '%s': symmetric differences (A...B) "
				 "are not supported", range);
	dots = strstr(range, "..");
	if (!dots) {
		if (!*range)
			return error_set("invalid range '': empty revision");
		opts->tip = range;
		return 0;
	}
	if (dots == range && !dots[2])
		return error_set("invalid range '..': no revisions");
	*dots = '\0';
	opts->hide = *range ? range : "HEAD";
	opts->tip = dots[2] ? dots + 2 : "HEAD";
	return 0;
}

char *history_parse_id(const char *arg)
{
	const char *p = arg, *d;
	int dash = 0;

	if (!strncasecmp(p, "adr", 3)) {
		p += 3;
		if (*p == '-' || *p == '_' || *p == '#' || *p == ' ')
			p++;
	}
	if (!isdigit((unsigned char)*p))
		return NULL;
	for (d = p; *d; d++) {
		if (*d == '-' && !dash && isdigit((unsigned char)d[1]) && d > p)
			dash = 1;
		else if (!isdigit((unsigned char)*d))
			return NULL;
	}
	return adrid_normalize(p, strlen(p));
}

/* The walk's per-commit hook: keep what the message mentions. */
/* What the scan callback needs: the db and the progress line. */
struct history_scan_ctx {
	struct adr_db *db;
	struct progress *progress;
};

static int history_scan(struct walk *w, uint32_t idx, const char *raw, size_t len,
			const char *msg, size_t msg_len, void *payload)
{
	struct history_scan_ctx *sc = payload;
	struct adr_db *db = sc->db;
	char hex[ADR_OID_HEX];
	struct adr_commit *c;
	char *m;

	progress_update(sc->progress, (uint64_t)idx + 1);
	if (!link_may_mention(msg, msg_len))
		return 0;
	m = xstrndup(msg, msg_len);
	w->nodes[idx].mentions = link_scan(m);
	free(m);
	if (!w->nodes[idx].mentions)
		return 0;
	/* a commit that mentions ADRs is likely listed: keep what output needs */
	repo_oid_hex(hex, &w->nodes[idx].oid);
	c = adr_db_commit_add(db, hex);
	if (!c->author && walk_commit_info(c, raw, len) < 0) {
		HASH_DEL(db->commits, c);
		free(c);
	}
	return 0;
}

/*
 * A tip version is parsed whole once, for its record (history_adr(),
 * through the document memo) and for the walk, which would otherwise
 * parse it again for its status.  Not a name that is never an ADR
 * (README, template, index: it gets no record).  A blob the memo cannot
 * read is left to events_blob(), which says so.
 */
static void history_tip_parse(struct engine *e, const git_oid *blob, const char *path)
{
	struct docmemo_new nw;
	struct adr_doc doc;

	if (adrid_is_excluded(adrid_basename(path)))
		return;
	if (docmemo_parse_new(&doc, &nw, &e->docs, e->repo, blob, path) < 0) {
		git_error_clear();
		error_clear();
	} else if (nw.parsed) {
		events_blob_seed(e, blob, path, &doc, nw.heading_id, nw.big);
	}
	free(nw.heading_id);
	adr_doc_release(&doc);
}

/* The ids of the ADRs at the tip (for the ADR-012-2 rule). */
static int history_tip_ids(struct engine *e, const git_tree *tree)
{
	struct walk_deltas d = { 0 };
	git_oid *dirs = xcalloc(e->dirs.nr + 1, sizeof(git_oid));
	int rc;

	walk_dir_ids(dirs, &e->walk, tree);
	rc = walk_diff(&d, &e->walk, NULL, dirs, NULL, NULL);
	for (size_t i = 0; rc == 0 && i < d.nr; i++) {
		const char *id;
		enum adr_status st;

		if (!discover_is_candidate(d.v[i].new_path, &e->adr_dirs))
			continue;
		history_tip_parse(e, &d.v[i].new_blob, d.v[i].new_path);
		rc = events_blob(&id, &st, e, &d.v[i].new_blob, d.v[i].new_path);
		if (rc == 0 && id)
			strpool_intern(&e->tip_ids, id);
	}
	walk_deltas_clear(&d);
	free(dirs);
	return rc;
}

struct adr_commit *history_commit_record(struct adr_db *db, struct repo *repo,
					  const git_oid *oid, int always)
{
	char hex[ADR_OID_HEX];
	struct adr_commit *c;
	git_commit *gc = NULL;
	const git_signature *a;
	char date[DATE_ISO_MAX];
	struct strbuf sb = STRBUF_INIT;
	const char *summary;

	repo_oid_hex(hex, oid);
	if ((c = adr_db_commit(db, hex)))
		return c;
	if (git_commit_lookup(&gc, repo->git, oid) < 0) {
		git_error_clear();
		if (!always)
			return NULL;
		c = adr_db_commit_add(db, hex);
		c->subject = xstrdup("");
		c->author = xstrdup("");
		c->date = xstrdup("");
		return c;
	}
	c = adr_db_commit_add(db, hex);
	summary = git_commit_summary(gc);
	c->subject = xstrdup(summary ? summary : "");
	a = git_commit_author(gc);
	strbuf_addf(&sb, "%s <%s>", a->name ? a->name : "", a->email ? a->email : "");
	c->author = strbuf_detach(&sb, NULL);
	c->time = (int64_t)a->when.time;
	date_iso8601(date, c->time, a->when.offset);
	c->date = xstrdup(date);
	git_commit_free(gc);
	return c;
}

/*
 * The commit record of walk node idx (subject, author, date), made once
 * and then kept by index: the records name each commit many times (every
 * edit, event and reference), and a repeat run at 100k commits spent a
 * tenth of its time formatting and hashing the same shas.
 */
static struct adr_commit *history_commit(struct adr_db *db, struct engine *e,
					 uint32_t idx)
{
	if (!e->recs)
		e->recs = xcalloc(e->walk.nr + 1, sizeof(*e->recs));
	if (!e->recs[idx])
		e->recs[idx] = history_commit_record(db, e->repo, &e->walk.nodes[idx].oid, 1);
	return e->recs[idx];
}

static void history_shas(struct strvec *out, struct adr_db *db, struct engine *e,
			 const struct u32vec *v)
{
	for (size_t i = 0; i < v->nr; i++)
		strvec_push(out, history_commit(db, e, v->v[i])->sha);
}

/* The full document of an ADR version, parsed with its real path. */
static void history_doc(struct adr_doc *doc, struct engine *e, const git_oid *blob,
			const char *path)
{
	if (docmemo_parse(doc, &e->docs, e->repo, blob, path) < 0) {
		warning("%s", error_last());
		error_clear();
		parse_adr(doc, path, "", 0);
	}
}

/*
 * SPEC section 3 [rev2]: a commit that changes files, none of them outside
 * the ADR and history folders, is bookkeeping (landing ADR texts, editing
 * another record), never an implementation.  Asked once per commit.
 */
static int history_bookkeeping(struct engine *e, uint32_t idx)
{
	int rc;

	if (!e->bookkeeping)
		e->bookkeeping = xcalloc(e->walk.nr + 1, 1);
	if (!e->bookkeeping[idx]) {
		rc = walk_bookkeeping(&e->walk, idx, &e->dirs);
		if (rc < 0) {	/* unreadable: keep it, say why */
			warning("%s", error_last());
			error_clear();
			rc = 0;
		}
		e->bookkeeping[idx] = rc ? 1 : 2;
	}
	return e->bookkeeping[idx] == 1;
}

/* One model record for lineage l (its lists filled from l). */
static struct adr *history_adr(struct adr_db *db, struct engine *e, struct lin *l,
			       const char *id, const char *path, const git_oid *blob,
			       int deleted)
{
	struct adr *a = adr_db_add(db, id, path);
	char *doc_id;

	a->deleted = deleted;
	history_doc(&a->doc, e, blob, path);
	/* the lineage's id wins over whatever the parser found */
	doc_id = a->doc.id;
	a->doc.id = xstrdup(id);
	free(doc_id);
	for (size_t i = 0; i < l->paths_nr; i++)
		if (!a->paths.nr || strcmp(a->paths.v[a->paths.nr - 1], l->paths[i].path))
			strvec_push(&a->paths, l->paths[i].path);
	history_shas(&a->edits, db, e, &l->edits);
	history_shas(&a->references, db, e, &l->refs);
	for (size_t i = 0; i < l->refs.nr; i++)
		if (!u32vec_has(&l->edits, l->refs.v[i]) &&
		    !history_bookkeeping(e, l->refs.v[i]))
			strvec_push(&a->implemented_by,
				    history_commit(db, e, l->refs.v[i])->sha);
	if (!l->adr)
		l->adr = a;
	return a;
}

/* Lineages and events into db. */
static void history_fill(struct adr_db *db, struct engine *e, struct links *lk,
			 const struct history_opts *opts, struct snapshot *tip)
{
	struct walk *w = &e->walk;
	struct snap_entry *s, *tmp;

	if (tip) {
		HASH_ITER(hh, tip->by_path, s, tmp) {
			if (s->live && histdirs_is_adr(e, s->path, s->id))
				history_adr(db, e, lineage_find(s->lin), s->id, s->path,
					    &s->blob, 0);
		}
	}
	for (size_t i = 0; i < e->lins.nr; i++) {
		struct lin *l = e->lins.v[i];
		if (l->up || l->adr || !l->last_id || !histdirs_reached(e, l))
			continue;
		history_adr(db, e, l, l->last_id, l->last_path, &l->last_blob, 1);
	}
	for (size_t i = 0; i < e->events_nr; i++) {
		const struct hev *h = &e->events[i];
		struct lin *l = lineage_find(h->lin);
		struct adr_commit *c;
		struct adr_event *ev;
		uint32_t landed;

		if (!l->adr)
			continue;
		c = history_commit(db, e, h->idx);
		if ((opts->since && c->time < opts->since) ||
		    (opts->until && c->time > opts->until))
			continue;
		ev = adr_db_add_event(db, l->adr);
		strcpy(ev->commit, c->sha);
		landed = w->nodes[h->idx].landed;
		if (landed == WALK_NONE)
			landed = w->chain_nr - 1;
		repo_oid_hex(ev->landed, &w->nodes[w->chain[landed]].oid);
		ev->landed_pos = landed;
		ev->commit_pos = h->idx;
		ev->date = xstrdup(c->date);
		ev->time = c->time;
		ev->author = xstrdup(c->author);
		ev->from = h->from;
		ev->to = h->to;
		if (h->path) {
			struct adr_doc doc;

			ev->path = xstrdup(h->path);
			/*
			 * Without the memo's file the walk's parse of this
			 * version gives its title; with it, the memo keeps the
			 * version for the next run's hit, which walks nothing.
			 */
			if (e->docs.dir || !events_title(&ev->title, e, &h->blob, h->path)) {
				adr_doc_init(&doc);
				history_doc(&doc, e, &h->blob, h->path);
				ev->title = xstrdup(doc.title ? doc.title : "");
				adr_doc_release(&doc);
			}
		}
	}
	for (size_t i = 0; i < lk->unknown_nr; i++)
		adr_db_add_unknown(db, history_commit(db, e, lk->unknown[i].idx)->sha,
				   lk->unknown[i].id);
	adr_db_sort(db);
	adr_db_sort_events(db);
}

/* Why the cache is not used for this walk, or NULL. */
static const char *history_cache_off(struct repo *repo, const struct history_opts *opts)
{
	if (opts->no_cache)
		return "--no-cache";
	if (opts->hide)
		return "a range walks only its own commits";
	if (git_repository_is_shallow(repo->git))
		return "a shallow clone";
	return NULL;
}

/* Walk tip (without what hide reaches) with the message scan and its progress line. */
static int history_walk(struct engine *e, const git_oid *tip, const git_oid *hide,
			struct history_scan_ctx *sc)
{
	int rc;

	sc->progress = progress_start("Reading commits", 0);
	rc = walk_load(&e->walk, e->repo, tip, hide, &e->dirs, history_scan, sc);
	progress_stop(&sc->progress);
	return rc;
}

/* Forget a walk that could not continue the cache's, to walk it all. */
static void history_walk_reset(struct engine *e)
{
	for (uint32_t i = 0; i < e->walk.nr; i++) {
		snapshot_unref(e->walk.nodes[i].state);
		link_mentions_free(e->walk.nodes[i].mentions);
	}
	walk_free(&e->walk);
	e->walk.repo = e->repo;
	e->walk.dirs = &e->dirs;
}

static void history_engine_free(struct engine *e)
{
	for (uint32_t i = 0; i < e->walk.nr; i++) {
		snapshot_unref(e->walk.nodes[i].state);
		link_mentions_free(e->walk.nodes[i].mentions);
	}
	events_free(e);
	walk_free(&e->walk);
	lineages_free(&e->lins);
	strpool_clear(&e->pool);
	strpool_clear(&e->tip_ids);
	docmemo_close(&e->docs);
	strvec_clear(&e->dirs);
	strvec_clear(&e->adr_dirs);
	free(e->zero_dirs);
	free(e->bookkeeping);
	free(e->recs);
}

/*
 * Forget one walk's state (between two walks of different folders).  With
 * keep_walk the commits stay read (ids, parents, trees, message scans) and
 * only the folder ids are read again (walk_redirs()).
 */
static void history_pass_reset(struct engine *e, struct links *lk, int keep_walk)
{
	if (keep_walk) {
		for (uint32_t i = 0; i < e->walk.nr; i++) {
			snapshot_unref(e->walk.nodes[i].state);
			e->walk.nodes[i].state = NULL;
		}
	} else {
		history_walk_reset(e);
	}
	lineages_free(&e->lins);
	free(e->events);
	e->events = NULL;
	e->events_nr = e->events_alloc = 0;
	for (size_t i = 0; i < e->bounds_nr; i++) {
		free(e->bounds[i].dir_ids);
		snapshot_unref(e->bounds[i].snap);
	}
	free(e->bounds);
	e->bounds = NULL;
	e->bounds_nr = e->bounds_alloc = 0;
	free(e->zero_dirs);
	e->zero_dirs = NULL;
	free(e->bookkeeping);
	e->bookkeeping = NULL;
	free(e->recs);
	e->recs = NULL;
	links_free(lk);
}

/*
 * One walk over the folders of e->dirs: the commits (only T..tip when the
 * cache has an entry at T), every commit applied; *tip_snap is the tip's
 * snapshot.
 */
static int history_pass(struct engine *e, struct links *lk, struct adr_db *db,
			struct cache *cache, git_commit *tip, git_commit *hide,
			struct history_scan_ctx *sc, struct snapshot **tip_snap,
			int walked)
{
	const git_oid *base = cache_found(cache);
	uint32_t first = 0;
	int rc = 0;

	e->zero_dirs = xcalloc(e->dirs.nr + 1, sizeof(git_oid));
	if (walked) {	/* the last pass's commits, for these folders */
		if ((rc = walk_redirs(&e->walk)) < 0)
			return rc;
	} else if (!base || !git_oid_equal(base, git_commit_id(tip))) {
		/* with a cache entry of an ancestor T, only T..tip is walked */
		rc = history_walk(e, git_commit_id(tip),
				  base ? base : hide ? git_commit_id(hide) : NULL, sc);
		if (rc < 0)
			return rc;
	}
	if (base && (first = cache_resume(cache, e, lk, db)) == WALK_NONE) {
		first = 0;
		history_walk_reset(e);
		if ((rc = history_walk(e, git_commit_id(tip), NULL, sc)) < 0)
			return rc;
	}
	sc->progress = progress_start("Following ADRs", e->walk.nr - first);
	for (uint32_t i = first; i < e->walk.nr; i++) {
		progress_update(sc->progress, (uint64_t)(i - first) + 1);
		if ((rc = events_apply(e, i)) < 0)
			break;
		cache_note(cache, e, i);
		link_resolve(lk, e, i);
		events_release(e, i);
	}
	progress_stop(&sc->progress);
	if (rc < 0)
		return rc;
	/* an empty range (A..B with B in A): the ADRs at B, without history */
	if (e->walk.nr)
		*tip_snap = e->walk.nodes[e->walk.nr - 1].state;
	else if ((rc = events_snapshot_at(tip_snap, e, git_commit_id(tip))) < 0)
		return rc;
	return 0;
}

int history_load(struct adr_db **out, struct repo *repo,
		 const struct history_opts *opts)
{
	struct engine e;
	struct links lk;
	struct adr_db *db = adr_db_new();
	git_commit *tip = NULL, *hide = NULL;
	git_tree *tree = NULL;
	struct snapshot *tip_snap = NULL;
	struct history_scan_ctx sc = { NULL, NULL };
	struct cache *cache = NULL;
	int adopted, walked = 0, rc;

	*out = NULL;
	walk_tune();
	memset(&e, 0, sizeof(e));
	memset(&lk, 0, sizeof(lk));
	e.repo = repo;
	e.walk.repo = repo;
	e.walk.dirs = &e.dirs;
	if ((rc = repo_commit(&tip, repo, opts->tip ? opts->tip : "HEAD")) < 0)
		goto done;
	if (opts->hide && (rc = repo_commit(&hide, repo, opts->hide)) < 0)
		goto done;
	repo_oid_hex(db->head, git_commit_id(tip));
	if (git_commit_tree(&tree, tip) < 0) {
		rc = repo_error("cannot read the tree of '%s'", db->head);
		goto done;
	}
	if ((rc = discover_dirs(&e.adr_dirs, NULL, repo, tree, opts->cli_dirs)) < 0)
		goto done;
	for (size_t i = 0; i < e.adr_dirs.nr; i++) {
		strvec_push(&db->dirs, e.adr_dirs.v[i]);
		strvec_push(&e.dirs, e.adr_dirs.v[i]);
	}
	/* an entry also gives the history folders its walk found */
	cache = cache_open(&e, git_commit_id(tip), history_cache_off(repo, opts));
	adopted = cache_found(cache) && e.dirs.nr != e.adr_dirs.nr;
	docmemo_open(&e.docs, repo, cache != NULL);
	cache_seed(cache, &e);
	/* after the entry's blob memo is in: a warm run parses no tip ADR */
	if ((rc = history_tip_ids(&e, tree)) < 0)
		goto done;
	/* a progress line only on a terminal and after a second (progress.h) */
	sc.db = db;
	for (;;) {
		struct strvec found = STRVEC_INIT, hist = STRVEC_INIT;
		size_t unneeded;

		if ((rc = history_pass(&e, &lk, db, cache, tip, hide, &sc, &tip_snap,
				       walked)) < 0)
			goto done;
		/*
		 * SPEC section 2 [rev2]: walk again with the history folders
		 * found, until no new one is.  A cached set of folders is kept
		 * only when it is exactly what a walk from the ADR folders
		 * finds; otherwise the search starts over from them.
		 */
		unneeded = histdirs_next(&e, tip_snap, &found);
		if (!found.nr && !(adopted && unneeded)) {
			strvec_clear(&found);
			break;
		}
		if (adopted) {
			strvec_clear(&found);
		} else {
			histdirs_of(&hist, &e.dirs, &e.adr_dirs);
			for (size_t i = 0; i < found.nr; i++)
				strvec_push(&hist, found.v[i]);
		}
		adopted = 0;
		/* a walk the cache did not extend is kept for the next pass */
		walked = e.walk.nr && !e.walk.old_nr;
		history_pass_reset(&e, &lk, walked);
		cache_restart(cache);
		histdirs_set(&e.dirs, &e.adr_dirs, &hist);
		strvec_clear(&found);
		strvec_clear(&hist);
		tip_snap = NULL;
	}
	/* tip versions are parsed once, whole (history_tip_parse()) */
	cf_trace("walk parsed %zu versions", e.parsed);
	/* the state before the steps that need the whole history */
	cache_keep(cache, &e, &lk);
	lineage_finish(&e.lins);
	link_finish(&lk, &e);
	history_fill(db, &e, &lk, opts, tip_snap);
	cache_store(cache, &e, db);
	if (e.walk.truncated) {
		db->truncated = 1;
		if (!git_oid_is_zero(&e.walk.missing)) {
			char hex[GIT_OID_HEXSZ + 1];

			repo_oid_hex(hex, &e.walk.missing);
			warning("commit %s is missing from the object database: "
				"commits before it are not walked", hex);
		} else {
			warning("the history is shallow: commits before the clone's depth "
				"are not walked");
		}
	}
done:
	links_free(&lk);
	history_engine_free(&e);
	cache_close(cache);
	git_tree_free(tree);
	git_commit_free(tip);
	git_commit_free(hide);
	if (rc < 0) {
		adr_db_free(db);
		return -1;
	}
	*out = db;
	return 0;
}
