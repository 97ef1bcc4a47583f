#!/bin/sh
test_description='release-notes: the net change of each decision between tags'
. "$(dirname "$0")/../lib.sh"

# Three releases and a draft after the last, like a real repository:
# sub-numbered ADRs (012-2, 017-1), commits citing ADR-023 and ADR-012-2,
# a topic branch that flip-flops ADR 17-1 (accepted -> deprecated ->
# accepted) and implements it, merged with --no-ff, work citing ADR-1, and
# a tag that is no release (backup-before-rebase).
test_expect_success 'setup: a tagged ADR history with a merge and a flip-flop' '
	git init -q repo && cd repo &&
	test_commit "initial code" src/main.c &&
	adr_write docs/adr/0001-record-architecture-decisions.md "Record architecture decisions" Accepted &&
	adr_write docs/adr/0012-use-nats.md "Use NATS for messaging" Accepted &&
	adr_write docs/adr/0012-2-nats-subjects.md "NATS subject naming" Proposed &&
	adr_write docs/adr/0017-1-nats-clusters.md "NATS clusters per region" Accepted &&
	git add . && test_tick && git commit -q -m "docs: first ADRs" &&
	git tag v1.0 &&
	test_commit "feat(nats): subjects per ADR-012-2" src/subjects.c &&
	test_commit "nats: retry on reconnect, per ADR-12" src/retry.c &&
	adr_commit docs/adr/0012-use-nats.md "Use NATS for messaging" Implemented "ADR-012: implemented" &&
	adr_commit docs/adr/0023-deploy-with-scores.md "Deploy with Scores" Proposed "ADR-023: propose Scores" &&
	test_commit "deploy: scores manifests (ADR-023)" deploy/score.yaml &&
	git tag -a -m "release 1.1" v1.1 &&
	adr_commit docs/adr/0023-deploy-with-scores.md "Deploy with Scores" Accepted "ADR-023: accepted" &&
	git tag backup-before-rebase &&
	git checkout -q -b topic &&
	adr_commit docs/adr/0017-1-nats-clusters.md "NATS clusters per region" Deprecated "ADR-017-1: deprecate clusters" &&
	adr_commit docs/adr/0017-1-nats-clusters.md "NATS clusters per region" Accepted "ADR-017-1: keep clusters after all" &&
	test_commit "clusters: one per region (ADR-017-1)" src/clusters.c &&
	git checkout -q main &&
	adr_commit docs/adr/0012-2-nats-subjects.md "NATS subject naming" Rejected "drop ADR-012-2" &&
	test_tick && git merge -q --no-ff -m "Merge branch topic" topic &&
	test_commit "docs: ADR-1 process in CONTRIBUTING" CONTRIBUTING.md &&
	git tag v1.2 &&
	adr_commit docs/adr/0030-later-draft.md "A later draft" Proposed "ADR-030: propose a later draft"
'

# The short id of the commit with this subject.
c() { git -C "${REPO:-repo}" log --all --format="%H %s" | sed -n "s/^\([0-9a-f]\{7\}\)[0-9a-f]* $1\$/\1/p" | head -n 1; }

