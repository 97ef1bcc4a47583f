#!/bin/sh
test_description='finding ADR folders, SPEC section 1 rev2: default folders in any case,
folders found by content (rule 6) with their note, the hint when nothing is found,
named folders that do not exist, --adr-dir relative to the current directory, folder
paths from committed files that leave the work tree, many configured folders'
. "$(dirname "$0")/../lib.sh"

# paths PATHFILE: the "path" values of list --format json, one per line.
paths() {
	sed -n 's/^ *"path": "\(.*\)",$/\1/p' "$1"
}

test_expect_success 'rule 5: default folders are found in any case (ADR/, Docs/ADR)' '
	git init -q upper && (cd upper &&
	adr_write ADR/0001-upper.md "Upper" Accepted &&
	git add . && test_tick && git commit -q -m adrs) &&
	adr_log -C upper list --format json >out 2>err &&
	paths out >actual &&
	echo ADR/0001-upper.md >expect &&
	test_cmp expect actual &&
	test_line_count = 0 err &&
	git init -q mixed && (cd mixed &&
	adr_write Docs/ADR/0002-mixed.md "Mixed" Accepted &&
	adr_write Decisions/0003-later.md "Later in the list" Accepted &&
	git add . && test_tick && git commit -q -m adrs) &&
	adr_log -C mixed list --format json >out &&
	paths out >actual &&
	echo Docs/ADR/0002-mixed.md >expect &&
	test_cmp expect actual
'

test_expect_success 'rule 5: an exact name wins over another spelling, and over a later folder in any case' '
	git init -q both && (cd both &&
	adr_write docs/ADR/0001-upper.md "Upper" Accepted &&
	adr_write docs/adr/0002-lower.md "Lower" Accepted &&
	git add . && test_tick && git commit -q -m adrs) &&
	adr_log -C both list --format json >out &&
	paths out >actual &&
	echo docs/adr/0002-lower.md >expect &&
	test_cmp expect actual &&
	git init -q later && (cd later &&
	adr_write DOC/ADR/0001-first-in-list.md "Doc adr" Accepted &&
	adr_write docs/adr/0002-exact.md "Exact" Accepted &&
	git add . && test_tick && git commit -q -m adrs) &&
	adr_log -C later list --format json >out &&
	paths out >actual &&
	echo docs/adr/0002-exact.md >expect &&
	test_cmp expect actual
'

test_expect_success 'setup: ADRs in folders of no known name' '
	git init -q content && (cd content &&
	adr_write records/arch/adr-001-one.md "One" Accepted &&
	adr_write records/arch/adr-002-two.md "Two" Proposed &&
	adr_write records/arch/adr-003-three.md "Three" "" &&
	adr_write records/arch/adr-004-four.md "Four" Rejected &&
	adr_write records/arch/old/adr-010-ten.md "Ten" Accepted &&
	adr_write records/arch/old/adr-011-eleven.md "Eleven" Accepted &&
	adr_write records/arch/old/adr-012-twelve.md "Twelve" Accepted &&
	adr_write teams/x/0001-a.md "A" Accepted &&
	adr_write teams/x/0002-b.md "B" Accepted &&
	adr_write teams/x/0003-c.md "C" Accepted &&
	mkdir -p book && for i in 01 02 03 04; do
		printf "# Chapter %s\n\nText.\n" $i >book/$i-chapter.md; done &&
	adr_write two/0001-a.md "A" Accepted &&
	adr_write two/0002-b.md "B" Accepted &&
	git add . && test_tick && git commit -q -m adrs)
'

test_expect_success 'rule 6: folders holding 3 ADRs, half with a status; nested candidates dropped' '
	adr_log -C content list --format json >out 2>err &&
	paths out >actual &&
	cat >expect <<-\EOF &&
	records/arch/adr-001-one.md
	teams/x/0001-a.md
	records/arch/adr-002-two.md
	teams/x/0002-b.md
	records/arch/adr-003-three.md
	teams/x/0003-c.md
	records/arch/adr-004-four.md
	records/arch/old/adr-010-ten.md
	records/arch/old/adr-011-eleven.md
	records/arch/old/adr-012-twelve.md
	EOF
	test_cmp expect actual
'

