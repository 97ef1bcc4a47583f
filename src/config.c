/*
 * config: reading adrlog.* from git config and from a committed .adrlog
 * (see config.h).  The .adrlog parser is our own small reader of
 * git-config syntax because libgit2 1.5.1 can only parse config files on
 * disk, and .adrlog is read from git objects, never the work tree.
 */
#include "config.h"

#include <ctype.h>
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

int config_get_all(struct strvec *out, struct repo *repo, const git_tree *tree,
		   const char *key)
{
	git_config *cfg = NULL;
	git_config_iterator *it = NULL;
	git_config_entry *entry;
	struct strbuf name = STRBUF_INIT, file = STRBUF_INIT;
	size_t before = out->nr;
	int rc;

	strbuf_addf(&name, "adrlog.%s", key);
	if (git_repository_config_snapshot(&cfg, repo->git) < 0) {
		strbuf_release(&name);
		return repo_error("cannot read git config");
	}
	rc = git_config_multivar_iterator_new(&it, cfg, name.buf, NULL);
	if (rc == 0) {
		while (git_config_next(&entry, it) == 0)
			strvec_push(out, entry->value ? entry->value : "true");
		git_config_iterator_free(it);
	}
	git_config_free(cfg);
	git_error_clear();
	if (out->nr == before && tree) {
		rc = repo_read_path(&file, repo, tree, ".adrlog");
		if (rc == 0)
			config_text_get_all(file.buf, file.len, "adrlog", key, out);
		else if (rc != GIT_ENOTFOUND) {
			strbuf_release(&name);
			strbuf_release(&file);
			return -1;
		}
	}
	strbuf_release(&name);
	strbuf_release(&file);
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

int config_get_int(int *out, struct repo *repo, const git_tree *tree,
		   const char *key, int def)
{
	char *v = NULL, *end;
	long n;

	*out = def;
	if (config_get(&v, repo, tree, key) < 0)
		return -1;
	if (!v)
		return 0;
	n = strtol(v, &end, 10);
	if (end == v)
		goto bad;
	if (*end == 'k' || *end == 'K')
		n *= 1024, end++;
	else if (*end == 'm' || *end == 'M')
		n *= 1024 * 1024, end++;
	if (*end || n < 0 || n > 1000000000L)
		goto bad;
	*out = (int)n;
	free(v);
	return 0;
bad:
	error_set("adrlog.%s: '%s' is not a number", key, v);
	free(v);
	return -1;
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
	git_config *cfg = NULL;
	git_config_entry *entry = NULL;

	*out = NULL;
	if (git_repository_config_snapshot(&cfg, repo->git) < 0)
		return repo_error("cannot read git config");
	if (git_config_get_entry(&entry, cfg, name) == 0) {
		*out = xstrdup(entry->value ? entry->value : "");
		git_config_entry_free(entry);
	}
	git_config_free(cfg);
	git_error_clear();
	return 0;
}
