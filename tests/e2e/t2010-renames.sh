#!/bin/sh
test_description='lineage: renames and renumbering renames keep an ADR and its history'
. "$(dirname "$0")/../lib.sh"

test_expect_success 'setup: create, rename with a status change, renumber' '
	git init -q r && cd r &&
	adr_commit docs/adr/0001-use-nats.md "1. Use NATS" Proposed "propose" &&
	git rev-parse HEAD >../c1 &&
	git mv docs/adr/0001-use-nats.md docs/adr/0001-use-nats-streaming.md &&
	adr_write docs/adr/0001-use-nats-streaming.md "1. Use NATS" Accepted &&
	git add docs/adr && test_tick && git commit -q -m "rename and accept" &&
	git rev-parse HEAD >../c2 &&
	git mv docs/adr/0001-use-nats-streaming.md docs/adr/0032-use-nats-streaming.md &&
	test_tick && git commit -q -m "renumber" &&
	git rev-parse HEAD >../c3
'

test_expect_success 'one ADR, with the id and path it has at the tip' '
	adr_log -C r timeline --format json >out.json &&
	jget out.json "[\"%s %s\" % (a[\"id\"], a[\"path\"]) for a in d[\"adrs\"]]" >actual &&
	echo "32 docs/adr/0032-use-nats-streaming.md" >expect &&
	test_cmp expect actual
'

test_expect_success 'its history spans every path' '
	jget out.json "[\"%s %s %s\" % (h[\"from\"], h[\"to\"], h[\"commit\"]) for h in d[\"adrs\"][0][\"history\"]]" >actual &&
	cat >expect <<-EOT &&
	None proposed $(cat c1)
	proposed accepted $(cat c2)
	EOT
	test_cmp expect actual
'

test_expect_success 'edits list every commit that changed the file or its path' '
	jget out.json "d[\"adrs\"][0][\"edits\"]" >actual &&
	cat c1 c2 c3 >expect &&
	test_cmp expect actual
'

test_expect_success 'show lists the earlier paths' '
	adr_log -C r show 32 >show.txt &&
	test_grep "^Earlier paths: +docs/adr/0001-use-nats.md$" show.txt &&
	test_grep "docs/adr/0001-use-nats-streaming.md$" show.txt &&
	test_grep "^Path: +docs/adr/0032-use-nats-streaming.md$" show.txt
'

test_expect_success 'a rename to a name that is never an ADR (README) ends the lineage' '
	(cd r && git mv docs/adr/0032-use-nats-streaming.md docs/adr/README.md &&
	 test_tick && git commit -q -m "not an ADR any more") &&
	adr_log -C r timeline --format json >out.json &&
	jget out.json "[\"%s %s %s\" % (e[\"adr\"], e[\"from\"], e[\"to\"]) for e in d[\"events\"]][-1]" >actual &&
	echo "32 accepted deleted" >expect &&
	test_cmp expect actual &&
	jget out.json "len(d[\"adrs\"])" >actual &&
	echo 0 >expect && test_cmp expect actual
'

test_done
