/*
 * tags: tags and reachability for release notes (tags.h).  Git layer:
 * libgit2 revwalks and the tag list; everything above sees only names,
 * 40-hex ids and a set to ask.
 */
#include "tags.h"

#include <fnmatch.h>
#include <stdlib.h>
#include <string.h>

#include "adr.h"
#include "date.h"
#include "error.h"
#include "uthash_config.h"
#include "xalloc.h"

struct commit_set_entry {
	char sha[ADR_OID_HEX];
	UT_hash_handle hh;
};

struct commit_set {
	struct commit_set_entry *head;
};

static void commit_set_free_entries(struct commit_set *set);

struct tags_found {
	struct repo *repo;
	const struct strvec *patterns;
	struct strvec names, shas;	/* every tag, peeled to its commit */
};

int tags_match(const char *name, const struct strvec *patterns)
{
	if (!patterns || !patterns->nr)
		return 1;
	for (size_t i = 0; i < patterns->nr; i++)
		if (fnmatch(patterns->v[i], name, 0) == 0)
			return 1;
	return 0;
}

static int tags_collect(const char *name, git_oid *oid, void *payload)
{
	struct tags_found *t = payload;
	git_object *obj = NULL, *peeled = NULL;
	char hex[GIT_OID_HEXSZ + 1];

	if (!strncmp(name, "refs/tags/", 10) && !tags_match(name + 10, t->patterns))
		return 0;
	if (git_object_lookup(&obj, t->repo->git, oid, GIT_OBJECT_ANY) < 0)
		return 0;
	if (git_object_peel(&peeled, obj, GIT_OBJECT_COMMIT) == 0) {
		repo_oid_hex(hex, git_object_id(peeled));
		if (!strncmp(name, "refs/tags/", 10))
			name += 10;
		strvec_push(&t->names, name);
		strvec_push(&t->shas, hex);
	}
	git_object_free(peeled);
	git_object_free(obj);
	return 0;
}

/* A revwalk from rev, newest first. */
static int tags_walk(git_revwalk **out, struct repo *repo, const char *rev,
		     git_oid *tip)
{
	git_commit *c = NULL;

	if (repo_commit(&c, repo, rev) < 0)
		return -1;
	git_oid_cpy(tip, git_commit_id(c));
	git_commit_free(c);
	if (git_revwalk_new(out, repo->git) < 0)
		return repo_error("cannot walk '%s'", rev);
	git_revwalk_sorting(*out, GIT_SORT_TOPOLOGICAL | GIT_SORT_TIME);
	if (git_revwalk_push(*out, tip) < 0) {
		git_revwalk_free(*out);
		return repo_error("cannot walk '%s'", rev);
	}
	return 0;
}

static void commit_set_add(struct commit_set *set, const char *sha)
{
	struct commit_set_entry *e;

	if (commit_set_has(set, sha))
		return;
	e = xmalloc(sizeof(*e));
	memcpy(e->sha, sha, ADR_OID_HEX);
	HASH_ADD_STR(set->head, sha, e);
}

/*
 * Version order for tags on one commit: digit runs compare as numbers,
 * and a name that goes on with "-..." where the other ends is a
 * pre-release, older ("v1.1-rc" < "v1.1" < "v1.10").
 */
static int tags_version_cmp(const char *a, const char *b)
{
	while (*a && *b) {
		if (*a >= '0' && *a <= '9' && *b >= '0' && *b <= '9') {
			unsigned long long x = strtoull(a, (char **)&a, 10);
			unsigned long long y = strtoull(b, (char **)&b, 10);

			if (x != y)
				return x < y ? -1 : 1;
			continue;
		}
		if (*a != *b)
			return (unsigned char)*a < (unsigned char)*b ? -1 : 1;
		a++;
		b++;
	}
	if (!*a && !*b)
		return 0;
	if (!*a)
		return *b == '-' ? 1 : -1;
	return *a == '-' ? -1 : 1;
}

static int tags_name_cmp(const void *a, const void *b)
{
	return tags_version_cmp(*(char *const *)a, *(char *const *)b);
}

int tags_reachable(struct strvec *names, struct strvec *shas, struct repo *repo,
		   const char *rev, int skip_self, const struct strvec *patterns)
{
	struct tags_found t = { repo, patterns, STRVEC_INIT, STRVEC_INIT };
	struct commit_set tagged = { NULL }, *set = &tagged;
	git_revwalk *walk;
	git_oid tip, oid;
	int rc = 0;

	if (git_tag_foreach(repo->git, tags_collect, &t) < 0 && git_error_last())
		return repo_error("cannot list tags");
	if (!t.names.nr)
		return 0;
	for (size_t i = 0; i < t.shas.nr; i++)
		commit_set_add(set, t.shas.v[i]);
	if (tags_walk(&walk, repo, rev, &tip) < 0) {
		commit_set_free_entries(set);
		strvec_clear(&t.names);
		strvec_clear(&t.shas);
		return -1;
	}
	while ((rc = git_revwalk_next(&oid, walk)) == 0) {
		char hex[GIT_OID_HEXSZ + 1];
		char **here;
		size_t n = 0, k = 0;

		if (skip_self && git_oid_equal(&oid, &tip))
			continue;
		repo_oid_hex(hex, &oid);
		if (!commit_set_has(set, hex))
			continue;
		for (size_t i = 0; i < t.shas.nr; i++)
			n += !strcmp(t.shas.v[i], hex);
		if (!n)
			continue;
		here = xmalloc(n * sizeof(*here));
		for (size_t i = 0; i < t.shas.nr; i++)
			if (!strcmp(t.shas.v[i], hex))
				here[k++] = t.names.v[i];
		qsort(here, n, sizeof(*here), tags_name_cmp);
		/* newest first: the greatest name first on one commit */
		while (n--) {
			strvec_push(names, here[n]);
			strvec_push(shas, hex);
		}
		free(here);
	}
	git_revwalk_free(walk);
	commit_set_free_entries(set);
	strvec_clear(&t.names);
	strvec_clear(&t.shas);
	if (rc != GIT_ITEROVER)
		return repo_error("cannot walk '%s'", rev);
	return 0;
}