test_expect_success 'rule 6: one note on stderr names the folders and how to pin them' '
	test_line_count = 1 err &&
	test_grep "^adr-log: note: .*records/arch teams/x.*adrlog.dir" err &&
	test_grep -v "records/arch/old" err
'

test_expect_success 'rule 6: the history commands read the same folders and say so once' '
	adr_log -C content timeline >out 2>err &&
	test_line_count = 1 err &&
	test_grep "records/arch teams/x" err &&
	test_grep "Ten" out
'

test_expect_success 'rule 6: a folder pinned with adrlog.dir is read, and no note is given' '
	git -C content config adrlog.dir teams/x &&
	adr_log -C content list --format json >out 2>err &&
	paths out >actual &&
	printf "%s\n" teams/x/0001-a.md teams/x/0002-b.md teams/x/0003-c.md >expect &&
	test_cmp expect actual &&
	test_line_count = 0 err &&
	git -C content config --unset adrlog.dir
'

test_expect_success 'rule 6: the root itself can be the folder' '
	git init -q root && (cd root &&
	adr_write adr-001-a.md "A" Accepted &&
	adr_write adr-002-b.md "B" Accepted &&
	adr_write adr-003-c.md "C" Accepted &&
	adr_write sub/adr-004-d.md "D" Accepted &&
	git add . && test_tick && git commit -q -m adrs) &&
	adr_log -C root list --format json >out 2>err &&
	paths out >actual &&
	printf "%s\n" adr-001-a.md adr-002-b.md adr-003-c.md sub/adr-004-d.md >expect &&
	test_cmp expect actual &&
	test_grep "adrlog.dir \\.'"'"'" err
'

test_expect_success 'nothing found: the list is empty, exit 0, and one line on stderr says what was looked for' '
	git init -q none && (cd none &&
	adr_write notes/0001-a.md "A" Accepted &&
	adr_write notes/0002-b.md "B" Accepted &&
	git add . && test_tick && git commit -q -m two) &&
	adr_log -C none list >out 2>err &&
	test_grep "no ADRs found" out &&
	test_line_count = 1 err &&
	test_grep "^adr-log: note: no ADR folder found: .*--adr-dir.*adrlog.dir" err &&
	adr_log -C none timeline >out 2>err &&
	test_line_count = 1 err
'

test_expect_success 'several named folders: one gone at the tip is no error (its history is walked)' '
	adr_log -C content --adr-dir teams/x --adr-dir gone list --format json >out &&
	paths out >actual &&
	printf "%s\n" teams/x/0001-a.md teams/x/0002-b.md teams/x/0003-c.md >expect &&
	test_cmp expect actual
'

test_expect_success 'a folder named with --adr-dir that does not exist at the revision: exit 2, one line' '
	test_expect_code 2 adr_log -C content --adr-dir records/ach list >out 2>err &&
	test_line_count = 1 err &&
	test_grep "^adr-log: --adr-dir .records/ach.: no such folder at HEAD" err &&
	test_line_count = 0 out &&
	test_expect_code 2 adr_log -C content --adr-dir nope timeline 2>err &&
	test_grep "nope" err &&
	test_expect_code 2 adr_log -C content --adr-dir nope check 2>err &&
	test_grep "nope" err
'

test_expect_success 'a folder named in git config or .adrlog that does not exist: exit 2' '
	git -C content config adrlog.dir docs/missing &&
	test_when_finished "git -C content config --unset adrlog.dir" &&
	test_expect_code 2 adr_log -C content list 2>err &&
	git -C content config --unset adrlog.dir &&
	test_grep "^adr-log: adrlog.dir .docs/missing.: no such folder" err &&
	(cd content && printf "[adrlog]\n\tdir = teams/y\n" >.adrlog && git add .adrlog &&
	 test_tick && git commit -q -m adrlog) &&
	test_expect_code 2 adr_log -C content list 2>err &&
	test_grep "teams/y" err &&
	(cd content && git rm -q .adrlog && test_tick && git commit -q -m "no adrlog")
'

