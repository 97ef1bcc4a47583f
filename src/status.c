/*
 * status: the ADR status vocabulary.  status_normalize() is the one place
 * free status text becomes a status (SPEC section 1): the first run of
 * letters, lower-cased, looked up among the canonical words of STATUS_LIST
 * and the synonyms below.  Nothing else is guessed.
 */
#include "status.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

static const char *const names[] = {
	[ADR_STATUS_NONE] = NULL, [ADR_STATUS_UNKNOWN] = "unknown",
#define STATUS_NAME(name, word) [ADR_STATUS_##name] = word,
	STATUS_LIST(STATUS_NAME)
#undef STATUS_NAME
	[ADR_STATUS_DELETED] = "deleted",
};

/* Words that mean a canonical status (SPEC's list, nothing more). */
static const struct {
	const char *word;
	enum adr_status status;
} synonyms[] = {
	{ "approved", ADR_STATUS_ACCEPTED },
	{ "done", ADR_STATUS_IMPLEMENTED },
	{ "obsolete", ADR_STATUS_DEPRECATED },
	{ "replaced", ADR_STATUS_SUPERSEDED },
	{ "superceded", ADR_STATUS_SUPERSEDED },
	{ "superseeded", ADR_STATUS_SUPERSEDED },
	{ "wip", ADR_STATUS_PROPOSED },
	{ "declined", ADR_STATUS_REJECTED },
};

#define STATUS_WORD_MAX 32

static int status_isalpha(int c)
{
	return c < 0x80 && isalpha(c);
}

enum adr_status status_normalize(const char *raw)
{
	const unsigned char *p = (const unsigned char *)raw, *q;
	char word[STATUS_WORD_MAX];
	size_t n = 0;

	if (!raw)
		return ADR_STATUS_NONE;
	while (*p && !status_isalpha(*p))
		p++;
	while (status_isalpha(*p)) {
		if (n + 1 >= sizeof(word))
			return ADR_STATUS_UNKNOWN;
		word[n++] = (char)tolower(*p++);
	}
	word[n] = '\0';
	if (!n)
		return ADR_STATUS_UNKNOWN;
	if (!strcmp(word, "in")) {
		/* "in progress": the only two-word synonym */
		for (q = p; *q == ' ' || *q == '\t'; q++)
			;
		if (q > p && !strncasecmp((const char *)q, "progress", 8) &&
		    !status_isalpha(q[8]))
			return ADR_STATUS_PROPOSED;
		return ADR_STATUS_UNKNOWN;
	}
	for (int i = ADR_STATUS_UNKNOWN + 1; i < ADR_STATUS_DELETED; i++)
		if (!strcmp(names[i], word))
			return (enum adr_status)i;
	for (size_t i = 0; i < sizeof(synonyms) / sizeof(synonyms[0]); i++)
		if (!strcmp(synonyms[i].word, word))
			return synonyms[i].status;
	return ADR_STATUS_UNKNOWN;
}

const char *status_name(enum adr_status s)
{
	return s < ADR_STATUS__COUNT ? names[s] : NULL;
}

enum adr_status status_from_name(const char *name)
{
	for (int i = 1; i < ADR_STATUS__COUNT; i++)
		if (!strcmp(names[i], name))
			return (enum adr_status)i;
	return ADR_STATUS_NONE;
}
