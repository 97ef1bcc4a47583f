/*
 * forge: commit and file links on the hosting forge (forge.h).  The
 * remote URL is split by hand (scp-like "user@host:path" or
 * "scheme://user@host:port/path"), the host named to a forge kind, and
 * each kind's URL layout written as two templates.  Everything put into
 * a link is percent-encoded outside a small safe set, so a link never
 * ends early in Markdown or HTML, whatever a committed .adrlog says.
 */
#include "forge.h"

#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "error.h"
#include "strbuf.h"
#include "xalloc.h"

enum forge_kind { FORGE_GITHUB, FORGE_GITLAB, FORGE_GITEA, FORGE_BITBUCKET };

static const struct {
	const char *commit, *file;
} forge_layouts[] = {
	[FORGE_GITHUB] = { "/commit/{sha}", "/blob/{sha}/{path}" },
	[FORGE_GITLAB] = { "/-/commit/{sha}", "/-/blob/{sha}/{path}" },
	[FORGE_GITEA] = { "/commit/{sha}", "/src/commit/{sha}/{path}" },
	[FORGE_BITBUCKET] = { "/commits/{sha}", "/src/{sha}/{path}" },
};

/* Which forge a web host is; -1: none known. */
static int forge_kind_of(const char *host)
{
	if (!strcmp(host, "bitbucket.org"))
		return FORGE_BITBUCKET;
	if (!strcmp(host, "codeberg.org") || strstr(host, "gitea") || strstr(host, "forgejo"))
		return FORGE_GITEA;
	if (strstr(host, "github"))
		return FORGE_GITHUB;
	if (strstr(host, "gitlab"))
		return FORGE_GITLAB;
	return -1;
}

static int forge_host_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '-';
}

static int forge_path_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       c == '.' || c == '-' || c == '_' || c == '~' || c == '/';
}

static char *forge_join(const char *a, const char *b)
{
	struct strbuf sb = STRBUF_INIT;

	strbuf_addstr(&sb, a);
	strbuf_addstr(&sb, b);
	return strbuf_detach(&sb, NULL);
}

int forge_from_remote(struct forge *f, const char *url)
{
	struct strbuf host = STRBUF_INIT, path = STRBUF_INIT, base = STRBUF_INIT;
	const char *scheme = "https", *p, *hs, *he, *ps, *sep = strstr(url, "://");
	const char *web_host;
	size_t slashes = 0;
	int kind, rc = -1;

	if (sep) {
		size_t n = (size_t)(sep - url);

		if (n == 4 && !strncmp(url, "http", 4))
			scheme = "http";
		else if (!(n == 5 && !strncmp(url, "https", 5)) &&
			 !(n == 3 && !strncmp(url, "ssh", 3)) &&
			 !(n == 7 && !strncmp(url, "git+ssh", 7)) &&
			 !(n == 3 && !strncmp(url, "git", 3)))
			return -1;
		hs = sep + 3;
		ps = hs + strcspn(hs, "/");
		if (!*ps)
			return -1;
		/* user@ and :port are not the host */
		for (p = hs; p < ps; p++)
			if (*p == '@')
				hs = p + 1;
		for (he = hs; he < ps && *he != ':'; he++)
			;
		/* a web URL keeps its port; ssh's is not the web server's */
		if (he < ps && scheme[0] == 'h' && url[0] == 'h')
			he = ps;
	} else {
		/* scp-like: [user@]host:path, a colon before any slash */
		const char *colon = strchr(url, ':');

		if (!colon || memchr(url, '/', (size_t)(colon - url)))
			return -1;
		hs = url;
		for (p = url; p < colon; p++)
			if (*p == '@')
				hs = p + 1;
		he = colon;
		ps = colon + 1;
	}
	for (p = hs; p < he; p++) {
		char c = *p >= 'A' && *p <= 'Z' ? (char)(*p - 'A' + 'a') : *p;

		if (!forge_host_char(c) && !(c == ':' && url[0] == 'h'))
			goto done;
		strbuf_addch(&host, c);
	}
	while (*ps == '/')
		ps++;
	strbuf_addstr(&path, ps);
	strbuf_rtrim(&path);
	while (path.len && path.buf[path.len - 1] == '/')
		path.buf[--path.len] = '\0';
	if (path.len > 4 && !strcmp(path.buf + path.len - 4, ".git"))
		path.buf[path.len -= 4] = '\0';
	for (size_t i = 0; i < path.len; i++) {
		if (!forge_path_char(path.buf[i]) || (path.buf[i] == '/' && path.buf[i + 1] == '/'))
			goto done;
		slashes += path.buf[i] == '/';
	}
	if (!host.len || !path.len || path.buf[0] == '.' || strstr(path.buf, "/."))
		goto done;
	web_host = host.buf;
	/* ssh endpoints on another name than the web site */
	if (!strncmp(web_host, "ssh.", 4))
		web_host += 4;
	else if (!strncmp(web_host, "altssh.", 7))
		web_host += 7;
	kind = forge_kind_of(web_host);
	if (kind < 0 || !slashes || (kind != FORGE_GITLAB && slashes != 1))
		goto done;
	strbuf_addf(&base, "%s://%s/%s", scheme, web_host, path.buf);
	forge_release(f);
	f->commit_url = forge_join(base.buf, forge_layouts[kind].commit);
	f->file_url = forge_join(base.buf, forge_layouts[kind].file);
	rc = 0;
done:
	strbuf_release(&host);
	strbuf_release(&path);
	strbuf_release(&base);
	return rc;
}

