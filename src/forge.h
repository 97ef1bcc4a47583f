/*
 * forge: links to the web pages of a commit and of a file on the forge
 * that hosts the repository (GitHub, GitLab, Gitea/Forgejo/Codeberg,
 * Bitbucket), for release notes, the Markdown and HTML timelines and
 * (later) the site.  Two URL templates with {sha} and {path}: from
 * adrlog.commitUrl / adrlog.fileUrl when set, else derived from the
 * `origin` remote's URL (ssh or https form), else none (plain text).
 *
 * forge_from_remote() and the expanders are pure (renderers call them);
 * only forge_load() reads configuration (the git layer).
 */
#ifndef ADRLOG_FORGE_H
#define ADRLOG_FORGE_H

struct strbuf;
struct repo;

struct forge {
	char *commit_url;	/* "https://host/o/r/commit/{sha}", or NULL */
	char *file_url;		/* "https://host/o/r/blob/{sha}/{path}", or NULL */
};

#define FORGE_INIT { NULL, NULL }

/*
 * Derive both templates from a remote URL ("git@github.com:o/r.git",
 * "ssh://git@gitlab.example.com:2222/g/sub/r", "https://codeberg.org/o/r").
 * Returns 0, or -1 (f untouched) when the host is no known forge or the
 * URL is not one adr-log can read.
 */
int forge_from_remote(struct forge *f, const char *url);

/*
 * Set a template from configuration text: only http(s) URLs are taken
 * (a committed .adrlog is untrusted); returns -1 for anything else.
 */
int forge_set_template(char **slot, const char *tmpl);

/*
 * The URL of commit sha (40 hex), or of path at commit sha, into out
 * (appended); returns 0, or -1 (nothing appended) when there is no
 * template.  Substituted values are percent-encoded where a URL, a
 * Markdown link or an HTML attribute would end early.
 */
int forge_commit_link(struct strbuf *out, const struct forge *f, const char *sha);
int forge_file_link(struct strbuf *out, const struct forge *f, const char *sha,
		    const char *path);

/*
 * adrlog.commitUrl and adrlog.fileUrl (git config, else the committed
 * .adrlog at HEAD), each else derived from remote.origin.url.  Never fails
 * for a missing or unknown remote: f is then empty.  Returns 0, or -1
 * with an error set for a template that is not an http(s) URL (that kind
 * of link is then off; f stays usable).
 */
int forge_load(struct forge *f, struct repo *repo);

void forge_release(struct forge *f);

#endif
