#!/bin/sh
test_description='supersede, link, status: both sides written in each file format, nothing else changed, ids matched exactly'
. "$(dirname "$0")/../lib.sh"

# snap FILE...: keep a copy of each file, to show later that it is untouched
snap() { for f in "$@"; do cp "$f" "$f.orig" || return 1; done; }
untouched() { for f in "$@"; do cmp "$f.orig" "$f" || return 1; done; }

test_expect_success 'setup: a Nygard repository shaped like Harmony (012 and 012-2)' '
	git init -q nygard && cd nygard &&
	mkdir -p docs/adr &&
	cat >docs/adr/012-use-kafka.md <<-\EOF &&
	# 12. Use Kafka

	Date: 2024-01-01

	## Status

	Accepted

	## Context

	Kafka is there.
	EOF
	cat >docs/adr/012-2-kafka-clusters.md <<-\EOF &&
	# 12-2. Kafka clusters

	Date: 2024-01-02

	## Status

	Accepted

	## Context

	Two clusters.
	EOF
	cat >docs/adr/013-use-nats.md <<-\EOF &&
	# 13. Use NATS

	Date: 2024-02-01

	## Status

	Proposed

	## Context

	NATS is lighter.
	EOF
	git add . && test_tick && git commit -q -m "three ADRs"
'

test_expect_success 'supersede 012 13 writes both sides, the adr-tools way, and prints them' '
	cd nygard && snap docs/adr/012-2-kafka-clusters.md &&
	adr_log supersede 012 13 >../out &&
	printf "docs/adr/012-use-kafka.md\ndocs/adr/013-use-nats.md\n" >../expect &&
	test_cmp ../expect ../out &&
	cat >../expect <<-\EOF &&
	# 12. Use Kafka

	Date: 2024-01-01

	## Status

	Superseded by [13. Use NATS](013-use-nats.md)

	## Context

	Kafka is there.
	EOF
	test_cmp ../expect docs/adr/012-use-kafka.md &&
	cat >../expect <<-\EOF &&
	# 13. Use NATS

	Date: 2024-02-01

	## Status

	Proposed

	Supersedes [12. Use Kafka](012-use-kafka.md)

	## Context

	NATS is lighter.
	EOF
	test_cmp ../expect docs/adr/013-use-nats.md &&
	untouched docs/adr/012-2-kafka-clusters.md &&
	git status --porcelain >../st &&
	printf " M docs/adr/012-use-kafka.md\n M docs/adr/013-use-nats.md\n?? docs/adr/012-2-kafka-clusters.md.orig\n" >../expect &&
	test_cmp ../expect ../st
'

