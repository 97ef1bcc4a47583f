#!/bin/sh
test_description='damaged cache files whose checksum still matches: the
decoder refuses what the engine could trip on, and no run crashes (the
checksum alone catches accidental damage; t2300 covers that)'
. "$(dirname "$0")/../lib.sh"

test_expect_success 'setup: a history with a topic branch, a rename and references' '
	git init -q r && cd r &&
	adr_commit docs/adr/0001-one.md "1. One" Proposed "propose 1" &&
	adr_commit docs/adr/0002-two.md "2. Two" Proposed "propose 2, per ADR-1" &&
	git checkout -q -b topic &&
	adr_commit docs/adr/0001-one.md "1. One" Accepted "accept 1 (ADR-1)" &&
	git checkout -q main &&
	test_commit "work, see docs/adr/0002-two.md" &&
	test_tick && git merge -q --no-ff -m "merge topic" topic &&
	git mv docs/adr/0002-two.md docs/adr/0002-second.md &&
	test_tick && git commit -q -m "rename ADR-2" &&
	adr_commit docs/adr/0003-three.md "3. Three" Accepted "ADR: 0003, ADR-9" &&
	test_commit "after, per ADR-3"
'

test_expect_success 'damaged entries of the tip (hits) and the documents: no crash' '
	cd r && rm -rf .git/adr-log && adr_log timeline --format json >/dev/null &&
	test -f .git/adr-log/docs &&
	{ python3 "$ADRLOG_TOP/tests/e2e/mutate-cache.py" "$ADRLOG" . 150 >../out 2>&1 || { cat ../out; false; }; } &&
	test_grep "^150 runs, 0 crashes" ../out
'

test_expect_success 'damaged entries of an older tip (resumes): no crash' '
	cd r && rm -rf .git/adr-log &&
	git checkout -q HEAD~3 && adr_log timeline --format json >/dev/null &&
	git checkout -q main &&
	ADRLOG_CACHE_TRACE=1 adr_log timeline --format json >/dev/null 2>../err &&
	test_grep "cache: resume" ../err &&
	rm -f .git/adr-log/h-*-$(git rev-parse HEAD) &&
	{ python3 "$ADRLOG_TOP/tests/e2e/mutate-cache.py" "$ADRLOG" . 150 >../out 2>&1 || { cat ../out; false; }; } &&
	test_grep "^150 runs, 0 crashes" ../out
'

test_done
