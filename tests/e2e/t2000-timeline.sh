#!/bin/sh
test_description='timeline: status events of a simple history, text and JSON'
. "$(dirname "$0")/../lib.sh"

EVENTS='["%s %s %s %s" % (e["adr"], e["from"], e["to"], e["commit"]) for e in d["events"]]'

test_expect_success 'setup: one ADR proposed, then accepted, then a second one' '
	git init -q r && cd r &&
	test_commit init README.md &&
	adr_commit docs/adr/0001-use-c.md "1. Use C" Proposed "propose ADR 1" &&
	git rev-parse HEAD >../c1 &&
	test_commit unrelated src/a.c &&
	adr_commit docs/adr/0001-use-c.md "1. Use C" Accepted "accept ADR 1" &&
	git rev-parse HEAD >../c2 &&
	adr_commit docs/adr/0002-use-make.md "2. Use make" Accepted "ADR 2" &&
	git rev-parse HEAD >../c3
'

test_expect_success 'JSON events: creation from null, then each change, oldest first' '
	adr_log -C r timeline --format json >out.json &&
	jget out.json "$EVENTS" >actual &&
	cat >expect <<-EOT &&
	1 None proposed $(cat c1)
	1 proposed accepted $(cat c2)
	2 None accepted $(cat c3)
	EOT
	test_cmp expect actual
'

test_expect_success 'JSON: head, truncated, per-ADR history and landed on the mainline' '
	jget out.json "d[\"head\"]" >actual &&
	cp c3 expect && test_cmp expect actual &&
	jget out.json "d[\"truncated\"]" >actual &&
	echo false >expect && test_cmp expect actual &&
	jget out.json "[h[\"landed\"] == h[\"commit\"] for h in d[\"adrs\"][0][\"history\"]]" >actual &&
	printf "true\ntrue\n" >expect && test_cmp expect actual &&
	jget out.json "d[\"adrs\"][0][\"edits\"]" >actual &&
	cat c1 c2 >expect && test_cmp expect actual
'

test_expect_success 'JSON: dates in ISO 8601 with the author offset, author as Name <mail>' '
	(cd r && adr_write docs/adr/0002-use-make.md "2. Use make" Deprecated &&
	 git add docs/adr && test_tick &&
	 GIT_AUTHOR_DATE="@1700003600 -0430" git commit -q -m "deprecate ADR 2") &&
	adr_log -C r timeline --format json >out.json &&
	jget out.json "d[\"events\"][-1][\"date\"]" >actual &&
	echo 2023-11-14T18:43:20-04:30 >expect &&
	test_cmp expect actual &&
	jget out.json "d[\"events\"][-1][\"author\"]" >actual &&
	echo "A U Thor <author@example.com>" >expect &&
	test_cmp expect actual
'

test_expect_success 'timeline is the default command' '
	adr_log -C r >default.txt &&
	adr_log -C r timeline >timeline.txt &&
	test_cmp timeline.txt default.txt
'

test_expect_success 'text: grouped by landed day, one line per event with id, title, change, commit, author name' '
	adr_log -C r timeline --color=never >out.txt &&
	test_grep "^landed 2023-11-14$" out.txt &&
	short=$(cut -c1-7 c2) &&
	test_grep "^  ADR 1  Use C     proposed -> accepted    $short  A U Thor$" out.txt &&
	test_grep "^  ADR 1 .*\(none\) -> proposed" out.txt &&
	test_line_count = 5 out.txt
'

test_expect_success 'a creation without a status gives no event' '
	(cd r && mkdir -p docs/adr &&
	 printf "# 3. No status\n\nJust text.\n" >docs/adr/0003-none.md &&
	 git add docs/adr && test_tick && git commit -q -m "ADR 3 without status") &&
	adr_log -C r timeline --format json >out.json &&
	jget out.json "[e[\"adr\"] for e in d[\"events\"] if e[\"adr\"] == \"3\"]" >actual &&
	test ! -s actual
'

test_expect_success 'a range A..B walks only what B adds, against A as the base' '
	adr_log -C r timeline "$(cat c2)..HEAD" --format json >out.json &&
	jget out.json "[\"%s %s %s\" % (e[\"adr\"], e[\"from\"], e[\"to\"]) for e in d[\"events\"]]" >actual &&
	cat >expect <<-EOT &&
	2 None accepted
	2 accepted deprecated
	EOT
	test_cmp expect actual
'

test_expect_success '--since/--until keep only events in that window' '
	adr_log -C r timeline --since 2023-11-14 --until 2023-11-14 --format json >out.json &&
	jget out.json "len(d[\"events\"])" >actual &&
	echo 4 >expect && test_cmp expect actual &&
	adr_log -C r timeline --since 2030-01-01 --format json >out.json &&
	jget out.json "len(d[\"events\"])" >actual &&
	echo 0 >expect && test_cmp expect actual &&
	test_expect_code 2 adr_log -C r timeline --since "the day before" 2>err &&
	test_grep "invalid --since" err
'

test_expect_success 'an empty range has no events but still the ADRs at its tip' '
	adr_log -C r timeline HEAD..HEAD --format json >out.json &&
	jget out.json "[len(d[\"events\"]), [a[\"id\"] for a in d[\"adrs\"]]]" >actual &&
	printf "0\n[\"1\", \"2\", \"3\"]\n" >expect &&
	test_cmp expect actual
'

test_expect_success 'A...B is refused with one line' '
	test_expect_code 2 adr_log -C r timeline "HEAD~1...HEAD" 2>err &&
	test_line_count = 1 err &&
	test_grep "^adr-log: invalid range" err
'

test_done
