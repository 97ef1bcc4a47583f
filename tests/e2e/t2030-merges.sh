#!/bin/sh
test_description='merges: topic-branch events land with the merge; only conflict resolutions give merge events'
. "$(dirname "$0")/../lib.sh"

EV='["%s %s %s %s %s" % (e["adr"], e["from"], e["to"], e["commit"], e["landed"]) for e in d["events"]]'

test_expect_success 'setup: ADR 1 accepted on a topic branch merged later' '
	git init -q r && cd r &&
	adr_commit docs/adr/0001-one.md "1. One" Proposed "propose 1" &&
	git rev-parse HEAD >../c1 &&
	git checkout -q -b topic &&
	adr_commit docs/adr/0001-one.md "1. One" Accepted "accept 1 on topic" &&
	git rev-parse HEAD >../t1 &&
	git checkout -q main &&
	adr_commit docs/adr/0002-two.md "2. Two" Proposed "propose 2 on main" &&
	git rev-parse HEAD >../c2 &&
	test_tick && git merge -q --no-ff -m "merge topic" topic &&
	git rev-parse HEAD >../m1
'

test_expect_success 'the topic event is dated by its commit and landed by the merge, after main events' '
	adr_log -C r timeline --format json >out.json &&
	jget out.json "$EV" >actual &&
	cat >expect <<-EOT &&
	1 None proposed $(cat c1) $(cat c1)
	2 None proposed $(cat c2) $(cat c2)
	1 proposed accepted $(cat t1) $(cat m1)
	EOT
	test_cmp expect actual
'

test_expect_success 'a merge without a conflict edits nothing' '
	jget out.json "[a[\"edits\"] for a in d[\"adrs\"] if a[\"id\"] == \"1\"][0]" >actual &&
	cat c1 t1 >expect &&
	test_cmp expect actual
'

test_expect_success 'setup: both sides change ADR 2; the conflict is resolved to a third status' '
	(cd r &&
	 git checkout -q -b side &&
	 adr_commit docs/adr/0002-two.md "2. Two" Accepted "accept 2 on side" &&
	 git rev-parse HEAD >../s1 &&
	 git checkout -q main &&
	 adr_commit docs/adr/0002-two.md "2. Two" Rejected "reject 2 on main" &&
	 git rev-parse HEAD >../c3 &&
	 test_tick &&
	 test_must_fail git merge -q -m "merge side" side >/dev/null 2>&1 &&
	 adr_write docs/adr/0002-two.md "2. Two" Deprecated &&
	 git add docs/adr && git commit -q -m "merge side, deprecating 2" &&
	 git rev-parse HEAD >../m2)
'

test_expect_success 'the resolution is an event of the merge, from the first parent status' '
	adr_log -C r timeline --format json >out.json &&
	jget out.json "$EV[3:]" >actual &&
	cat >expect <<-EOT &&
	2 proposed rejected $(cat c3) $(cat c3)
	2 proposed accepted $(cat s1) $(cat m2)
	2 rejected deprecated $(cat m2) $(cat m2)
	EOT
	test_cmp expect actual &&
	jget out.json "[a[\"edits\"][-1] for a in d[\"adrs\"] if a[\"id\"] == \"2\"][0]" >actual &&
	cp m2 expect && test_cmp expect actual
'

test_expect_success 'a resolution that keeps one side gives no merge event' '
	(cd r &&
	 git checkout -q -b side2 &&
	 adr_commit docs/adr/0001-one.md "1. One" Implemented "implement 1 on side2" &&
	 git checkout -q main &&
	 adr_commit docs/adr/0001-one.md "1. One" Deprecated "deprecate 1 on main" &&
	 test_tick &&
	 test_must_fail git merge -q -m "merge side2" side2 >/dev/null 2>&1 &&
	 git checkout -q --ours docs/adr/0001-one.md &&
	 git add docs/adr && git commit -q -m "merge side2, keep ours" &&
	 git rev-parse HEAD >../m3) &&
	adr_log -C r timeline --format json >out.json &&
	jget out.json "[e[\"commit\"] for e in d[\"events\"] if e[\"commit\"] == \"$(cat m3)\"]" >actual &&
	test ! -s actual
'

test_expect_success 'the same ADR added on two branches is one lineage after the merge' '
	(cd r &&
	 git checkout -q -b twin &&
	 adr_commit docs/adr/0005-twin.md "5. Twin" Proposed "add 5 on twin" &&
	 git checkout -q main &&
	 adr_commit docs/adr/0005-twin.md "5. Twin" Proposed "add 5 on main too" &&
	 test_tick && git merge -q -m "merge twin" twin) &&
	adr_log -C r timeline --format json >out.json &&
	jget out.json "[a[\"id\"] for a in d[\"adrs\"] if a[\"id\"] == \"5\"]" >actual &&
	echo 5 >expect && test_cmp expect actual
'

test_done
