/*
 * status: the ADR status vocabulary.  status_normalize() is the one place
 * free status text becomes a status (SPEC section 1 and 1a): the text is
 * case-folded (utf8_fold), a repository's own phrases (adrlog.statusAlias)
 * are tried first, then the built-in phrases of two words, then the first
 * run of letters is looked up among the canonical words, the synonyms and
 * the words of the other languages.  Nothing else is guessed.
 */
#include "status.h"

#include <stdlib.h>
#include <string.h>

#include "strbuf.h"
#include "utf8.h"
#include "xalloc.h"

static const char *const names[] = {
	[ADR_STATUS_NONE] = NULL, [ADR_STATUS_UNKNOWN] = "unknown",
#define STATUS_NAME(name, word) [ADR_STATUS_##name] = word,
	STATUS_LIST(STATUS_NAME)
#undef STATUS_NAME
	[ADR_STATUS_DELETED] = "deleted",
};

struct status_word {
	const char *word;	/* case-folded */
	enum adr_status status;
};

/* Phrases of more than one word: matched before the first word alone. */
static const struct status_word phrases[] = {
	{ "in progress", ADR_STATUS_PROPOSED }, { "in-progress", ADR_STATUS_PROPOSED },
	{ "in review", ADR_STATUS_PROPOSED }, { "under review", ADR_STATUS_PROPOSED },
};

/* Single words (a whole run of letters): SPEC's synonyms and 1a's table. */
static const struct status_word words[] = {
	{ "approved", ADR_STATUS_ACCEPTED }, { "done", ADR_STATUS_IMPLEMENTED },
	{ "obsolete", ADR_STATUS_DEPRECATED }, { "replaced", ADR_STATUS_SUPERSEDED },
	{ "superceded", ADR_STATUS_SUPERSEDED }, { "superseeded", ADR_STATUS_SUPERSEDED },
	{ "wip", ADR_STATUS_PROPOSED }, { "declined", ADR_STATUS_REJECTED },
	{ "provisional", ADR_STATUS_PROPOSED }, { "decided", ADR_STATUS_ACCEPTED },
	{ "implementable", ADR_STATUS_ACCEPTED },
	/* fr */
	{ "proposé", ADR_STATUS_PROPOSED }, { "proposée", ADR_STATUS_PROPOSED },
	{ "accepté", ADR_STATUS_ACCEPTED }, { "acceptée", ADR_STATUS_ACCEPTED },
	{ "rejeté", ADR_STATUS_REJECTED }, { "rejetée", ADR_STATUS_REJECTED },
	{ "déprécié", ADR_STATUS_DEPRECATED }, { "dépréciée", ADR_STATUS_DEPRECATED },
	{ "obsolète", ADR_STATUS_DEPRECATED },
	{ "remplacé", ADR_STATUS_SUPERSEDED }, { "remplacée", ADR_STATUS_SUPERSEDED },
	/* es */
	{ "propuesto", ADR_STATUS_PROPOSED }, { "propuesta", ADR_STATUS_PROPOSED },
	{ "aceptado", ADR_STATUS_ACCEPTED }, { "aceptada", ADR_STATUS_ACCEPTED },
	{ "rechazado", ADR_STATUS_REJECTED }, { "rechazada", ADR_STATUS_REJECTED },
	{ "obsoleto", ADR_STATUS_DEPRECATED }, { "obsoleta", ADR_STATUS_DEPRECATED },
	{ "reemplazado", ADR_STATUS_SUPERSEDED }, { "reemplazada", ADR_STATUS_SUPERSEDED },
	{ "sustituido", ADR_STATUS_SUPERSEDED }, { "sustituida", ADR_STATUS_SUPERSEDED },
	/* pt (obsoleto/a above) */
	{ "proposto", ADR_STATUS_PROPOSED }, { "proposta", ADR_STATUS_PROPOSED },
	{ "aceito", ADR_STATUS_ACCEPTED }, { "aceita", ADR_STATUS_ACCEPTED },
	{ "aceite", ADR_STATUS_ACCEPTED },
	{ "rejeitado", ADR_STATUS_REJECTED }, { "rejeitada", ADR_STATUS_REJECTED },
	{ "substituído", ADR_STATUS_SUPERSEDED }, { "substituída", ADR_STATUS_SUPERSEDED },
	/* it (proposto/a, obsoleto/a above) */
	{ "accettato", ADR_STATUS_ACCEPTED }, { "accettata", ADR_STATUS_ACCEPTED },
	{ "rifiutato", ADR_STATUS_REJECTED }, { "rifiutata", ADR_STATUS_REJECTED },
	{ "deprecato", ADR_STATUS_DEPRECATED }, { "deprecata", ADR_STATUS_DEPRECATED },
	{ "sostituito", ADR_STATUS_SUPERSEDED }, { "sostituita", ADR_STATUS_SUPERSEDED },
	/* de */
	{ "vorgeschlagen", ADR_STATUS_PROPOSED }, { "akzeptiert", ADR_STATUS_ACCEPTED },
	{ "angenommen", ADR_STATUS_ACCEPTED }, { "abgelehnt", ADR_STATUS_REJECTED },
	{ "veraltet", ADR_STATUS_DEPRECATED }, { "ersetzt", ADR_STATUS_SUPERSEDED },
	/* ru */
	{ "предложено", ADR_STATUS_PROPOSED }, { "предложен", ADR_STATUS_PROPOSED },
	{ "предложена", ADR_STATUS_PROPOSED },
	{ "принято", ADR_STATUS_ACCEPTED }, { "принят", ADR_STATUS_ACCEPTED },
	{ "принята", ADR_STATUS_ACCEPTED },
	{ "отклонено", ADR_STATUS_REJECTED }, { "отклонен", ADR_STATUS_REJECTED },
	{ "отклонена", ADR_STATUS_REJECTED },
	{ "устарело", ADR_STATUS_DEPRECATED }, { "устарел", ADR_STATUS_DEPRECATED },
	{ "устарела", ADR_STATUS_DEPRECATED },
	{ "заменено", ADR_STATUS_SUPERSEDED }, { "заменен", ADR_STATUS_SUPERSEDED },
	{ "заменена", ADR_STATUS_SUPERSEDED },
	/* zh */
	{ "提议", ADR_STATUS_PROPOSED }, { "提案", ADR_STATUS_PROPOSED },
	{ "已接受", ADR_STATUS_ACCEPTED }, { "接受", ADR_STATUS_ACCEPTED },
	{ "已采纳", ADR_STATUS_ACCEPTED }, { "采纳", ADR_STATUS_ACCEPTED },
	{ "已拒绝", ADR_STATUS_REJECTED }, { "拒绝", ADR_STATUS_REJECTED },
	{ "已废弃", ADR_STATUS_DEPRECATED }, { "废弃", ADR_STATUS_DEPRECATED },
	{ "已取代", ADR_STATUS_SUPERSEDED }, { "被取代", ADR_STATUS_SUPERSEDED },
	/* ja (提案 above) */
	{ "承認", ADR_STATUS_ACCEPTED }, { "承認済み", ADR_STATUS_ACCEPTED },
	{ "却下", ADR_STATUS_REJECTED }, { "非推奨", ADR_STATUS_DEPRECATED },
	{ "置き換え", ADR_STATUS_SUPERSEDED },
};

