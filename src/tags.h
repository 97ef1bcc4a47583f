/*
 * tags: the few ref and reachability questions release notes ask of git
 * (git layer, next to repo.c): which tags are reachable from a revision,
 * newest first; which commits are reachable from a revision (a set, to
 * cut a full history down to a range A..B); a commit's date.
 */
#ifndef ADRLOG_TAGS_H
#define ADRLOG_TAGS_H

#include "repo.h"
#include "strvec.h"

/*
 * Tags whose commit is reachable from rev, newest first (topological
 * order, then commit time).  names[i] and shas[i] (40-hex commit ids)
 * correspond; several tags on one commit all appear, by name.  When
 * skip_self is set, tags on rev's own commit are left out.  patterns
 * (NULL or empty: every tag) keeps only the tags whose name matches one
 * of the globs, as `git describe --match` does (`*` also matches '/').
 */
int tags_reachable(struct strvec *names, struct strvec *shas, struct repo *repo,
		   const char *rev, int skip_self, const struct strvec *patterns);

/* Non-zero when name matches one of patterns (or patterns is empty). */
int tags_match(const char *name, const struct strvec *patterns);

struct commit_set;

/* Every commit reachable from rev (rev included); *out NULL for rev NULL. */
int commit_set_reachable(struct commit_set **out, struct repo *repo, const char *rev);
/* Non-zero when sha (40 hex) is in the set; a NULL set holds nothing. */
int commit_set_has(const struct commit_set *set, const char *sha);
void commit_set_free(struct commit_set *set);

struct commit_index;

/*
 * For release tags on one line of history (shas newest first, 40 hex,
 * each a descendant of the next, equal ones allowed): which of them reach
 * each commit, built with one walk per tag of only its own range, so
 * cutting every section of --all-tags costs one pass over the history.
 * Returns 1 with *out set, 0 (*out NULL) when the tags are not on one
 * line (ask commit_set_reachable() per tag then), or -1.
 */
int commit_index_build(struct commit_index **out, struct repo *repo,
		       const struct strvec *shas);
/* Non-zero when the tag at position k of the shas given reaches sha. */
int commit_index_reaches(const struct commit_index *ix, const char *sha, size_t k);
void commit_index_free(struct commit_index *ix);

/* The 40-hex id and ISO 8601 author date of rev's commit. */
int tags_commit_info(char sha[41], char date[32], struct repo *repo, const char *rev);

#endif
