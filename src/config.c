/*
 * config: reading adrlog.* from git config and from a committed .adrlog
 * (see config.h).  The .adrlog parser is our own small reader of
 * git-config syntax because libgit2 1.5.1 can only parse config files on
 * disk, and .adrlog is read from git objects, never the work tree.
 * libgit2 does not read git's command-line channels either (`git -c`,
 * which git passes to hooks in GIT_CONFIG_PARAMETERS, and
 * GIT_CONFIG_COUNT/KEY_n/VALUE_n): config_env_get_all reads them (ADR 22).
 */
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "error.h"
#include "strbuf.h"
#include "xalloc.h"

/* Read one (possibly quoted, escaped, continued) value starting at *pp. */
static void config_text_value(const char **pp, const char *end, struct strbuf *out)
{
	const char *p = *pp;
	int quoted = 0;
	size_t keep = 0;	/* length up to the last non-space outside quotes */

	while (p < end && (*p == ' ' || *p == '\t'))
		p++;
	for (; p < end; p++) {
		char c = *p;
		if (c == '\n')
			break;
		if (c == '\r' && (p + 1 == end || p[1] == '\n'))
			continue;
		if (!quoted && (c == '#' || c == ';'))
			break;
		if (c == '"') {
			quoted = !quoted;
			keep = out->len;
			continue;
		}
		if (c == '\\' && p + 1 < end) {
			char n = *++p;
			if (n == '\n')
				continue;	/* line continuation */
			if (n == '\r' && p + 1 < end && p[1] == '\n') {
				p++;
				continue;
			}
			strbuf_addch(out, n == 'n' ? '\n' : n == 't' ? '\t' :
				     n == 'b' ? '\b' : n);
			keep = out->len;
			continue;
		}
		strbuf_addch(out, c);
		if (quoted || (c != ' ' && c != '\t'))
			keep = out->len;
	}
	strbuf_setlen(out, keep);
	*pp = p;
}

void config_text_get_all(const char *buf, size_t len, const char *section,
			 const char *key, struct strvec *out)
{
	const char *p = buf, *end = buf + len;
	int in_section = 0;
	struct strbuf val = STRBUF_INIT;

	while (p < end) {
		const char *name;
		size_t nlen;

		while (p < end && (isspace((unsigned char)*p)))
			p++;
		if (p >= end)
			break;
		if (*p == '#' || *p == ';') {
			while (p < end && *p != '\n')
				p++;
			continue;
		}
		if (*p == '[') {
			const char *s = ++p;
			while (p < end && *p != ']' && *p != '\n')
				p++;
			/* "[adrlog]" only; "[adrlog "sub"]" is another section */
			in_section = p < end && *p == ']' &&
				     (size_t)(p - s) == strlen(section) &&
				     !strncasecmp(s, section, strlen(section));
			while (p < end && *p != '\n')
				p++;
			continue;
		}
		name = p;
		while (p < end && (isalnum((unsigned char)*p) || *p == '-'))
			p++;
		nlen = (size_t)(p - name);
		while (p < end && (*p == ' ' || *p == '\t'))
			p++;
		strbuf_reset(&val);
		if (p < end && *p == '=') {
			p++;
			config_text_value(&p, end, &val);
		} else if (p < end && *p != '\n' && *p != '\r' && *p != '#' && *p != ';') {
			/* malformed line: skip it */
			while (p < end && *p != '\n')
				p++;
			continue;
		} else {
			strbuf_addstr(&val, "true");
		}
		if (in_section && nlen && nlen == strlen(key) &&
		    !strncasecmp(name, key, nlen))
			strvec_push(out, val.buf);
		while (p < end && *p != '\n')
			p++;
	}
	strbuf_release(&val);
}

/*
 * Does a config name from the environment ("Section.sub.Key") name the
 * variable want?  Section and key compare case-insensitively, a
 * subsection exactly, as git does.
 */
