#!/bin/sh
test_description='links and show: referencing commits in text and JSON, unknown ids'
. "$(dirname "$0")/../lib.sh"

test_expect_success 'setup: two ADRs, one superseding the other, and citing commits' '
	git init -q r && cd r &&
	adr_commit docs/adr/0001-old.md "1. Old way" Accepted "Add ADR 1" &&
	adr_commit docs/adr/0002-new.md "2. New way" Accepted "Add ADR 2" &&
	test_commit "Implement ADR-2 in the server" src/a.c &&
	git rev-parse HEAD >../i1 &&
	test_commit "More of ADR 2" src/b.c &&
	git rev-parse HEAD >../i2
'

test_expect_success 'links lists each cited ADR with its commits and subjects' '
	adr_log -C r links --color=never >out.txt &&
	test_grep "^ADR 1: Old way \(1\)$" out.txt &&
	test_grep "^ADR 2: New way \(3\)$" out.txt &&
	test_grep "^  $(cut -c1-7 i1)  2023-11-14  Implement ADR-2 in the server$" out.txt
'

test_expect_success 'links ID shows one ADR; JSON holds only it' '
	adr_log -C r links 2 --color=never >one.txt &&
	test_grep -v "^ADR 1" one.txt &&
	test_grep "^ADR 2" one.txt &&
	adr_log -C r links ADR-0002 --format json >one.json &&
	jget one.json "[a[\"id\"] for a in d[\"adrs\"]]" >actual &&
	echo 2 >expect && test_cmp expect actual
'

test_expect_success 'show: metadata, history and implementing commits with subjects' '
	adr_log -C r show 2 --color=never >show.txt &&
	test_grep "^ADR 2: New way$" show.txt &&
	test_grep "^Status: +accepted" show.txt &&
	test_grep "^History \(1\):$" show.txt &&
	test_grep "^Implemented by \(2\):$" show.txt &&
	test_grep "^  $(cut -c1-7 i2)  2023-11-14  More of ADR 2$" show.txt
'

test_expect_success 'show --format json is the SPEC document with that ADR' '
	adr_log -C r show 2 --format json >show.json &&
	jget show.json "[d[\"schema\"], len(d[\"adrs\"]), d[\"adrs\"][0][\"implemented_by\"]]" >actual &&
	printf "adr-log/1\n1\n[\"%s\", \"%s\"]\n" "$(cat i1)" "$(cat i2)" >expect &&
	test_cmp expect actual
'

test_expect_success 'an unknown id is one line on stderr and exit 2' '
	test_expect_code 2 adr_log -C r show 99 >out 2>err &&
	test_line_count = 1 err &&
	test_grep "^adr-log: show: no ADR with id .99." err &&
	test ! -s out &&
	test_expect_code 2 adr_log -C r links nonsense 2>err &&
	test_grep "^adr-log: links: no ADR" err
'

test_expect_success 'show without an id is a usage error' '
	test_expect_code 2 adr_log -C r show 2>err &&
	test_line_count = 1 err
'

test_expect_success 'show: supersede links both ways and the chain' '
	(cd r &&
	 adr_write docs/adr/0001-old.md "1. Old way" "Superseded by [ADR-2](0002-new.md)" &&
	 cat >docs/adr/0002-new.md <<-EOT &&
	# 2. New way

	## Status

	Accepted

	Supersedes [ADR-1](0001-old.md)

	## Context

	Better.
	EOT
	 git add docs/adr && test_tick && git commit -q -m "2 supersedes 1") &&
	adr_log -C r show 2 --color=never >show.txt &&
	test_grep "^Supersedes: +ADR 1 \(Old way\)$" show.txt &&
	test_grep "^Chain: +1 -> \[2\]$" show.txt &&
	adr_log -C r show 1 --color=never >show1.txt &&
	test_grep "^Status: +superseded" show1.txt &&
	test_grep "^Superseded by: +ADR 2 \(New way\)$" show1.txt &&
	test_grep "^Chain: +\[1\] -> 2$" show1.txt
'

test_done
