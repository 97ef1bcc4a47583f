#!/bin/sh
test_description='check, SPEC rev2: broken Markdown links to ADR files, superseded-but-<status>,
the statusAlias hint of unknown-status, index rows for 000-index.md; and
adrlog.statusAlias itself (git config, .adrlog, multi-valued, the cache)'
. "$(dirname "$0")/../lib.sh"

test_expect_success 'setup' '
	git init -q repo && cd repo &&
	adr_write docs/adr/0001-record.md "Record decisions" Accepted &&
	adr_write docs/adr/0002-use-nats.md "Use NATS" "Accepted

Superseded by [ADR-3](0003-use-kafka.md)" &&
	adr_write docs/adr/0003-use-kafka.md "Use Kafka" "Accepted

Supersedes [ADR-2](0002-use-nats.md)

See [the record](0001-record.md), [gone](0009-gone.md), [old](../old/0004-old.md),
[web](https://example.com/0005-x.md) and [readme](README.md)." &&
	adr_write docs/adr/0004-partial.md "Partial" "Partially Implemented" &&
	git add . && test_tick && git commit -q -m ADRs
'

test_expect_success 'broken-link: a Markdown link to an ADR file that is not there is an error' '
	test_expect_code 1 adr_log -C repo check >out 2>err &&
	test_grep "^docs/adr/0003-use-kafka.md:11: broken-link: ADR 3 links to docs/adr/0009-gone.md, which does not exist" out &&
	test_grep "^docs/adr/0003-use-kafka.md:11: broken-link: ADR 3 links to docs/old/0004-old.md" out &&
	test_grep -v "0001-record.md, which|example.com|README" out
'

test_expect_success 'superseded-but-accepted: Superseded by next to Accepted' '
	test_grep "^docs/adr/0002-use-nats.md:[0-9]*: superseded-but-accepted: ADR 2 is accepted, but says it is superseded by 3" out
'

test_expect_success 'unknown-status names the statusAlias setting that would fix it' '
	test_grep "^docs/adr/0004-partial.md:[0-9]*: unknown-status: unknown status .Partially Implemented. .*adrlog.statusAlias .Partially Implemented=STATUS." out
'

test_expect_success 'statusAlias in git config (multi-valued) names the status everywhere' '
	git -C repo config --add adrlog.statusAlias "Partially Implemented=implemented" &&
	git -C repo config --add adrlog.statusAlias "Reference=accepted" &&
	adr_log -C repo list --format json >out &&
	jget out "[a[\"status\"] for a in d[\"adrs\"] if a[\"id\"] == \"4\"]" >actual &&
	echo implemented >expect &&
	test_cmp expect actual &&
	adr_log -C repo check >out 2>&1 || true &&
	test_grep -v "unknown-status" out &&
	adr_log -C repo timeline --format json >out &&
	jget out "[e[\"to\"] for e in d[\"events\"] if e[\"adr\"] == \"4\"]" >actual &&
	test_cmp expect actual
'

test_expect_success 'the cache does not keep a status read with other aliases' '
	git -C repo config --unset-all adrlog.statusAlias &&
	adr_log -C repo timeline --format json >out &&
	jget out "[e[\"to\"] for e in d[\"events\"] if e[\"adr\"] == \"4\"]" >actual &&
	echo unknown >expect &&
	test_cmp expect actual &&
	adr_log -C repo list --format json >out &&
	jget out "[a[\"status\"] for a in d[\"adrs\"] if a[\"id\"] == \"4\"]" >actual &&
	test_cmp expect actual
'

test_expect_success 'statusAlias from a committed .adrlog; git config wins over it' '
	(cd repo && printf "[adrlog]\n\tstatusAlias = partially implemented = deprecated\n" >.adrlog &&
	 git add .adrlog && test_tick && git commit -q -m adrlog) &&
	adr_log -C repo list --format json >out &&
	jget out "[a[\"status\"] for a in d[\"adrs\"] if a[\"id\"] == \"4\"]" >actual &&
	echo deprecated >expect &&
	test_cmp expect actual &&
	git -C repo config adrlog.statusAlias "Partially Implemented=implemented" &&
	adr_log -C repo list --format json >out &&
	jget out "[a[\"status\"] for a in d[\"adrs\"] if a[\"id\"] == \"4\"]" >actual &&
	echo implemented >expect &&
	test_cmp expect actual &&
	git -C repo config --unset-all adrlog.statusAlias
'

test_expect_success 'a malformed statusAlias is a warning naming it, not a failure' '
	git -C repo config adrlog.statusAlias "no equals sign" &&
	adr_log -C repo list >out 2>err &&
	test_grep "warning: adrlog.statusAlias: .no equals sign. is not .phrase=status." err &&
	git -C repo config --unset-all adrlog.statusAlias
'

test_expect_success 'an index row for 000-index.md or 000-template.md is no drift' '
	git init -q idx && (cd idx &&
	adr_write docs/adr/0001-record.md "Record decisions" Accepted &&
	printf "# Index\n" >docs/adr/000-index.md &&
	printf "# Template\n\n## Status\n\nX\n" >docs/adr/000-template.md &&
	cat >docs/adr/README.md <<-\EOF &&
	| Number | Title | Status |
	| --- | --- | --- |
	| 0 | [Index](000-index.md) | |
	| 000 | [Template](000-template.md) | |
	| 1 | [Record decisions](0001-record.md) | Accepted |
	EOF
	git add . && test_tick && git commit -q -m idx) &&
	adr_log -C idx check >out 2>err &&
	test_line_count = 0 out &&
	adr_log -C idx list --format json >out &&
	jget out "[a[\"path\"] for a in d[\"adrs\"]]" >actual &&
	echo docs/adr/0001-record.md >expect &&
	test_cmp expect actual
'

test_done