/* The repository's phrases (status_set_aliases), folded and squeezed. */
static struct status_word *aliases;
static size_t aliases_nr;
static char *aliases_key;

/* Status text past this is not read: a status is a few words. */
#define STATUS_TEXT_MAX 256

/* Letter at s? Sets *n to the length of the code point there. */
static int status_letter(const char *s, size_t *n)
{
	unsigned cp;

	*n = utf8_next(s, strlen(s), &cp);
	return *n && utf8_is_letter(cp);
}

/* Length of the run of letters at s. */
static size_t status_run(const char *s)
{
	size_t len = 0, n;

	while (s[len] && status_letter(s + len, &n))
		len += n;
	return len;
}

/*
 * Does the text at s start with phrase (both folded) and end a word there?
 * A run of blanks in the text matches one space of the phrase.
 */
static int status_phrase_at(const char *s, const char *phrase)
{
	size_t n;

	while (*phrase) {
		if (*phrase == ' ') {
			if (*s != ' ' && *s != '\t')
				return 0;
			while (*s == ' ' || *s == '\t')
				s++;
			phrase++;
			continue;
		}
		if (*s++ != *phrase++)
			return 0;
	}
	return !*s || !status_letter(s, &n);
}

/* "[proposed | accepted | rejected]": a choice offered, not made. */
static int status_offers_choice(const char *s)
{
	const char *bar = strchr(s, '|');
	size_t n;

	if (!bar)
		return 0;
	for (bar++; *bar; bar++)
		if (status_letter(bar, &n))
			return 1;
	return 0;
}

