#!/bin/sh
test_description='the message judged as git records it: -m # lines, cleanup modes, commentChar=auto, amend, reword, reasons, control characters'
. "$(dirname "$0")/../lib.sh"

large_change() {
	salt=$(git rev-parse --short HEAD 2>/dev/null)
	seq 1 "${1:-500}" | sed "s/^/$salt ${1:-500} /" >big.txt && git add big.txt
}

test_expect_success 'setup: ADRs, hooks in block mode' '
	git init -q repo && cd repo &&
	adr_commit docs/adr/0001-record-decisions.md "1. Record decisions" Accepted "ADR-1" &&
	adr_commit docs/adr/0002-use-postgres.md "2. Use Postgres" Proposed "ADR-2" &&
	adr_log hooks install >/dev/null &&
	git config adrlog.hookMode block &&
	printf "#!/bin/sh\nprintf \"Edited subject\\\\n\" >\"\$1.new\"; cat \"\$1\" >>\"\$1.new\"; mv \"\$1.new\" \"\$1\"\n" >../keep-editor
'

test_expect_success 'git commit -m "#1234 Rewrite ..." is checked: git keeps the line' '
	cd repo && large_change &&
	test_expect_code 1 git commit -q -m "#1234 Rewrite the billing engine" 2>../err &&
	test_grep "Commit refused" ../err
'

test_expect_success 'an ADR cited on a # line of -m counts (git records it)' '
	cd repo && git commit -q -m "Rewrite the billing engine" -m "#ADR-2 is the plan" 2>../err &&
	git log -1 --format=%B >../msg && test_grep "^#ADR-2 is the plan" ../msg
'

test_expect_success 'with an editor, a citation on a comment line does not count' '
	cd repo && large_change &&
	printf "#!/bin/sh\nprintf \"Big work\\\\n# ADR-2\\\\n\" >\"\$1\"\n" >../ed &&
	test_expect_code 1 env EDITOR="sh ../ed" git commit -q 2>../err &&
	test_grep "Commit refused" ../err
'

test_expect_success '--cleanup=whitespace keeps # lines: a citation there counts' '
	cd repo &&
	EDITOR="sh ../ed" git commit -q --cleanup=whitespace 2>../err &&
	git log -1 --format=%B >../msg && test_grep "^# ADR-2" ../msg
'

test_expect_success 'commit.cleanup=whitespace from git -c counts too' '
	cd repo && large_change &&
	EDITOR="sh ../ed" git -c commit.cleanup=whitespace commit -q 2>../err &&
	git log -1 --format=%B >../msg && test_grep "^# ADR-2" ../msg
'

test_expect_success '--cleanup=verbatim: no hint is added, and the commit is judged without one' '
	cd repo && large_change && git config adrlog.hookMode warn &&
	EDITOR="sh ../keep-editor" git commit -q --cleanup=verbatim 2>../err &&
	git log -1 --format=%B >../msg &&
	test_grep -v "adr-log" ../msg &&
	test_grep "warning: large change without an ADR" ../err &&
	git config adrlog.hookMode block
'

test_expect_success 'the hint holds no citation syntax, even when a title has some' '
	cd repo &&
	adr_commit docs/adr/0003-replace-adr-1.md "3. Replace ADR-1 with docs/adr/0002-use-postgres.md" Accepted "ADR-3" &&
	large_change && git config adrlog.hookMode warn &&
	printf "\n# Please enter the commit message\n" >../msgfile &&
	adr_log hook prepare-commit-msg ../msgfile &&
	test_grep "adr-log: a large change" ../msgfile &&
	test_grep "^#   3 +\(title not shown\) \(accepted\)" ../msgfile &&
	test_grep -v "ADR[-_# ]?[0-9]" ../msgfile &&
	test_grep -v "ADR: " ../msgfile &&
	test_grep -v "0002-use-postgres" ../msgfile &&
	git config adrlog.hookMode block && git reset -q
'

