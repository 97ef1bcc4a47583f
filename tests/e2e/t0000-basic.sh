#!/bin/sh
test_description='command line basics: help, version, usage errors, exit codes'
. "$(dirname "$0")/../lib.sh"

test_expect_success '--help lists the commands and exits 0' '
	adr_log --help >out &&
	test_grep "^usage: adr-log" out &&
	test_grep "^    timeline" out &&
	test_grep "^    release-notes" out
'

test_expect_success '--version prints the version' '
	adr_log --version >out &&
	test_grep "^adr-log version [0-9]+\.[0-9]+\.[0-9]+" out
'

test_expect_success 'an unknown command is a usage error (exit 2, one line)' '
	test_expect_code 2 adr_log frobnicate >out 2>err &&
	test_line_count = 1 err &&
	test_grep "^adr-log: .frobnicate. is not a command" err
'

test_expect_success 'an unknown option is a usage error' '
	test_expect_code 2 adr_log --frob 2>err &&
	test_grep "^adr-log: unknown option .--frob." err
'

test_expect_success 'outside a repository: one-line error, exit 2' '
	mkdir -p norepo &&
	(cd norepo && GIT_CEILING_DIRECTORIES=$TRASH test_expect_code 2 "$ADRLOG" list 2>../err) &&
	test_line_count = 1 err &&
	test_grep "^adr-log: not a git repository" err
'

test_expect_success 'an empty repository says it has no commits' '
	git init -q empty &&
	test_expect_code 2 adr_log -C empty list 2>err &&
	test_grep "no commits yet" err
'

test_expect_success 'a bad --color value is refused' '
	git init -q r && (cd r && test_commit one) &&
	test_expect_code 2 adr_log -C r list --color=sometimes 2>err &&
	test_grep "invalid --color" err
'

test_expect_success 'a bad --format value is refused' '
	test_expect_code 2 adr_log -C r list --format yaml 2>err &&
	test_grep "unknown --format .yaml." err
'

test_expect_success 'writing to a full disk fails' '
	if test -w /dev/full; then
		test_expect_code 2 adr_log --help >/dev/full 2>err &&
		test_grep "cannot write output" err
	fi
'

test_expect_success 'test_when_finished (setup): cleanups are queued' '
	mkdir -p cleanup-dir &&
	echo one >cleanup-dir/first &&
	test_when_finished "rm cleanup-dir/first" &&
	(cd cleanup-dir && test_when_finished "echo second >>order" && test_when_finished "echo first >>order")
'

test_expect_success 'test_when_finished: the cleanups ran, newest first, where they were asked' '
	! test -e cleanup-dir/first &&
	printf "first\nsecond\n" >want &&
	test_cmp want cleanup-dir/order
'

test_done
