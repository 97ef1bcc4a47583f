#!/bin/sh
test_description='hook settings read as git reads them: git -c, GIT_CONFIG_COUNT, config files, then .adrlog; git-style integers'
. "$(dirname "$0")/../lib.sh"

large_change() {
	salt=$(git rev-parse --short HEAD 2>/dev/null)
	seq 1 "${1:-500}" | sed "s/^/$salt ${1:-500} /" >big.txt && git add big.txt
}

test_expect_success 'setup: ADRs, hooks installed, warn mode in .git/config' '
	git init -q repo && cd repo &&
	adr_commit docs/adr/0001-record-decisions.md "1. Record decisions" Accepted "ADR-1" &&
	adr_log hooks install >/dev/null &&
	git config adrlog.hookMode warn
'

test_expect_success 'git -c adrlog.hookMode=block commit blocks (GIT_CONFIG_PARAMETERS)' '
	cd repo && large_change &&
	test_expect_code 1 git -c adrlog.hookMode=block commit -q -m "big" 2>../err &&
	test_grep "Commit refused \(adrlog.hookMode=block\)" ../err
'

test_expect_success 'the key is case-insensitive, as in git: -c ADRLOG.HOOKMODE=block' '
	cd repo &&
	test_expect_code 1 git -c ADRLOG.HOOKMODE=block commit -q -m "big" 2>../err &&
	test_grep "Commit refused" ../err
'

test_expect_success 'GIT_CONFIG_COUNT/KEY_n/VALUE_n are read too' '
	cd repo &&
	test_expect_code 1 env GIT_CONFIG_COUNT=2 GIT_CONFIG_KEY_0=user.name \
		GIT_CONFIG_VALUE_0=x GIT_CONFIG_KEY_1=adrlog.hookMode GIT_CONFIG_VALUE_1=block \
		git commit -q -m "big" 2>../err &&
	test_grep "Commit refused" ../err
'

test_expect_success 'git order: git -c wins over GIT_CONFIG_COUNT' '
	cd repo &&
	GIT_CONFIG_COUNT=1 GIT_CONFIG_KEY_0=adrlog.hookMode GIT_CONFIG_VALUE_0=block \
		git -c adrlog.hookMode=warn commit -q -m "big, warned" 2>../err &&
	test_grep "warning: large change without an ADR" ../err &&
	git reset -q --soft HEAD~1
'

test_expect_success 'a quoted value with a quote in it (sq-quoting of GIT_CONFIG_PARAMETERS)' '
	cd repo &&
	git -c "adrlog.ignore=it'\''s" -c adrlog.ignore=big.txt commit -q -m "ignored" 2>../err &&
	test_line_count = 0 ../err &&
	git reset -q --soft HEAD~1
'

test_expect_success 'the committed .adrlog counts only where git has no value' '
	cd repo && git config --unset adrlog.hookMode &&
	printf "[adrlog]\n\thookMode = block\n" >.adrlog && git add .adrlog &&
	ADRLOG_SKIP=1 git commit -q -m "settings" && large_change &&
	test_expect_code 1 git commit -q -m "big" 2>../err &&
	test_grep "Commit refused" ../err &&
	git -c adrlog.hookMode=warn commit -q -m "big, warned" 2>../err &&
	test_grep "warning: large change" ../err
'

test_expect_success 'adrlog.largeLines = 18014398509481985k is out of range, not 1024' '
	cd repo && large_change 1100 &&
	git -c adrlog.largeLines=18014398509481985k -c adrlog.failClosed=true \
		commit -q -m "overflow" 2>../err; rc=$? &&
	test $rc -eq 1 &&
	test_grep "adrlog.largeLines: .18014398509481985k. is out of range" ../err
'

test_expect_success 'adrlog.largeLines = 2k is 2048, as git reads it' '
	cd repo && git -c adrlog.largeLines=2k commit -q -m "1100 lines under 2k" 2>../err &&
	test_line_count = 0 ../err
'

test_expect_success 'other commands read git -c too: adrlog.dir' '
	cd repo && mkdir -p notes &&
	adr_commit notes/0001-other.md "1. Other place" Accepted "other folder" &&
	git -c adrlog.dir=notes -c core.pager=cat -C . log -1 >/dev/null &&
	adr_log list >../plain &&
	test_grep "Record decisions" ../plain &&
	GIT_CONFIG_PARAMETERS="'\''adrlog.dir'\''='\''notes'\''" adr_log list >../viaenv &&
	test_grep "Other place" ../viaenv && test_grep -v "Record decisions" ../viaenv
'

test_done
