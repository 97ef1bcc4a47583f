#!/bin/sh
test_description='shallow clones: walk what is there, say truncated, warn'
. "$(dirname "$0")/../lib.sh"

test_expect_success 'setup: five commits, a clone of depth 2' '
	git init -q r && (cd r &&
	adr_commit docs/adr/0001-one.md "1. One" Proposed "propose 1" &&
	test_commit two &&
	adr_commit docs/adr/0001-one.md "1. One" Accepted "accept 1" &&
	test_commit four &&
	adr_commit docs/adr/0001-one.md "1. One" Deprecated "deprecate 1") &&
	git clone -q --depth 2 "file://$TRASH/r" shallow
'

test_expect_success 'the full clone is not truncated' '
	adr_log -C r timeline --format json >full.json 2>err &&
	jget full.json "d[\"truncated\"]" >actual &&
	echo false >expect && test_cmp expect actual &&
	test ! -s err
'

test_expect_success 'the shallow one is, with a warning and exit 0' '
	adr_log -C shallow timeline --format json >out.json 2>err &&
	jget out.json "d[\"truncated\"]" >actual &&
	echo true >expect && test_cmp expect actual &&
	test_grep "^adr-log: warning: .*shallow" err
'

test_expect_success 'only the changes inside the clone are events' '
	jget out.json "[\"%s %s\" % (e[\"from\"], e[\"to\"]) for e in d[\"events\"]]" >actual &&
	cat >expect <<-EOT &&
	None accepted
	accepted deprecated
	EOT
	test_cmp expect actual
'

test_done
