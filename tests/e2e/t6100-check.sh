#!/bin/sh
test_description='check: lint rules, severities, exit codes, index and history drift, ranges'
. "$(dirname "$0")/../lib.sh"

test_expect_success 'setup: a clean repository' '
	git init -q clean && cd clean &&
	adr_write docs/adr/0001-record.md "Record decisions" Accepted &&
	adr_write docs/adr/0002-use-nats.md "Use NATS" Accepted &&
	git add . && test_tick && git commit -q -m "ADRs"
'

test_expect_success 'a clean repository: no output, exit 0' '
	adr_log -C clean check >out 2>err &&
	test_line_count = 0 out &&
	test_line_count = 0 err
'

test_expect_success 'duplicate ids are errors (exit 1), both files named' '
	git clone -q clean dup && (cd dup &&
	adr_commit docs/adr/0002-use-kafka.md "Use Kafka" Proposed "second 2") &&
	cat >expect <<-\EOF &&
	docs/adr/0002-use-kafka.md:1: duplicate-id: id 2 is also used by docs/adr/0002-use-nats.md
	docs/adr/0002-use-nats.md:1: duplicate-id: id 2 is also used by docs/adr/0002-use-kafka.md
	EOF
	test_expect_code 1 adr_log -C dup check >out 2>err &&
	test_cmp expect out &&
	test_grep "^adr-log: check: 2 errors, 0 warnings$" err
'

test_expect_success 'no status is an error; unknown status a warning with the raw text' '
	git clone -q clean st && (cd st &&
	printf "# No status here\n\nJust text.\n" >docs/adr/0003-none.md &&
	git add . && test_tick && git commit -q -m "3") &&
	test_expect_code 1 adr_log -C st check >out &&
	test_grep "^docs/adr/0003-none.md:1: no-status: ADR 3 has no status$" out &&
	git clone -q clean unk && (cd unk &&
	adr_commit docs/adr/0003-odd.md "Odd" "Awaiting the board" "3") &&
	adr_log -C unk check >out &&
	test_grep "^docs/adr/0003-odd.md:[0-9]+: unknown-status: unknown status .Awaiting the board. .if it names a status, say which: git config --add adrlog.statusAlias .Awaiting the board=STATUS." out
'

