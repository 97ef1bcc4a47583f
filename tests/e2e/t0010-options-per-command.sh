#!/bin/sh
test_description='every option a command does not use is an error: --format per command, a bad --format named first, --template with json'
. "$(dirname "$0")/../lib.sh"

test_expect_success 'setup' '
	git init -q r && (cd r && adr_commit docs/adr/0001-use-c.md "1. Use C" Accepted "ADR 1" &&
		git tag v1)
'

test_expect_success 'a bad --format is named before "not a git repository", wherever it is' '
	mkdir norepo &&
	(cd norepo && GIT_CEILING_DIRECTORIES=$TRASH test_expect_code 2 "$ADRLOG" --format yaml 2>../err) &&
	test_grep "^adr-log: unknown --format .yaml.: expected text, markdown, json, mermaid or html$" err &&
	test_grep -v "not a git repository" err &&
	(cd norepo && GIT_CEILING_DIRECTORIES=$TRASH test_expect_code 2 "$ADRLOG" list --format=yaml 2>../err) &&
	test_grep "unknown --format .yaml." err &&
	(cd norepo && GIT_CEILING_DIRECTORIES=$TRASH test_expect_code 2 "$ADRLOG" --format json 2>../err) &&
	test_grep "not a git repository" err
'

test_expect_success 'commands without formats refuse --format: hooks, new (and write nothing)' '
	test_expect_code 2 adr_log -C r hooks status --format json >out 2>err &&
	test_grep "^adr-log: hooks: takes no --format$" err &&
	test_line_count = 0 out &&
	test_expect_code 2 adr_log -C r --format json hooks status 2>err &&
	test_grep "takes no --format" err &&
	test_expect_code 2 adr_log -C r new --format html "A title" 2>err &&
	test_grep "^adr-log: new: takes no --format$" err &&
	test ! -e r/docs/adr/0002-a-title.md &&
	(cd r && git status --porcelain >../st) && test_line_count = 0 st
'

test_expect_success 'a format a command does not have is refused with the ones it has' '
	test_expect_code 2 adr_log -C r list --format mermaid 2>err &&
	test_grep "^adr-log: list: --format mermaid is not supported \(text, markdown or json\)$" err &&
	test_expect_code 2 adr_log -C r check --format html 2>err &&
	test_grep "check: --format html is not supported \(text or json\)" err &&
	test_expect_code 2 adr_log -C r release-notes --format mermaid 2>err &&
	test_grep "release-notes: --format mermaid is not supported \(text, markdown or json\)" err &&
	test_expect_code 2 adr_log -C r index --format html 2>err &&
	test_grep "index: --format html is not supported \(markdown or json\)" err
'

test_expect_success 'release-notes --template with --format json is an error, not dropped' '
	echo "{{title}}" >tpl &&
	test_expect_code 2 adr_log -C r release-notes --template ../tpl --format json 2>err &&
	test_grep "^adr-log: release-notes: --template does not apply to --format json$" err
'

test_expect_success 'the formats a command has still work' '
	for f in text markdown json mermaid html; do
		adr_log -C r timeline --format $f >/dev/null || return 1
	done &&
	adr_log -C r list --format markdown >/dev/null &&
	adr_log -C r check --format json >/dev/null &&
	adr_log -C r index --format json >/dev/null
'

test_done
