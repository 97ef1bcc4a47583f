#!/bin/sh
test_description='text output fits COLUMNS or the terminal, measured in display cells (CJK titles count 2), and is never cut when piped'
. "$(dirname "$0")/../lib.sh"

# cells FILE: the widest line of FILE in display cells (East Asian Wide and
# Fullwidth characters count 2, as a terminal draws them).
cells() {
	python3 -c 'import sys, unicodedata
w = 0
for line in open(sys.argv[1], encoding="utf-8"):
    line = line.rstrip("\n")
    w = max(w, sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line))
print(w)' "$1"
}

LONG="Use a message broker with at-least-once delivery for every service that publishes domain events to other teams"
CJK="使用消息代理实现服务之间的异步通信并保证至少一次投递语义以及顺序"

test_expect_success 'setup: long, CJK and mixed titles, a long author name' '
	git init -q r && cd r &&
	adr_commit docs/adr/0001-broker.md "1. $LONG" Proposed "ADR 1" &&
	adr_commit docs/adr/0002-cjk.md "2. $CJK" Accepted "ADR 2" &&
	adr_write docs/adr/0003-mixed.md "3. 混合 mixed タイトル with words" Proposed &&
	git add docs/adr &&
	GIT_AUTHOR_NAME="Maximilian Alexander von Langenname-Doppelbarrel" git commit -q -m "ADR 3" &&
	adr_commit docs/adr/0001-broker.md "1. $LONG" Accepted "accept ADR 1"
'

for w in 80 200; do
	test_expect_success "timeline at COLUMNS=$w: every line fits in $w cells" '
		COLUMNS='$w' adr_log -C r --color never >out &&
		test_line_count = 5 out &&
		got=$(cells out) &&
		test "$got" -le '$w' || { cat out >&2; echo "widest line: $got cells" >&2; return 1; }
	'
	test_expect_success "list at COLUMNS=$w fits too" '
		COLUMNS='$w' adr_log -C r list --color never >out &&
		got=$(cells out) &&
		test "$got" -le '$w' || { cat out >&2; echo "widest line: $got cells" >&2; return 1; }
	'
	test_expect_success "show and links at COLUMNS=$w fit" '
		(cd r && git commit -q --allow-empty -m "implement ADR-1: $LONG $LONG") &&
		COLUMNS='$w' adr_log -C r show 1 --color never >all &&
		grep "^  " all >out &&
		test_line_count -ge 4 out &&
		test "$(cells out)" -le '$w' || { cat out >&2; return 1; }
		COLUMNS='$w' adr_log -C r links --color never >out &&
		test "$(cells out)" -le '$w'
	'
done

test_expect_success 'at 200 columns nothing is cut: full titles, CJK included, and author names' '
	COLUMNS=200 adr_log -C r --color never >out &&
	test_grep "$LONG" out &&
	test_grep "$CJK" out &&
	test_grep "Maximilian Alexander von Langenname-Doppelbarrel$" out &&
	test_grep -v "…" out
'

test_expect_success 'at 80 columns titles are cut with an ellipsis, columns stay aligned' '
	COLUMNS=80 adr_log -C r --color never >out &&
	test_grep "…" out &&
	test_grep -v "$LONG" out &&
	# the change column starts at the same cell on every line
	python3 -c "import sys, unicodedata
cols = set()
for line in open(sys.argv[1], encoding=\"utf-8\"):
    if line.startswith(\"  ADR \"):
        pre = line[:line.index(\" -> \")]
        head = pre[:pre.rfind(\" \") + 1]
        cols.add(sum(2 if unicodedata.east_asian_width(c) in \"WF\" else 1 for c in head))
sys.exit(0 if len(cols) == 1 else 1)" out
'

test_expect_success 'a CJK title is never cut in the middle of a character' '
	for w in 50 51 60 61 62 63 70 71; do
		COLUMNS=$w adr_log -C r --color never >out &&
		python3 -c "import sys; open(sys.argv[1], encoding=\"utf-8\").read()" out &&
		test "$(cells out)" -le $w || return 1
	done
'

test_expect_success 'piped with no COLUMNS: nothing is cut' '
	(unset COLUMNS; adr_log -C r --color never >out) &&
	test_grep "$LONG" out &&
	test_grep "$CJK" out &&
	test_grep -v "…" out &&
	(unset COLUMNS; adr_log -C r list >out) &&
	test_grep "$LONG" out
'

test_expect_success 'on a terminal, without COLUMNS, the width is the terminal width (a 100-column pty)' '
	(unset COLUMNS; "$ADRLOG_BUILD/helper/pty-run" -- "$ADRLOG" -C r --no-pager --color never >raw) &&
	tr -d "\r" <raw >out &&
	test_grep "^  ADR 1" out &&
	test_grep "…" out &&
	test "$(cells out)" -le 100
'

test_done
