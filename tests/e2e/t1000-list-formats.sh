#!/bin/sh
test_description='list: ADRs in several formats, read from git objects'
. "$(dirname "$0")/../lib.sh"

test_expect_success 'setup: ADRs in Nygard, MADR, front matter, rst and heading-id forms' '
	git init -q r && cd r &&
	adr_write docs/adr/0001-record-decisions.md "1. Record decisions" Accepted &&
	mkdir -p docs/adr/sub &&
	cat >docs/adr/0002-use-madr.md <<-\EOF &&
	* Status: superseded by [ADR-0004](0004-front-matter.md)
	* Deciders: me
	* Date: 2021-02-03

	# Use **MADR** lists

	## Context and Problem Statement
	EOF
	printf "# ADR-3: Windows file\r\n\r\n## Status\r\n\r\n✅ Approved\r\n" >docs/adr/0003-crlf.md &&
	cat >docs/adr/0004-front-matter.md <<-\EOF &&
	---
	status: "proposed"
	date: 2022-03-04
	supersedes: [2]
	---
	# Front matter

	Status: rejected
	EOF
	cat >docs/adr/sub/0005_audit.rst <<-\EOF &&
	5. Audit logging
	################

	Status
	******

	- **Accepted** 2023-02-07
	EOF
	cat >docs/adr/heading-id.md <<-\EOF &&
	# ADR-017-1: Id from the heading

	| Field | Value |
	| --- | --- |
	| Status | In Progress |
	EOF
	cat >docs/adr/0006-no-status.md <<-\EOF &&
	Just text, no heading, no status.
	EOF
	printf "# Not an ADR\n\nStatus: accepted\n" >docs/adr/README.md &&
	printf "# NUMBER. TITLE\n\n## Status\n\nproposed\n" >docs/adr/0000-template.md &&
	printf "# Notes\n" >docs/adr/notes.md &&
	git add . && test_tick && git commit -q -m "add ADRs"
'

test_expect_success 'list shows id, status, date, title and path of each ADR' '
	cat >expect <<-\EOF &&
	ID    STATUS      DATE        TITLE                PATH
	1     accepted    2024-01-01  Record decisions     docs/adr/0001-record-decisions.md
	2     superseded  2021-02-03  Use MADR lists       docs/adr/0002-use-madr.md
	3     accepted    -           Windows file         docs/adr/0003-crlf.md
	4     proposed    2022-03-04  Front matter         docs/adr/0004-front-matter.md
	5     accepted    2023-02-07  Audit logging        docs/adr/sub/0005_audit.rst
	6     -           -           no-status            docs/adr/0006-no-status.md
	17-1  proposed    -           Id from the heading  docs/adr/heading-id.md
	EOF
	adr_log -C r list >actual &&
	test_cmp expect actual
'

test_expect_success 'list --format json carries raw status, date and links' '
	adr_log -C r list --format json >out.json &&
	sed -n "s/^ *\"\(id\|status\|status_raw\|date\)\": \(.*\),\$/\1 \2/p" out.json >actual &&
	cat >expect <<-\EOF &&
	id "1"
	status "accepted"
	status_raw "Accepted"
	date "2024-01-01"
	id "2"
	status "superseded"
	status_raw "superseded by ADR-0004"
	date "2021-02-03"
	id "3"
	status "accepted"
	status_raw "✅ Approved"
	date null
	id "4"
	status "proposed"
	status_raw "proposed"
	date "2022-03-04"
	id "5"
	status "accepted"
	status_raw "Accepted 2023-02-07"
	date "2023-02-07"
	id "6"
	status null
	status_raw null
	date null
	id "17-1"
	status "proposed"
	status_raw "In Progress"
	date null
	EOF
	test_cmp expect actual &&
	sed -n "/\"id\": \"2\"/,/\"id\": \"3\"/p" out.json >adr2 &&
	test_grep "^ *\"4\"" adr2 &&
	sed -n "/\"id\": \"4\"/,/\"id\": \"5\"/p" out.json >adr4 &&
	test_grep "\"supersedes\": \[" adr4 &&
	test_grep "^ *\"2\"" adr4
'

test_expect_success 'list reads committed objects, not the work tree' '
	adr_write r/docs/adr/0001-record-decisions.md "1. Edited title" Rejected &&
	adr_write r/docs/adr/0009-uncommitted.md "9. New" Proposed &&
	adr_log -C r list >actual &&
	test_grep "Record decisions" actual &&
	test_grep -v "Edited title" actual &&
	test_grep -v "rejected" actual &&
	test_grep -v "0009-uncommitted" actual
'

test_expect_success 'list --rev reads an older revision' '
	(cd r && git checkout -q -- . && rm docs/adr/0009-uncommitted.md &&
	 adr_write docs/adr/0001-record-decisions.md "1. Record decisions" Deprecated &&
	 git add . && test_tick && git commit -q -m deprecate) &&
	adr_log -C r list >now &&
	adr_log -C r list --rev HEAD~1 >before &&
	test_grep "^1 +deprecated" now &&
	test_grep "^1 +accepted" before
'

test_done
