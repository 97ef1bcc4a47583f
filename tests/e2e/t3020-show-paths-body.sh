#!/bin/sh
test_description='show: an ADR by path or slug, --body and --raw, earlier paths once each, no empty lists'
. "$(dirname "$0")/../lib.sh"

ESC=$(printf "\033")

test_expect_success 'setup: an ADR with Markdown, one moved back and forth, one never implemented' '
	git init -q r && cd r &&
	mkdir -p docs/adr &&
	cat >docs/adr/0001-use-nats.md <<-\EOT &&
	# 1. Use NATS

	## Status

	Accepted

	## Context

	We need **reliable** delivery, see [the docs](https://nats.io) and `nats-server`.

	* one point
	* another point

	```
	# not a heading
	```
	EOT
	git add docs && test_tick && git commit -q -m "ADR 1" &&
	adr_commit docs/adr/0002-use-make.md "2. Use make" Proposed "ADR 2" &&
	for i in 1 2; do
		git mv docs/adr/0002-use-make.md docs/adr/0002-build-with-make.md &&
		test_tick && git commit -q -m "rename ADR 2" &&
		git mv docs/adr/0002-build-with-make.md docs/adr/0002-use-make.md &&
		test_tick && git commit -q -m "rename ADR 2 back" || return 1
	done &&
	git mv docs/adr/0002-use-make.md docs/adr/0002-make-it.md &&
	test_tick && git commit -q -m "rename ADR 2 at last" &&
	printf "ADR 3\n=====\n\n:Status: Proposed\n\nText *here*.\n" >docs/adr/0003-rst-one.rst &&
	git add docs && test_tick && git commit -q -m "ADR 3" &&
	test_commit "implement ADR-1" src/a.c
'

test_expect_success 'show takes a path from the root, from the current folder, ./path, a file name and a slug' '
	adr_log -C r show 1 >want &&
	adr_log -C r show docs/adr/0001-use-nats.md >got && test_cmp want got &&
	(cd r/docs/adr && "$ADRLOG" show 0001-use-nats.md >../../../got) && test_cmp want got &&
	(cd r/docs/adr && "$ADRLOG" show ./0001-use-nats.md >../../../got) && test_cmp want got &&
	(cd r/docs && "$ADRLOG" show adr/0001-use-nats.md >../../got) && test_cmp want got &&
	adr_log -C r show use-nats >got && test_cmp want got &&
	adr_log -C r show USE-NATS >got && test_cmp want got &&
	adr_log -C r show 0001-use-nats.md >got && test_cmp want got
'

test_expect_success 'an earlier path or slug finds the ADR too; links takes the same names' '
	adr_log -C r show 2 >want &&
	adr_log -C r show docs/adr/0002-use-make.md >got && test_cmp want got &&
	adr_log -C r show build-with-make >got && test_cmp want got &&
	adr_log -C r links 1 >want &&
	adr_log -C r links use-nats >got && test_cmp want got &&
	test_expect_code 2 adr_log -C r show no-such 2>err &&
	test_grep "^adr-log: show: no ADR with id, path or name .no-such." err &&
	test_expect_code 2 adr_log -C r show 99 2>err &&
	test_grep "^adr-log: show: no ADR with id .99." err
'

test_expect_success 'Earlier paths: each once, oldest first, never the current path' '
	adr_log -C r show 2 >out &&
	test_grep "^Path: +docs/adr/0002-make-it.md$" out &&
	sed -n "/^Earlier paths:/,/^\$/p" out >earlier &&
	cat >want <<-\EOT &&
	Earlier paths:  docs/adr/0002-use-make.md
	                docs/adr/0002-build-with-make.md

	EOT
	test_cmp want earlier
'

test_expect_success 'no heading for an empty list: Implemented by only when there is one' '
	adr_log -C r show 2 >out &&
	test_grep -v "^Implemented by" out &&
	adr_log -C r show 1 >out &&
	test_grep "^Implemented by \(1\):$" out
'

test_expect_success 'show --body: the text laid out for a terminal, markup removed' '
	adr_log -C r show 1 --body --color never >out &&
	test_grep "^1\. Use NATS$" out &&
	test_grep "^Context$" out &&
	test_grep "^We need reliable delivery, see the docs <https://nats.io> and nats-server\.$" out &&
	test_grep "^• one point$" out &&
	test_grep "^    # not a heading$" out &&
	test_grep -v "^#" out &&
	test_grep -v "$ESC" out &&
	adr_log -C r show 1 --body --color always >out &&
	test_grep "${ESC}\[1mContext" out
'

test_expect_success 'show --body --raw: the file as committed (made safe for a terminal)' '
	adr_log -C r show 1 --body --raw >out &&
	git -C r show HEAD:docs/adr/0001-use-nats.md >want &&
	sed -n "/^# 1\. Use NATS$/,\$p" out >got &&
	test_cmp want got &&
	adr_log -C r show 3 --body >out &&
	test_grep "^Text \*here\*\.$" out
'

test_expect_success 'show: --raw needs --body, --body needs text, a deleted ADR has no body' '
	test_expect_code 2 adr_log -C r show 1 --raw 2>err &&
	test_grep "raw goes with --body" err &&
	test_expect_code 2 adr_log -C r show 1 --body --format json 2>err &&
	test_grep "body is for text output" err &&
	(cd r && git rm -q docs/adr/0003-rst-one.rst && test_tick && git commit -q -m "drop ADR 3") &&
	test_expect_code 2 adr_log -C r show 3 --body 2>err &&
	test_grep "^adr-log: show: ADR 3 has no file at [0-9a-f]{7} \(it was deleted\)$" err
'

test_expect_success 'a slug two ADRs share is an error that says so' '
	(cd r && adr_commit docs/adr/0004-use-nats.md "4. Use NATS again" Proposed "ADR 4") &&
	test_expect_code 2 adr_log -C r show use-nats 2>err &&
	test_grep "names several ADRs" err
'

test_done
