#!/bin/sh
test_description='index: print the ADR index table, write it into the README'
. "$(dirname "$0")/../lib.sh"

test_expect_success 'setup: three ADRs, one sub-numbered' '
	git init -q repo && cd repo &&
	adr_write docs/adr/0001-record-decisions.md "Record decisions" Accepted &&
	adr_write docs/adr/0017-1-nats-clusters.md "NATS clusters" Proposed &&
	adr_write docs/adr/0002-use-nats.md "Use NATS" Implemented &&
	git add . && test_tick && git commit -q -m "ADRs"
'

test_expect_success 'index prints the table in id order' '
	cat >expect <<-\EOF &&
	| Number | Title | Status |
	| --- | --- | --- |
	| 1 | [Record decisions](0001-record-decisions.md) | Accepted |
	| 2 | [Use NATS](0002-use-nats.md) | Implemented |
	| 17-1 | [NATS clusters](0017-1-nats-clusters.md) | Proposed |
	EOF
	adr_log -C repo index >out &&
	test_cmp expect out
'

test_expect_success 'index reads HEAD, not the work tree' '
	adr_write repo/docs/adr/0003-uncommitted.md "Uncommitted" Proposed &&
	test_when_finished "rm repo/docs/adr/0003-uncommitted.md" &&
	adr_log -C repo index >out &&
	test_cmp expect out
'

test_expect_success 'index --write creates the README with markers' '
	adr_log -C repo index --write &&
	{ echo "<!-- adrlog -->" && cat expect && echo "<!-- adrlogstop -->"; } >want &&
	test_cmp want repo/docs/adr/README.md
'

test_expect_success 'writing twice changes nothing' '
	cp repo/docs/adr/README.md before &&
	adr_log -C repo index --write &&
	test_cmp before repo/docs/adr/README.md
'

test_expect_success 'index --write replaces what is between the markers, keeps the rest' '
	cat >repo/docs/adr/README.md <<-\EOF &&
	# Decisions

	Read these first.

	<!-- adrlog -->
	| Number | Title | Status |
	| --- | --- | --- |
	| 1 | stale | Proposed |
	<!-- adrlogstop -->

	Footer text.
	EOF
	adr_log -C repo index --write &&
	{ printf "# Decisions\n\nRead these first.\n\n<!-- adrlog -->\n" &&
	  cat expect && printf "<!-- adrlogstop -->\n\nFooter text.\n"; } >want &&
	test_cmp want repo/docs/adr/README.md
'

test_expect_success 'index --write replaces an existing index table without markers' '
	cat >repo/docs/adr/README.md <<-\EOF &&
	# Decisions

	| ID | Name | State |
	|----|------|-------|
	| 1 | Old title | Proposed |

	Footer.
	EOF
	adr_log -C repo index --write &&
	{ printf "# Decisions\n\n" && cat expect && printf "\nFooter.\n"; } >want &&
	test_cmp want repo/docs/adr/README.md &&
	cp repo/docs/adr/README.md before &&
	adr_log -C repo index --write &&
	test_cmp before repo/docs/adr/README.md
'

test_expect_success 'index --write keeps the file mode' '
	chmod 640 repo/docs/adr/README.md &&
	echo "extra" >>repo/docs/adr/README.md &&
	adr_log -C repo index --write &&
	ls -l repo/docs/adr/README.md >mode &&
	test_grep "^-rw-r-----" mode
'

test_expect_success 'index --write FILE elsewhere: links relative to FILE' '
	adr_log -C repo index --write DECISIONS.md &&
	test_grep "^\| 2 \| \[Use NATS\]\(docs/adr/0002-use-nats.md\) \| Implemented \|$" \
		repo/DECISIONS.md &&
	mkdir -p repo/docs/other &&
	adr_log -C repo/docs/other index --write list.md &&
	test_grep "\(\.\./adr/0002-use-nats.md\)" repo/docs/other/list.md
'

test_expect_success 'index --write into a missing folder fails with exit 2' '
	test_expect_code 2 adr_log -C repo index --write no/such/dir/README.md 2>err &&
	test_grep "^adr-log: index: cannot write" err
'

test_expect_success 'index --format json is the list document' '
	adr_log -C repo index --format json >out.json &&
	test_grep "\"schema\": \"adr-log/1\"" out.json &&
	test_grep "\"id\": \"17-1\"" out.json
'

test_expect_success 'index --rev reads an older revision' '
	(cd repo && adr_commit docs/adr/0004-later.md "Later" Proposed "add 4") &&
	adr_log -C repo index --rev HEAD~1 >out &&
	test_cmp expect out &&
	adr_log -C repo index >out &&
	test_grep "^\| 4 \| \[Later\]" out
'

test_expect_success 'a bare repository prints but cannot --write' '
	git clone -q --bare repo bare.git &&
	adr_log -C bare.git index >out &&
	test_grep "^\| 4 \|" out &&
	test_expect_code 2 adr_log -C bare.git index --write 2>err &&
	test_grep "bare" err
'

test_expect_success 'index rejects unexpected arguments' '
	test_expect_code 2 adr_log -C repo index extra 2>err &&
	test_grep "unexpected argument" err
'

test_done
