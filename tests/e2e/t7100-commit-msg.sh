#!/bin/sh
test_description='commit-msg: large, covered, warn, block, skip, fail-open, the index git commits'
. "$(dirname "$0")/../lib.sh"

# Stage a change of N lines (default 500) in big.txt.
# The lines differ from whatever HEAD has, so all of them count.
large_change() {
	salt=$(git rev-parse --short HEAD 2>/dev/null)
	seq 1 "${1:-500}" | sed "s/^/$salt ${1:-500} /" >big.txt && git add big.txt
}

# The subject of HEAD into file "subject" (in the trash folder).
head_subject() { git log -1 --format=%s >"$TRASH/subject"; }

test_expect_success 'setup: a repository with ADRs and the hooks in block mode' '
	git init -q repo && cd repo &&
	adr_commit docs/adr/0001-record-decisions.md "1. Record decisions" Accepted "ADR-1" &&
	adr_commit docs/adr/0002-use-postgres.md "2. Use Postgres" Proposed "ADR-2" &&
	adr_log hooks install >/dev/null &&
	git config adrlog.hookMode block
'

test_expect_success 'a small change needs nothing' '
	cd repo && seq 1 10 >small.txt && git add small.txt &&
	git commit -q -m "small" 2>../err &&
	test_line_count = 0 ../err &&
	head_subject && echo small >../expect && test_cmp ../expect ../subject
'

test_expect_success 'exactly at the limit (400 lines) is not large' '
	cd repo && large_change 400 && git commit -q -m "at the limit" 2>../err &&
	test_line_count = 0 ../err
'

test_expect_success 'block: an uncovered large change is refused, with the way out' '
	cd repo && large_change &&
	git rev-parse HEAD >../before &&
	test_expect_code 1 git commit -q -m "big and silent" 2>../err &&
	test_grep "large change without an ADR: [0-9]+ changed lines in 1 file" ../err &&
	test_grep "largest: big.txt \([0-9]+\)" ../err &&
	test_grep "ADR: none \(<reason>\)" ../err &&
	test_grep "ADRLOG_SKIP=1" ../err &&
	git rev-parse HEAD >../after && test_cmp ../before ../after &&
	test_grep "^big and silent" .git/COMMIT_EDITMSG
'

test_expect_success 'covered: "ADR: none (<reason>)"' '
	cd repo && git commit -q -m "regenerate data

ADR: none (generated fixtures)" 2>../err &&
	head_subject && echo "regenerate data" >../expect && test_cmp ../expect ../subject
'

test_expect_success '"ADR: none" without a reason does not cover' '
	cd repo && large_change &&
	test_expect_code 1 git commit -q -m "big

ADR: none" 2>../err &&
	test_grep "large change without an ADR" ../err
'

test_expect_success 'covered: the message references an existing ADR' '
	cd repo && git commit -q -m "Move the store to Postgres (ADR-2)" 2>../err &&
	head_subject && echo "Move the store to Postgres (ADR-2)" >../expect &&
	test_cmp ../expect ../subject
'

test_expect_success 'covered: an "ADR: 1" trailer' '
	cd repo && large_change &&
	git commit -q -m "big

ADR: 1" 2>../err &&
	test_line_count = 0 ../err
'

test_expect_success 'an ADR that does not exist does not cover' '
	cd repo && large_change &&
	test_expect_code 1 git commit -q -m "Implement ADR-99" 2>../err &&
	test_grep "large change without an ADR" ../err
'

test_expect_success 'a reference in a comment line does not count' '
	cd repo &&
	printf "#!/bin/sh\nprintf \"big\\\\n\\\\n# follows ADR-1\\\\n\" >\"\$1\"\n" >../editor &&
	test_expect_code 1 env EDITOR="sh ../editor" git commit -q 2>../err &&
	test_grep "large change without an ADR" ../err
'

test_expect_success 'core.commentChar decides what a comment is' '
	cd repo && git config core.commentChar ";" &&
	EDITOR="sh ../editor" git commit -q 2>../err &&
	git config --unset core.commentChar &&
	git log -1 --format=%B >../body &&
	test_grep "^# follows ADR-1" ../body
'

test_expect_success 'covered: the change adds or edits an ADR' '
	cd repo && large_change &&
	adr_write docs/adr/0003-cache.md "3. Cache" Proposed &&
	git add docs/adr/0003-cache.md &&
	git commit -q -m "big, with its decision" 2>../err &&
	test_line_count = 0 ../err
