/*
 * render_json_report: the JSON documents of `check` and `release-notes`
 * (schema "adr-log/1", like the db document of SPEC section 5).  Reads
 * only the model.
 */
#include "render.h"

#include "forge.h"
#include "json.h"
#include "report.h"
#include "strbuf.h"
#include "status.h"

int render_json_check(const struct render_ctx *ctx)
{
	const struct check_report *r = ctx->check;
	struct json jw;

	json_init(&jw, ctx->out, 1);
	json_object_begin(&jw, NULL);
	json_string(&jw, "schema", "adr-log/1");
	json_string(&jw, "head", ctx->db ? ctx->db->head : "");
	json_int(&jw, "errors", r ? (long long)r->errors : 0);
	json_int(&jw, "warnings", r ? (long long)r->warnings : 0);
	json_array_begin(&jw, "findings");
	for (size_t i = 0; r && i < r->nr; i++) {
		const struct check_finding *f = &r->v[i];

		json_object_begin(&jw, NULL);
		json_string(&jw, "path", f->path);
		if (f->line)
			json_int(&jw, "line", f->line);
		else
			json_null(&jw, "line");
		json_string(&jw, "rule", check_kind_name(f->kind));
		json_string(&jw, "severity",
			    check_severity_name(check_kind_severity(f->kind)));
		json_string(&jw, "adr", f->adr);
		json_string(&jw, "message", f->message);
		json_object_end(&jw);
	}
	json_array_end(&jw);
	json_object_end(&jw);
	json_finish(&jw);
	return 0;
}

/* {"commit", "subject", "date", "url"} of a commit the db names. */
static void render_json_relnotes_commit(struct json *jw, const struct render_ctx *ctx,
					const char *key, const char *sha)
{
	const struct adr_commit *c = adr_db_commit(ctx->db, sha);
	struct strbuf url = STRBUF_INIT;

	json_object_begin(jw, key);
	json_string(jw, "commit", sha);
	json_string(jw, "subject", c ? c->subject : NULL);
	json_string(jw, "date", c ? c->date : NULL);
	if (forge_commit_link(&url, ctx->forge, sha) == 0)
		json_string(jw, "url", url.buf);
	else
		json_null(jw, "url");
	json_object_end(jw);
	strbuf_release(&url);
}

static void render_json_relnotes_item(struct json *jw, const struct render_ctx *ctx,
				      const struct relnotes_item *it)
{
	const struct adr_event *last = relnotes_change_event(it);
	struct strbuf url = STRBUF_INIT;

	json_object_begin(jw, NULL);
	json_string(jw, "id", it->adr->id);
	json_string(jw, "title", it->adr->doc.title);
	json_string(jw, "path", it->adr->path);
	if (!it->adr->deleted &&
	    forge_file_link(&url, ctx->forge, ctx->db->head, it->adr->path) == 0)
		json_string(jw, "url", url.buf);
	else
		json_null(jw, "url");
	json_string(jw, "group", relnotes_group_key(it->group));
	json_string(jw, "from", status_name(it->from));
	json_string(jw, "to", status_name(it->to));
	json_bool(jw, "changed", it->changed);
	json_string(jw, "status", status_name(it->to));
	if (last && it->group != RELNOTES_EARLIER)
		render_json_relnotes_commit(jw, ctx, "changed_in", last->commit);
	else
		json_null(jw, "changed_in");
	json_array_begin(jw, "transitions");
	for (size_t k = 0; k < it->events_nr; k++) {
		const struct adr_event *e = it->events[k];

		json_object_begin(jw, NULL);
		render_json_event_fields(jw, e);
		json_object_end(jw);
	}
	json_array_end(jw);
	json_array_begin(jw, "commits");
	for (size_t k = 0; k < it->commits.nr; k++)
		render_json_relnotes_commit(jw, ctx, NULL, it->commits.v[k]);
	json_array_end(jw);
	json_object_end(jw);
	strbuf_release(&url);
}

int render_json_release_notes(const struct render_ctx *ctx)
{
	const struct relnotes *rn = ctx->notes;
	struct strbuf md = STRBUF_INIT;
	struct json jw;

	json_init(&jw, ctx->out, 1);
	json_object_begin(&jw, NULL);
	json_string(&jw, "schema", "adr-log/1");
	json_string(&jw, "head", ctx->db ? ctx->db->head : "");
	json_bool(&jw, "truncated", ctx->db ? ctx->db->truncated : 0);
	json_bool(&jw, "all_transitions", rn ? rn->all_transitions : 0);
	json_array_begin(&jw, "releases");
	for (size_t i = 0; rn && i < rn->nr; i++) {
		const struct relnotes_section *s = &rn->v[i];

		json_object_begin(&jw, NULL);
		json_string(&jw, "title", s->title);
		json_string(&jw, "from", s->from);
		json_string(&jw, "to", s->to);
		json_string(&jw, "commit", *s->to_sha ? s->to_sha : NULL);
		json_string(&jw, "date", s->date);
		json_int(&jw, "changed", (long long)relnotes_changed_count(s));
		/* the section's groups as Markdown, for a changelog to embed */
		strbuf_reset(&md);
		render_md_relnotes_body(&md, ctx, s);
		json_string(&jw, "markdown", md.buf);
		json_array_begin(&jw, "decisions");
		for (size_t k = 0; k < s->nr; k++)
			render_json_relnotes_item(&jw, ctx, &s->items[k]);
		json_array_end(&jw);
		json_object_end(&jw);
	}
	json_array_end(&jw);
	json_object_end(&jw);
	json_finish(&jw);
	strbuf_release(&md);
	return 0;
}
