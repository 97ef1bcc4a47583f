#!/bin/sh
test_description='release-notes: decisions whose status changed between tags'
. "$(dirname "$0")/../lib.sh"

# A repository shaped like a real one: sub-numbered ADRs (012-2, 017-1),
# commits citing ADR-023 and ADR-012-2, tags around the changes.
test_expect_success 'setup: a tagged ADR history' '
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
	adr_commit docs/adr/0012-2-nats-subjects.md "NATS subject naming" Rejected "drop ADR-012-2"
'

short() { git -C repo rev-parse --short=7 "$1"; }

test_expect_success 'default range: the latest tag..HEAD' '
	cat >expect <<-EOF &&
	## v1.1..HEAD (2023-11-14)

	### Accepted

	- **ADR 23: Deploy with Scores**: proposed → accepted (2023-11-14)

	### Rejected/Withdrawn

	- **ADR 12-2: NATS subject naming**: proposed → rejected (2023-11-14)
	EOF
	adr_log -C repo release-notes >out &&
	test_cmp expect out
'

test_expect_success 'A..B: transitions and implementing commits in the range' '
	cat >expect <<-EOF &&
	## v1.0..v1.1 (2023-11-14)

	### New

	- **ADR 23: Deploy with Scores**: new → proposed (2023-11-14)
	  - \`$(short "HEAD~2")\` deploy: scores manifests (ADR-023)

	### Implemented

	- **ADR 12: Use NATS for messaging**: accepted → implemented (2023-11-14)
	  - \`$(short "HEAD~5")\` nats: retry on reconnect, per ADR-12
	EOF
	adr_log -C repo release-notes v1.0..v1.1 >out &&
	test_cmp expect out &&
	adr_log -C repo release-notes --from v1.0 --to v1.1 >out2 &&
	test_cmp expect out2
'

test_expect_success 'when HEAD is tagged, its own tag is not the start' '
	git clone -q repo tagged && git -C tagged tag v1.2 &&
	adr_log -C tagged release-notes >out &&
	test_grep "^## v1.1\.\.HEAD " out &&
	test_grep "ADR 23: Deploy with Scores" out
'

test_expect_success 'no tag at all: the whole history' '
	git init -q notags && (cd notags &&
	adr_commit docs/adr/0001-a.md "First" Proposed "propose 1" &&
	adr_commit docs/adr/0001-a.md "First" Accepted "accept 1") &&
	adr_log -C notags release-notes >out &&
	test_grep "^## HEAD " out &&
	test_grep "new → proposed \(2023-11-14\); proposed → accepted" out
'

test_expect_success 'a range without changes says so' '
	adr_log -C repo release-notes HEAD..HEAD >out &&
	test_grep "^No decision changed status\.$" out
'

test_expect_success '--all-tags: a section per tag, newest first' '
	adr_log -C repo release-notes --all-tags >out &&
	grep "^## " out >heads &&
	cat >expect <<-\EOF &&
	## Unreleased (v1.1..HEAD) (2023-11-14)
	## v1.1 (2023-11-14)
	## v1.0 (2023-11-14)
	EOF
	test_cmp expect heads &&
	test_grep "^- \*\*ADR 17-1: NATS clusters per region\*\*: new → accepted" out
'

test_expect_success '--format json: releases with decisions, transitions, commits' '
	adr_log -C repo release-notes v1.0..v1.1 --format json >out.json &&
	test_grep "\"schema\": \"adr-log/1\"" out.json &&
	test_grep "\"title\": \"v1.0..v1.1\"" out.json &&
	test_grep "\"group\": \"implemented\"" out.json &&
	test_grep "\"subject\": \"nats: retry on reconnect, per ADR-12\"" out.json &&
	test_grep "\"from\": null" out.json
'

test_expect_success '--template fills placeholders per section' '
	printf "# Release {{to}} ({{date}})\n{{count}} decisions\n{{implemented}}{{new}}--\n{{nope}}\n" >tmpl &&
	adr_log -C repo release-notes --template ../tmpl v1.0..v1.1 >out &&
	cat >expect <<-EOF &&
	# Release v1.1 (2023-11-14)
	2 decisions
	- **ADR 12: Use NATS for messaging**: accepted → implemented (2023-11-14)
	  - \`$(short "HEAD~5")\` nats: retry on reconnect, per ADR-12
	- **ADR 23: Deploy with Scores**: new → proposed (2023-11-14)
	  - \`$(short "HEAD~2")\` deploy: scores manifests (ADR-023)
	--
	{{nope}}
	EOF
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
	test_tick && git merge -q --no-ff -m "Merge topic" topic) &&
	adr_log -C topic release-notes >out &&
	test_grep "^## v1\.\.HEAD " out &&
	test_grep "^- \*\*ADR 1: First\*\*: proposed → accepted" out
'

test_expect_success '--all-tags: two tags on one commit, each measured from older ones' '
	git clone -q repo two && git -C two tag v1.1-rc v1.1 &&
	adr_log -C two release-notes --all-tags >out &&
	grep "^## " out >heads &&
	cat >expect <<-\EOF &&
	## Unreleased (v1.1..HEAD) (2023-11-14)
	## v1.1 (2023-11-14)
	## v1.1-rc (2023-11-14)
	## v1.0 (2023-11-14)
	EOF
	test_cmp expect heads
'

test_expect_success 'usage errors exit 2' '
	test_expect_code 2 adr_log -C repo release-notes --template nope v1.0..v1.1 2>err &&
	test_grep "cannot read template" err &&
	test_expect_code 2 adr_log -C repo release-notes --format mermaid 2>err &&
	test_expect_code 2 adr_log -C repo release-notes a..b c 2>err &&
	test_expect_code 2 adr_log -C repo release-notes --to no-such-rev 2>err &&
	test_line_count = 1 err
'

test_done
