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

# events ID: "from to commit" of the history of the ADR ID at the tip
events() { jget out.json "[\"%s %s %s\" % (e[\"from\"], e[\"to\"], e[\"commit\"]) for a in d[\"adrs\"] if a[\"id\"] == \"$1\" for e in a[\"history\"]]"; }
rv() { git -C "$1" rev-parse "$2"; }

test_expect_success 'a folder moved away and back keeps the events of its time away, on a branch too' '
	git init -q away && cd away &&
	adr_commit docs/adr/0003-three.md "3. Three" Proposed "propose 3" && git tag c1 &&
	test_tick && git mv docs/adr docs/x && git commit -q -m "move away" &&
	git checkout -q -b topic &&
	adr_commit docs/x/0003-three.md "3. Three" Accepted "accept 3 while away" && git tag t1 &&
	git checkout -q main && test_tick && git merge -q --no-ff -m "merge topic" topic &&
	adr_commit docs/x/0003-three.md "3. Three" "Superseded by 4" "supersede 3" && git tag c2 &&
	test_tick && git mv docs/x docs/adr && git commit -q -m "move back" &&
	cd .. &&
	adr_log -C away --adr-dir docs/adr --no-cache timeline --format json >out.json &&
	events 3 >actual &&
	cat >expect <<-EOT &&
	None proposed $(rv away c1)
	proposed accepted $(rv away t1)
	accepted superseded $(rv away c2)
	EOT
	test_cmp expect actual
'

test_expect_success 'a folder moved twice: every earlier home is followed' '
	git init -q twice && cd twice &&
	adr_commit docs/architecture/adr-005-five.md "5. Five" Proposed "propose 5" && git tag c1 &&
	test_tick && mkdir -p docs/references && git mv docs/architecture docs/references/architecture &&
	git commit -q -m "move once" &&
	git checkout -q -b topic &&
	adr_commit docs/references/architecture/adr-005-five.md "5. Five" Accepted "accept 5" && git tag c2 &&
	git checkout -q main && test_commit other src/a.c &&
	test_tick && git merge -q --no-ff -m "merge topic" topic &&
	test_tick && git mv docs/references/architecture docs/adr && git commit -q -m "move twice" &&
	cd .. &&
	adr_log -C twice --adr-dir docs/adr --no-cache timeline --format json >out.json &&
	events 5 >actual &&
	cat >expect <<-EOT &&
	None proposed $(rv twice c1)
	proposed accepted $(rv twice c2)
	EOT
	test_cmp expect actual
'

test_expect_success 'an id-less draft renamed to a number keeps its creation and Proposed status' '
	git init -q draft && cd draft &&
	adr_commit docs/adr/0001-one.md "1. One" Accepted "one" &&
	adr_commit docs/adr/XXXX-gitops.md "GitOps" Proposed "draft gitops" && git tag c1 &&
	test_tick && git mv docs/adr/XXXX-gitops.md docs/adr/0052-gitops.md &&
	adr_write docs/adr/0052-gitops.md "GitOps" Accepted && git add docs/adr &&
	git commit -q -m "accept gitops as 52" && git tag c2 &&
	cd .. &&
	adr_log -C draft --no-cache timeline --format json >out.json &&
	events 52 >actual &&
	cat >expect <<-EOT &&
	None proposed $(rv draft c1)
	proposed accepted $(rv draft c2)
	EOT
	test_cmp expect actual
'

test_expect_success 'an ADR cherry-picked onto two branches in an earlier home, then merged: both creations' '
	git init -q cherry && cd cherry &&
	test_commit base README.md &&
	git checkout -q -b backport &&
	adr_commit docs/old/0103-x.md "103. X" Accepted "ADR 103 (backport)" && git tag b1 &&
	git checkout -q main &&
	adr_commit docs/old/0103-x.md "103. X" Accepted "ADR 103" && git tag m1 &&
	test_tick && git merge -q --no-ff -m "merge backport" backport &&
	test_tick && git mv docs/old docs/adr && git commit -q -m "move" &&
	cd .. &&
	adr_log -C cherry --adr-dir docs/adr --no-cache timeline --format json >out.json &&
	events 103 >actual &&
	{ echo "None accepted $(rv cherry m1)"; echo "None accepted $(rv cherry b1)"; } >expect &&
	test_cmp expect actual
'

test_expect_success 'an -X ours merge keeps the side branch lineage and its events' '
	git init -q ours && cd ours &&
	test_commit base README.md &&
	git checkout -q -b side &&
	adr_commit docs/adr/0004-four.md "4. Four" Proposed "propose 4 on side" && git tag s1 &&
	git checkout -q main &&
	adr_commit docs/adr/0004-four.md "4. Four" Accepted "accept 4 on main" && git tag m1 &&
	test_tick && git merge -q -X ours -m "merge side, ours" side &&
	git diff --quiet HEAD^1 HEAD &&
	cd .. &&
	adr_log -C ours --no-cache timeline --format json >out.json &&
	events 4 >actual &&
	{ echo "None accepted $(rv ours m1)"; echo "None proposed $(rv ours s1)"; } >expect &&
	test_cmp expect actual
'