'

test_expect_success 'ADR files never count towards the size' '
	cd repo && seq 1 900 >docs/adr/0003-cache.md && git add docs/adr &&
	git commit -q -m "long decision" 2>../err &&
	test_line_count = 0 ../err
'

test_expect_success 'ignored paths do not count: lock files, vendor/, generated' '
	cd repo && mkdir -p vendor/lib web &&
	seq 1 900 >package-lock.json && seq 1 900 >vendor/lib/x.c &&
	seq 1 900 >web/app.min.js && git add . &&
	git commit -q -m "bump deps" 2>../err &&
	test_line_count = 0 ../err
'

test_expect_success 'adrlog.ignore adds globs' '
	cd repo && mkdir -p fixtures && seq 1 900 >fixtures/data.csv && git add fixtures &&
	test_expect_code 1 git commit -q -m "fixtures" 2>/dev/null &&
	git config adrlog.ignore "fixtures/" &&
	git commit -q -m "fixtures" &&
	git config --unset adrlog.ignore
'

test_expect_success 'too many files is large too (adrlog.largeFiles)' '
	cd repo && mkdir -p many &&
	for i in $(seq 1 21); do echo $i >many/f$i.txt; done && git add many &&
	test_expect_code 1 git commit -q -m "many files" 2>../err &&
	test_grep "21 changed lines in 21 files" ../err &&
	git config adrlog.largeFiles 30 && git commit -q -m "many files" &&
	git config --unset adrlog.largeFiles
'

test_expect_success 'thresholds from a committed .adrlog' '
	cd repo && printf "[adrlog]\n\tlargeLines = 2000\n" >.adrlog && git add .adrlog &&
	ADRLOG_SKIP=1 git commit -q -m "adrlog settings" &&
	large_change 900 && git commit -q -m "900 lines is fine here" 2>../err &&
	test_line_count = 0 ../err &&
	git config adrlog.largeLines 100 &&
	large_change 200 && test_expect_code 1 git commit -q -m "git config wins" 2>/dev/null &&
	git config --unset adrlog.largeLines && git reset -q --hard &&
	git rm -q .adrlog && ADRLOG_SKIP=1 git commit -q -m "default thresholds again"
'

test_expect_success 'git commit -a: the temporary index (GIT_INDEX_FILE) is measured' '
	cd repo && seq 1 10 >tracked.txt && git add tracked.txt && git commit -q -m tracked &&
	seq 1000 1600 >tracked.txt &&
	git commit -q -m "unstaged small" --allow-empty 2>../err &&
	test_line_count = 0 ../err &&
	test_expect_code 1 git commit -q -a -m "all of it" 2>../err &&
	test_grep "large change without an ADR" ../err
'

test_expect_success 'git commit PATHS: the temporary index is measured' '
	cd repo && seq 1 3 >other.txt && git add other.txt &&
	test_expect_code 1 git commit -q -m "only tracked.txt" tracked.txt 2>../err &&
	test_grep "tracked.txt" ../err &&
	git commit -q -m "only other" other.txt 2>../err &&
	test_line_count = 0 ../err &&
	git checkout -q tracked.txt
'

test_expect_success 'ADRLOG_SKIP=1 skips the check once' '
	cd repo && large_change &&
	ADRLOG_SKIP=1 git commit -q -m "skipped" 2>../err &&
	test_line_count = 0 ../err
'

test_expect_success 'warn: prints the finding, the commit goes through' '
	cd repo && git config adrlog.hookMode warn && large_change &&
	git commit -q -m "warned" 2>../err &&
	test_grep "warning: large change without an ADR" ../err &&
	test_grep "candidates: ADR 2 +\"Use Postgres\" \(proposed\)" ../err &&
	head_subject && echo warned >../expect && test_cmp ../expect ../subject
'

test_expect_success 'no terminal at all (setsid, stdin /dev/null): default is warn' '
	cd repo && git config --unset adrlog.hookMode && large_change &&
	setsid git commit -q -m "no terminal" </dev/null >../out 2>../err &&
	test_grep "warning: large change without an ADR" ../err &&
	head_subject && echo "no terminal" >../expect && test_cmp ../expect ../subject
'

