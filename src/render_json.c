/*
 * render_json: the "adr-log/1" JSON document (SPEC section 5).  One shape
 * for list, timeline, show and links: commands differ only in whether the
 * commit lists are filled (list leaves them empty) and which ADRs are in.
 */
#include "render.h"

#include <stdlib.h>
#include <string.h>

#include "json.h"
#include "status.h"
#include "strvec.h"
#include "xalloc.h"

/*
 * The commits a document names, for its "commits" map (SPEC 5 rev2): the
 * db's own strings, not copies (a repeat run at 100k commits names 300k).
 */
struct render_named {
	const char **v;
	size_t nr, alloc;
};

static void render_json_name(struct render_named *named, const char *sha)
{
	if (named && sha && *sha) {
		/* an event's commit is often the commit that landed it */
		if (named->nr && !strcmp(named->v[named->nr - 1], sha))
			return;
		XGROW(named->v, named->alloc, named->nr + 1);
		named->v[named->nr++] = sha;
	}
}

static int render_json_sha_cmp(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/*
 * "commits": {"<sha>": {"subject", "author", "date"}} for every commit in
 * named, each once, ordered by sha (a map: order carries no meaning, but
 * the same input always gives the same bytes).
 */
static void render_json_commits(struct json *jw, const struct adr_db *db,
				struct render_named *named)
{
	json_object_begin(jw, "commits");
	if (named->nr > 1)
		qsort(named->v, named->nr, sizeof(*named->v), render_json_sha_cmp);
	for (size_t i = 0; i < named->nr; i++) {
		const struct adr_commit *c;

		if (i && !strcmp(named->v[i], named->v[i - 1]))
			continue;
		if (!(c = adr_db_commit(db, named->v[i])))
			continue;
		json_object_begin(jw, c->sha);
		json_string(jw, "subject", c->subject);
		json_string(jw, "author", c->author);
		json_string(jw, "date", c->date);
		json_object_end(jw);
	}
	json_object_end(jw);
}

static void render_json_strvec(struct json *jw, const char *key,
			       const struct strvec *sv, int fill, struct render_named *named)
{
	json_array_begin(jw, key);
	for (size_t i = 0; fill && i < sv->nr; i++) {
		json_string(jw, NULL, sv->v[i]);
		render_json_name(named, sv->v[i]);
	}
	json_array_end(jw);
}

void render_json_event_fields(struct json *jw, const struct adr_event *e)
{
	json_string(jw, "commit", e->commit);
	json_string(jw, "landed", e->landed);
	json_string(jw, "date", e->date);
	json_string(jw, "author", e->author);
	json_string(jw, "from", status_name(e->from));
	json_string(jw, "to", status_name(e->to));
	/* the file and title at that commit; the ADR's own until the engine
	 * records them per event */
	json_string(jw, "path", e->path ? e->path : e->adr->path);
	json_string(jw, "title", e->title ? e->title : e->adr->doc.title);
}

static void render_json_adr(struct json *jw, const struct adr *a, int fill,
			    struct render_named *named)
{
	json_object_begin(jw, NULL);
	json_string(jw, "id", a->id);
	json_string(jw, "path", a->path);
	json_string(jw, "title", a->doc.title);
	json_string(jw, "status", status_name(a->doc.status));
	json_string(jw, "status_raw", a->doc.status_raw);
	json_string(jw, "date", a->doc.date);
	if (a->deleted)
		json_bool(jw, "deleted", 1);
	json_array_begin(jw, "history");
	for (size_t i = 0; fill && i < a->history_nr; i++) {
		json_object_begin(jw, NULL);
		render_json_event_fields(jw, a->history[i]);
		json_object_end(jw);
		render_json_name(named, a->history[i]->commit);
		render_json_name(named, a->history[i]->landed);
	}
	json_array_end(jw);
	render_json_strvec(jw, "supersedes", &a->doc.supersedes, 1, NULL);
	render_json_strvec(jw, "superseded_by", &a->doc.superseded_by, 1, NULL);
	render_json_strvec(jw, "amends", &a->doc.amends, 1, NULL);
	render_json_strvec(jw, "amended_by", &a->doc.amended_by, 1, NULL);
	render_json_strvec(jw, "references", &a->references, fill, named);
	render_json_strvec(jw, "edits", &a->edits, fill, named);
	render_json_strvec(jw, "implemented_by", &a->implemented_by, fill, named);
	json_object_end(jw);
}

static int render_json_db(const struct render_ctx *ctx)
{
	const struct adr_db *db = ctx->db;
	int fill = ctx->with_commits;
	struct json jw;
	struct render_named named = { NULL, 0, 0 };

	json_init_buffered(&jw, ctx->out, 1);
	json_object_begin(&jw, NULL);
	json_string(&jw, "schema", "adr-log/1");
	json_string(&jw, "head", db->head);
	json_bool(&jw, "truncated", db->truncated);
	json_array_begin(&jw, "adrs");
	for (size_t i = 0; i < db->nr; i++) {
		const struct adr *a = db->adrs[i];
		if (ctx->adr && a != ctx->adr)
			continue;
		if (a->deleted && !ctx->all)
			continue;
		render_json_adr(&jw, a, fill, &named);
	}
	json_array_end(&jw);
	json_array_begin(&jw, "events");
	for (size_t i = 0; fill && i < db->events_nr; i++) {
		const struct adr_event *e = db->events[i];
		if (ctx->adr && e->adr != ctx->adr)
			continue;
		json_object_begin(&jw, NULL);
		json_string(&jw, "adr", e->adr->id);
		render_json_event_fields(&jw, e);
		json_object_end(&jw);
		render_json_name(&named, e->commit);
		render_json_name(&named, e->landed);
	}
	json_array_end(&jw);
	json_array_begin(&jw, "unknown_references");
	for (size_t i = 0; fill && !ctx->adr && i < db->unknown_nr; i++) {
		json_object_begin(&jw, NULL);
		json_string(&jw, "commit", db->unknown[i].commit);
		json_string(&jw, "id", db->unknown[i].id);
		json_object_end(&jw);
		render_json_name(&named, db->unknown[i].commit);
	}
	json_array_end(&jw);
	render_json_commits(&jw, db, &named);
	free(named.v);
	json_object_end(&jw);
	json_finish(&jw);
	return 0;
}

int render_json(enum render_view view, const struct render_ctx *ctx)
{
	switch (view) {
	case VIEW_LIST:
	case VIEW_TIMELINE:
	case VIEW_SHOW:
	case VIEW_LINKS:
	case VIEW_INDEX:
		return render_json_db(ctx);
	case VIEW_CHECK:
		return render_json_check(ctx);
	case VIEW_RELEASE_NOTES:
		return render_json_release_notes(ctx);
	default:
		return render_unsupported(FMT_JSON, view);
	}
}
