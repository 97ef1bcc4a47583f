#!/bin/sh
test_description='adr-log site: a static, self-contained, injection-proof site that Chromium reads'
. "$(dirname "$0")/../lib.sh"

at() {
	GIT_AUTHOR_DATE="$1T10:00:00+0000" GIT_COMMITTER_DATE="$1T10:00:00+0000"
	export GIT_AUTHOR_DATE GIT_COMMITTER_DATE
}
commit_on() { at "$1" && git add -A && git commit -q -m "$2"; }

# links_inside SITE: every relative href and src on every page of SITE
# names a file inside SITE (prints the first one that does not).
links_inside() {
	find "$1" -name "*.html" | while read -r page; do
		grep -oE "(href|src)=\"[^\"]*\"" "$page" | sed "s|^[a-z]*=\"||; s|\"\$||; s|^|${page%/*}/|"
	done | awk -v top="$1" '
	{
		u = $0; sub(/#.*/, "", u); rel = substr(u, length(top) + 2)
		n = split(rel, seg, "/"); k = 0; bad = 0
		# the part after the page folder: http(s), mailto, data and fragments are not files
		if (rel ~ /(^|\/)(https?:|mailto:|data:image\/)/ || rel ~ /\/$/ && $0 ~ /#/) next
		for (i = 1; i <= n; i++) {
			if (seg[i] == "..") { if (k == 0) bad = 1; else k-- }
			else if (seg[i] != "." && seg[i] != "") out[++k] = seg[i]
		}
		p = top; for (i = 1; i <= k; i++) p = p "/" out[i]
		print (bad ? "ESCAPE " $0 : p)
	}' | sort -u | while read -r p; do
		case $p in "ESCAPE "*) echo "$p"; return 1 ;; esac
		test -f "$p" || { echo "missing: $p"; return 1; }
	done
}

test_expect_success 'setup: ADRs in two folders, a supersede, a rename, rst and hostile text' '
	git init -q r && cd r &&
	adr_write docs/adr/0001-use-postgres.md "1. Use Postgres" Proposed &&
	commit_on 2024-01-10 "Propose ADR-1" &&
	adr_write docs/adr/0001-use-postgres.md "1. Use Postgres" Accepted &&
	commit_on 2024-02-01 "Accept ADR-1" &&
	cat >docs/adr/0002-hostile.md <<-\EOF &&
	---
	title: <script>alert(1)</script> & "quoted"
	status: proposed
	---

	## Context

	Raw <img src=x onerror=alert(2)> and a [link](javascript:alert(3)).

	<script>alert(4)</script>

	<div onclick="alert(5)">block</div>

	The word zebrafish is only here, and `<script>alert(6)</script>` is code.
	It was weighed against NATS.
	EOF
	commit_on 2024-03-01 "ADR-2: <b>bold</b> plan" &&
	adr_write docs/adr/0003-use-nats.md "3. Use NATS" "Accepted

Supersedes [ADR-1](0001-use-postgres.md)" &&
	adr_write docs/adr/0001-use-postgres.md "1. Use Postgres" "Superseded by ADR-3" &&
	commit_on 2024-04-15 "ADR-3 supersedes ADR-1" &&
	mkdir -p docs/adr/ops &&
	git mv docs/adr/0003-use-nats.md docs/adr/ops/0003-use-nats.md &&
	commit_on 2024-05-01 "Move ADR-3" &&
	printf "4. Use rst\n==========\n\n:Status: Accepted\n\nSome *text* <b>here</b>.\n" >docs/adr/0004-rst.rst &&
	commit_on 2024-05-02 "ADR-4" &&
	at 2024-05-03 && git commit -q --allow-empty -m "Implement ADR-3: wire NATS" &&
	cd .. && adr_log -C r list --format json >list.json &&
	test $(grep -c "\"id\"" list.json) = 4
'

test_expect_success 'site OUTDIR writes an index, a page per ADR, the timeline and the graph' '
	adr_log -C r site "$TRASH/out" 2>err &&
	test_grep "site: wrote 7 pages to" err &&
	for f in index.html timeline.html graph.html adr/1.html adr/2.html adr/3.html adr/4.html .adr-log-site; do
		test -f out/$f || { echo "missing $f"; return 1; }
	done
'

test_expect_success 'the index lists every ADR with its status, date and last change' '
	test $(grep -c "<tr data-row=" out/index.html) = 4 &&
	test_grep "<a href=\"adr/3.html\">Use NATS</a>" out/index.html &&
	test_grep "data-status=\"superseded\" data-folder=\"docs/adr\"><td class=\"id\"><a href=\"adr/1.html\">1</a>" out/index.html &&
	test_grep "data-folder=\"docs/adr/ops\"" out/index.html &&
	test_grep "<option value=\"docs/adr/ops\">" out/index.html &&
	test_grep "<span class=\"badge s-accepted\">accepted</span></td><td class=\"date\">2024-01-01</td><td class=\"date\">2024-05-01</td>" out/index.html
'

test_expect_success 'a page shows the rendered record, its history, links both ways, paths and commits' '
	test_grep "<h2>Context</h2>" out/adr/3.html &&
	test_grep "<dt>Earlier paths</dt><dd><ul class=\"plain\"><li><code>docs/adr/0003-use-nats.md</code>" out/adr/3.html &&
	test_grep "<dt>Supersedes</dt><dd><ul class=\"plain\"><li><a href=\"../adr/1.html\">ADR 1</a>" out/adr/3.html &&
	test_grep "<dt>Superseded by</dt><dd><ul class=\"plain\"><li><a href=\"../adr/3.html\">ADR 3</a>" out/adr/1.html &&
	test $(grep -c "<td class=\"date\" title=" out/adr/1.html) = 3 &&
	test_grep "s-accepted\">accepted</span> &rarr; <span class=\"badge s-superseded\">superseded" out/adr/1.html &&
	test_grep "<code class=\"sha\" title=\"[0-9a-f]{40}\">[0-9a-f]{7}</code> <span class=\"subject\">Accept ADR-1</span>" out/adr/1.html &&
	test_grep "Implement ADR-3: wire NATS" out/adr/3.html &&
	test_grep "<div class=\"rst\">" out/adr/4.html &&
	test_grep "<h2>4. Use rst</h2>" out/adr/4.html &&
	test_grep "<dt>Status</dt><dd>Accepted</dd>" out/adr/4.html &&
	test_grep "<p>Some \*text\* &lt;b&gt;here&lt;/b&gt;.</p>" out/adr/4.html
'

test_expect_success 'repository markup stays text: no script, handler or javascript: link from an ADR' '
	test $(grep -c "<script" out/adr/2.html) = 0 &&
	test_grep -v "<img|onerror=|onclick=|javascript:" out/adr/2.html &&
	test_grep "&lt;script&gt;alert\(1\)&lt;/script&gt; &amp; &quot;quoted&quot;" out/adr/2.html &&
	test_grep "raw HTML omitted" out/adr/2.html &&
	test_grep "<code>&lt;script&gt;alert\(6\)&lt;/script&gt;</code>" out/adr/2.html &&
	test $(grep -c "<script" out/index.html) = 2 &&
	sed -n "/id=\"search-data\">/,/<\/script>/p" out/index.html >island &&
	test_grep -v "<(img|b>|script>alert)" island
'

test_expect_success 'nothing is loaded from elsewhere and links between pages are relative' '
	cat out/*.html out/adr/*.html >all.html &&
	test_grep -v "<(link|img|iframe|object|embed)[ >]" all.html &&
	test_grep -v "<script[^>]* src=" all.html &&
	test_grep -v "(href|src)=\"(https?:|file:)?/" all.html &&
	links_inside out
'

test_expect_success 'the graph draws the supersede edge and links the nodes' '
	test_grep "<path class=\"edge supersedes\"" out/graph.html &&
	test_grep "<title>ADR 3 supersedes ADR 1</title>" out/graph.html &&
	test_grep "<a href=\"adr/1.html\" class=\"node\">" out/graph.html
'

test_expect_success 'the timeline page links its lanes to the ADR pages' '
	test_grep "\"page\":\"adr/3.html\"" out/timeline.html
'

test_expect_success 'links and images in a body: ADR files go to their pages, others nowhere without a forge' '
	git init -q lk && cd lk &&
	mkdir -p docs/adr/img src &&
	echo "int main;" >src/main.c && printf "PNG" >docs/adr/img/d.png &&
	cat >docs/adr/0001-first.md <<-\EOF &&
	# 1. First

	## Status

	Accepted

	## Decision

	See [the second](0002-second.md#decision), [the same](./0002-second.md),
	[code](../../src/main.c), [escape](../../../../etc/passwd), [top](/),
	[web](https://example.com/) and ![diagram](img/d.png "D").

	[![badge](https://img.example/b.svg)](https://example.com/ci)
	EOF
	adr_write docs/adr/0002-second.md "2. Second" Accepted &&
	commit_on 2024-01-10 "Two ADRs" &&
	cd .. && adr_log -C lk site "$TRASH/lk-out" 2>err &&
	test_grep "<a href=\"2.html\">the second</a>, <a href=\"2.html\">the same</a>,$" lk-out/adr/1.html &&
	test_grep "^code, escape, top,$" lk-out/adr/1.html &&
	test_grep "<a href=\"https://example.com/\">web</a> and diagram.</p>" lk-out/adr/1.html &&
	test_grep "<a href=\"https://example.com/ci\">badge</a>" lk-out/adr/1.html &&
	test_grep -v "<img|passwd\"|src/main.c\"" lk-out/adr/1.html &&
	links_inside lk-out
'

test_expect_success 'with a forge known: files, commits and body links go to the forge' '
	git -C lk remote add origin git@github.com:o/r.git &&
	adr_log -C lk site "$TRASH/lk-out" 2>err &&
	head=$(git -C lk rev-parse HEAD) &&
	test_grep "<a href=\"https://github.com/o/r/blob/$head/src/main.c\">code</a>, escape, top,$" lk-out/adr/1.html &&
	test_grep "<a href=\"https://github.com/o/r/blob/$head/docs/adr/img/d.png\" title=\"D\">image: diagram</a>" lk-out/adr/1.html &&
	test_grep "<a href=\"2.html\">the second</a>" lk-out/adr/1.html &&
	test_grep "<dt>File</dt><dd><a href=\"https://github.com/o/r/blob/$head/docs/adr/0001-first.md\"><code>docs/adr/0001-first.md</code></a>" lk-out/adr/1.html &&
	test_grep "<a class=\"sha\" href=\"https://github.com/o/r/commit/$head\"><code>" lk-out/adr/1.html &&
	test_grep "\"url\":\"https://github.com/o/r/commit/$head\"" lk-out/timeline.html &&
	git -C lk config adrlog.commitUrl "javascript:alert(1)//{sha}" &&
	adr_log -C lk site "$TRASH/lk-out" 2>err &&
	test_grep -v "javascript:" lk-out/adr/1.html lk-out/timeline.html
'

test_expect_success 'a rebuild replaces the site and removes pages of ADRs that are gone' '
	git -C r rm -q docs/adr/0004-rst.rst && (cd r && commit_on 2024-06-01 "Drop ADR-4") &&
	echo keep >out/adr/mine.txt &&
	adr_log -C r site "$TRASH/out" --rev HEAD~1 2>err && test -f out/adr/4.html &&
	git -C r update-ref refs/heads/other HEAD~3 &&
	adr_log -C r site "$TRASH/out" --rev other 2>err &&
	test ! -e out/adr/4.html && test -f out/adr/mine.txt && test -f out/adr/3.html &&
	adr_log -C r site "$TRASH/out" 2>err &&
	test_grep "This ADR was deleted; below is its text before the deletion." out/adr/4.html &&
	test_grep "<h2>4. Use rst</h2>" out/adr/4.html &&
	test_grep "data-status=\"deleted\"" out/index.html
'

test_expect_success 'a non-empty folder that adr-log did not make is refused, unless --force' '
	mkdir mine && echo x >mine/notes.txt &&
	test_expect_code 2 adr_log -C r site "$TRASH/mine" 2>err &&
	test_grep "adr-log: site: refusing to write into .*mine.: the folder is not empty" err &&
	test ! -e mine/index.html &&
	adr_log -C r site "$TRASH/mine" --force 2>err &&
	test -f mine/index.html && test -f mine/notes.txt
'

test_expect_success 'no symbolic link inside OUTDIR is ever written through' '
	mkdir victim ln1 ln2 &&
	adr_log -C r site "$TRASH/ln1" && adr_log -C r site "$TRASH/ln2" &&
	rm ln1/index.html && ln -s "$TRASH/victim/pwned.html" ln1/index.html &&
	test_expect_code 2 adr_log -C r site "$TRASH/ln1" 2>err &&
	test_grep "index.html" err &&
	rm -rf ln2/adr && ln -s "$TRASH/victim" ln2/adr &&
	test_expect_code 2 adr_log -C r site "$TRASH/ln2" 2>err &&
	test_grep "adr" err &&
	test -z "$(ls victim)"
'

test_expect_success 'usage errors' '
	test_expect_code 2 adr_log -C r site 2>err &&
	test_grep "site: where\?" err &&
	test_expect_code 2 adr_log -C r site a b 2>err &&
	test_grep "unexpected argument .b." err &&
	test_expect_code 2 adr_log -C r site out --rev nosuch 2>err &&
	test_grep "nosuch" err
'

test_expect_success 'every corpus bundle: a page for every ADR list finds' '
	if ! ls "$SHARED"/corpus/*.bundle >/dev/null 2>&1; then say "skipped: no corpus"; return 0; fi &&
	for b in "$SHARED"/corpus/*.bundle; do
		n=$(basename "$b" .bundle) &&
		git clone -q "$b" "c-$n" &&
		d=$(sed -n "s/^$n //p" "$ADRLOG_TOP/tests/e2e/corpus-dirs.txt") &&
		if test "$d" = - || test -z "$d"; then set --; else set -- --adr-dir "$d"; fi &&
		adr_log -C "c-$n" site "$TRASH/s-$n" "$@" 2>"err-$n" &&
		adr_log -C "c-$n" list --format json "$@" >"l-$n.json" &&
		want=$(grep -c "\"id\"" "l-$n.json") &&
		got=$(grep -c "<tr data-row=" "s-$n/index.html") &&
		deleted=$(grep -c "data-status=\"deleted\"" "s-$n/index.html" || true) &&
		test $((got - deleted)) = "$want" || { echo "$n: $got rows ($deleted deleted), list has $want"; return 1; }
		links_inside "s-$n" || { echo "$n: a link leaves the site"; return 1; }
	done
'

CHROMIUM=${CHROMIUM:-$(command -v chromium || command -v chromium-browser || true)}

# chromium_dom URL DOM LOG [WIDTH]: load URL headless, dump the DOM after load.
chromium_dom() {
	profile=$(mktemp -d "$TRASH/profile.XXXXXX")
	timeout 90 "$CHROMIUM" --headless --no-sandbox --disable-gpu --disable-quic \
		--no-first-run --disable-background-networking --disable-component-update \
		--disable-sync --user-data-dir="$profile" --enable-logging=stderr --v=0 \
		--window-size="${4:-1400},900" --dump-dom "$1" >"$2" 2>"$3"
}
console_clean() { ! grep -E "CONSOLE.*(Uncaught|Error)|:ERROR:CONSOLE" "$1"; }

# measure PAGE OUT: PAGE with a script that records the document's
# scroll width and the viewport's in body attributes.
measure() {
	awk "/^<\\/body>/ { print \"<script>document.body.setAttribute(\\\"data-sw\\\", document.documentElement.scrollWidth + \\\"/\\\" + window.innerWidth);</script>\" } { print }" "$1" >"$2"
}

if test -z "$CHROMIUM"; then
	say "skipped: chromium is not installed (scripts/bootstrap --browser); the browser tests did not run"
else
	test_expect_success 'Chromium: the index loads clean and lists every ADR' '
		chromium_dom "file://$TRASH/mine/index.html" dom log &&
		console_clean log &&
		test_grep "<body data-ready=\"1\"" dom &&
		test_grep "<output id=\"count\" aria-live=\"polite\">4 decisions</output>" dom &&
		test $(grep -c "<tr data-row=\"[0-9]*\" data-status=\"[a-z]*\" data-folder=\"[^\"]*\">" dom) = 4
	'

	test_expect_success 'Chromium: search from the URL hash narrows the list (title and full text)' '
		chromium_dom "file://$TRASH/mine/index.html#q=nats" dom1 log1 &&
		console_clean log1 &&
		test_grep "2 of 4 decisions" dom1 &&
		test $(grep -o "<tr data-row=[^>]*hidden" dom1 | wc -l) = 2 &&
		grep -o "<tr data-row=\"[0-9]*\"[^>]*>" dom1 | grep -v hidden >order1 &&
		cat order1 &&
		sed -n 1p order1 | grep -q "data-row=\"2\" data-status=\"accepted\" data-folder=\"docs/adr/ops\">" &&
		sed -n 2p order1 | grep -q "data-row=\"1\" data-status=\"proposed\" data-folder=\"docs/adr\">" &&
		chromium_dom "file://$TRASH/mine/index.html" dom0 log0 &&
		grep -o "<tr data-row=\"[0-9]*\"" dom0 | tr -d "\n" | grep -q "^<tr data-row=\"0\"<tr data-row=\"1\"<tr data-row=\"2\"<tr data-row=\"3\"$" &&
		chromium_dom "file://$TRASH/mine/index.html#q=zebrafish" dom2 log2 &&
		test_grep "1 of 4 decisions" dom2 &&
		test_grep "<tr data-row=\"1\" data-status=\"proposed\" data-folder=\"docs/adr\">" dom2 &&
		chromium_dom "file://$TRASH/mine/index.html#status=accepted,superseded" dom3 log3 &&
		test_grep "2 of 4 decisions" dom3 &&
		chromium_dom "file://$TRASH/mine/index.html#status=accepted,superseded&folder=docs%2Fadr" dom3 log3 &&
		test_grep "1 of 4 decisions" dom3 &&
		chromium_dom "file://$TRASH/mine/index.html#q=nosuchword" dom4 log4 &&
		test_grep "0 of 4 decisions" dom4 &&
		test_grep "<p class=\"empty\" id=\"none\">No decision matches" dom4
	'

	test_expect_success 'Chromium: hostile markup on a page stays inert text' '
		measure mine/adr/2.html mine/adr/2m.html &&
		chromium_dom "file://$TRASH/mine/adr/2m.html" dom5 log5 &&
		console_clean log5 &&
		test_grep "&lt;script&gt;alert\(1\)&lt;/script&gt;" dom5 &&
		test_grep "<code>&lt;script&gt;alert\(6\)&lt;/script&gt;</code>" dom5 &&
		test_grep -v "<img|onerror|onclick" dom5 &&
		test $(grep -c "<script" dom5) = 1
	'

	test_expect_success 'Chromium: printed, a page drops the navigation and the filters and fits the paper' '
		if ! command -v node >/dev/null; then say "skipped: no node for scripts/page-width"; return 0; fi &&
		set -- $(MEDIA=print CHROMIUM="$CHROMIUM" node "$ADRLOG_TOP/scripts/page-width" "$TRASH/mine/index.html" 700 \
			"getComputedStyle(document.querySelector(\"header.top nav\")).display + \" \" + getComputedStyle(document.getElementById(\"controls\")).display") &&
		echo "print: $*" &&
		test "$1" -le 700 && test "$3" = none && test "$4" = none &&
		set -- $(CHROMIUM="$CHROMIUM" node "$ADRLOG_TOP/scripts/page-width" "$TRASH/mine/index.html" 700 \
			"getComputedStyle(document.querySelector(\"header.top nav\")).display") &&
		test "$3" != none
	'

	test_expect_success 'Chromium: every page of every corpus site reads at 420 px' '
		if ! command -v node >/dev/null; then say "skipped: no node for scripts/page-width"; return 0; fi &&
		if ! ls "$SHARED"/corpus/*.bundle >/dev/null 2>&1; then say "skipped: no corpus"; return 0; fi &&
		find "$TRASH"/s-* -name "*.html" >pages &&
		test -s pages &&
		CHROMIUM="$CHROMIUM" node "$ADRLOG_TOP/scripts/page-width" --each 420 <pages >widths &&
		test $(wc -l <widths) = $(wc -l <pages) &&
		echo "$(wc -l <pages) pages" &&
		! awk "\$1 > 420 || \$2 != 420 { print; bad = 1 } END { exit !bad }" widths
	'

	for page in index.html adr/3.html adr/2.html graph.html timeline.html; do
		test_expect_success "Chromium: $page needs no horizontal scrolling at 420 px" "
			if ! command -v node >/dev/null; then say 'skipped: no node for scripts/page-width'; return 0; fi &&
			set -- \$(CHROMIUM=\"\$CHROMIUM\" node \"\$ADRLOG_TOP/scripts/page-width\" \"\$TRASH/mine/$page\" 420 \
				'document.querySelector(\"svg\") ? document.querySelector(\"svg\").getBoundingClientRect().width : 0') &&
			echo \"scroll/viewport/svg: \$*\" &&
			test \"\$1\" -le 420 && test \"\${3%.*}\" -le 420
		"
	done
fi

test_done
