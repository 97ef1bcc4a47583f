#!/bin/sh
test_description='timeline --format html: one self-contained, injection-proof page that Chromium draws'
. "$(dirname "$0")/../lib.sh"

# at DAY: the next commits are authored on DAY (YYYY-MM-DD), 10:00 UTC.
at() {
	GIT_AUTHOR_DATE="$1T10:00:00+0000" GIT_COMMITTER_DATE="$1T10:00:00+0000"
	export GIT_AUTHOR_DATE GIT_COMMITTER_DATE
}

# commit_on DAY MESSAGE: commit the ADR folder, authored on DAY.
commit_on() {
	at "$1" && git add docs/adr && git commit -q -m "$2"
}

test_expect_success 'setup: ADRs that change status, supersede, and carry hostile text' '
	git init -q r && cd r &&
	adr_write docs/adr/0001-use-postgres.md "1. Use Postgres" Proposed &&
	commit_on 2024-01-10 "Propose ADR-1" &&
	adr_write docs/adr/0001-use-postgres.md "1. Use Postgres" Accepted &&
	commit_on 2024-02-01 "Accept ADR-1 </script><!-- $(printf "\342\200\250") & more" &&
	cat >"docs/adr/0002-x<img src=x onerror=alert(2)>.md" <<-\EOF &&
	---
	title: <script>alert(1)</script> & "quoted"
	status: proposed
	---

	Context.
	EOF
	commit_on 2024-03-01 "ADR-2: <b>bold</b> plan" &&
	adr_write docs/adr/0003-use-nats.md "3. Use NATS" "Accepted

Supersedes ADR-1" &&
	adr_write docs/adr/0001-use-postgres.md "1. Use Postgres" "Superseded by ADR-3" &&
	commit_on 2024-04-15 "ADR-3 supersedes ADR-1"
'

test_expect_success 'timeline --format html writes one page' '
	adr_log -C r timeline --format html >page.html 2>err &&
	test_line_count = 0 err &&
	test_grep "^<!DOCTYPE html>" page.html &&
	test_grep "</html>\$" page.html &&
	adr_log -C r timeline --format json >t.json
'

test_expect_success 'the page loads nothing from elsewhere' '
	test_grep -v "<(link|img|iframe|object|embed)[ >]" page.html &&
	test_grep -v "<script[^>]* src=" page.html &&
	test_grep -v "(href|src)=\"?(https?:)?//" page.html &&
	test_grep "Content-Security-Policy\" content=\"default-src .none." page.html
'

test_expect_success 'repository text cannot leave the JSON data island' '
	test $(grep -c "<script" page.html) = 2 &&
	sed -n "s/.*<script type=\"application\/json\" id=\"adr-data\">\(.*\)<\/script>.*/\1/p" \
		page.html >island &&
	test_line_count = 1 island &&
	test_grep -v "[<>&]" island &&
	test_grep -v "$(printf "\342\200\250")" island &&
	test_grep "u003cscript\\\\u003ealert\\(1\\)\\\\u003c/script\\\\u003e \\\\u0026 " island &&
	test_grep "Accept ADR-1 \\\\u003c/script\\\\u003e\\\\u003c!-- \\\\u2028 \\\\u0026 more" island &&
	test_grep "x\\\\u003cimg src=x onerror=alert\\(2\\)\\\\u003e\\.md" island
'

test_expect_success 'show ID --format html is the page of one ADR' '
	adr_log -C r show 1 --format html >one.html &&
	test_grep "<title>ADR 1: [^<]*Use Postgres</title>" one.html &&
	test_grep -v "Use NATS" one.html
'

test_expect_success 'html is refused where it has no meaning' '
	test_expect_code 2 adr_log -C r list --format html 2>err &&
	test_grep "list: --format html is not supported" err
'

test_expect_success 'the embedded CSS and JS match their sources' '
	sh "$ADRLOG_TOP/scripts/gen-html-assets" "$TRASH/assets.h" &&
	test_cmp "$ADRLOG_TOP/src/html_assets.h" "$TRASH/assets.h"
'

CHROMIUM=${CHROMIUM:-$(command -v chromium || command -v chromium-browser || true)}

# chromium_dom PAGE DOM LOG: load PAGE headless, dump the DOM after load,
# keep the console log.
chromium_dom() {
	profile=$(mktemp -d "$TRASH/profile.XXXXXX")
	timeout 90 "$CHROMIUM" --headless --no-sandbox --disable-gpu --disable-quic \
		--no-first-run --disable-background-networking --disable-component-update \
		--disable-sync --user-data-dir="$profile" --enable-logging=stderr --v=0 \
		--dump-dom "file://$1" >"$2" 2>"$3"
}