test_expect_success 'the first commit is measured against the empty tree' '
	git init -q fresh && cd fresh && adr_log hooks install >/dev/null &&
	git config adrlog.hookMode block &&
	seq 1 500 >big.txt && git add big.txt &&
	test_expect_code 1 git commit -q -m "initial import" 2>../err &&
	test_grep "500 changed lines in 1 file" ../err &&
	git commit -q -m "initial import

ADR: none (import of an existing project)"
'

test_expect_success 'fail-open: adr-log failing lets the commit through with a warning' '
	cd repo && git config adrlog.hookMode block && git config adrlog.largeLines lots &&
	large_change && git commit -q -m "config broken" 2>../err &&
	test_grep "warning: commit-msg hook failed: adrlog.largeLines: .lots. is not a number" ../err &&
	test_grep "fail-open" ../err
'

test_expect_success 'adrlog.failClosed=true: adr-log failing stops the commit' '
	cd repo && git config adrlog.failClosed true && large_change &&
	test_expect_code 1 git commit -q -m "config broken, closed" 2>../err &&
	test_grep "adrlog.largeLines" ../err &&
	test_grep "failClosed" ../err &&
	git config --unset adrlog.largeLines
'

test_expect_success 'fail-open when adr-log crashes (the shim sees the exit status)' '
	cd repo && git config --unset adrlog.failClosed &&
	printf "#!/bin/sh\nkill -SEGV \$\$\n" >../crash && chmod +x ../crash &&
	cp .git/hooks/commit-msg ../shim-saved &&
	sed "s|^adr_log=.*|adr_log=$TRASH/crash|" ../shim-saved >.git/hooks/commit-msg &&
	large_change && git commit -q -m "crashed" 2>../err &&
	test_grep "adr-log failed \(exit 139\); commit-msg check skipped" ../err &&
	git config adrlog.failClosed true && large_change &&
	test_expect_code 1 git commit -q -m "crashed, closed" 2>../err &&
	cp ../shim-saved .git/hooks/commit-msg && git config --unset adrlog.failClosed
'

test_expect_success 'an unknown adrlog.hookMode fails open with a clear warning' '
	cd repo && git config adrlog.hookMode nag && large_change &&
	git commit -q -m "bad mode" 2>../err &&
	test_grep "adrlog.hookMode: .nag. is not prompt, warn or block" ../err &&
	git config adrlog.hookMode block
'

test_expect_success 'concluding a merge is not checked: its commits were' '
	cd repo && git config adrlog.hookMode block && git checkout -q -b side &&
	large_change && git commit -q -m "side work

ADR: none (test data)" &&
	git checkout -q main && echo m >m.txt && git add m.txt && git commit -q -m "main work" &&
	git merge -q --no-ff -m "Merge side" side 2>../err &&
	git log -1 --format=%s >../subject && echo "Merge side" >../expect &&
	test_cmp ../expect ../subject
'

test_expect_success 'a large change parses the ADRs once, then reuses them (the document memo)' '
	cd repo && rm -rf .git/adr-log && large_change &&
	ADRLOG_CACHE_TRACE=1 git commit -q -m "big, per ADR-2" 2>../err &&
	test_grep "cache: docs 0 reused, [1-9][0-9]* parsed" ../err &&
	test -f .git/adr-log/docs &&
	large_change &&
	ADRLOG_CACHE_TRACE=1 git commit -q -m "bigger, per ADR-2" 2>../err &&
	test_grep "cache: docs [1-9][0-9]* reused, 0 parsed" ../err &&
	adr_log --no-cache list >../no-cache && adr_log list >../cached &&
	test_cmp ../no-cache ../cached
'

test_expect_success 'a damaged document memo is ignored, and the hook still decides' '
	cd repo && printf "garbage" >.git/adr-log/docs && large_change &&
	ADRLOG_CACHE_TRACE=1 git commit -q -m "big again, per ADR-2" 2>../err &&
	test_grep "cache: ignored .*docs: truncated" ../err &&
	test_grep "cache: docs 0 reused, [1-9][0-9]* parsed" ../err &&
	large_change &&
	test_expect_code 1 git commit -q -m "big, per ADR-99" 2>../err &&
	test_grep "large change without an ADR" ../err
'

test_expect_success 'hook refuses unknown hook names' '
	cd repo && test_expect_code 2 "$ADRLOG" hook post-checkout 2>../err &&
	test_grep "not a hook adr-log handles" ../err
'

test_done
