#!/bin/sh
test_description='lineage: an ADR moved into the ADR folder keeps its earlier history'
. "$(dirname "$0")/../lib.sh"

test_expect_success 'setup: a decision drafted in notes/, then moved into docs/adr' '
	git init -q r && cd r &&
	adr_commit docs/adr/0001-first.md "1. First" Accepted "ADR 1" &&
	adr_commit notes/use-kafka.md "Use Kafka" Proposed "draft the Kafka decision" &&
	git rev-parse HEAD >../m1 &&
	test_commit other src/x.c &&
	adr_commit notes/use-kafka.md "Use Kafka" Accepted "accept it" &&
	git rev-parse HEAD >../m2 &&
	git mv notes/use-kafka.md docs/adr/0002-use-kafka.md &&
	test_tick && git commit -q -m "move the Kafka decision into the ADRs" &&
	git rev-parse HEAD >../m3
'

test_expect_success 'the history from before the move is followed' '
	adr_log -C r timeline --format json >out.json &&
	jget out.json "[\"%s %s %s\" % (h[\"from\"], h[\"to\"], h[\"commit\"]) for a in d[\"adrs\"] if a[\"id\"] == \"2\" for h in a[\"history\"]]" >actual &&
	cat >expect <<-EOT &&
	None proposed $(cat m1)
	proposed accepted $(cat m2)
	EOT
	test_cmp expect actual
'

test_expect_success 'edits include the commits outside the folder and the move' '
	jget out.json "[c for a in d[\"adrs\"] if a[\"id\"] == \"2\" for c in a[\"edits\"]]" >actual &&
	cat m1 m2 m3 >expect &&
	test_cmp expect actual
'

test_expect_success 'a plain add (no move) starts a new lineage there' '
	(cd r && adr_commit docs/adr/0003-fresh.md "3. Fresh" Proposed "ADR 3") &&
	adr_log -C r timeline --format json >out.json &&
	jget out.json "[len(a[\"history\"]) for a in d[\"adrs\"] if a[\"id\"] == \"3\"]" >actual &&
	echo 1 >expect && test_cmp expect actual
'

test_done