# console_clean LOG: no script error was logged.
console_clean() {
	! grep -E "CONSOLE.*(Uncaught|Error)|:ERROR:CONSOLE" "$1"
}

if test -z "$CHROMIUM"; then
	say "skipped: chromium is not installed (scripts/bootstrap --browser); the browser tests did not run"
else
	test_expect_success 'the console check catches a script error (so it can fail)' '
		sed "s/^	document.body.setAttribute(\"data-ready\"/undefinedFunction();&/" page.html >broken.html &&
		! cmp -s page.html broken.html &&
		chromium_dom "$TRASH/broken.html" broken.dom broken.log &&
		! console_clean broken.log >/dev/null &&
		test_grep -v "data-ready=" broken.dom
	'

	test_expect_success 'Chromium loads the page without console errors' '
		chromium_dom "$TRASH/page.html" dom.html log &&
		console_clean log &&
		test_grep "<body data-ready=\"1\"" dom.html
	'

	test_expect_success 'the script drew one lane per ADR and one marker per status change' '
		test $(grep -o "<g class=\"lane\"" dom.html | wc -l) = 3 &&
		test_grep "<g class=\"lane\" data-adr=\"1\">" dom.html &&
		test_grep "<g class=\"lane\" data-adr=\"3\">" dom.html &&
		events=$(grep -c "\"adr\": " t.json) &&
		test "$events" -ge 4 &&
		test $(grep -o "<circle class=\"marker" dom.html | wc -l) = "$events" &&
		test_grep "<rect class=\"seg s-accepted\"" dom.html &&
		test_grep "<rect class=\"seg s-superseded\"" dom.html
	'

	test_expect_success 'the supersede arrow joins the two lanes' '
		test_grep "<path class=\"link supersedes\"" dom.html &&
		test_grep "<title>ADR 3 supersedes ADR 1</title>" dom.html
	'

	test_expect_success 'hostile text shows as text, never as markup' '
		test_grep "&lt;script&gt;alert\(1\)&lt;/script&gt; &amp; \"quoted\"" dom.html &&
		test_grep -v "<img" dom.html &&
		test $(grep -o "<script" dom.html | wc -l) = 2
	'

	test_expect_success 'status filters and the search box are there' '
		test_grep "<span class=\"chip\" role=\"checkbox\"" dom.html &&
		test_grep "<input type=\"search\" id=\"q\"" dom.html &&
		test_grep "3 of 3 ADRs" dom.html
	'

	# Drive the page as a person would: hover and click a marker, search,
	# toggle a status chip; then dump what it shows.
	cat >drive.js <<-\EOF
	<script>
	var m = document.querySelector("g.lane[data-adr=\"1\"] circle.marker");
	m.dispatchEvent(new MouseEvent("mousemove", {clientX: 300, clientY: 150, bubbles: true}));
	m.dispatchEvent(new MouseEvent("click", {bubbles: true}));
	var q = document.getElementById("q");
	q.value = "nats";
	q.dispatchEvent(new Event("input"));
	document.body.setAttribute("data-after-search", document.getElementById("count").textContent);
	q.value = "";
	q.dispatchEvent(new Event("input"));
	document.querySelector(".chip").click();
	var copy = document.createElement("div");
	copy.id = "pinned";
	copy.innerHTML = document.getElementById("detail").innerHTML;
	document.body.appendChild(copy);
	document.querySelector("g.lane[data-adr=\"3\"] text.link-adr").dispatchEvent(new MouseEvent("click", {bubbles: true}));
	</script>
	EOF

	test_expect_success 'hover shows, click pins the commit, author, date and subject' '
		awk "/^<\\/body>/ { while ((getline l <\"drive.js\") > 0) print l } { print }" \
			page.html >driven.html &&
		test_grep "data-adr=..1..] circle.marker" driven.html &&
		chromium_dom "$TRASH/driven.html" driven.dom driven.log &&
		console_clean driven.log &&
		test_grep "<div id=\"tip\" role=\"tooltip\" style=\"display: block;" driven.dom &&
		test_grep "<div id=\"pinned\"><button class=\"close\" type=\"button\" aria-label=\"Close\">×</button><h2>ADR 1: [^<]*Use Postgres</h2>" driven.dom &&
		commit=$(git -C r rev-list --reverse HEAD | head -n 1) &&
		test_grep "<dt>Commit</dt><dd class=\"sha\">$commit</dd>" driven.dom &&
		test_grep "<dt>Author</dt><dd>A U Thor &lt;author@example.com&gt;</dd>" driven.dom &&
		test_grep "<dt>Date</dt><dd>2024-01-10T10:00:00\+00:00</dd>" driven.dom &&
		test_grep "<dt>Subject</dt><dd>Propose ADR-1</dd>" driven.dom
	'

	test_expect_success 'clicking an ADR title shows the ADR, its links and changes' '
		test_grep "<h2>ADR 3: [^<]*Use NATS</h2>" driven.dom &&
		test_grep "<dt>Supersedes</dt><dd>ADR 1</dd>" driven.dom &&
		test_grep "<dt>2024-04-15</dt><dd>no status → accepted  [0-9a-f]{7} ADR-3 supersedes ADR-1</dd>" driven.dom
	'

	test_expect_success 'the header names the repository and the date of its tip' '
		test_grep "<div class=\"meta\"><strong>r</strong> at <code>[0-9a-f]{12}</code> of 2024-04-15 " page.html
	'

	test_expect_success 'a deleted and re-added ADR is one lane; a reset of every ADR draws no stripe' '
		git clone -q r reset && cd reset &&
		git rm -q -r docs/adr && at 2024-05-01 && git commit -q -m "Remove the folder by mistake" &&
		git checkout -q HEAD~1 -- docs/adr && commit_on 2024-05-02 "Restore the folder" &&
		git rm -q docs/adr/0003-use-nats.md && at 2024-05-03 && git commit -q -m "Drop 3" &&
		adr_write docs/adr/0003-use-nats.md "3. Use NATS again" Proposed &&
		commit_on 2024-05-04 "Bring 3 back as new" &&
		cd .. && adr_log -C reset timeline --format html >reset.html &&
		adr_log -C reset timeline --format json >reset.json &&
		chromium_dom "$TRASH/reset.html" reset.dom reset.log &&
		console_clean reset.log &&
		test $(grep -o "<g class=\"lane\"" reset.dom | wc -l) = 3 &&
		test $(grep -o "<g class=\"lane\" data-adr=\"3\"" reset.dom | wc -l) = 1 &&
		all=$(grep -c "\"adr\": " reset.json) &&
		markers=$(grep -o "<circle class=\"marker" reset.dom | wc -l) &&
		echo "events $all markers $markers" &&
		test $((all - markers)) = 6 &&
		test_grep "<path class=\"reset\"" reset.dom &&
		test_grep "3 ADRs deleted by [0-9a-f]{7} Remove the folder by mistake and restored unchanged on 2024-05-02" reset.dom &&
		test $(grep -o "<line class=\"gap\"" reset.dom | wc -l) = 3
	'

	test_expect_success 'at 420 px the chart fits the window: no 640 px chart, no 300 px labels' '
		if ! command -v node >/dev/null; then say "skipped: no node for scripts/page-width"; return 0; fi &&
		set -- $(CHROMIUM="$CHROMIUM" node "$ADRLOG_TOP/scripts/page-width" "$TRASH/page.html" 420 \
			"document.querySelector(\"#chart svg\").getAttribute(\"width\") + \" \" + document.querySelector(\"line.track\").getAttribute(\"x1\")") &&
		echo "scroll $1 window $2 svg $3 labels $4" &&
		test "$1" -le 420 && test "$3" -le 420 && test "${4%.*}" -le 160
	'

	test_expect_success 'search and status chips filter the lanes' '
		test_grep "data-after-search=\"1 of 3 ADRs" driven.dom &&
		test_grep "<span class=\"chip off\"" driven.dom &&
		test $(grep -o "<g class=\"lane\"" driven.dom | wc -l) = 2
	'
	test_expect_success 'with a forge known, the pinned commit and the path are links' '
		git -C r remote add origin https://github.com/o/r.git &&
		adr_log -C r timeline --format html >linked.html &&
		git -C r remote remove origin &&
		awk "/^<\\/body>/ { while ((getline l <\"drive.js\") > 0) print l } { print }" \
			linked.html >linked-driven.html &&
		chromium_dom "$TRASH/linked-driven.html" linked.dom linked.log &&
		console_clean linked.log &&
		commit=$(git -C r rev-list --reverse HEAD | head -n 1) &&
		test_grep "<dd class=\"sha\"><a href=\"https://github.com/o/r/commit/$commit\" rel=\"noopener noreferrer\">$commit</a></dd>" linked.dom &&
		test_grep "<dt>Path</dt><dd><a href=\"https://github.com/o/r/blob/[0-9a-f]{40}/docs/adr/[^\"]*\" rel=\"noopener noreferrer\">docs/adr/" linked.dom
	'
fi

test_done