int commit_set_reachable(struct commit_set **out, struct repo *repo, const char *rev)
{
	git_revwalk *walk;
	git_oid tip, oid;
	struct commit_set *set;
	int rc;

	*out = NULL;
	if (!rev)
		return 0;
	if (tags_walk(&walk, repo, rev, &tip) < 0)
		return -1;
	git_revwalk_sorting(walk, GIT_SORT_NONE);
	set = xcalloc(1, sizeof(*set));
	while ((rc = git_revwalk_next(&oid, walk)) == 0) {
		struct commit_set_entry *e = xmalloc(sizeof(*e));

		repo_oid_hex(e->sha, &oid);
		HASH_ADD_STR(set->head, sha, e);
	}
	git_revwalk_free(walk);
	if (rc != GIT_ITEROVER) {
		commit_set_free(set);
		return repo_error("cannot walk '%s'", rev);
	}
	*out = set;
	return 0;
}

int commit_set_has(const struct commit_set *set, const char *sha)
{
	struct commit_set_entry *e = NULL;

	if (!set)
		return 0;
	HASH_FIND_STR(set->head, sha, e);
	return e != NULL;
}

static void commit_set_free_entries(struct commit_set *set)
{
	struct commit_set_entry *e, *tmp;

	HASH_ITER(hh, set->head, e, tmp) {
		HASH_DEL(set->head, e);
		free(e);
	}
}

void commit_set_free(struct commit_set *set)
{
	if (!set)
		return;
	commit_set_free_entries(set);
	free(set);
}

struct commit_index_entry {
	char sha[ADR_OID_HEX];
	size_t oldest;		/* position of the oldest tag that reaches it */
	UT_hash_handle hh;
};

struct commit_index {
	struct commit_index_entry *head;
};

void commit_index_free(struct commit_index *ix)
{
	struct commit_index_entry *e, *tmp;

	if (!ix)
		return;
	HASH_ITER(hh, ix->head, e, tmp) {
		HASH_DEL(ix->head, e);
		free(e);
	}
	free(ix);
}

int commit_index_reaches(const struct commit_index *ix, const char *sha, size_t k)
{
	struct commit_index_entry *e = NULL;

	HASH_FIND_STR(ix->head, sha, e);
	return e && e->oldest >= k;
}

/*
 * Oldest tag first: walk each tag hiding the next older one; what the
 * walk meets first is reached by this tag and by every newer one (they
 * descend from it), not by the older ones.
 */
int commit_index_build(struct commit_index **out, struct repo *repo,
		       const struct strvec *shas)
{
	struct commit_index *ix;
	git_oid a, b;

	*out = NULL;
	for (size_t i = 0; i + 1 < shas->nr; i++) {
		if (!strcmp(shas->v[i], shas->v[i + 1]))
			continue;
		if (git_oid_fromstr(&a, shas->v[i]) < 0 || git_oid_fromstr(&b, shas->v[i + 1]) < 0)
			return repo_error("bad commit id");
		if (git_graph_descendant_of(repo->git, &a, &b) != 1)
			return 0;	/* not one line (or unknown): per-tag sets */
	}
	ix = xcalloc(1, sizeof(*ix));
	for (size_t k = shas->nr; k-- > 0;) {
		git_revwalk *walk;
		git_oid oid;
		int rc;

		if (k + 1 < shas->nr && !strcmp(shas->v[k], shas->v[k + 1])) {
			continue;	/* same commit: its entries say k + 1 >= k */
		}
		if (git_revwalk_new(&walk, repo->git) < 0) {
			commit_index_free(ix);
			return repo_error("cannot walk '%s'", shas->v[k]);
		}
		git_revwalk_sorting(walk, GIT_SORT_NONE);
		git_oid_fromstr(&a, shas->v[k]);
		rc = git_revwalk_push(walk, &a);
		if (rc == 0 && k + 1 < shas->nr) {
			git_oid_fromstr(&b, shas->v[k + 1]);
			rc = git_revwalk_hide(walk, &b);
		}
		while (rc == 0 && (rc = git_revwalk_next(&oid, walk)) == 0) {
			struct commit_index_entry *e = NULL;
			char hex[GIT_OID_HEXSZ + 1];

			repo_oid_hex(hex, &oid);
			HASH_FIND_STR(ix->head, hex, e);
			if (e)
				continue;
			e = xmalloc(sizeof(*e));
			memcpy(e->sha, hex, ADR_OID_HEX);
			e->oldest = k;
			HASH_ADD_STR(ix->head, sha, e);
		}
		git_revwalk_free(walk);
		if (rc != GIT_ITEROVER) {
			commit_index_free(ix);
			return repo_error("cannot walk '%s'", shas->v[k]);
		}
	}
	*out = ix;
	return 1;
}

int tags_commit_info(char sha[41], char date[32], struct repo *repo, const char *rev)
{
	git_commit *c = NULL;
	const git_signature *sig;

	if (repo_commit(&c, repo, rev) < 0)
		return -1;
	repo_oid_hex(sha, git_commit_id(c));
	sig = git_commit_author(c);
	date_iso8601(date, sig->when.time, sig->when.offset);
	git_commit_free(c);
	return 0;
}
