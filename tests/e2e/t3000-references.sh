#!/bin/sh
test_description='references: every form of SPEC section 3, near-misses, implemented_by, unknown ids'
. "$(dirname "$0")/../lib.sh"

# msg NAME MESSAGE: a commit of an unrelated file; its id into ../NAME
msg() {
	printf "%s\n" "$1" >>src.txt &&
	git add src.txt && test_tick && git commit -q -m "$2" &&
	git rev-parse HEAD >"../$1"
}

# refs ID: the references of ADR ID, one per line
refs() {
	jget out.json "[c for a in d[\"adrs\"] if a[\"id\"] == \"$1\" for c in a[\"references\"]]"
}

test_expect_success 'setup: ADRs 1, 8, 12, 12-2, 14, 23 and commits citing them' '
	git init -q r && cd r &&
	adr_commit docs/adr/0001-one.md "1. One" Accepted "Add ADR 1" &&
	git rev-parse HEAD >../a1 &&
	adr_commit docs/adr/0008-eight.md "8. Eight" Accepted "eight" &&
	adr_commit docs/adr/0012-twelve.md "12. Twelve" Accepted "twelve" &&
	adr_commit docs/adr/0012-2-sub.md "12-2. Sub" Accepted "twelve two" &&
	adr_commit docs/adr/0014-fourteen.md "14. Fourteen" Accepted "fourteen" &&
	adr_commit docs/adr/0023-deploy.md "23. Deploy" Proposed "Add ADR-023: deploy" &&
	git rev-parse HEAD >../a23 &&
	msg r1 "Implement ADR-023 deploy" &&
	msg r2 "Follow ADR 23 for the rollout" &&
	msg r3 "see adr#23" &&
	msg r4 "feat(adr8): the eighth thing" &&
	msg r5 "per ADR-012-2" &&
	msg r6 "per ADR-014-3" &&
	msg r7 "$(printf "Tidy up\n\nADR: 23")" &&
	msg r8 "$(printf "Both\n\nADRs: 12, 14")" &&
	msg r9 "$(printf "Tiny\n\nADR: none (a typo fix)")" &&
	msg r10 "Reword docs/adr/0008-eight.md in the guide" &&
	msg r11 "see 0001-one.md" &&
	msg n1 "Use the MADR 2 template" &&
	msg n2 "ADR-12 only" &&
	msg n3 "ADR-0012a typo" &&
	msg n4 "PADR-12 is something else" &&
	msg u1 "bump ADR-99"
'

test_expect_success 'ADR-023, ADR 23, adr#23 and an "ADR: 23" trailer all reference 23' '
	adr_log -C r timeline --format json >out.json &&
	refs 23 >actual &&
	cat a23 r1 r2 r3 r7 >expect &&
	test_cmp expect actual
'

test_expect_success 'implemented_by leaves out the commit that wrote the ADR' '
	jget out.json "[c for a in d[\"adrs\"] if a[\"id\"] == \"23\" for c in a[\"implemented_by\"]]" >actual &&
	cat r1 r2 r3 r7 >expect &&
	test_cmp expect actual
'

test_expect_success 'feat(adr8): and a path in the message reference 8' '
	refs 8 >actual &&
	cat r4 r10 >expect &&
	test_cmp expect actual
'

test_expect_success 'a base name references the ADR with that file name' '
	refs 1 >actual &&
	cat a1 r11 >expect &&
	test_cmp expect actual
'

test_expect_success 'ADR-012-2 is 12-2 when that ADR exists; ADR-014-3 falls back to 14' '
	refs 12-2 >actual &&
	cat r5 >expect &&
	test_cmp expect actual &&
	refs 14 >actual &&
	cat r6 r8 >expect &&
	test_cmp expect actual
'

test_expect_success 'ADR-12 is 12, never 1; MADR 2, ADR-0012a and PADR-12 are nothing' '
	refs 12 >actual &&
	cat r8 n2 >expect &&
	test_cmp expect actual &&
	for c in n1 n3 n4 r9; do
		jget out.json "[a[\"id\"] for a in d[\"adrs\"] if \"$(cat $c)\" in a[\"references\"]]" >actual &&
		test ! -s actual || return 1
	done
'

test_expect_success 'an id no ADR has is an unknown reference' '
	jget out.json "[\"%s %s\" % (u[\"commit\"], u[\"id\"]) for u in d[\"unknown_references\"]]" >actual &&
	echo "$(cat u1) 99" >expect &&
	test_cmp expect actual
'

test_expect_success 'after a renumbering, a file name means the ADR called that at the time' '
	(cd r &&
	 adr_commit docs/adr/0015-first.md "15. First" Accepted "first fifteen" &&
	 msg p1 "see 0015-first.md" &&
	 git mv docs/adr/0015-first.md docs/adr/0016-first.md &&
	 test_tick && git commit -q -m "renumber" &&
	 mkdir -p docs/adr && cat >docs/adr/0015-first.md <<-EOT &&
	# 15. Another first

	## Status

	Proposed

	## Context

	A different decision that took the old file name and number.
	EOT
	 git add docs/adr && test_tick && git commit -q -m "new fifteen" &&
	 msg p2 "see 0015-first.md again") &&
	adr_log -C r timeline --format json >out.json &&
	refs 16 >actual &&
	cat p1 >expect &&
	test_cmp expect actual &&
	refs 15 >actual &&
	cat p2 >expect &&
	test_cmp expect actual
'

test_done
