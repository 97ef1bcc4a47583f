#!/bin/sh
test_description='pre-push: each outgoing commit is checked, only what the remote lacks'
. "$(dirname "$0")/../lib.sh"

large_change() {
	salt=$(git rev-parse --short HEAD) &&
	seq 1 500 | sed "s/^/$salt /" >big.txt && git add big.txt
}

test_expect_success 'setup: a remote, a clone with hooks in block mode' '
	git init -q --bare remote.git &&
	git init -q repo && cd repo &&
	adr_commit docs/adr/0001-record-decisions.md "1. Record decisions" Accepted "ADR-1" &&
	git remote add origin ../remote.git && git push -q origin main &&
	adr_log hooks install >/dev/null && git config adrlog.hookMode block
'

test_expect_success 'small and covered commits push' '
	cd repo && echo a >a.txt && git add a.txt && git commit -q -m small &&
	large_change && git commit -q -m "big

ADR: 1" &&
	git push -q origin main 2>../err &&
	git rev-parse HEAD >../expect &&
	git --git-dir=../remote.git rev-parse main >../actual && test_cmp ../expect ../actual
'

test_expect_success 'block: an uncovered large commit stops the push and is named' '
	cd repo && large_change && ADRLOG_SKIP=1 git commit -q -m "silent big one" &&
	echo b >b.txt && git add b.txt && git commit -q -m "small after" &&
	test_expect_code 1 git push -q origin main 2>../err &&
	test_grep "1 large commit without an ADR" ../err &&
	test_grep "^  [0-9a-f]{12} silent big one" ../err &&
	test_grep -v "small after" ../err &&
	test_grep "Push refused" ../err &&
	git --git-dir=../remote.git rev-parse main >../actual &&
	git rev-parse HEAD~2 >../expect && test_cmp ../expect ../actual
'

test_expect_success 'warn: the push goes through with the finding printed' '
	cd repo && git config adrlog.hookMode warn && git push -q origin main 2>../err &&
	git config adrlog.hookMode block &&
	test_grep "warning: 1 large commit without an ADR" ../err &&
	git rev-parse HEAD >../expect &&
	git --git-dir=../remote.git rev-parse main >../actual && test_cmp ../expect ../actual
'

test_expect_success 'a new branch is checked against what the remote already has' '
	cd repo && git checkout -q -b feature && echo c >c.txt && git add c.txt &&
	git commit -q -m "feature work" &&
	git push -q origin feature 2>../err &&
	git --git-dir=../remote.git rev-parse -q --verify feature
'

test_expect_success 'a new branch with an uncovered large commit is refused' '
	cd repo && git checkout -q -b feature2 && large_change &&
	ADRLOG_SKIP=1 git commit -q -m "feature2 big" &&
	test_expect_code 1 git push -q origin feature2 2>../err &&
	test_grep "feature2 big" ../err &&
	test_grep -v "silent big one" ../err
'

test_expect_success 'ADRLOG_SKIP=1 skips the push check once' '
	cd repo && ADRLOG_SKIP=1 git push -q origin feature2 &&
	git --git-dir=../remote.git rev-parse -q --verify feature2
'

test_expect_success 'deleting a remote branch is never checked' '
	cd repo && git push -q origin :feature2 2>../err &&
	test_must_fail git --git-dir=../remote.git rev-parse -q --verify feature2
'

test_expect_success 'merge commits are not counted twice: their content came with the merged commits' '
	cd repo && git checkout -q main && git merge -q --no-ff --no-edit feature 2>/dev/null &&
	git push -q origin main 2>../err
'

test_expect_success 'the pre-commit framework: range from PRE_COMMIT_FROM_REF/TO_REF' '
	cd repo && git checkout -q feature2 &&
	test_expect_code 1 env PRE_COMMIT_FROM_REF=main PRE_COMMIT_TO_REF=feature2 \
		"$ADRLOG" hook pre-push origin ../remote.git </dev/null 2>../err &&
	test_grep "feature2 big" ../err &&
	PRE_COMMIT_FROM_REF=feature2 PRE_COMMIT_TO_REF=feature2 \
		"$ADRLOG" hook pre-push origin ../remote.git </dev/null 2>../err
'

test_expect_success '.pre-commit-hooks.yaml offers commit-msg and push (pre-commit 3.0 name) stages' '
	f="$ADRLOG_TOP/.pre-commit-hooks.yaml" &&
	test_grep "entry: adr-log hook commit-msg" "$f" &&
	test_grep "stages: \[commit-msg\]" "$f" &&
	test_grep "entry: adr-log hook pre-push" "$f" &&
	test_grep "stages: \[push\]" "$f"
'

test_done