# The expected notes of each release, one file each, for whole-output checks.
test_expect_success 'setup: the expected sections' '
	cat >unreleased <<-EOF &&
	## Unreleased (v1.2..HEAD) (2023-11-14)

	### New

	- **ADR 30: A later draft**: new → proposed
	  - changed in \`$(c "ADR-030: propose a later draft")\` ADR-030: propose a later draft (2023-11-14)
	EOF
	cat >v1.2 <<-EOF &&
	## v1.2 (2023-11-14)

	### Accepted

	- **ADR 23: Deploy with Scores**: proposed → accepted
	  - changed in \`$(c "ADR-023: accepted")\` ADR-023: accepted (2023-11-14)

	### Rejected/Withdrawn

	- **ADR 12-2: NATS subject naming**: proposed → rejected
	  - changed in \`$(c "drop ADR-012-2")\` drop ADR-012-2 (2023-11-14)

	### Work on earlier decisions

	- **ADR 1: Record architecture decisions** (accepted)
	  - implemented in \`$(c "docs: ADR-1 process in CONTRIBUTING")\` docs: ADR-1 process in CONTRIBUTING
	- **ADR 17-1: NATS clusters per region** (accepted)
	  - implemented in \`$(c "clusters: one per region (ADR-017-1)")\` clusters: one per region (ADR-017-1)
	EOF
	cat >v1.1 <<-EOF &&
	## v1.1 (2023-11-14)

	### New

	- **ADR 23: Deploy with Scores**: new → proposed
	  - changed in \`$(c "ADR-023: propose Scores")\` ADR-023: propose Scores (2023-11-14)
	  - implemented in \`$(c "deploy: scores manifests (ADR-023)")\` deploy: scores manifests (ADR-023)

	### Implemented

	- **ADR 12: Use NATS for messaging**: accepted → implemented
	  - changed in \`$(c "ADR-012: implemented")\` ADR-012: implemented (2023-11-14)
	  - implemented in \`$(c "nats: retry on reconnect, per ADR-12")\` nats: retry on reconnect, per ADR-12

	### Work on earlier decisions

	- **ADR 12-2: NATS subject naming** (proposed)
	  - implemented in \`$(c "feat(nats): subjects per ADR-012-2")\` feat(nats): subjects per ADR-012-2
	EOF
	first=$(c "docs: first ADRs") &&
	cat >v1.0 <<-EOF
	## v1.0 (2023-11-14)

	### New

	- **ADR 12-2: NATS subject naming**: new → proposed
	  - changed in \`$first\` docs: first ADRs (2023-11-14)

	### Accepted

	- **ADR 1: Record architecture decisions**: new → accepted
	  - changed in \`$first\` docs: first ADRs (2023-11-14)
	- **ADR 12: Use NATS for messaging**: new → accepted
	  - changed in \`$first\` docs: first ADRs (2023-11-14)
	- **ADR 17-1: NATS clusters per region**: new → accepted
	  - changed in \`$first\` docs: first ADRs (2023-11-14)
	EOF
'

test_expect_success '--all-tags: each section exactly previous tag..its tag' '
	{ cat unreleased && echo && cat v1.2 && echo && cat v1.1 && echo && cat v1.0; } >expect &&
	adr_log -C repo release-notes --all-tags --tag-pattern "v*" >out &&
	test_cmp expect out
'

test_expect_success 'a tag that is no release splits the history unless a pattern says so' '
	adr_log -C repo release-notes --all-tags >out &&
	grep "^## " out >heads &&
	cat >expect <<-\EOF &&
	## Unreleased (v1.2..HEAD) (2023-11-14)
	## v1.2 (2023-11-14)
	## backup-before-rebase (2023-11-14)
	## v1.1 (2023-11-14)
	## v1.0 (2023-11-14)
	EOF
	test_cmp expect heads &&
	git -C repo config adrlog.tagPattern "v[0-9]*" &&
	{ cat unreleased && echo && cat v1.2 && echo && cat v1.1 && echo && cat v1.0; } >expect &&
	adr_log -C repo release-notes --all-tags >out &&
	git -C repo config --unset adrlog.tagPattern &&
	test_cmp expect out
'

test_expect_success 'adrlog.tagPattern from a committed .adrlog; several patterns' '
	git clone -q repo committed && (cd committed &&
	printf "[adrlog]\n\ttagPattern = v1.0\n\ttagPattern = v1.2\n" >.adrlog &&
	git add .adrlog && test_tick && git commit -q -m "adr-log settings") &&
	adr_log -C committed release-notes --all-tags >out &&
	grep "^## " out >heads &&
	cat >expect <<-\EOF &&
	## Unreleased (v1.2..HEAD) (2023-11-14)
	## v1.2 (2023-11-14)
	## v1.0 (2023-11-14)
	EOF
	test_cmp expect heads
'

test_expect_success 'default range: the latest release tag..HEAD' '
	cat >expect <<-EOF &&
	## v1.2..HEAD (2023-11-14)

	### New

	- **ADR 30: A later draft**: new → proposed
	  - changed in \`$(c "ADR-030: propose a later draft")\` ADR-030: propose a later draft (2023-11-14)
	EOF
	adr_log -C repo release-notes >out &&
	test_cmp expect out
'

test_expect_success 'A..B is titled with the tag at B; --from/--to alike' '
	cp v1.1 expect &&
	adr_log -C repo release-notes v1.0..v1.1 >out &&
	test_cmp expect out &&
	adr_log -C repo release-notes --from v1.0 --to v1.1 >out2 &&
	test_cmp expect out2
'

test_expect_success 'a tagged HEAD: its section is titled with its tag, from the tag before' '
	git clone -q repo tagged && git -C tagged checkout -q v1.2 &&
	cp v1.2 expect &&
	adr_log -C tagged release-notes --tag-pattern "v*" >out &&
	test_cmp expect out &&
	git -C tagged checkout -q main && git -C tagged tag v1.3 &&
	adr_log -C tagged release-notes --all-tags --tag-pattern "v*" >out &&
	grep "^## " out >heads &&
	cat >expect <<-\EOF &&
	## v1.3 (2023-11-14)
	## v1.2 (2023-11-14)
	## v1.1 (2023-11-14)
	## v1.0 (2023-11-14)
	EOF
	test_cmp expect heads
'

test_expect_success '--all-transitions: every step, also a flip-flop with no net change' '
	cat >expect <<-EOF &&
	## v1.2 (2023-11-14)

	### Accepted

	- **ADR 17-1: NATS clusters per region**: accepted → accepted (no net change)
	  - accepted → deprecated in \`$(c "ADR-017-1: deprecate clusters")\` ADR-017-1: deprecate clusters (2023-11-14)
	  - deprecated → accepted in \`$(c "ADR-017-1: keep clusters after all")\` ADR-017-1: keep clusters after all (2023-11-14)
	  - implemented in \`$(c "clusters: one per region (ADR-017-1)")\` clusters: one per region (ADR-017-1)
	- **ADR 23: Deploy with Scores**: proposed → accepted
	  - proposed → accepted in \`$(c "ADR-023: accepted")\` ADR-023: accepted (2023-11-14)

	### Rejected/Withdrawn

	- **ADR 12-2: NATS subject naming**: proposed → rejected
	  - proposed → rejected in \`$(c "drop ADR-012-2")\` drop ADR-012-2 (2023-11-14)

	### Work on earlier decisions

	- **ADR 1: Record architecture decisions** (accepted)
	  - implemented in \`$(c "docs: ADR-1 process in CONTRIBUTING")\` docs: ADR-1 process in CONTRIBUTING
	EOF
	adr_log -C repo release-notes --all-transitions v1.1..v1.2 >out &&
	test_cmp expect out
'

test_expect_success 'a draft written and dropped inside a range is no change' '
	git init -q dropped && (cd dropped &&
	adr_commit docs/adr/0001-a.md "First" Accepted "accept 1" &&
	git tag v1 &&
	adr_commit docs/adr/0002-b.md "Second" Proposed "propose 2" &&
	git rm -q docs/adr/0002-b.md && test_tick && git commit -q -m "drop 2" &&
	adr_commit docs/adr/0003-c.md "Third" Proposed "propose 3" &&
	adr_commit docs/adr/0003-c.md "Third" Accepted "accept 3" &&
	adr_commit docs/adr/0003-c.md "Third" Proposed "reopen 3" &&
	git tag v2) &&
	cat >expect <<-\EOF &&
	## v2 (2023-11-14)

	### New

	- **ADR 3: Third**: new → proposed
	EOF
	REPO=dropped && echo "  - changed in \`$(c "reopen 3")\` reopen 3 (2023-11-14)" >>expect &&
	adr_log -C dropped release-notes >out &&
	test_cmp expect out
'

test_expect_success 'no tag at all: the whole history' '
	git init -q notags && (cd notags &&
	adr_commit docs/adr/0001-a.md "First" Proposed "propose 1" &&
	adr_commit docs/adr/0001-a.md "First" Accepted "accept 1") &&
	cat >expect <<-EOF &&
	## HEAD (2023-11-14)

	### Accepted

	- **ADR 1: First**: new → accepted
	EOF
	REPO=notags && echo "  - changed in \`$(c "accept 1")\` accept 1 (2023-11-14)" >>expect &&
	adr_log -C notags release-notes >out &&
	test_cmp expect out
'

test_expect_success 'a range without changes says so' '
	printf "## v1.2 (2023-11-14)\n\nNo decision changed status.\n" >expect &&
	adr_log -C repo release-notes v1.2..v1.2 >out &&
	test_cmp expect out
'

test_expect_success '--format text: the same notes for a terminal' '
	cat >expect <<-EOF &&
	v1.1 (2023-11-14)

	New
	  ADR 23: Deploy with Scores: new -> proposed
	    changed in $(c "ADR-023: propose Scores") ADR-023: propose Scores (2023-11-14)
	    implemented in $(c "deploy: scores manifests (ADR-023)") deploy: scores manifests (ADR-023)

	Implemented
	  ADR 12: Use NATS for messaging: accepted -> implemented
	    changed in $(c "ADR-012: implemented") ADR-012: implemented (2023-11-14)
	    implemented in $(c "nats: retry on reconnect, per ADR-12") nats: retry on reconnect, per ADR-12

	Work on earlier decisions
	  ADR 12-2: NATS subject naming (proposed)
	    implemented in $(c "feat(nats): subjects per ADR-012-2") feat(nats): subjects per ADR-012-2
	EOF
	adr_log -C repo release-notes --format text v1.0..v1.1 >out &&
	test_cmp expect out
'

test_expect_success '--format json: net change, the changing commit, markdown per release' '
	adr_log -C repo release-notes --all-tags --tag-pattern "v*" --format json >out.json &&
	jget out.json "[r[\"title\"] for r in d[\"releases\"]]" >titles &&
	printf "%s\n" "Unreleased (v1.2..HEAD)" v1.2 v1.1 v1.0 >expect &&
	test_cmp expect titles &&
	jget out.json "[(x[\"id\"], x[\"group\"], x[\"from\"], x[\"to\"], x[\"changed\"], (x[\"changed_in\"] or {}).get(\"subject\"), [k[\"subject\"] for k in x[\"commits\"]]) for x in d[\"releases\"][1][\"decisions\"]]" >got &&
	cat >expect <<-\EOF &&
	["23", "accepted", "proposed", "accepted", true, "ADR-023: accepted", []]
	["12-2", "rejected_withdrawn", "proposed", "rejected", true, "drop ADR-012-2", []]
	["1", "earlier", "accepted", "accepted", false, null, ["docs: ADR-1 process in CONTRIBUTING"]]
	["17-1", "earlier", "accepted", "accepted", false, null, ["clusters: one per region (ADR-017-1)"]]
	EOF
	test_cmp expect got &&
	jget out.json "d[\"releases\"][2][\"markdown\"]" >md &&
	sed "1,2d" v1.1 >expect && echo >>expect &&
	test_cmp expect md &&
	jget out.json "[d[\"releases\"][3][\"from\"], d[\"releases\"][2][\"from\"], d[\"releases\"][2][\"changed\"]]" >got &&
	printf "null\nv1.0\n2\n" >expect &&
	test_cmp expect got
'

test_expect_success '--template fills placeholders per section' '
	printf "# Release {{to}} ({{date}})\n{{count}} decisions\n{{implemented}}{{new}}--\n{{earlier}}{{nope}}\n" >tmpl &&
	adr_log -C repo release-notes --template ../tmpl v1.0..v1.1 >out &&
	cat >expect <<-EOF &&
	# Release v1.1 (2023-11-14)
	2 decisions
	- **ADR 12: Use NATS for messaging**: accepted → implemented
	  - changed in \`$(c "ADR-012: implemented")\` ADR-012: implemented (2023-11-14)
	  - implemented in \`$(c "nats: retry on reconnect, per ADR-12")\` nats: retry on reconnect, per ADR-12
	- **ADR 23: Deploy with Scores**: new → proposed
	  - changed in \`$(c "ADR-023: propose Scores")\` ADR-023: propose Scores (2023-11-14)
	  - implemented in \`$(c "deploy: scores manifests (ADR-023)")\` deploy: scores manifests (ADR-023)
	--
	- **ADR 12-2: NATS subject naming** (proposed)
	  - implemented in \`$(c "feat(nats): subjects per ADR-012-2")\` feat(nats): subjects per ADR-012-2
	{{nope}}
	EOF
	test_cmp expect out
'

test_expect_success '--heading-level moves every heading' '
	adr_log -C repo release-notes --heading-level 3 v1.0..v1.1 >out &&
	sed -e "s/^## /### /" -e "s/^### \([A-Z][a-z]\)/#### \1/" v1.1 >expect &&
	test_cmp expect out
'

test_expect_success 'a change made on a topic branch counts in the range its merge lands in' '
	git init -q topic && (cd topic &&
	adr_commit docs/adr/0001-a.md "First" Proposed "propose 1" &&
	git checkout -q -b topic &&
	adr_commit docs/adr/0001-a.md "First" Accepted "accept 1 on a topic" &&
	git checkout -q main &&
	test_commit "unrelated" src/x.c &&
	git tag v1 &&
	test_tick && git merge -q --no-ff -m "Merge topic" topic &&
	git tag v2) &&
	adr_log -C topic release-notes --all-tags >out &&
	grep -v "^  - changed in" out >got &&
	cat >expect <<-\EOF &&
	## v2 (2023-11-14)

	### Accepted

	- **ADR 1: First**: proposed → accepted

	## v1 (2023-11-14)

	### New

	- **ADR 1: First**: new → proposed
	EOF
	test_cmp expect got
'

test_expect_success '--all-tags: two tags on one commit, each measured from older ones' '
	git clone -q repo two && git -C two tag v1.1-rc v1.1 &&
	adr_log -C two release-notes --all-tags --tag-pattern "v*" >out &&
	grep "^## " out >heads &&
	cat >expect <<-\EOF &&
	## Unreleased (v1.2..HEAD) (2023-11-14)
	## v1.2 (2023-11-14)
	## v1.1 (2023-11-14)
	## v1.1-rc (2023-11-14)
	## v1.0 (2023-11-14)
	EOF
	test_cmp expect heads
'

test_expect_success '--all-tags sections equal the ranges run one by one' '
	for r in v1.0 v1.0..v1.1 v1.1..v1.2; do
		adr_log -C repo release-notes --tag-pattern "v*" $r >>one-by-one || return 1
		echo >>one-by-one
	done &&
	{ cat v1.0 && echo && cat v1.1 && echo && cat v1.2 && echo; } >expect &&
	test_cmp expect one-by-one
'

test_expect_success '--all-tags: tags on two parallel branches, each previous tag..tag' '
	git init -q parallel && (cd parallel &&
	adr_commit docs/adr/0001-a.md "First" Accepted "accept 1" &&
	git tag v1 &&
	git checkout -q -b left &&
	adr_commit docs/adr/0002-b.md "Second" Proposed "propose 2 on left" &&
	git tag left-1 &&
	git checkout -q -b right v1 &&
	adr_commit docs/adr/0003-c.md "Third" Proposed "propose 3 on right" &&
	git tag right-1 &&
	git checkout -q main &&
	test_tick && git merge -q --no-ff -m "Merge left" left &&
	test_tick && git merge -q --no-ff -m "Merge right" right &&
	adr_commit docs/adr/0002-b.md "Second" Accepted "accept 2" &&
	git tag v2) &&
	adr_log -C parallel release-notes --all-tags >out &&
	grep -v "^  - changed in" out >got &&
	cat >expect <<-\EOF &&
	## v2 (2023-11-14)

	### Accepted

	- **ADR 2: Second**: new → accepted

	## right-1 (2023-11-14)

	### New

	- **ADR 3: Third**: new → proposed

	## left-1 (2023-11-14)

	### New

	- **ADR 2: Second**: new → proposed

	## v1 (2023-11-14)

	### Accepted

	- **ADR 1: First**: new → accepted
	EOF
	test_cmp expect got
'

test_expect_success 'the cache gives the same notes' '
	adr_log -C repo release-notes --all-tags >cached &&
	adr_log -C repo --no-cache release-notes --all-tags >fresh &&
	test_cmp fresh cached
'

test_expect_success 'usage errors exit 2' '
	test_expect_code 2 adr_log -C repo release-notes --template nope v1.0..v1.1 2>err &&
	test_grep "cannot read template" err &&
	test_expect_code 2 adr_log -C repo release-notes --format mermaid 2>err &&
	test_expect_code 2 adr_log -C repo release-notes a..b c 2>err &&
	test_expect_code 2 adr_log -C repo release-notes --heading-level 9 2>err &&
	test_expect_code 2 adr_log -C repo release-notes --all-tags v1.0..v1.2 2>err &&
	test_grep "all-tags takes an end" err &&
	adr_log -C repo release-notes --all-tags --tag-pattern "v*" --to v1.1 >out &&
	{ cat v1.1 && echo && cat v1.0; } >expect && test_cmp expect out &&
	test_expect_code 2 adr_log -C repo release-notes --to no-such-rev 2>err &&
	test_line_count = 1 err
'

test_done