static int config_name_eq(const char *name, size_t len, const char *want)
{
	const char *d1 = memchr(name, '.', len), *w1 = strchr(want, '.');
	const char *d2, *w2;
	size_t wlen = strlen(want);

	if (!d1 || !w1)
		return len == wlen && !strncasecmp(name, want, len);
	d2 = name + len;
	while (d2 > d1 && d2[-1] != '.')
		d2--;
	w2 = strrchr(want, '.') + 1;
	return (size_t)(d1 - name) == (size_t)(w1 - want) &&
	       !strncasecmp(name, want, (size_t)(d1 - name)) &&
	       (size_t)(d2 - d1) == (size_t)(w2 - w1) &&
	       !memcmp(d1, w1, (size_t)(d2 - d1)) &&
	       (size_t)(name + len - d2) == strlen(w2) &&
	       !strncasecmp(d2, w2, strlen(w2));
}

/*
 * One shell word of GIT_CONFIG_PARAMETERS (git's sq_quote: '...' with ' as
 * '\'' and ! as '\!') from *pp into out, up to an unquoted blank or '='.
 * Returns -1 when the quoting is broken.
 */
static int config_sq_word(const char **pp, struct strbuf *out)
{
	const char *p = *pp;

	for (;;) {
		if (*p == '\'') {
			const char *q = strchr(p + 1, '\'');
			if (!q)
				return -1;
			strbuf_add(out, p + 1, (size_t)(q - p - 1));
			p = q + 1;
		} else if (*p == '\\' && p[1]) {
			strbuf_addch(out, p[1]);
			p += 2;
		} else {
			break;
		}
	}
	*pp = p;
	return 0;
}

/*
 * Append the values of name (NULL: implicit "true") that git's command
 * line channels hold, in git's order: GIT_CONFIG_COUNT's pairs first, then
 * GIT_CONFIG_PARAMETERS (what `git -c` passes down), later ones winning.
 */
static void config_env_get_all(struct strvec *out, const char *name)
{
	const char *count = getenv("GIT_CONFIG_COUNT");
	const char *params = getenv("GIT_CONFIG_PARAMETERS");

	if (count && *count) {
		char *end;
		unsigned long n = strtoul(count, &end, 10);
		char k[64];
		for (unsigned long i = 0; !*end && i < n && i < 100000; i++) {
			const char *kv, *vv;
			snprintf(k, sizeof(k), "GIT_CONFIG_KEY_%lu", i);
			kv = getenv(k);
			snprintf(k, sizeof(k), "GIT_CONFIG_VALUE_%lu", i);
			vv = getenv(k);
			if (kv && vv && config_name_eq(kv, strlen(kv), name))
				strvec_push(out, vv);
		}
	}
	if (params)
		config_parse_parameters(params, name, out);
}

void config_parse_parameters(const char *params, const char *name, struct strvec *out)
{
	struct strbuf key = STRBUF_INIT, val = STRBUF_INIT;

	for (const char *p = params; p && *p;) {
		const char *eq;
		int has_value = 0;

		while (isspace((unsigned char)*p))
			p++;
		if (!*p)
			break;
		strbuf_reset(&key);
		strbuf_reset(&val);
		if (config_sq_word(&p, &key) < 0)
			break;
		if (*p == '=') {
			/* git >= 2.31: 'key'='value', or 'key'= for no value */
			p++;
			has_value = *p && !isspace((unsigned char)*p);
			if (has_value && config_sq_word(&p, &val) < 0)
				break;
		} else if ((eq = memchr(key.buf, '=', key.len))) {
			/* older git: 'key=value' */
			strbuf_addstr(&val, eq + 1);
			strbuf_setlen(&key, (size_t)(eq - key.buf));
			has_value = 1;
		}
		if (*p && !isspace((unsigned char)*p))
			break;	/* not git's format: stop rather than guess */
		if (config_name_eq(key.buf, key.len, name))
			strvec_push(out, has_value ? val.buf : "true");
	}
	strbuf_release(&key);
	strbuf_release(&val);
}

/* Every value of a git variable: config files (git's levels), then the
 * command-line channels.  Returns 0 or -1. */
static int config_git_get_all(struct strvec *out, struct repo *repo, const char *name)
{
	git_config *cfg = NULL;
	git_config_iterator *it = NULL;
	git_config_entry *entry;
	if (git_repository_config_snapshot(&cfg, repo->git) < 0)
		return repo_error("cannot read git config");
	if (git_config_multivar_iterator_new(&it, cfg, name, NULL) == 0) {
		while (git_config_next(&entry, it) == 0)
			strvec_push(out, entry->value ? entry->value : "true");
		git_config_iterator_free(it);
	}
	git_config_free(cfg);
	git_error_clear();
	config_env_get_all(out, name);
	return 0;
}