test_expect_success '--adr-dir is read relative to the current directory' '
	(cd content/records && "$ADRLOG" --adr-dir arch/old list --format json) >out &&
	paths out >actual &&
	printf "%s\n" records/arch/old/adr-010-ten.md records/arch/old/adr-011-eleven.md \
		records/arch/old/adr-012-twelve.md >expect &&
	test_cmp expect actual &&
	(cd content/records/arch && "$ADRLOG" --adr-dir ../../teams/x/ list --format json) >out &&
	paths out >actual &&
	printf "%s\n" teams/x/0001-a.md teams/x/0002-b.md teams/x/0003-c.md >expect &&
	test_cmp expect actual &&
	(cd content/records && "$ADRLOG" --adr-dir "$TRASH/content/teams/x" list --format json) >out &&
	paths out >actual &&
	test_cmp expect actual &&
	adr_log -C content/teams --adr-dir x list --format json >out &&
	paths out >actual &&
	test_cmp expect actual &&
	(cd content/teams/x && "$ADRLOG" --adr-dir . list --format json) >out &&
	paths out >actual &&
	test_cmp expect actual
'

test_expect_success '--adr-dir outside the work tree is a one-line error' '
	(cd content/records && test_expect_code 2 "$ADRLOG" --adr-dir ../../x list) 2>err &&
	test_line_count = 1 err &&
	test_grep "^adr-log: --adr-dir .\\.\\./\\.\\./x.: outside the work tree" err &&
	(cd content && test_expect_code 2 "$ADRLOG" --adr-dir /tmp list) 2>err &&
	test_grep "outside the work tree" err
'

# refused FILE CONTENT: a committed FILE naming a folder outside the work tree
refused() {
	git init -q "r$1" && (cd "r$1" &&
	adr_write docs/adr/0001-a.md "A" Accepted &&
	mkdir -p "$(dirname "$2")" && printf "$3" >"$2" && git add . && test_tick &&
	git commit -q -m evil) &&
	test_expect_code 2 adr_log -C "r$1" list >out 2>err &&
	test_line_count = 1 err &&
	test_grep "^adr-log: $2: folder " err &&
	test_expect_code 2 adr_log -C "r$1" timeline 2>err &&
	test_grep "$2" err &&
	test_must_fail adr_log -C "r$1" new "Escape" 2>err &&
	! ls "$TRASH"/*escape* 2>/dev/null &&
	! ls "$TRASH"/x 2>/dev/null
}

test_expect_success 'a committed .adrlog folder with ".." is refused (list, timeline, new)' '
	refused 1 .adrlog "[adrlog]\n\tdir = ../x\n"
'

test_expect_success 'a committed .adrlog folder that is absolute is refused' '
	refused 2 .adrlog "[adrlog]\n\tdir = /tmp/x\n" &&
	test_grep "absolute" err
'

test_expect_success 'a committed .adr-dir with ".." is refused' '
	refused 3 .adr-dir "docs/../../x\n"
'

test_expect_success 'a committed .log4brains.yml adrFolder outside is refused' '
	refused 4 .log4brains.yml "project:\n  adrFolder: ../../x\n" &&
	refused 5 .log4brains.yml "packages:\n  - name: a\n    adrFolder: /etc\n"
'

test_expect_success 'a ".." inside a name is no parent folder (docs/..x, x..y)' '
	git init -q dots && (cd dots &&
	adr_write "docs/..x/0001-a.md" "A" Accepted &&
	printf "docs/..x\n" >.adr-dir && git add . && test_tick && git commit -q -m dots) &&
	adr_log -C dots list --format json >out &&
	paths out >actual &&
	echo "docs/..x/0001-a.md" >expect &&
	test_cmp expect actual
'

test_expect_success 'git config may name any folder of the tree; only committed files are refused' '
	git -C r1 config adrlog.dir docs/adr &&
	adr_log -C r1 list --format json >out &&
	paths out >actual &&
	echo docs/adr/0001-a.md >expect &&
	test_cmp expect actual
'

test_expect_success 'a committed .adrlog with 40,000 folders is read (linear: issue 12)' '
	git init -q many && (cd many &&
	adr_write docs/adr/0001-a.md "A" Accepted &&
	python3 -c "
print(\"[adrlog]\")
for i in range(40000): print(\"\tdir = docs/f%d\" % i)
print(\"\tdir = docs/adr\")" >.adrlog &&
	git add . && test_tick && git commit -q -m many) &&
	adr_log -C many --adr-dir docs/adr list --format json >out &&
	paths out >actual &&
	echo docs/adr/0001-a.md >expect &&
	test_cmp expect actual &&
	adr_log -C many list --format json >out &&
	paths out >actual &&
	test_cmp expect actual
'

test_done
