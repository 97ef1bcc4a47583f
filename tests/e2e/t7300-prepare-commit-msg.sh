#!/bin/sh
test_description='prepare-commit-msg: a commented hint for large changes, nothing otherwise'
. "$(dirname "$0")/../lib.sh"

large_change() {
	salt=$(git rev-parse --short HEAD) &&
	seq 1 500 | sed "s/^/$salt /" >big.txt && git add big.txt
}

test_expect_success 'setup: ADRs, hooks in warn mode, an editor that records what it sees' '
	git init -q repo && cd repo &&
	adr_commit docs/adr/0001-record-decisions.md "1. Record decisions" Accepted "ADR-1" &&
	adr_commit docs/adr/0002-use-postgres.md "2. Use Postgres" Proposed "ADR-2" &&
	adr_log hooks install >/dev/null && git config adrlog.hookMode warn &&
	cat >../editor <<-\EOF
	#!/bin/sh
	cp "$1" "$TRASH/seen"
	{ echo "Edited subject"; echo; echo "ADR: 2"; cat "$TRASH/seen"; } >"$1"
	EOF
	chmod +x ../editor
'

test_expect_success 'a large change gets a hint with the candidates, before git'"'"'s comments' '
	cd repo && large_change &&
	EDITOR="sh ../editor" git commit -q 2>../err &&
	test_grep "^# adr-log: a large change: [0-9]+ changed lines in 1 file" ../seen &&
	test_grep "^#   2 +\"Use Postgres\" \(proposed\)" ../seen &&
	test_grep "^#   1 +\"Record decisions\" \(accepted\)" ../seen &&
	test_grep "^# Please enter the commit message" ../seen &&
	sed -n "/adr-log/=" ../seen | head -n 1 >../hint_line &&
	sed -n "/Please enter/=" ../seen >../git_line &&
	test "$(cat ../hint_line)" -lt "$(cat ../git_line)"
'

test_expect_success 'the hint never reaches the commit' '
	cd repo && git log -1 --format=%B >../msg &&
	test_grep -v "adr-log" ../msg &&
	test_grep "^ADR: 2" ../msg
'

test_expect_success 'a small change gets no hint' '
	cd repo && echo small >small.txt && git add small.txt &&
	EDITOR="sh ../editor" git commit -q &&
	test_grep -v "adr-log" ../seen
'

test_expect_success 'git commit -m: no hint (the message is not edited)' '
	cd repo && large_change && git commit -q -m "Given message

ADR: 1" &&
	git log -1 --format=%B >../msg && test_grep -v "adr-log" ../msg &&
	test_grep -v "adr-log" .git/COMMIT_EDITMSG
'

test_expect_success 'amend: no hint' '
	cd repo && large_change && EDITOR="sh ../editor" git commit -q --amend &&
	test_grep -v "adr-log" ../seen
'

test_expect_success 'merge: no hint' '
	cd repo && git checkout -q -b side && large_change && git commit -q -m "side

ADR: 1" &&
	git checkout -q main && echo m >m.txt && git add m.txt && git commit -q -m m &&
	EDITOR="sh ../editor" git merge -q --no-ff -e side 2>../err &&
	test_grep -v "adr-log" ../seen
'

test_expect_success 'commit.cleanup=verbatim: no hint (comments would stay)' '
	cd repo && large_change && git config commit.cleanup verbatim &&
	EDITOR="sh ../editor" git commit -q 2>../err &&
	git config --unset commit.cleanup &&
	test_grep -v "adr-log" ../seen
'

test_expect_success 'core.commentChar is used for the hint' '
	cd repo && large_change && git config core.commentChar ";" &&
	EDITOR="sh ../editor" git commit -q 2>../err &&
	git config --unset core.commentChar &&
	test_grep "^; adr-log: a large change" ../seen &&
	git log -1 --format=%B >../msg && test_grep -v "adr-log" ../msg
'

test_done