/* The built-in meaning of folded text that starts with a letter. */
static enum adr_status status_builtin(const char *s)
{
	size_t run = status_run(s);

	for (size_t i = 0; i < sizeof(phrases) / sizeof(phrases[0]); i++)
		if (status_phrase_at(s, phrases[i].word))
			return phrases[i].status;
	for (int i = ADR_STATUS_UNKNOWN + 1; i < ADR_STATUS_DELETED; i++)
		if (strlen(names[i]) == run && !memcmp(names[i], s, run))
			return (enum adr_status)i;
	for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++)
		if (strlen(words[i].word) == run && !memcmp(words[i].word, s, run))
			return words[i].status;
	return ADR_STATUS_UNKNOWN;
}

/* Fold raw (its first STATUS_TEXT_MAX bytes) into sb; start of the first letter. */
static const char *status_fold(struct strbuf *sb, const char *raw)
{
	char *cut = xstrndup(raw, strnlen(raw, STATUS_TEXT_MAX));
	const char *p;
	size_t n;

	utf8_fold_str(sb, cut);
	free(cut);
	for (p = sb->buf; *p && !status_letter(p, &n); p += n ? n : 1)
		;
	return p;
}

enum adr_status status_normalize(const char *raw)
{
	struct strbuf sb = STRBUF_INIT;
	enum adr_status s = ADR_STATUS_UNKNOWN;
	const char *p;

	if (!raw)
		return ADR_STATUS_NONE;
	p = status_fold(&sb, raw);
	if (*p && !status_offers_choice(p)) {
		size_t i;

		for (i = 0; i < aliases_nr; i++)
			if (status_phrase_at(p, aliases[i].word))
				break;
		s = i < aliases_nr ? aliases[i].status : status_builtin(p);
	}
	strbuf_release(&sb);
	return s;
}

void status_clear_aliases(void)
{
	for (size_t i = 0; i < aliases_nr; i++)
		free((char *)aliases[i].word);
	free(aliases);
	free(aliases_key);
	aliases = NULL;
	aliases_nr = 0;
	aliases_key = NULL;
}

size_t status_set_aliases(const struct strvec *vals, struct strvec *bad)
{
	struct strbuf key = STRBUF_INIT;
	size_t nbad = 0;

	status_clear_aliases();
	aliases = xcalloc(vals->nr + 1, sizeof(*aliases));
	for (size_t i = 0; i < vals->nr; i++) {
		const char *v = vals->v[i], *eq = strrchr(v, '=');
		struct strbuf phrase = STRBUF_INIT, fold = STRBUF_INIT;
		enum adr_status to = ADR_STATUS_UNKNOWN;
		const char *p;

		if (eq) {
			char *target = xstrdup(eq + 1);

			strbuf_add(&phrase, v, (size_t)(eq - v));
			strbuf_trim(&phrase);
			to = status_from_name(target);
			if (to == ADR_STATUS_NONE || to == ADR_STATUS_DELETED)
				to = status_normalize(target);
			free(target);
		}
		/* squeeze blanks so that "Partially  Implemented" matches too */
		for (size_t k = 0; k < phrase.len; k++)
			if (phrase.buf[k] == '\t')
				phrase.buf[k] = ' ';
		p = status_fold(&fold, phrase.buf);
		if (!eq || !*p || to == ADR_STATUS_UNKNOWN || to == ADR_STATUS_NONE ||
		    to == ADR_STATUS_DELETED) {
			if (bad)
				strvec_push(bad, v);
			nbad++;
		} else {
			struct strbuf sq = STRBUF_INIT;

			for (const char *q = p; *q; q++)
				if (*q != ' ' || (sq.len && sq.buf[sq.len - 1] != ' '))
					strbuf_addch(&sq, *q);
			strbuf_rtrim(&sq);
			aliases[aliases_nr].word = strbuf_detach(&sq, NULL);
			aliases[aliases_nr++].status = to;
			strbuf_addf(&key, "%s=%s;", aliases[aliases_nr - 1].word,
				    names[to]);
		}
		strbuf_release(&phrase);
		strbuf_release(&fold);
	}
	aliases_key = strbuf_detach(&key, NULL);
	return nbad;
}

const char *status_aliases_key(void)
{
	return aliases_key ? aliases_key : "";
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