test_expect_success 'supersede links: broken is an error, one-sided a warning' '
	git clone -q clean links && (cd links &&
	adr_commit docs/adr/0003-new.md "New" "Accepted

Supersedes [ADR-9](0009-nothing.md)" "3") &&
	test_expect_code 1 adr_log -C links check >out &&
	test_grep "^docs/adr/0003-new.md:[0-9]+: broken-link: ADR 3 supersedes 9, which no ADR has$" out &&
	(cd links &&
	adr_commit docs/adr/0003-new.md "New" "Accepted

Supersedes [ADR-2](0002-use-nats.md)" "3 supersedes 2") &&
	adr_log -C links check >out &&
	test_grep "^docs/adr/0003-new.md:[0-9]+: one-sided-link: ADR 3 supersedes 2, but ADR 2 is not marked superseded by 3$" out &&
	(cd links &&
	adr_commit docs/adr/0002-use-nats.md "Use NATS" "Superseded by [ADR-3](0003-new.md)" "2 superseded") &&
	adr_log -C links check >out &&
	test_line_count = 0 out
'

test_expect_success 'superseded with no successor is a warning' '
	git clone -q clean orphan && (cd orphan &&
	adr_commit docs/adr/0002-use-nats.md "Use NATS" Superseded "retire 2") &&
	adr_log -C orphan check >out &&
	test_grep "^docs/adr/0002-use-nats.md:[0-9]+: superseded-without-successor: " out
'

# A repository shaped like a real one: a README index table that has
# drifted (Accepted where the ADR now says Implemented, ADR-023 missing),
# sub-numbered ADRs, commits citing ADR-023 and ADR-012-2, tags around.
test_expect_success 'setup: a real-shaped repository' '
	git init -q real && cd real &&
	test_commit "initial code" src/main.c &&
	adr_write docs/adr/0001-record-architecture-decisions.md "Record architecture decisions" Accepted &&
	adr_write docs/adr/0012-use-nats.md "Use NATS for messaging" Accepted &&
	adr_write docs/adr/0012-2-nats-subjects.md "NATS subject naming" Proposed &&
	adr_write docs/adr/0017-1-nats-clusters.md "NATS clusters per region" Accepted &&
	cat >docs/adr/README.md <<-\EOF &&
	# Architecture Decision Records

	| Number | Title | Status |
	|--------|-------|--------|
	| [0001](0001-record-architecture-decisions.md) | Record architecture decisions | Accepted |
	| [0012](0012-use-nats.md) | Use NATS for messaging | Accepted |
	| [0012-2](0012-2-nats-subjects.md) | NATS subject naming | Proposed |
	| [0017-1](0017-1-nats-clusters.md) | NATS clusters per region | Accepted |
	EOF
	git add . && test_tick && git commit -q -m "docs: first ADRs and their index" &&
	git tag v1.0 &&
	test_commit "feat(nats): subjects per ADR-012-2" src/subjects.c &&
	adr_commit docs/adr/0012-use-nats.md "Use NATS for messaging" Implemented "ADR-012: implemented" &&
	adr_commit docs/adr/0023-deploy-with-scores.md "Deploy with Scores" Proposed "ADR-023: propose Scores" &&
	test_commit "deploy: scores manifests (ADR-023)" deploy/score.yaml &&
	git tag v1.1
'

test_expect_success 'index drift at README lines; history drift on proposed ADRs' '
	test_expect_code 1 adr_log -C real check >out &&
	test_grep "^docs/adr/README.md:3: index-missing: index lacks ADR 23 \(docs/adr/0023-deploy-with-scores.md\)$" out &&
	test_grep "^docs/adr/README.md:6: index-status: index says ADR 12 is .Accepted., but docs/adr/0012-use-nats.md says .implemented.$" out &&
	sub=$(git -C real rev-parse --short=7 HEAD~3) &&
	test_grep "^docs/adr/0012-2-nats-subjects.md:[0-9]+: implemented-but-proposed: ADR 12-2 is proposed, but 1 commit implements it \(first $sub\)$" out &&
	test_grep "^docs/adr/0023-deploy-with-scores.md:[0-9]+: implemented-but-proposed: " out &&
	test_line_count = 4 out
'

test_expect_success 'check RANGE lints the ADRs at the tip of the range' '
	adr_log -C real check v1.0 >out &&
	test_line_count = 0 out &&
	adr_log -C real check --range HEAD~4..v1.0 >out &&
	test_line_count = 0 out &&
	test_expect_code 1 adr_log -C real check v1.0..v1.1 >out &&
	test_line_count = 4 out
'

test_expect_success 'check --format json: findings with rule, severity, line' '
	test_expect_code 1 adr_log -C real check --format json >out.json &&
	test_grep "\"errors\": 2" out.json &&
	test_grep "\"warnings\": 2" out.json &&
	test_grep "\"rule\": \"index-status\"" out.json &&
	test_grep "\"severity\": \"error\"" out.json &&
	test_grep "\"severity\": \"warning\"" out.json &&
	test_grep "\"line\": 6" out.json &&
	test_grep "\"adr\": \"23\"" out.json
'

test_expect_success 'after index --write only the warnings remain (exit 0)' '
	git clone -q real fixed && (cd fixed &&
	"$ADRLOG" index --write && git add . && test_tick && git commit -q -m "index") &&
	adr_log -C fixed check >out &&
	test_grep -v "index-" out &&
	test_line_count = 2 out
'

test_expect_success 'unknown references: errors within A..B, warnings over all history' '
	git clone -q fixed refs && (cd refs &&
	git tag base &&
	test_commit "follow ADR-012-2 and ADR-012-9" src/a.c &&
	test_commit "fix: as ADR-99 says" src/b.c) &&
	adr_log -C refs check >out 2>err &&
	test_grep "^adr-log: check: 0 errors, 3 warnings$" err &&
	bad=$(git -C refs rev-parse HEAD) &&
	test_grep "^$bad: unknown-reference: commit cites ADR 99, which no ADR was at that commit \(\"fix: as ADR-99 says\"\)$" out &&
	test_grep -v "ADR 12-9" out &&
	test_grep -v "unknown-reference: commit cites ADR 12" out &&
	test_expect_code 1 adr_log -C refs check base..HEAD >out &&
	test_grep "unknown-reference" out &&
	adr_log -C refs check base..HEAD~1 >out &&
	test_grep -v "unknown-reference" out &&
	adr_log -C refs check --range HEAD~1..HEAD~1 >out &&
	test_grep -v "unknown-reference" out
'

test_expect_success 'index drift in a list index (adr-tools style)' '
	git clone -q clean list && (cd list &&
	cat >docs/adr/README.md <<-\EOF &&
	# Decisions

	* [1. Record decisions](0001-record.md)
	* [2. Use Kafka](0002-use-nats.md)
	* [7. Ghost](0007-ghost.md)
	EOF
	git add . && test_tick && git commit -q -m "list index") &&
	test_expect_code 1 adr_log -C list check >out &&
	test_grep "^docs/adr/README.md:4: index-title: index title of ADR 2 is .Use Kafka., but docs/adr/0002-use-nats.md says .Use NATS.$" out &&
	test_grep "^docs/adr/README.md:5: index-extra: index lists ADR 7, which does not exist$" out &&
	test_line_count = 2 out
'

test_expect_success 'a README without an index is no finding' '
	git clone -q clean prose && (cd prose &&
	printf "# About\n\nWe write ADRs.\n" >docs/adr/README.md &&
	git add . && test_tick && git commit -q -m "readme") &&
	adr_log -C prose check >out &&
	test_line_count = 0 out
'

test_expect_success 'usage errors exit 2' '
	test_expect_code 2 adr_log -C clean check A...B 2>err &&
	test_line_count = 1 err &&
	test_expect_code 2 adr_log -C clean check a b 2>err &&
	test_expect_code 2 adr_log -C clean check --format html 2>err &&
	test_expect_code 2 adr_log -C clean check no-such-rev 2>err &&
	test_line_count = 1 err
'

test_expect_success 'check --help names each rule and its severity' '
	adr_log check --help >out &&
	test_grep "^errors:" out &&
	test_grep "^warnings:" out &&
	test_grep "duplicate-id" out &&
	test_grep "one-sided-link" out
'

test_done