test_expect_success 'a side branch replacing 022-eks.md by 022-EKS.md, merged: no deletion' '
	git init -q eks && cd eks &&
	adr_commit docs/adr/022-eks.md "22. EKS" Proposed "propose 22" && git tag c1 &&
	git checkout -q -b side &&
	git rm -q docs/adr/022-eks.md && mkdir -p docs/adr &&
	printf "# 22. EKS everywhere\n\n## Status\n\nAccepted\n\n## Decision\n\nAll new text: %s.\n" \
		"we run every cluster on managed Kubernetes from now on" >docs/adr/022-EKS.md &&
	git add docs/adr && test_tick && git commit -q -m "rewrite 22" && git tag s1 &&
	git checkout -q main && test_commit other src/a.c &&
	test_tick && git merge -q --no-ff -m "merge side" side &&
	cd .. &&
	adr_log -C eks --no-cache timeline --format json >out.json &&
	events 22 >actual &&
	{ echo "None proposed $(rv eks c1)"; echo "proposed accepted $(rv eks s1)"; } >expect &&
	test_cmp expect actual
'

test_expect_success 'a renumbering swap: each ADR keeps its own events' '
	git init -q swap && cd swap &&
	adr_commit adr/ADR-1.md "1. One" Accepted "one" &&
	git checkout -q -b asm &&
	adr_commit adr/ADR-19.md "Status management" Proposed "ADR-19 for status management" &&
	git rm -q adr/ADR-19.md && adr_write adr/ADR-1.md "1. One" Accepted "With status management." &&
	git add adr && test_tick && git commit -q -m "fold 19 into 1" &&
	git checkout -q main && adr_commit adr/ADR-2.md "2. Two" Accepted "two" &&
	test_tick && git merge -q --no-ff -m "merge asm" asm &&
	git checkout -q -b obj &&
	adr_commit adr/ADR-19.md "Object store" Proposed "object store" && git tag o1 &&
	test_tick && git mv adr/ADR-19.md adr/ADR-20.md && git commit -q -m "changed to adr-20" &&
	git checkout -q main &&
	adr_commit adr/ADR-19.md "Materialized views" Proposed "views" && git tag v1 &&
	git checkout -q obj && test_tick && git merge -q --no-ff -m "merge main into obj" main &&
	git checkout -q main && test_tick && git merge -q --no-ff -m "merge obj" obj &&
	adr_commit adr/ADR-20.md "Object store" Implemented "object store implemented" && git tag c2 &&
	cd .. &&
	adr_log -C swap --adr-dir adr --no-cache timeline --format json >out.json &&
	events 19 >actual &&
	echo "None proposed $(rv swap v1)" >expect &&
	test_cmp expect actual &&
	events 20 >actual &&
	{ echo "None proposed $(rv swap o1)"; echo "proposed implemented $(rv swap c2)"; } >expect &&
	test_cmp expect actual
'

test_expect_success 'an imported root with the same ADR path: one lineage, its creation is an event' '
	git init -q imp && cd imp &&
	adr_commit docs/adr/0001-one.md "1. One" Accepted "one on main" && git tag m1 &&
	git checkout -q --orphan imported && git rm -q -r --cached . && rm -rf docs &&
	adr_commit docs/adr/0001-one.md "1. One" Proposed "one imported" && git tag i1 &&
	adr_commit docs/adr/0001-one.md "1. One" Accepted "one accepted, imported" && git tag i2 &&
	git checkout -q main && test_tick &&
	git merge -q --allow-unrelated-histories -m "import" imported &&
	cd .. &&
	adr_log -C imp --no-cache timeline --format json >out.json &&
	events 1 >actual &&
	cat >expect <<-EOT &&
	None accepted $(rv imp m1)
	None proposed $(rv imp i1)
	proposed accepted $(rv imp i2)
	EOT
	test_cmp expect actual
'

test_expect_success 'the cache gives the same answers for every shape' '
	for r in away twice draft cherry ours eks swap imp; do
		dir=; case $r in away|twice|cherry) dir="--adr-dir docs/adr";; swap) dir="--adr-dir adr";; esac
		adr_log -C $r $dir --no-cache timeline --format json >$r.nc &&
		adr_log -C $r $dir timeline --format json >$r.c1 &&
		adr_log -C $r $dir timeline --format json >$r.c2 &&
		test_cmp $r.nc $r.c1 && test_cmp $r.nc $r.c2 || return 1
	done
'

test_expect_success 'cache: a history folder found after the cached tip walks again, as --no-cache does' '
	git init -q later && cd later &&
	adr_commit docs/adr/0001-one.md "1. One" Accepted "one" &&
	adr_commit notes/0002-two.md "2. Two" Proposed "draft 2 in notes" &&
	adr_commit notes/0002-two.md "2. Two" Accepted "accept 2 in notes" &&
	cd .. &&
	ADRLOG_CACHE_TRACE=1 adr_log -C later timeline --format json >c0.json 2>c0.err &&
	(cd later && test_tick && git mv notes/0002-two.md docs/adr/0002-two.md &&
	 git commit -q -m "move 2 in") &&
	ADRLOG_CACHE_TRACE=1 adr_log -C later timeline --format json >c1.json 2>c1.err &&
	adr_log -C later --no-cache timeline --format json >nc.json &&
	test_cmp nc.json c1.json &&
	test_grep "walk again" c1.err &&
	ADRLOG_CACHE_TRACE=1 adr_log -C later timeline --format json >c2.json 2>c2.err &&
	test_cmp nc.json c2.json &&
	test_grep "hit" c2.err &&
	jget nc.json "[\"%s %s\" % (e[\"from\"], e[\"to\"]) for a in d[\"adrs\"] if a[\"id\"] == \"2\" for e in a[\"history\"]]" >actual &&
	printf "None proposed\nproposed accepted\n" >expect &&
	test_cmp expect actual
'

test_done
