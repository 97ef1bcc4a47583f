/*
 * docmemo: the parsed-document memo (see docmemo.h).
 *
 * Payload: str key, u32 n, per document: 20-byte blob id, str path,
 * u8 big, then the document (str id, u8 id_from_heading, str title,
 * str status_raw, u32 status, str date, u32 title_line, u32 status_line,
 * four string lists).
 */
#include "docmemo.h"

#include <stdlib.h>
#include <string.h>

#include "build_id.h"	/* ADRLOG_BUILD_ID: a hash of the sources (Makefile) */
#include "cachefile.h"
#include "error.h"
#include "parse.h"
#include "status.h"
#include "xalloc.h"

/*
 * Documents kept for the run when the memo file is off (--no-cache): an
 * ADR's record and its events' titles often name the same version.
 */
#define DOCMEMO_RUN_MAX 4096
#define DOCMEMO_MAGIC "ADRLOGD\n"
#define DOCMEMO_FORMAT 1u
#define DOCMEMO_MIN_KEEP 512	/* documents kept besides the ones used */

#ifndef ADRLOG_VERSION
#define ADRLOG_VERSION "dev"
#endif

struct docmemo_entry {
	char *key;		/* 20 raw blob bytes then the path */
	size_t key_len;
	struct adr_doc doc;
	int big;		/* the blob reached the parse limit */
	int used;		/* asked for in this run */
	UT_hash_handle hh;
};

static const char docmemo_key[] = "adr-log " ADRLOG_VERSION " build " ADRLOG_BUILD_ID
				   " docs";

static char *entry_key(const git_oid *blob, const char *path, size_t *len)
{
	size_t n = strlen(path);
	char *k = xmalloc(GIT_OID_RAWSZ + n + 1);

	memcpy(k, blob->id, GIT_OID_RAWSZ);
	memcpy(k + GIT_OID_RAWSZ, path, n + 1);
	*len = GIT_OID_RAWSZ + n;
	return k;
}

static void entry_free(struct docmemo_entry *d)
{
	free(d->key);
	adr_doc_release(&d->doc);
	free(d);
}

static void put_doc(struct strbuf *sb, const struct adr_doc *d)
{
	cf_put_str(sb, d->id);
	cf_put_u8(sb, d->id_from_heading);
	cf_put_str(sb, d->title);
	cf_put_str(sb, d->status_raw);
	cf_put_u32(sb, (uint32_t)d->status);
	cf_put_str(sb, d->date);
	cf_put_u32(sb, d->title_line);
	cf_put_u32(sb, d->status_line);
	cf_put_strvec(sb, &d->supersedes);
	cf_put_strvec(sb, &d->superseded_by);
	cf_put_strvec(sb, &d->amends);
	cf_put_strvec(sb, &d->amended_by);
}

static void get_doc(struct cf_reader *r, struct adr_doc *d)
{
	d->id = cf_get_str(r);
	d->id_from_heading = cf_get_u8(r);
	d->title = cf_get_str(r);
	if (!d->title)
		r->bad = 1;	/* parse_adr() always gives one */
	d->status_raw = cf_get_str(r);
	d->status = (enum adr_status)cf_get_idx(r, ADR_STATUS__COUNT, 0);
	d->date = cf_get_str(r);
	d->title_line = cf_get_u32(r);
	d->status_line = cf_get_u32(r);
	cf_get_strvec(r, &d->supersedes);
	cf_get_strvec(r, &d->superseded_by);
	cf_get_strvec(r, &d->amends);
	cf_get_strvec(r, &d->amended_by);
}

static char *docmemo_file(const struct docmemo *m)
{
	struct strbuf sb = STRBUF_INIT;

	strbuf_addf(&sb, "%s/docs", m->dir);
	return strbuf_detach(&sb, NULL);
}

void docmemo_open(struct docmemo *m, struct repo *repo, int on)
{
	struct cf_map map;
	struct cf_reader *r = &map.payload;
	const char *why = NULL;
	char *file, *key;
	uint32_t n;

	memset(m, 0, sizeof(*m));
	if (!on)
		return;
	m->dir = cf_dir(git_repository_commondir(repo->git));
	file = docmemo_file(m);
	if (cf_open(&map, file, DOCMEMO_MAGIC, DOCMEMO_FORMAT, &why) < 0) {
		if (why != cf_missing)
			cf_trace("ignored %s: %s", file, why);
		free(file);
		return;
	}
	key = cf_get_str(r);
	if (!key || strcmp(key, docmemo_key))
		r->bad = 1;
	free(key);
	n = cf_get_count(r, GIT_OID_RAWSZ + 5);
	for (uint32_t i = 0; i < n && !r->bad; i++) {
		struct docmemo_entry *d = xcalloc(1, sizeof(*d)), *old = NULL;
		git_oid blob;
		char *path;

		cf_get_bytes(r, blob.id, GIT_OID_RAWSZ);
		path = cf_get_str(r);
		d->big = cf_get_u8(r);
		adr_doc_init(&d->doc);
		get_doc(r, &d->doc);
		d->key = entry_key(&blob, path ? path : "", &d->key_len);
		if (!path)
			r->bad = 1;
		free(path);
		if (!r->bad)
			HASH_FIND(hh, m->map, d->key, d->key_len, old);
		if (r->bad || old) {
			r->bad = 1;
			entry_free(d);
			break;
		}
		HASH_ADD_KEYPTR(hh, m->map, d->key, d->key_len, d);
	}
	if (!r->bad && r->p != r->end)
		r->bad = 1;
	if (r->bad) {
		struct docmemo_entry *d, *tmp;

		cf_trace("ignored %s: does not decode", file);
		HASH_ITER(hh, m->map, d, tmp) {
			HASH_DEL(m->map, d);
			entry_free(d);
		}
	}
	cf_close(&map);
	free(file);
}

