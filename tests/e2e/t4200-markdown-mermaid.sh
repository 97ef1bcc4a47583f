#!/bin/sh
test_description='markdown and mermaid output on a real repository: shapes and escaping'
. "$(dirname "$0")/../lib.sh"

# commit_on DAY MESSAGE: commit the ADR folder, authored on DAY.
commit_on() {
	GIT_AUTHOR_DATE="$1T10:00:00+0000" GIT_COMMITTER_DATE="$1T10:00:00+0000" \
		git add docs/adr &&
	GIT_AUTHOR_DATE="$1T10:00:00+0000" GIT_COMMITTER_DATE="$1T10:00:00+0000" \
		git commit -q -m "$2"
}

test_expect_success 'setup: three ADRs over three days, with syntax in titles and messages' '
	git init -q r && cd r &&
	adr_write docs/adr/0001-pipes.md "1. Pipes | and \\\`ticks\\\` \\<b\\>" Proposed &&
	commit_on 2024-05-01 "feat: propose ADR-1; see #12" &&
	adr_write docs/adr/0001-pipes.md "1. Pipes | and \\\`ticks\\\` \\<b\\>" Accepted &&
	adr_write docs/adr/0002-colons.md "2. Colons: #hash; semi %% comment" Proposed &&
	commit_on 2024-05-03 "accept ADR-1: yes; {braces}" &&
	adr_write docs/adr/0002-colons.md "2. Colons: #hash; semi %% comment" Rejected &&
	commit_on 2024-06-20 "reject ADR-2"
'

test_expect_success 'list --format markdown: one table row per ADR, cells escaped' '
	adr_log -C r list --format markdown >out &&
	cat >want <<-\EOF &&
	| ID | Title | Status | Date | Path |
	| --- | --- | --- | --- | --- |
	| 1 | Pipes \| and \`ticks\` &lt;b&gt; | accepted | 2024-01-01 | docs/adr/0001-pipes.md |
	| 2 | Colons: #hash; semi %% comment | rejected | 2024-01-01 | docs/adr/0002-colons.md |
	EOF
	test_cmp want out
'

test_expect_success 'timeline --format markdown: a heading per day, one line per change' '
	adr_log -C r timeline --format markdown >out &&
	grep "^## " out >days &&
	printf "## 2024-05-01\n## 2024-05-03\n## 2024-06-20\n" >want &&
	test_cmp want days &&
	grep "^- " out >items &&
	test_line_count = 4 items &&
	test_grep "^- \*\*ADR 1\*\* Pipes \\\\\| and \\\\\`ticks\\\\\` &lt;b&gt;: created as \*\*proposed\*\* \(\`[0-9a-f]{7}\`, A U Thor: feat: propose ADR-1; see #12\)\$" items &&
	test_grep "^- \*\*ADR 2\*\* .*: proposed → \*\*rejected\*\*" items
'

test_expect_success 'show and links --format markdown' '
	adr_log -C r show 1 --format markdown >out &&
	test_grep "^# ADR 1: Pipes" out &&
	test_grep "^## Status history\$" out &&
	test_grep "^\| 2024-05-03 \| proposed → \*\*accepted\*\* \|" out &&
	adr_log -C r links --format markdown >out &&
	test_grep "^## ADR 1: " out &&
	test_grep "accept ADR-1: yes; \{braces\} \|" out
'

test_expect_success 'timeline --format mermaid: a fenced timeline, months and days' '
	adr_log -C r timeline --format mermaid >out &&
	head -n 3 out >head &&
	printf "\`\`\`mermaid\ntimeline\n    title Decision timeline (by landed day)\n" >want &&
	test_cmp want head &&
	tail -n 1 out >last && echo "\`\`\`" >want && test_cmp want last &&
	grep "^    section" out >sections &&
	printf "    section 2024-05\n    section 2024-06\n" >want &&
	test_cmp want sections &&
	test_grep "^        2024-05-03 : ADR 1 .* \(proposed → accepted\)\$" out &&
	test_grep "^                   : ADR 2 .* \(proposed\)\$" out
'

test_expect_success 'mermaid: no title can add a separator, an entity, a statement or a comment' '
	sed -e "1,3d" -e "\$d" -e "/^    section /d" out >events &&
	test_line_count = 4 events &&
	# each event line has exactly the one ":" that separates it
	test_grep -v ":.*:" events &&
	test_grep -v "[#;<>]|%%" events &&
	test_grep "ADR 2 Colons꞉ ＃hash, semi ％％ comment" events
'

# With ADRLOG_MERMAID_JS pointing at a mermaid.min.js (npm package mermaid,
# version 10 or later) and Chromium, the real parser checks the diagram.
CHROMIUM=${CHROMIUM:-$(command -v chromium || command -v chromium-browser || true)}
if test -n "${ADRLOG_MERMAID_JS:-}" && test -f "$ADRLOG_MERMAID_JS" && test -n "$CHROMIUM"; then
	test_expect_success 'mermaid itself parses and renders the diagram' '
		{
			printf "<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body>\n" &&
			printf "<div id=\"out\">pending</div><script type=\"text/plain\" id=\"src\">\n" &&
			sed -e 1d -e "\$d" out &&
			printf "</script><script src=\"file://%s\"></script>\n" "$ADRLOG_MERMAID_JS" &&
			cat <<-\EOF
			<script>
			var o = document.getElementById("out");
			var src = document.getElementById("src").textContent;
			mermaid.initialize({ startOnLoad: false });
			mermaid.parse(src).then(function () { return mermaid.render("g", src); })
				.then(function () { o.textContent = "MERMAID-OK"; })
				.catch(function (e) { o.textContent = "MERMAID-ERROR " + e; });
			</script></body></html>
			EOF
		} >mermaid.html &&
		profile=$(mktemp -d "$TRASH/profile.XXXXXX") &&
		timeout 90 "$CHROMIUM" --headless --no-sandbox --disable-gpu --disable-quic \
			--no-first-run --disable-background-networking --disable-component-update \
			--disable-sync --user-data-dir="$profile" --allow-file-access-from-files \
			--virtual-time-budget=15000 --dump-dom "file://$TRASH/mermaid.html" \
			>mermaid.dom 2>/dev/null &&
		test_grep "<div id=\"out\">MERMAID-OK</div>" mermaid.dom
	'
else
	say "skipped: mermaid's own parser (set ADRLOG_MERMAID_JS to a mermaid.min.js; needs chromium)"
fi

test_expect_success 'formats a view does not have are refused with exit 2' '
	test_expect_code 2 adr_log -C r list --format mermaid 2>err &&
	test_grep "^adr-log: list: --format mermaid is not supported" err
'

test_done
