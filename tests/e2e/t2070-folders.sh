#!/bin/sh
test_description='history over several ADR folders, reStructuredText ADRs, a move between folders'
. "$(dirname "$0")/../lib.sh"

# rst_write PATH TITLE STATUS: a reStructuredText ADR
rst_write() {
	mkdir -p "$(dirname "$1")" &&
	printf "%s\n%s\n\nStatus\n------\n\n%s\n\nContext\n-------\n\nWhy.\n" \
		"$2" "$(echo "$2" | sed "s/./=/g")" "$3" >"$1"
}

test_expect_success 'setup: an rst ADR in docs/decisions, a Markdown one in docs/adr' '
	git init -q r && cd r &&
	rst_write docs/decisions/0007-use-rst.rst "7. Use rst" Proposed &&
	git add docs && test_tick && git commit -q -m "ADR 7" &&
	git rev-parse HEAD >../c1 &&
	adr_commit docs/adr/0001-one.md "1. One" Accepted "ADR 1" &&
	rst_write docs/decisions/0007-use-rst.rst "7. Use rst" Accepted &&
	git add docs && test_tick && git commit -q -m "accept 7" &&
	git rev-parse HEAD >../c2
'

test_expect_success 'both folders are walked, rst statuses read' '
	adr_log -C r --adr-dir docs/adr --adr-dir docs/decisions timeline --format json >out.json &&
	jget out.json "[\"%s %s %s\" % (e[\"adr\"], e[\"from\"], e[\"to\"]) for e in d[\"events\"]]" >actual &&
	cat >expect <<-EOT &&
	7 None proposed
	1 None accepted
	7 proposed accepted
	EOT
	test_cmp expect actual
'

test_expect_success 'a move from one folder to the other keeps the lineage (same id)' '
	(cd r && mkdir -p docs/adr &&
	 git mv docs/decisions/0007-use-rst.rst docs/adr/0007-use-rst.rst &&
	 test_tick && git commit -q -m "move 7") &&
	adr_log -C r --adr-dir docs/adr --adr-dir docs/decisions timeline --format json >out.json &&
	jget out.json "[\"%s %d\" % (a[\"path\"], len(a[\"history\"])) for a in d[\"adrs\"] if a[\"id\"] == \"7\"]" >actual &&
	echo "docs/adr/0007-use-rst.rst 2" >expect &&
	test_cmp expect actual
'

test_expect_success 'with only one folder given, the other is outside: its history is followed as a move' '
	adr_log -C r --adr-dir docs/adr timeline --format json >out.json &&
	jget out.json "[\"%s %s %s\" % (h[\"from\"], h[\"to\"], h[\"commit\"]) for a in d[\"adrs\"] if a[\"id\"] == \"7\" for h in a[\"history\"]]" >actual &&
	cat >expect <<-EOT &&
	None proposed $(cat c1)
	proposed accepted $(cat c2)
	EOT
	test_cmp expect actual
'

test_done
