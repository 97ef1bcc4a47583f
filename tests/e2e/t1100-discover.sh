#!/bin/sh
test_description='finding ADR folders and files (SPEC section 1): every rule in order,
subfolders, -C, subdirectories, bare repositories, worktrees, revisions'
. "$(dirname "$0")/../lib.sh"

# paths PATHFILE: the "path" values of list --format json, one per line.
paths() {
	sed -n 's/^ *"path": "\(.*\)",$/\1/p' "$1"
}

test_expect_success 'setup: ADRs in several candidate folders' '
	git init -q repo && cd repo &&
	adr_write docs/adr/0001-first.md "First" Accepted &&
	adr_write docs/adr/0002-second.md "Second" Proposed &&
	adr_write doc/adr/0007-old-place.md "Old place" Accepted &&
	adr_write decisions/0003-third.md "Third" Accepted &&
	adr_write other/0009-custom.md "Custom" Accepted &&
	adr_write other/sub/0010-nested.md "Nested" Accepted &&
	printf "# ADRs\n" >docs/adr/README.md &&
	printf "# Template\n\n## Status\n\nX\n" >docs/adr/template.md &&
	printf "# T\n" >docs/adr/0000-template.md &&
	printf "# Private\n" >docs/adr/_draft-0004.md &&
	printf "not an adr\n" >docs/adr/0005-data.txt &&
	git add . && test_tick && git commit -q -m "ADRs"
'

test_expect_success 'default: the first listed folder that exists (doc/adr)' '
	adr_log -C repo list --format json >out &&
	paths out >actual &&
	echo doc/adr/0007-old-place.md >expect &&
	test_cmp expect actual
'

test_expect_success '--adr-dir wins, repeatable, subfolders included' '
	adr_log -C repo --adr-dir other --adr-dir ./decisions/ list --format json >out &&
	paths out >actual &&
	printf "%s\n" decisions/0003-third.md other/0009-custom.md other/sub/0010-nested.md >expect &&
	test_cmp expect actual
'

test_expect_success 'README, template, 0000-template, _names and other extensions are never ADRs' '
	adr_log -C repo --adr-dir docs/adr list --format json >out &&
	paths out >actual &&
	printf "%s\n" docs/adr/0001-first.md docs/adr/0002-second.md >expect &&
	test_cmp expect actual
'

test_expect_success 'a committed .adr-dir (adr-tools) beats the defaults' '
	(cd repo && echo "decisions" >.adr-dir && git add .adr-dir && test_tick &&
	 git commit -q -m "adr-dir") &&
	adr_log -C repo list --format json >out &&
	paths out >actual &&
	echo decisions/0003-third.md >expect &&
	test_cmp expect actual
'

test_expect_success '.log4brains.yml adrFolder and packages[].adrFolder' '
	(cd repo && git rm -q .adr-dir && cat >.log4brains.yml <<-\EOF &&
	project:
	  name: demo
	  adrFolder: ./other/sub
	  packages:
	    - name: pkg
	      path: ./decisions
	      adrFolder: "./decisions"
	EOF
	 git add .log4brains.yml && test_tick && git commit -q -m log4brains) &&
	adr_log -C repo list --format json >out &&
	paths out >actual &&
	printf "%s\n" decisions/0003-third.md other/sub/0010-nested.md >expect &&
	test_cmp expect actual
'

test_expect_success 'a committed .adrlog beats .log4brains.yml; git config beats .adrlog' '
	(cd repo && printf "[adrlog]\n\tdir = other\n" >.adrlog && git add .adrlog &&
	 test_tick && git commit -q -m adrlog) &&
	adr_log -C repo list --format json >out &&
	paths out >actual &&
	printf "%s\n" other/0009-custom.md other/sub/0010-nested.md >expect &&
	test_cmp expect actual &&
	git -C repo config adrlog.dir docs/adr &&
	git -C repo config --add adrlog.dir decisions &&
	adr_log -C repo list --format json >out &&
	paths out >actual &&
	printf "%s\n" docs/adr/0001-first.md decisions/0003-third.md docs/adr/0002-second.md >expect &&
	sort expect >e && sort actual >a && test_cmp e a
'

test_expect_success 'an uncommitted .adrlog or ADR is not read (git objects only)' '
	git -C repo config --unset-all adrlog.dir &&
	printf "[adrlog]\n\tdir = decisions\n" >repo/.adrlog &&
	adr_write repo/other/0011-uncommitted.md "Uncommitted" Accepted &&
	adr_log -C repo list --format json >out &&
	paths out >actual &&
	printf "%s\n" other/0009-custom.md other/sub/0010-nested.md >expect &&
	test_cmp expect actual &&
	git -C repo checkout -q .adrlog && rm repo/other/0011-uncommitted.md
'

test_expect_success 'run from a subdirectory finds the repository' '
	(cd repo/other/sub && "$ADRLOG" list --format json >../../../out) &&
	paths out >actual &&
	printf "%s\n" other/0009-custom.md other/sub/0010-nested.md >expect &&
	test_cmp expect actual
'

test_expect_success '--rev reads an older revision' '
	adr_log -C repo list --rev HEAD~2 --format json >out &&
	paths out >actual &&
	echo decisions/0003-third.md >expect &&
	test_cmp expect actual
'

test_expect_success 'an unknown --rev is a one-line error naming it' '
	test_expect_code 2 adr_log -C repo list --rev nope 2>err &&
	test_line_count = 1 err &&
	test_grep "unknown revision .nope." err
'

test_expect_success 'a bare clone reads the same' '
	git clone -q --bare repo bare.git &&
	adr_log -C bare.git list --format json >out &&
	paths out >actual &&
	printf "%s\n" other/0009-custom.md other/sub/0010-nested.md >expect &&
	test_cmp expect actual
'

test_expect_success 'a linked worktree reads its own HEAD' '
	git -C repo worktree add -q ../wt HEAD~2 &&
	adr_log -C wt list --format json >out &&
	paths out >actual &&
	echo decisions/0003-third.md >expect &&
	test_cmp expect actual
'

test_expect_success '--adr-dir . is the repository root' '
	git init -q rooted && (cd rooted &&
	adr_write adr-001-use-adrs.md "Use ADRs" Accepted &&
	adr_write adr-002-config.md "Config" Proposed &&
	printf "# Readme\n" >README.md &&
	git add . && test_tick && git commit -q -m root) &&
	adr_log -C rooted --adr-dir . list --format json >out &&
	paths out >actual &&
	printf "%s\n" adr-001-use-adrs.md adr-002-config.md >expect &&
	test_cmp expect actual
'

test_expect_success 'no ADR folder at all: an empty list, exit 0' '
	git init -q none && (cd none && test_commit one) &&
	adr_log -C none list >out &&
	test_grep "no ADRs found" out
'

test_done