int docmemo_parse_new(struct adr_doc *doc, struct docmemo_new *nw, struct docmemo *m,
		      struct repo *repo, const git_oid *blob, const char *path)
{
	struct docmemo_entry *d = NULL;
	struct strbuf buf = STRBUF_INIT;
	size_t klen;
	char *key = entry_key(blob, path, &klen);
	int big;

	if (nw)
		memset(nw, 0, sizeof(*nw));
	adr_doc_init(doc);
	HASH_FIND(hh, m->map, key, klen, d);
	if (d) {
		free(key);
		d->used = 1;
		adr_doc_copy(doc, &d->doc);
		/* the repository's statusAlias words may have changed since */
		doc->status = status_normalize(doc->status_raw);
		big = d->big;
	} else {
		if (repo_read_blob(&buf, repo, blob, PARSE_MAX_BYTES) < 0) {
			free(key);
			strbuf_release(&buf);
			return -1;
		}
		big = buf.len >= PARSE_MAX_BYTES;
		if (nw) {
			parse_adr_heading_id(doc, &nw->heading_id, path, buf.buf, buf.len);
			nw->parsed = 1;
			nw->big = big;
		} else {
			parse_adr(doc, path, buf.buf, buf.len);
		}
		strbuf_release(&buf);
		if (!m->dir && HASH_COUNT(m->map) >= DOCMEMO_RUN_MAX) {
			free(key);
		} else {	/* without the file (--no-cache): for this run only */
			d = xcalloc(1, sizeof(*d));
			d->key = key;
			d->key_len = klen;
			adr_doc_copy(&d->doc, doc);
			d->big = big;
			d->used = 1;
			HASH_ADD_KEYPTR(hh, m->map, d->key, d->key_len, d);
			m->added++;
		}
	}
	/* a status past the parse limit is not found: say why it is missing */
	if (!nw && big && doc->id && !doc->status_raw)
		warning("'%s': no status in its first %u MB (the rest is not read)",
			path, PARSE_MAX_BYTES >> 20);
	return 0;
}

int docmemo_parse(struct adr_doc *doc, struct docmemo *m, struct repo *repo,
		  const git_oid *blob, const char *path)
{
	return docmemo_parse_new(doc, NULL, m, repo, blob, path);
}

void docmemo_close(struct docmemo *m)
{
	struct docmemo_entry *d, *tmp;
	struct strbuf sb = STRBUF_INIT;
	size_t used = 0, keep, n = 0;

	HASH_ITER(hh, m->map, d, tmp)
		used += d->used;
	if (m->dir && used)
		cf_trace("docs %zu reused, %zu parsed", used - m->added, m->added);
	if (m->dir && m->added) {
		/* every document used, then others (as the hash lists them) up to a bound */
		keep = used * 2 > DOCMEMO_MIN_KEEP ? used * 2 : DOCMEMO_MIN_KEEP;
		HASH_ITER(hh, m->map, d, tmp)
			if (d->used || used + n < keep)
				n += !d->used;
		cf_put_str(&sb, docmemo_key);
		cf_put_u32(&sb, (uint32_t)(used + n));
		n = 0;
		HASH_ITER(hh, m->map, d, tmp) {
			if (!d->used && used + n >= keep)
				continue;
			n += !d->used;
			strbuf_add(&sb, d->key, GIT_OID_RAWSZ);
			cf_put_str(&sb, d->key + GIT_OID_RAWSZ);
			cf_put_u8(&sb, d->big);
			put_doc(&sb, &d->doc);
		}
		{
			char *file = docmemo_file(m);

			if (cf_write(m->dir, file, DOCMEMO_MAGIC, DOCMEMO_FORMAT, &sb) < 0) {
				cf_trace("write failed %s: %s", file, error_last());
				error_clear();
			} else {
				cf_trace("wrote %s", file);
			}
			free(file);
		}
	}
	strbuf_release(&sb);
	HASH_ITER(hh, m->map, d, tmp) {
		HASH_DEL(m->map, d);
		entry_free(d);
	}
	free(m->dir);
	memset(m, 0, sizeof(*m));
}