int forge_set_template(char **slot, const char *tmpl)
{
	if (strncmp(tmpl, "https://", 8) && strncmp(tmpl, "http://", 7))
		return -1;
	for (const char *p = tmpl; *p; p++)
		if ((unsigned char)*p <= ' ' || *p == 0x7f)
			return -1;
	free(*slot);
	*slot = xstrdup(tmpl);
	return 0;
}

/*
 * Append s percent-encoded: unreserved characters and '/' stay, and so do
 * the URL punctuation characters that cannot end a Markdown link or an
 * HTML attribute (keep_url: the template's own text).
 */
static void forge_encode(struct strbuf *out, const char *s, size_t len, int keep_url)
{
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];

		if (forge_path_char((char)c) ||
		    (keep_url && c && strchr(":?#[]@!$&*+,;=%", c)))
			strbuf_addch(out, (char)c);
		else
			strbuf_addf(out, "%%%02X", c);
	}
}

static int forge_expand(struct strbuf *out, const char *tmpl, const char *sha,
			const char *path)
{
	const char *p = tmpl;

	if (!tmpl || !sha || strspn(sha, "0123456789abcdef") != strlen(sha) || !*sha)
		return -1;
	while (*p) {
		if (!strncmp(p, "{sha}", 5)) {
			strbuf_addstr(out, sha);
			p += 5;
		} else if (path && !strncmp(p, "{path}", 6)) {
			forge_encode(out, path, strlen(path), 0);
			p += 6;
		} else {
			size_t n = strcspn(p + 1, "{") + 1;

			forge_encode(out, p, n, 1);
			p += n;
		}
	}
	return 0;
}

int forge_commit_link(struct strbuf *out, const struct forge *f, const char *sha)
{
	return f ? forge_expand(out, f->commit_url, sha, NULL) : -1;
}

int forge_file_link(struct strbuf *out, const struct forge *f, const char *sha,
		    const char *path)
{
	return f && path ? forge_expand(out, f->file_url, sha, path) : -1;
}

int forge_load(struct forge *f, struct repo *repo)
{
	char *commit = NULL, *file = NULL, *remote = NULL;
	git_tree *tree = NULL;
	int rc = 0;

	if (repo_tree(&tree, repo, "HEAD") < 0) {
		tree = NULL;	/* an unborn branch: git config only */
		error_clear();
	}
	if (config_get(&commit, repo, tree, "commitUrl") < 0 ||
	    config_get(&file, repo, tree, "fileUrl") < 0 ||
	    config_get_git(&remote, repo, "remote.origin.url") < 0) {
		rc = -1;
		goto done;
	}
	if (remote)
		forge_from_remote(f, remote);
	/* a bad template means no such links, not the remote's instead */
	if (commit && forge_set_template(&f->commit_url, commit) < 0) {
		free(f->commit_url);
		f->commit_url = NULL;
		rc = error_set("adrlog.commitUrl: not an http(s) URL without spaces");
	}
	if (file && forge_set_template(&f->file_url, file) < 0) {
		free(f->file_url);
		f->file_url = NULL;
		rc = error_set("adrlog.fileUrl: not an http(s) URL without spaces");
	}
done:
	git_tree_free(tree);
	free(commit);
	free(file);
	free(remote);
	return rc;
}

void forge_release(struct forge *f)
{
	free(f->commit_url);
	free(f->file_url);
	f->commit_url = f->file_url = NULL;
}