test_expect_success 'what was written reads back: status and links in the JSON' '
	cd nygard && rm -f docs/adr/*.orig && git add . && test_tick &&
	git commit -q -m "ADR-13 supersedes ADR-12" &&
	adr_log list --format json >../list.json &&
	test "$(jget ../list.json "[a[\"status\"] for a in d[\"adrs\"] if a[\"id\"] == \"12\"]")" = superseded &&
	test "$(jget ../list.json "[a[\"superseded_by\"] for a in d[\"adrs\"] if a[\"id\"] == \"12\"][0]")" = 13 &&
	test "$(jget ../list.json "[a[\"supersedes\"] for a in d[\"adrs\"] if a[\"id\"] == \"13\"][0]")" = 12 &&
	test "$(jget ../list.json "[a[\"status\"] for a in d[\"adrs\"] if a[\"id\"] == \"12-2\"]")" = accepted &&
	adr_log check >../check.out &&
	test_grep -v one-sided ../check.out
'

test_expect_success 'the same supersede again changes nothing' '
	cd nygard && adr_log supersede 12 13 >../out 2>../err &&
	test_line_count = 0 ../out && test_grep "nothing to change" ../err &&
	git diff --exit-code
'

test_expect_success 'ids with sub-numbers are exact: 12-2 is only 012-2, ADR-0012-2 too' '
	cd nygard && snap docs/adr/012-use-kafka.md &&
	adr_log link ADR-0012-2 Amends 13 >../out &&
	printf "docs/adr/012-2-kafka-clusters.md\ndocs/adr/013-use-nats.md\n" >../expect &&
	test_cmp ../expect ../out &&
	untouched docs/adr/012-use-kafka.md &&
	test_grep "^Amends \[13\. Use NATS\]\(013-use-nats\.md\)$" docs/adr/012-2-kafka-clusters.md &&
	test_grep "^Amended by \[12-2\. Kafka clusters\]\(012-2-kafka-clusters\.md\)$" docs/adr/013-use-nats.md &&
	rm docs/adr/*.orig && git commit -q -a -m "ADR-12-2 amends ADR-13"
'

test_expect_success 'a file path names the ADR too, and so does a relation in words' '
	cd nygard && git checkout -q -- . &&
	adr_log link docs/adr/013-use-nats.md "Amended by" 012-2 >../out 2>../err &&
	test_line_count = 0 ../out && test_grep "nothing to change" ../err
'

test_expect_success 'an id that is not there, or no relation, is refused and writes nothing' '
	cd nygard &&
	test_expect_code 2 adr_log supersede 14 13 2>../err &&
	test_grep "no ADR 14" ../err &&
	test_expect_code 2 adr_log supersede 1 13 2>../err &&
	test_grep "no ADR 1 " ../err &&
	test_expect_code 2 adr_log link 13 Implements 12 2>../err &&
	test_grep "unknown relation" ../err &&
	test_expect_code 2 adr_log supersede 13 13 2>../err &&
	test_grep "cannot supersede itself" ../err &&
	git diff --exit-code
'

test_expect_success 'two files with one id: refused as ambiguous, naming both' '
	cd nygard && cp docs/adr/013-use-nats.md docs/adr/0013-copy.md &&
	test_expect_code 2 adr_log status 13 accepted 2>../err &&
	rm docs/adr/0013-copy.md &&
	test_grep "ambiguous: docs/adr/0013-copy.md, docs/adr/013-use-nats.md; name the file" ../err &&
	git diff --exit-code
'

test_expect_success 'status: the Status section line, case kept' '
	cd nygard && adr_log status 13 accepted >../out &&
	echo docs/adr/013-use-nats.md >../expect && test_cmp ../expect ../out &&
	git diff -U0 docs/adr/013-use-nats.md | grep "^[-+][^-+]" >../diff &&
	printf -- "-Proposed\n+Accepted\n" >../expect && test_cmp ../expect ../diff &&
	git checkout -q -- .
'

test_expect_success 'status: errors for unknown words, bad dates, no status' '
	cd nygard &&
	test_expect_code 2 adr_log status 13 maybe 2>../err &&
	test_grep "not a status" ../err &&
	test_expect_code 2 adr_log status --date 2024-13-01 13 accepted 2>../err &&
	test_grep "expected YYYY-MM-DD" ../err &&
	printf "# 20. No status\n\nJust text.\n" >docs/adr/0020-none.md &&
	test_expect_code 2 adr_log status 20 accepted 2>../err &&
	rm docs/adr/0020-none.md &&
	test_grep "no status to change" ../err &&
	git diff --exit-code
'

test_expect_success 'setup: one repository with every other format' '
	git init -q formats && cd formats && mkdir -p docs/decisions &&
	cat >docs/decisions/0001-madr2.md <<-\EOF &&
	# Use plain SQL

	* Status: accepted
	* Deciders: the team
	* Date: 2020-01-01

	## Context and Problem Statement

	Which?
	EOF
	cat >docs/decisions/0002-madr3.md <<-\EOF &&
	---
	status: accepted
	date: 2022-01-01
	---
	# Use an ORM

	## Context and Problem Statement
	EOF
	cat >docs/decisions/0003-madr4.md <<-\EOF &&
	---
	status: "proposed"
	date: 2024-01-01
	decision-makers: us
	---

	# Use sqlc

	## Context and Problem Statement
	EOF
	cat >docs/decisions/0004-table.md <<-\EOF &&
	# 4. Tables

	| Status | Accepted |
	| Date   | 2021-01-01 |

	## Context
	EOF
	cat >docs/decisions/0005-column.md <<-\EOF &&
	# 5. Column table

	| Status | Date | Author(s) |
	|---|---|---|
	| Proposed | 2021-02-02 | me |

	## Context
	EOF
	cat >docs/decisions/0006-field.rst <<-\EOF &&
	6. Fields
	=========

	:Status: Accepted
	:Date: 2021-03-03

	Context
	-------
	EOF
	cat >docs/decisions/0007-section.rst <<-\EOF &&
	7. Section
	==========

	Status
	------

	Proposed

	Context
	-------
	EOF
	cat >docs/decisions/0008-log.md <<-\EOF &&
	# 8. A log

	## Status

	- 2024-01-01 proposed
	- 2024-02-01 accepted

	## Context
	EOF
	printf "# 9. Windows\r\n\r\n## Status\r\n\r\n**PROPOSED**\r\n\r\n## Context\r\n" >docs/decisions/0009-crlf.md &&
	printf "# 10. Emoji\n\n## Status\n\n\342\234\205 Accepted" >docs/decisions/0010-emoji.md &&
	git add . && test_tick && git commit -q -m "formats" &&
	for f in docs/decisions/*; do cp "$f" "../orig-$(basename "$f")"; done
'

# changed FILE: the - and + lines of the diff of FILE against HEAD.
changed() { git diff -U0 -- "$1" | grep "^[-+]" | grep -v "^[-+][-+][-+] "; }

test_expect_success 'MADR 2: supersede writes the status item and a list item' '
	cd formats && adr_log supersede 1 2 >../out &&
	changed docs/decisions/0001-madr2.md >../got &&
	cat >../expect <<-\EOF &&
	-* Status: accepted
	+* Status: superseded by [ADR-0002](0002-madr3.md)
	EOF
	test_cmp ../expect ../got &&
	changed docs/decisions/0002-madr3.md >../got &&
	cat >../expect <<-\EOF &&
	+supersedes: ADR-0001
	EOF
	test_cmp ../expect ../got &&
	sed -n 3p docs/decisions/0002-madr3.md >../got && echo "supersedes: ADR-0001" >../expect &&
	test_cmp ../expect ../got
'

test_expect_success 'MADR 3/4 front matter: status value and keys, quotes kept' '
	cd formats && adr_log link 3 amends 2 >../out &&
	changed docs/decisions/0003-madr4.md >../got &&
	echo "+amends: ADR-0002" >../expect && test_cmp ../expect ../got &&
	adr_log status 3 accepted >../out &&
	changed docs/decisions/0003-madr4.md >../got &&
	printf "%s\n" "-status: \"proposed\"" "+status: \"accepted\"" "+amends: ADR-0002" >../expect &&
	test_cmp ../expect ../got &&
	adr_log supersede 2 3 >../out &&
	changed docs/decisions/0002-madr3.md >../got &&
	printf "%s\n" "-status: accepted" "+status: superseded by ADR-0003" "+amended_by: ADR-0003" \
		"+supersedes: ADR-0001" >../expect &&
	test_cmp ../expect ../got
'

test_expect_success 'key/value table: the status cell, link rows' '
	cd formats && adr_log status 4 deprecated >../out &&
	adr_log link 4 Amends 1 >../out &&
	changed docs/decisions/0004-table.md >../got &&
	cat >../expect <<-\EOF &&
	-| Status | Accepted |
	+| Status | Deprecated |
	+| Amends | [ADR-0001](0001-madr2.md) |
	EOF
	test_cmp ../expect ../got
'

test_expect_success 'a table with a Status column: the cell of the first row' '
	cd formats && adr_log status 5 accepted >../out &&
	changed docs/decisions/0005-column.md >../got &&
	cat >../expect <<-\EOF &&
	-| Proposed | 2021-02-02 | me |
	+| Accepted | 2021-02-02 | me |
	EOF
	test_cmp ../expect ../got
'

test_expect_success 'rst: a field, and a Status section' '
	cd formats && adr_log link 6 Supersedes 7 >../out &&
	changed docs/decisions/0006-field.rst >../got &&
	echo "+:Supersedes: \`7. Section <0007-section.rst>\`_" >../expect &&
	test_cmp ../expect ../got &&
	changed docs/decisions/0007-section.rst >../got &&
	printf "%s\n" "-Proposed" "+Superseded by \`6. Fields <0006-field.rst>\`_" >../expect &&
	test_cmp ../expect ../got &&
	adr_log list --no-cache >/dev/null
'

test_expect_success 'a dated status log gets a dated line' '
	cd formats && adr_log status --date 2026-01-02 8 deprecated >../out &&
	changed docs/decisions/0008-log.md >../got &&
	echo "+- 2026-01-02 deprecated" >../expect && test_cmp ../expect ../got
'

test_expect_success 'CRLF, bold, upper case; emoji and a missing last newline' '
	cd formats && adr_log status 9 accepted >../out &&
	printf "# 9. Windows\r\n\r\n## Status\r\n\r\n**ACCEPTED**\r\n\r\n## Context\r\n" >../expect &&
	cmp ../expect docs/decisions/0009-crlf.md &&
	adr_log status 10 rejected >../out &&
	printf "# 10. Emoji\n\n## Status\n\n\342\235\214 Rejected" >../expect &&
	cmp ../expect docs/decisions/0010-emoji.md
'

test_expect_success 'everything the commands wrote reads back after a commit' '
	cd formats && git add . && test_tick && git commit -q -m edits &&
	adr_log list --format json >../l.json &&
	st() { jget ../l.json "[a[\"status\"] for a in d[\"adrs\"] if a[\"id\"] == \"$1\"]"; } &&
	test "$(st 1)" = superseded && test "$(st 2)" = superseded &&
	test "$(st 3)" = accepted && test "$(st 4)" = deprecated &&
	test "$(st 6)" = accepted && test "$(st 7)" = superseded &&
	test "$(st 9)" = accepted && test "$(st 10)" = rejected &&
	adr_log check >../check.out || true &&
	test_grep -v "one-sided-link" ../check.out
'

test_expect_success 'symbolic links are never followed: a linked ADR, a linked folder' '
	git init -q links && cd links && mkdir -p docs/adr outside &&
	adr_write outside/0005-secret.md "5. Secret" Accepted &&
	cp outside/0005-secret.md ../secret.orig &&
	ln -s ../../outside/0005-secret.md docs/adr/0005-secret.md &&
	adr_write docs/adr/0006-real.md "6. Real" Accepted &&
	git add . && test_tick && git commit -q -m links &&
	test_expect_code 2 adr_log status 5 rejected 2>../err &&
	test_grep "skipping .docs/adr/0005-secret.md.: a symbolic link" ../err &&
	test_expect_code 2 adr_log status docs/adr/0005-secret.md rejected 2>../err &&
	test_expect_code 2 adr_log supersede 5 6 2>../err &&
	cmp ../secret.orig outside/0005-secret.md &&
	git diff --exit-code &&
	git init -q ../linkdir && cd ../linkdir && mkdir -p real/adr &&
	adr_write real/adr/0001-a.md "1. A" Accepted &&
	mkdir docs && ln -s ../real/adr docs/adr && git add . && test_tick && git commit -q -m x &&
	cp real/adr/0001-a.md ../a.orig &&
	test_expect_code 2 adr_log --adr-dir docs/adr status 1 rejected 2>../err &&
	test_grep "symbolic link" ../err &&
	cmp ../a.orig real/adr/0001-a.md
'

test_expect_success 'a bare repository has no work tree to edit' '
	git clone -q --bare nygard bare.git &&
	test_expect_code 2 adr_log -C bare.git status 13 accepted 2>err &&
	test_grep "no work tree" err
'

test_done
