#!/bin/sh
test_description='lineage: delete leaves a tombstone, a restore continues it, a heavy rewrite keeps it'
. "$(dirname "$0")/../lib.sh"

test_expect_success 'setup: ADR 1 accepted, deleted' '
	git init -q r && cd r &&
	adr_commit docs/adr/0001-one.md "1. One" Accepted "accept 1" &&
	adr_commit docs/adr/0002-two.md "2. Two" Proposed "propose 2" &&
	git rm -q docs/adr/0001-one.md && test_tick && git commit -q -m "drop 1" &&
	git rev-parse HEAD >../d1
'

test_expect_success 'a delete is an event to "deleted" and the ADR leaves the tip' '
	adr_log -C r timeline --format json >out.json &&
	jget out.json "[\"%s %s %s\" % (e[\"adr\"], e[\"from\"], e[\"to\"]) for e in d[\"events\"]][-1]" >actual &&
	echo "1 accepted deleted" >expect && test_cmp expect actual &&
	jget out.json "[a[\"id\"] for a in d[\"adrs\"]]" >actual &&
	echo 2 >expect && test_cmp expect actual
'

test_expect_success 'show still finds a deleted ADR' '
	adr_log -C r show 1 >show.txt &&
	test_grep "^Status: +deleted" show.txt
'

test_expect_success 'a restore at the same path continues the lineage' '
	(cd r && adr_commit docs/adr/0001-one.md "1. One" Accepted "restore 1") &&
	adr_log -C r timeline --format json >out.json &&
	jget out.json "[\"%s %s\" % (h[\"from\"], h[\"to\"]) for a in d[\"adrs\"] if a[\"id\"] == \"1\" for h in a[\"history\"]]" >actual &&
	cat >expect <<-EOT &&
	None accepted
	accepted deleted
	None accepted
	EOT
	test_cmp expect actual
'

test_expect_success 'an unpaired delete and add of one id in one commit is one lineage' '
	(cd r && git rm -q docs/adr/0002-two.md &&
	 mkdir -p docs/adr && cat >docs/adr/0002-second-thoughts.md <<-EOT &&
	# 2. Second thoughts

	## Status

	Accepted

	## Context

	Completely rewritten: nothing of the old text is left here at all, so
	rename detection cannot pair the two files.
	EOT
	 git add docs/adr && test_tick && git commit -q -m "rewrite 2") &&
	adr_log -C r timeline --format json >out.json &&
	jget out.json "[\"%s %s %s\" % (a[\"path\"], h[\"from\"], h[\"to\"]) for a in d[\"adrs\"] if a[\"id\"] == \"2\" for h in a[\"history\"]]" >actual &&
	cat >expect <<-EOT &&
	docs/adr/0002-second-thoughts.md None proposed
	docs/adr/0002-second-thoughts.md proposed accepted
	EOT
	test_cmp expect actual
'

test_expect_success 'two adds of one id with one delete are not paired' '
	(cd r && git rm -q docs/adr/0002-second-thoughts.md &&
	 printf "# 2. A\n\n## Status\n\nProposed\n\nAAAA unique text one\n" >docs/adr/0002-a.md &&
	 printf "# 2. B\n\n## Status\n\nRejected\n\nBBBB other words two\n" >docs/adr/0002-b.md &&
	 git add docs/adr && test_tick && git commit -q -m "split 2") &&
	adr_log -C r timeline --format json >out.json &&
	jget out.json "[\"%s %s\" % (e[\"from\"], e[\"to\"]) for e in d[\"events\"] if e[\"adr\"] == \"2\"][-3:]" >actual &&
	cat >expect <<-EOT &&
	accepted deleted
	None proposed
	None rejected
	EOT
	test_cmp expect actual
'

test_done
