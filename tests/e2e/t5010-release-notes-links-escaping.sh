#!/bin/sh
test_description='release notes and Markdown timelines: forge links, escaped repository text'
. "$(dirname "$0")/../lib.sh"

MDCHECK="$ADRLOG_BUILD/helper/md-check"
ESC=$(printf '\033')

# A subject that would hide the rest of a published release (<!--), link
# elsewhere, load an image, notify a team and clear the terminal; and an
# ordinary one that must read as written.
test_expect_success 'setup: hostile and ordinary repository text' '
	test -x "$MDCHECK" &&
	git init -q repo && cd repo &&
	adr_commit docs/adr/0001-use-x.md "Use <b>X</b> & snake_case [a](javascript:x) <!-- c" Proposed "ADR-1: propose" &&
	git tag v1 &&
	test_commit "$(printf "<!-- [x](https://evil.example/) <img src=x onerror=alert(1)> @org/everyone \\033[2J\\033]52;c;aGk=\\007 ADR-1")" src/a.c &&
	test_commit "fix R&D, a_b, 5 ~ 6, see #12, mail a@b.org, 2*3 per ADR-1" src/b.c &&
	adr_commit docs/adr/0001-use-x.md "Use <b>X</b> & snake_case [a](javascript:x) <!-- c" Accepted "ADR-1: accept @alice" &&
	git tag v2
'

c() { git -C repo log --all --format="%H %s" | sed -n "s/^\([0-9a-f]\{7\}\)[0-9a-f]* $1\$/\1/p" | head -n 1; }
full() { git -C repo log --all --format="%H %s" | sed -n "s/^\([0-9a-f]\{40\}\) $1\$/\1/p" | head -n 1; }

test_expect_success 'release notes: no raw HTML, link, image or mention survives a CommonMark renderer' '
	adr_log -C repo release-notes >notes.md &&
	"$MDCHECK" <notes.md >seen &&
	a=$(git -C repo log --format=%h -1 --grep=evil) &&
	cat >expect <<-EOF &&
	v2 (2023-11-14)
	Accepted
	ADR 1: Use X & snake_case a <!-- c: proposed → accepted
	changed in \`$(c "ADR-1: accept @alice")\` ADR-1: accept @​alice (2023-11-14)
	implemented in \`$a\` <!-- [x](https://evil.example/) <img src=x onerror=alert(1)> @​org/everyone �[2J�]52;c;aGk=� ADR-1
	implemented in \`$(c "fix R&D, a_b, 5 ~ 6, see #12, mail a@b.org, 2\*3 per ADR-1")\` fix R&D, a_b, 5 ~ 6, see #12, mail a@b.org, 2*3 per ADR-1
	EOF
	test_cmp expect seen
'

test_expect_success 'release notes: ordinary text reads as written, with no backslash soup' '
	test_grep "fix R&D, a_b, 5 ~ 6, see #12, mail a@b.org, 2\\\\\*3 per ADR-1$" notes.md &&
	test_grep "^- \*\*ADR 1: Use X & snake_case a &lt;!-- c\*\*: proposed → accepted$" notes.md
'

test_expect_success 'release notes: no control character reaches the terminal (markdown and text)' '
	adr_log -C repo release-notes --format text >notes.txt &&
	! grep -q "$ESC" notes.txt && ! grep -q "$ESC" notes.md &&
	! grep -q "$(printf "\\007")" notes.txt &&
	test_grep "^    implemented in [0-9a-f]{7} <!-- \[x\]\(https://evil.example/\) <img src=x onerror=alert\(1\)> @org/everyone �\[2J�\]52;c;aGk=� ADR-1$" notes.txt
'

test_expect_success 'timeline --format markdown passes the same renderer check' '
	adr_log -C repo timeline --format markdown >tl.md &&
	"$MDCHECK" <tl.md >seen &&
	test_grep "^ADR 1 Use X & snake_case a <!-- c: proposed → accepted \(\`[0-9a-f]{7}\`, A U Thor: ADR-1: accept @​alice\)$" seen
'

test_expect_success 'no remote: plain text, no link' '
	! grep -q "\`](" notes.md && ! grep -q "\`](" tl.md && ! grep -q "\*\*\[ADR" notes.md
'

test_expect_success 'a GitHub origin (ssh form): commit and record links' '
	git -C repo remote add origin git@github.com:o/r.git &&
	head=$(git -C repo rev-parse HEAD) &&
	adr_log -C repo release-notes >notes.md &&
	cat >expect <<-EOF &&
	## v2 (2023-11-14)

	### Accepted

	- **[ADR 1: Use X & snake_case a &lt;!-- c](https://github.com/o/r/blob/$head/docs/adr/0001-use-x.md)**: proposed → accepted
	  - changed in [\`$(c "ADR-1: accept @alice")\`](https://github.com/o/r/commit/$(full "ADR-1: accept @alice")) ADR-1: accept @​alice (2023-11-14)
	EOF
	sed -n 1,6p notes.md >got &&
	test_cmp expect got &&
	"$MDCHECK" --allow https://github.com/o/r/ <notes.md >/dev/null &&
	adr_log -C repo timeline --format markdown >tl.md &&
	"$MDCHECK" --allow https://github.com/o/r/ <tl.md >/dev/null &&
	test_grep "\(\[\`$(c "ADR-1: propose")\`\]\(https://github.com/o/r/commit/$(full "ADR-1: propose")\), A U Thor" tl.md
'

test_expect_success 'the HTML timeline carries the same links, as http(s) only' '
	adr_log -C repo timeline --format html >page.html &&
	test_grep "\"url\":\"https://github.com/o/r/commit/$(full "ADR-1: propose")\"" page.html &&
	test_grep "\"url\":\"https://github.com/o/r/blob/[0-9a-f]{40}/docs/adr/0001-use-x.md\"" page.html
'

test_expect_success 'JSON release notes: url of each commit and record' '
	adr_log -C repo release-notes --format json >out.json &&
	jget out.json "[d[\"releases\"][0][\"decisions\"][0][\"url\"], d[\"releases\"][0][\"decisions\"][0][\"changed_in\"][\"url\"]]" >got &&
	printf "%s\n" "https://github.com/o/r/blob/$(git -C repo rev-parse HEAD)/docs/adr/0001-use-x.md" \
		"https://github.com/o/r/commit/$(full "ADR-1: accept @alice")" >expect &&
	test_cmp expect got
'

test_expect_success 'adrlog.commitUrl / adrlog.fileUrl templates win over the remote' '
	git -C repo config adrlog.commitUrl "https://git.example.org/r/c/{sha}" &&
	git -C repo config adrlog.fileUrl "https://git.example.org/r/f/{sha}/{path}" &&
	adr_log -C repo release-notes >notes.md &&
	git -C repo config --unset adrlog.commitUrl && git -C repo config --unset adrlog.fileUrl &&
	test_grep "\]\(https://git.example.org/r/f/[0-9a-f]{40}/docs/adr/0001-use-x.md\)\*\*" notes.md &&
	test_grep "^  - changed in \[\`[0-9a-f]{7}\`\]\(https://git.example.org/r/c/[0-9a-f]{40}\) " notes.md
'

test_expect_success 'a committed .adrlog template: only http(s) is taken, with one warning' '
	git clone -q repo evil && (cd evil &&
	git remote set-url origin https://gitlab.com/g/sub/r.git &&
	printf "[adrlog]\n\tcommitUrl = javascript:alert(1)//{sha}\n" >.adrlog &&
	git add .adrlog && test_tick && git commit -q -m "settings") &&
	adr_log -C evil release-notes v1..v2 >notes.md 2>err &&
	test_grep "^adr-log: adrlog.commitUrl: not an http\(s\) URL" err &&
	test_line_count = 1 err &&
	! grep -q javascript:alert notes.md &&
	test_grep "^  - changed in \`[0-9a-f]{7}\` " notes.md &&
	test_grep "^- \*\*\[ADR 1: .*\]\(https://gitlab.com/g/sub/r/-/blob/" notes.md
'

test_expect_success 'GitLab, Codeberg and Bitbucket remotes in https and ssh forms' '
	for remote in https://gitlab.com/g/sub/r.git@https://gitlab.com/g/sub/r/-/commit/ \
		      ssh://git@codeberg.org/o/r.git@https://codeberg.org/o/r/commit/ \
		      git@bitbucket.org:t/r.git@https://bitbucket.org/t/r/commits/; do
		git -C repo remote set-url origin "${remote%%@https*}" &&
		adr_log -C repo release-notes >notes.md &&
		test_grep "\]\(https${remote#*@https}[0-9a-f]{40}\)" notes.md || return 1
	done
'

test_expect_success 'an unknown host: plain text' '
	git -C repo remote set-url origin git@git.internal.example:o/r.git &&
	adr_log -C repo release-notes >notes.md &&
	! grep -q "\`](" notes.md
'

test_done
