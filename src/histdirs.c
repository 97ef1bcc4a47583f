/*
 * histdirs: which folders hold an ADR's earlier life (see histdirs.h).
 */
#include "histdirs.h"

#include <stdlib.h>
#include <string.h>

#include "discover.h"
#include "xalloc.h"

int histdirs_is_adr(const struct engine *e, const char *path, const char *id)
{
	return id && discover_is_candidate(path, &e->adr_dirs);
}

int histdirs_reached(const struct engine *e, const struct lin *l)
{
	for (size_t i = 0; i < l->paths_nr; i++)
		if (discover_is_candidate(l->paths[i].path, &e->adr_dirs))
			return 1;
	return 0;
}

/* Non-zero when path is folder dir or lies below it ("" holds everything). */
static int histdirs_under(const char *path, const char *dir)
{
	size_t n = strlen(dir);

	return !n || (!strncmp(path, dir, n) && (path[n] == '/' || !path[n]));
}

static int histdirs_has(const struct strvec *v, const char *s)
{
	for (size_t i = 0; i < v->nr; i++)
		if (!strcmp(v->v[i], s))
			return 1;
	return 0;
}

void histdirs_of(struct strvec *out, const struct strvec *dirs,
		 const struct strvec *adr_dirs)
{
	for (size_t i = 0; i < dirs->nr; i++)
		if (!histdirs_has(adr_dirs, dirs->v[i]))
			strvec_push(out, dirs->v[i]);
}

size_t histdirs_next(struct engine *e, struct snapshot *tip, struct strvec *found)
{
	struct snap_entry *s, *tmp;
	struct strvec hist = STRVEC_INIT;
	unsigned char *used;
	size_t unneeded = 0;

	histdirs_of(&hist, &e->dirs, &e->adr_dirs);
	used = xcalloc(hist.nr + 1, 1);
	for (size_t i = 0; i < e->lins.nr; i++)
		e->lins.v[i]->tip_adr = 0;
	if (tip) {
		HASH_ITER(hh, tip->by_path, s, tmp)
			if (s->live && histdirs_is_adr(e, s->path, s->id))
				lineage_find(s->lin)->tip_adr = 1;
	}
	for (size_t i = 0; i < e->lins.nr; i++) {
		struct lin *l = e->lins.v[i];

		if (!lineage_find(l)->tip_adr)
			continue;
		for (size_t j = 0; j < l->from_nr; j++) {
			int walked = 0;

			for (size_t k = 0; k < e->dirs.nr && !walked; k++)
				walked = histdirs_under(l->from_dirs[j], e->dirs.v[k]);
			if (!walked && !histdirs_has(found, l->from_dirs[j]))
				strvec_push(found, l->from_dirs[j]);
		}
		for (size_t j = 0; j < l->paths_nr; j++)
			for (size_t k = 0; k < hist.nr; k++)
				if (histdirs_under(l->paths[j].path, hist.v[k]))
					used[k] = 1;
	}
	for (size_t k = 0; k < hist.nr; k++)
		unneeded += !used[k];
	free(used);
	strvec_clear(&hist);
	return unneeded;
}

static int histdirs_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

void histdirs_set(struct strvec *dirs, const struct strvec *adr_dirs,
		  const struct strvec *hist)
{
	struct strvec all = STRVEC_INIT, h = STRVEC_INIT;

	for (size_t i = 0; i < hist->nr; i++)
		if (!histdirs_has(adr_dirs, hist->v[i]) && !histdirs_has(&h, hist->v[i]))
			strvec_push(&h, hist->v[i]);
	if (h.nr > 1)
		qsort(h.v, h.nr, sizeof(*h.v), histdirs_cmp);
	for (size_t i = 0; i < adr_dirs->nr; i++)
		strvec_push(&all, adr_dirs->v[i]);
	for (size_t i = 0; i < h.nr; i++)
		strvec_push(&all, h.v[i]);
	strvec_clear(dirs);
	/* a folder inside another one: its files are walked already */
	for (size_t i = 0; i < all.nr; i++) {
		int inside = 0;

		for (size_t j = 0; j < all.nr && !inside; j++)
			inside = j != i && strcmp(all.v[i], all.v[j]) &&
				 histdirs_under(all.v[i], all.v[j]);
		if (!inside && !histdirs_has(dirs, all.v[i]))
			strvec_push(dirs, all.v[i]);
	}
	strvec_clear(&all);
	strvec_clear(&h);
}
