#!/bin/sh
test_description='history shapes of real repositories (issue 11): bookkeeping, history folders, drafts, merges'
. "$(dirname "$0")/../lib.sh"

EV='["%s %s %s %s" % (e["adr"], e["from"], e["to"], e["commit"]) for e in d["events"]]'
# impl ID: the implemented_by list of ADR ID
impl() { jget out.json "[a[\"implemented_by\"] for a in d[\"adrs\"] if a[\"id\"] == \"$1\"][0]"; }
rev() { git -C r rev-parse "$1"; }

test_expect_success 'setup: bookkeeping commits and merges mention ADR 1' '
	git init -q r && cd r &&
	adr_commit docs/adr/0001-one.md "1. One" Proposed "ADR-1: propose" &&
	test_commit "implement ADR-1" src/one.c &&
	git tag code &&
	git checkout -q -b texts &&
	adr_commit docs/adr/0002-two.md "2. Two" Proposed "ADR-2 supersedes ADR-1" &&
	git checkout -q main &&
	test_commit "other work" src/other.c &&
	test_tick && git merge -q --no-ff -m "Merge pull request #66: ADR-1 texts" texts &&
	git tag merge &&
	adr_commit docs/adr/0002-two.md "2. Two" Accepted "accept 2, ADR-1 superseded by ADR-2" &&
	git tag other &&
	test_tick && git commit -q --allow-empty -m "empty, about ADR-1" &&
	git tag empty
'

test_expect_success 'bookkeeping is not an implementation; code and empty commits are' '
	adr_log -C r --no-cache timeline --format json >out.json &&
	impl 1 >actual &&
	{ rev code && rev empty; } >expect &&
	test_cmp expect actual
'

test_done