test_expect_success 'core.commentChar=auto: the hint uses the character git chose' '
	cd repo && large_change &&
	printf "#1234 Fix the ledger\n" >../template &&
	printf "#!/bin/sh\ncp \"\$1\" \"$TRASH/seen\"; printf \"\\\\nADR: 1\\\\n\" >>\"\$1\"\n" >../ed2 &&
	EDITOR="sh ../ed2" git -c core.commentChar=auto commit -q -t ../template 2>../err &&
	test_grep "^; Please enter" ../seen &&
	test_grep "^; adr-log: a large change" ../seen &&
	git log -1 --format=%B >../msg &&
	test_grep -v "adr-log" ../msg && test_grep "^#1234 Fix the ledger" ../msg
'

test_expect_success 'core.commentChar=auto with -m: a "#" subject is content' '
	cd repo && large_change &&
	test_expect_code 1 git -c core.commentChar=auto commit -q -m "#77 only a ticket" 2>../err &&
	test_grep "Commit refused" ../err
'

test_expect_success 'setup amend: a large covered commit' '
	cd repo && large_change &&
	git commit -q -m "Large and covered" -m "ADR: 1" 2>../err
'

test_expect_success '--amend that drops the trailer is judged by the whole commit' '
	cd repo &&
	test_expect_code 1 git commit -q --amend -m "Large, trailer dropped" 2>../err &&
	test_grep "the whole amended commit" ../err &&
	git log -1 --format=%s >../subject && echo "Large and covered" >../expect &&
	test_cmp ../expect ../subject
'

test_expect_success '--amend keeping the trailer passes; a small amend of a small commit too' '
	cd repo && git commit -q --amend -m "Large, still covered" -m "ADR: 1" 2>../err &&
	echo one >one.txt && git add one.txt && git commit -q -m "small" &&
	echo two >>one.txt && git add one.txt && git commit -q --amend -m "small, amended" 2>../err &&
	test_line_count = 0 ../err
'

test_expect_success 'rebase reword of a large commit that drops the trailer is refused' '
	cd repo && large_change && git commit -q -m "Big again" -m "ADR: 2" &&
	echo x >x.txt && git add x.txt && git commit -q -m "after" &&
	git rev-parse HEAD >../before &&
	printf "#!/bin/sh\nprintf \"Big again, reworded\\\\n\" >\"\$1\"\n" >../reword-ed &&
	test_must_fail env GIT_SEQUENCE_EDITOR="sed -i 1s/^pick/reword/" \
		EDITOR="sh ../reword-ed" git rebase -q -i HEAD~2 >../out 2>&1 &&
	test_grep "Commit refused" ../out &&
	git rebase --abort && git rev-parse HEAD >../after && test_cmp ../before ../after
'

test_expect_success 'a refusal says why a reference did not count' '
	cd repo && large_change &&
	test_expect_code 1 git commit -q -m "Big" -m "ADR: 99" 2>../err &&
	test_grep "\"99\" in the message names no ADR here" ../err &&
	test_expect_code 1 git commit -q -m "Big" -m "ADR: none" 2>../err &&
	test_grep "\"ADR: none\" counts only with a reason" ../err
'

test_expect_success 'control characters of titles and paths never reach the terminal' '
	cd repo && git reset -q --hard &&
	adr_commit docs/adr/0004-evil.md "$(printf "4. Evil \033]52;c;aGk=\007\033[2J title")" Proposed "ADR-4" &&
	mkdir -p "$(printf "x\033[31m")" && seq 1 500 >"$(printf "x\033[31m")/f" &&
	git add . && git config adrlog.hookMode warn &&
	git commit -q -m "Evil paths" 2>../err &&
	test_grep "Evil" ../err &&
	! grep -q "$(printf "\033")" ../err &&
	! grep -q "$(printf "\007")" ../err &&
	git config adrlog.hookMode block
'

test_expect_success 'pre-push: control characters of subjects are neutralised' '
	git init -q --bare remote.git && cd repo && git remote add origin ../remote.git &&
	large_change && ADRLOG_SKIP=1 git commit -q -m "$(printf "push \033[2J\033]0;title\007 me")" &&
	test_expect_code 1 git push -q origin main 2>../err &&
	test_grep "push .*me" ../err &&
	! grep -q "$(printf "\033")" ../err
'

test_done
