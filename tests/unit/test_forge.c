/*
 * test_forge: commit and file links derived from remote URLs (ssh and
 * https forms of GitHub, GitLab, Gitea/Forgejo/Codeberg, Bitbucket),
 * refused for unknown hosts and odd URLs, and templates that cannot end
 * a Markdown link or reach another scheme.
 */
#include <stdlib.h>
#include <string.h>

#include "forge.h"
#include "harness.h"
#include "strbuf.h"

#define SHA "0123456789abcdef0123456789abcdef01234567"

/* "commit-url file-url" for a remote, or "none". */
static char *links(const char *remote)
{
	struct forge f = FORGE_INIT;
	struct strbuf sb = STRBUF_INIT;

	if (forge_from_remote(&f, remote) < 0)
		return strdup("none");
	forge_commit_link(&sb, &f, SHA);
	strbuf_addch(&sb, ' ');
	forge_file_link(&sb, &f, SHA, "docs/adr/0001-a b(c).md");
	forge_release(&f);
	return strbuf_detach(&sb, NULL);
}

#define LINKS(remote, want, what) do { \
	char *got_ = links(remote); \
	STR_EQ(got_, want, what); \
	free(got_); \
} while (0)

#define FILE_PART "docs/adr/0001-a%20b%28c%29.md"

TEST_GROUP(forge_from_remote)
{
	LINKS("git@github.com:o/r.git",
	      "https://github.com/o/r/commit/" SHA " https://github.com/o/r/blob/" SHA "/" FILE_PART,
	      "github scp-like ssh");
	LINKS("https://github.com/o/r",
	      "https://github.com/o/r/commit/" SHA " https://github.com/o/r/blob/" SHA "/" FILE_PART,
	      "github https");
	LINKS("ssh://git@ssh.github.com:443/o/r.git/",
	      "https://github.com/o/r/commit/" SHA " https://github.com/o/r/blob/" SHA "/" FILE_PART,
	      "github ssh over 443");
	LINKS("https://user:token@gitlab.example.com/group/sub/r.git",
	      "https://gitlab.example.com/group/sub/r/-/commit/" SHA
	      " https://gitlab.example.com/group/sub/r/-/blob/" SHA "/" FILE_PART,
	      "self-hosted gitlab with subgroups; credentials dropped");
	LINKS("ssh://git@gitlab.com:2222/g/r.git",
	      "https://gitlab.com/g/r/-/commit/" SHA " https://gitlab.com/g/r/-/blob/" SHA "/" FILE_PART,
	      "gitlab ssh port is not the web port");
	LINKS("git@codeberg.org:o/r.git",
	      "https://codeberg.org/o/r/commit/" SHA " https://codeberg.org/o/r/src/commit/" SHA "/" FILE_PART,
	      "codeberg");
	LINKS("http://gitea.lan:3000/o/r.git",
	      "http://gitea.lan:3000/o/r/commit/" SHA " http://gitea.lan:3000/o/r/src/commit/" SHA "/" FILE_PART,
	      "gitea over http keeps its port");
	LINKS("https://forgejo.example.org/o/r",
	      "https://forgejo.example.org/o/r/commit/" SHA
	      " https://forgejo.example.org/o/r/src/commit/" SHA "/" FILE_PART, "forgejo");
	LINKS("git@bitbucket.org:team/r.git",
	      "https://bitbucket.org/team/r/commits/" SHA " https://bitbucket.org/team/r/src/" SHA "/" FILE_PART,
	      "bitbucket ssh");
	LINKS("https://someone@bitbucket.org/team/r.git",
	      "https://bitbucket.org/team/r/commits/" SHA " https://bitbucket.org/team/r/src/" SHA "/" FILE_PART,
	      "bitbucket https");
	LINKS("git@example.com:o/r.git", "none", "an unknown host");
	LINKS("/srv/git/r.git", "none", "a local path");
	LINKS("file:///srv/git/r.git", "none", "a file URL");
	LINKS("https://github.com/o", "none", "no repository part");
	LINKS("https://github.com/a/b/c", "none", "github has owner/repo only");
	LINKS("https://github.com/o/r\"onmouseover=x", "none", "a quote in the path");
	LINKS("https://github.com/o/../r", "none", "dot segments");
	LINKS("C:/work/r", "none", "a drive letter is no scp host");
}

TEST_GROUP(forge_templates)
{
	struct forge f = FORGE_INIT;
	struct strbuf sb = STRBUF_INIT;

	INT_EQ(forge_commit_link(&sb, &f, SHA), -1, "no template: no link");
	INT_EQ(forge_commit_link(&sb, NULL, SHA), -1, "no forge: no link");
	INT_EQ(sb.len, 0, "and nothing written");
	INT_EQ(forge_set_template(&f.commit_url, "javascript:alert(1)//{sha}"), -1,
	       "only http(s)");
	INT_EQ(forge_set_template(&f.commit_url, "https://x/ {sha}"), -1, "no spaces");
	INT_EQ(forge_set_template(&f.commit_url, "https://git.example/c/{sha}?view=1#top"), 0,
	       "an https template");
	INT_EQ(forge_commit_link(&sb, &f, SHA), 0, "expands");
	STR_EQ(sb.buf, "https://git.example/c/" SHA "?view=1#top", "query and fragment kept");
	strbuf_reset(&sb);
	INT_EQ(forge_commit_link(&sb, &f, "not hex"), -1, "a sha must be hex");
	INT_EQ(forge_set_template(&f.file_url, "https://x/{sha}/f/{path}<'>)"), 0, "odd tail");
	INT_EQ(forge_file_link(&sb, &f, SHA, "a/<b>\"c\".md"), 0, "file link");
	STR_EQ(sb.buf, "https://x/" SHA "/f/a/%3Cb%3E%22c%22.md%3C%27%3E%29",
	       "nothing that could end a link or an attribute");
	strbuf_release(&sb);
	forge_release(&f);
}