int config_get_all(struct strvec *out, struct repo *repo, const git_tree *tree,
		   const char *key)
{
	struct strbuf name = STRBUF_INIT, file = STRBUF_INIT;
	size_t before = out->nr;
	int rc;

	strbuf_addf(&name, "adrlog.%s", key);
	rc = config_git_get_all(out, repo, name.buf);
	strbuf_release(&name);
	if (rc < 0)
		return -1;
	/* the committed .adrlog comes last: only where git has no value */
	if (out->nr == before && tree) {
		rc = repo_read_path(&file, repo, tree, ".adrlog");
		if (rc == 0)
			config_text_get_all(file.buf, file.len, "adrlog", key, out);
		strbuf_release(&file);
		if (rc != 0 && rc != GIT_ENOTFOUND)
			return -1;
	}
	return 0;
}

int config_get(char **out, struct repo *repo, const git_tree *tree, const char *key)
{
	struct strvec v = STRVEC_INIT;

	*out = NULL;
	if (config_get_all(&v, repo, tree, key) < 0)
		return -1;
	if (v.nr)
		*out = xstrdup(v.v[v.nr - 1]);
	strvec_clear(&v);
	return 0;
}

int config_parse_bool(const char *s)
{
	if (!strcasecmp(s, "true") || !strcasecmp(s, "yes") || !strcasecmp(s, "on") ||
	    !strcmp(s, "1"))
		return 1;
	if (!strcasecmp(s, "false") || !strcasecmp(s, "no") || !strcasecmp(s, "off") ||
	    !strcmp(s, "0") || !*s)
		return 0;
	return -1;
}

int config_parse_int(const char *s, intmax_t max, intmax_t *out)
{
	char *end;
	intmax_t n, factor = 1;

	errno = 0;
	n = strtoimax(s, &end, 0);
	if (end == s || errno == EINVAL)
		return -1;
	if (errno == ERANGE)
		return -2;
	switch (*end) {
	case 'k': case 'K':
		factor = 1024, end++;
		break;
	case 'm': case 'M':
		factor = 1024 * 1024, end++;
		break;
	case 'g': case 'G':
		factor = 1024 * 1024 * 1024, end++;
		break;
	}
	if (*end)
		return -1;
	/* git_parse_signed: the product must fit, checked before multiplying */
	if ((n < 0 && -max / factor > n) || (n > 0 && max / factor < n))
		return -2;
	*out = n * factor;
	return 0;
}

int config_get_int(int *out, struct repo *repo, const git_tree *tree,
		   const char *key, int def)
{
	char *v = NULL;
	intmax_t n = 0;
	int rc;

	*out = def;
	if (config_get(&v, repo, tree, key) < 0)
		return -1;
	if (!v)
		return 0;
	rc = config_parse_int(v, INT_MAX, &n);
	if (rc == -2)
		error_set("adrlog.%s: '%s' is out of range (at most %d)", key, v, INT_MAX);
	else if (rc < 0 || n < 0)
		error_set("adrlog.%s: '%s' is not a number of 0 or more "
			  "(git's k, m, g suffixes allowed)", key, v);
	else
		*out = (int)n;
	free(v);
	return rc < 0 || n < 0 ? -1 : 0;
}

int config_get_bool(int *out, struct repo *repo, const git_tree *tree,
		    const char *key, int def)
{
	char *v = NULL;
	int b;

	*out = def;
	if (config_get(&v, repo, tree, key) < 0)
		return -1;
	if (!v)
		return 0;
	b = config_parse_bool(v);
	if (b < 0) {
		error_set("adrlog.%s: '%s' is not a boolean", key, v);
		free(v);
		return -1;
	}
	*out = b;
	free(v);
	return 0;
}

int config_get_git(char **out, struct repo *repo, const char *name)
{
	struct strvec v = STRVEC_INIT;

	*out = NULL;
	if (config_git_get_all(&v, repo, name) < 0)
		return -1;
	if (v.nr)
		*out = xstrdup(v.v[v.nr - 1]);
	strvec_clear(&v);
	return 0;
}
