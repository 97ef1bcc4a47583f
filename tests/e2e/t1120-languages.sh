#!/bin/sh
test_description='ADRs written in the languages of SPEC 1a: status headings, status words
(case-folded), a timeline of their changes'
. "$(dirname "$0")/../lib.sh"

# lang FILE TITLE HEADING STATUS: an ADR in another language
lang() {
	mkdir -p docs/adr && printf '# %s\n\n## %s\n\n%s\n\n## Contexte\n\nTexte.\n' "$2" "$3" "$4" >"docs/adr/$1"
}

test_expect_success 'setup: one ADR per language, proposed first' '
	git init -q repo && cd repo &&
	lang 0001-fr.md "Utiliser NATS" Statut "Proposé" &&
	lang 0002-es.md "Usar NATS" Estado "Propuesta" &&
	lang 0003-pt.md "Usar Kafka" Estado "Proposto" &&
	lang 0004-it.md "Usare Redis" Stato "Proposta" &&
	lang 0005-de.md "Postgres verwenden" Status "Vorgeschlagen" &&
	lang 0006-ru.md "Использовать gRPC" Статус "Предложено" &&
	lang 0007-zh.md "使用 GraphQL" 状态 "提议" &&
	lang 0008-zh-hant.md "使用 REST" 狀態 "提议" &&
	lang 0009-ja.md "Rust を使う" ステータス "提案" &&
	git add . && test_tick && git commit -q -m proposed &&
	lang 0001-fr.md "Utiliser NATS" STATUT "ACCEPTÉE" &&
	lang 0002-es.md "Usar NATS" Estado "Rechazado" &&
	lang 0003-pt.md "Usar Kafka" Estado "Substituído por ADR-2" &&
	lang 0004-it.md "Usare Redis" Stato "Deprecato" &&
	lang 0005-de.md "Postgres verwenden" Status "Angenommen" &&
	lang 0006-ru.md "Использовать gRPC" СТАТУС "ОТКЛОНЕНО" &&
	lang 0007-zh.md "使用 GraphQL" 状态 "已接受" &&
	lang 0008-zh-hant.md "使用 REST" 狀態 "已废弃" &&
	lang 0009-ja.md "Rust を使う" ステータス "承認済み" &&
	git add . && test_tick && git commit -q -m decided
'

test_expect_success 'list reads every status' '
	adr_log -C repo list --format json >out &&
	jget out "[a[\"id\"] + \" \" + a[\"status\"] for a in d[\"adrs\"]]" >actual &&
	cat >expect <<-\EOF &&
	1 accepted
	2 rejected
	3 superseded
	4 deprecated
	5 accepted
	6 rejected
	7 accepted
	8 deprecated
	9 accepted
	EOF
	test_cmp expect actual
'

test_expect_success 'the timeline has both changes of each' '
	adr_log -C repo timeline --format json >out &&
	jget out "[e[\"adr\"] + \" \" + str(e[\"from\"]) + \" \" + e[\"to\"] for e in d[\"events\"] if e[\"from\"]]" >actual &&
	cat >expect <<-\EOF &&
	1 proposed accepted
	2 proposed rejected
	3 proposed superseded
	4 proposed deprecated
	5 proposed accepted
	6 proposed rejected
	7 proposed accepted
	8 proposed deprecated
	9 proposed accepted
	EOF
	test_cmp expect actual
'

test_done
