/*
 * histdirs: history folders (SPEC section 2 [rev2]), an ADR's earlier
 * life outside the ADR folders.
 *
 * The engine walks a set of folders: the ADR folders, then every history
 * folder found.  During a walk, each add of a lineage (a first add, or an
 * add after a delete) is checked for a rename from outside the folders
 * walked (events.c, lineage_from_dir()).  After the walk, histdirs_next()
 * collects those folders for the lineages of the ADRs at the tip; the
 * driver (history.c) walks again with them until no new folder is found.
 */
#ifndef ADRLOG_HISTDIRS_H
#define ADRLOG_HISTDIRS_H

#include "events.h"

/* Non-zero when the file at path with this id is an ADR (in an ADR folder). */
int histdirs_is_adr(const struct engine *e, const char *path, const char *id);

/*
 * Non-zero when lineage l (a root, after lineage_finish()) ever had an
 * ADR's name in an ADR folder: the files of history folders are ADRs only
 * through such a lineage.
 */
int histdirs_reached(const struct engine *e, const struct lin *l);

/*
 * After a walk whose tip snapshot is tip: the folders outside e->dirs that
 * an add of a tip ADR's lineage was renamed from go to found (appended,
 * each once).  Returns how many of the history folders walked (those of
 * e->dirs that are not ADR folders) no tip ADR's lineage ever had a file
 * in: a walk that followed a cached set of folders checks it.
 */
size_t histdirs_next(struct engine *e, struct snapshot *tip, struct strvec *found);

/*
 * The folders to walk: the ADR folders and the history folders hist, a
 * folder inside another one dropped (its files are walked already), the
 * ADR folders first in their order, then the others sorted.
 */
void histdirs_set(struct strvec *dirs, const struct strvec *adr_dirs,
		  const struct strvec *hist);

/* The history folders of dirs (those that are not ADR folders). */
void histdirs_of(struct strvec *out, const struct strvec *dirs,
		 const struct strvec *adr_dirs);

#endif
