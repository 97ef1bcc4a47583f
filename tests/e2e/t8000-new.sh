#!/bin/sh
test_description='new: next free id, the repository template or the built-in one, status Proposed'
. "$(dirname "$0")/../lib.sh"

test_expect_success 'a repository without ADRs gets docs/adr/0001 from the Nygard template' '
	git init -q fresh && (cd fresh && test_commit one) &&
	adr_log -C fresh new "Use NATS for events" >out &&
	echo docs/adr/0001-use-nats-for-events.md >expect && test_cmp expect out &&
	f=fresh/docs/adr/0001-use-nats-for-events.md &&
	test_grep "^# 1\. Use NATS for events$" $f &&
	test_grep "^Date: [0-9]{4}-[0-9]{2}-[0-9]{2}$" $f &&
	sed -n "/^## Status/,/^## Context/p" $f >status &&
	test_grep "^Proposed$" status &&
	test_grep "^## Decision" $f && test_grep "^## Consequences" $f
'

test_expect_success 'the new file is left for the author to stage' '
	(cd fresh && git status --porcelain >../st) &&
	test_grep "^\?\? docs/" st
'

test_expect_success 'the next id follows the committed ADRs' '
	git init -q repo && cd repo &&
	adr_commit docs/adr/0001-record-decisions.md "1. Record decisions" Accepted "ADR-1" &&
	adr_commit docs/adr/0002-use-postgres.md "2. Use Postgres" Accepted "ADR-2" &&
	adr_commit docs/adr/0007-later.md "7. Later" Proposed "ADR-7" &&
	adr_log new Cache the catalogue >../out &&
	echo docs/adr/0008-cache-the-catalogue.md >../expect && test_cmp ../expect ../out &&
	test_grep "^# 8\. Cache the catalogue" docs/adr/0008-cache-the-catalogue.md
'

test_expect_success 'an uncommitted draft in the folder takes its id too' '
	cd repo && adr_log new "Another one" >../out &&
	echo docs/adr/0009-another-one.md >../expect && test_cmp ../expect ../out
'

test_expect_success 'the repository template (template.md in the ADR folder) is used' '
	cd repo && cat >docs/adr/template.md <<-\EOF &&
	---
	status: accepted
	---
	# TITLE

	## Context and Problem Statement

	Describe it.
	EOF
	adr_log new --status proposed "Pick a queue" >../out &&
	f=$(cat ../out) && test_grep "^status: proposed$" $f &&
	test_grep "^# Pick a queue$" $f && test_grep "^Describe it\.$" $f
'

test_expect_success 'file names follow the repository: prefix, padding, separator' '
	git init -q shaped && cd shaped &&
	adr_commit doc/adr/adr-001-first.md "ADR-001: First" Accepted "ADR-1" &&
	adr_log new "Second thing" >../out &&
	echo doc/adr/adr-002-second-thing.md >../expect && test_cmp ../expect ../out
'

test_expect_success 'the ADR folder rules apply (.adr-dir)' '
	git init -q custom && cd custom &&
	echo architecture/records >.adr-dir && git add .adr-dir && test_tick &&
	git commit -q -m "adr dir" &&
	adr_log new "Here" >../out &&
	echo architecture/records/0001-here.md >../expect && test_cmp ../expect ../out
'

test_expect_success 'a title is required' '
	test_expect_code 2 adr_log -C repo new 2>err &&
	test_grep "a title is required" err
'

test_expect_success 'a bare repository has nowhere to write' '
	git clone -q --bare repo bare.git &&
	test_expect_code 2 adr_log -C bare.git new "Nope" 2>err &&
	test_grep "has no work tree" err
'

test_done
