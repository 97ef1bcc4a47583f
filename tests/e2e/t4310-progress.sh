#!/bin/sh
test_description='progress line: on a terminal, after the delay, on stderr only;
never in pipes or files'
. "$(dirname "$0")/../lib.sh"

test_expect_success 'setup: a history with ADR changes' '
	git init -q repo && cd repo &&
	adr_commit docs/adr/0001-a.md A Proposed "propose A" &&
	for i in 1 2 3 4 5; do test_commit "c$i" || exit 1; done &&
	adr_commit docs/adr/0001-a.md A Accepted "accept A"
'

test_expect_success 'without a terminal there is no progress, even with no delay' '
	ADRLOG_PROGRESS_DELAY=0 adr_log -C repo timeline >out 2>err &&
	test_grep -v "Reading commits|Following ADRs" err &&
	test_grep "proposed -> accepted" out
'

if command -v script >/dev/null; then
# --no-cache: a repeat run on the same tip reads the cache and walks nothing
test_expect_success 'on a terminal with no delay: both phases, done, output intact' '
	ADRLOG_PROGRESS_DELAY=0 script -qec "\"$ADRLOG\" -C repo --no-pager --no-cache timeline" /dev/null \
		>tty.out 2>&1 </dev/null &&
	test_grep "Reading commits" tty.out &&
	test_grep "Following ADRs.*done" tty.out &&
	test_grep "proposed -> accepted" tty.out
'

test_expect_success 'on a terminal with the default one-second delay a fast walk shows nothing' '
	script -qec "\"$ADRLOG\" -C repo --no-pager timeline" /dev/null >tty2.out 2>&1 </dev/null &&
	test_grep -v "Reading commits" tty2.out &&
	test_grep "proposed -> accepted" tty2.out
'
else
	say "# skipped: script (util-linux) is not installed; terminal cases not run"
fi

test_done
