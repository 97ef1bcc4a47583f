/*
 * render_json_report: the JSON documents of `check` and `release-notes`
 * (schema "adr-log/1", like the db document of SPEC section 5).  Reads
 * only the model.
 */
#include "render.h"

#include "json.h"
#include "report.h"
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

int render_json_release_notes(const struct render_ctx *ctx)
{
	(void)ctx;
	return render_unsupported(FMT_JSON, VIEW_RELEASE_NOTES);
}
