#!/bin/sh
test_description='hooks with the real hook managers: Husky v9, lefthook, the pre-commit framework, a tracked hooks folder, an edited shim'
. "$(dirname "$0")/../lib.sh"

# The managers come from scripts/bootstrap (.tools/, npm registry; pre-commit
# from Debian).  They are skipped with a note only when truly missing, and
# never in CI.
TOOLS=${ADRLOG_TOOLS:-$ADRLOG_TOP/.tools/node_modules/.bin}
PTY="$ADRLOG_BUILD/helper/pty-run"
ADRBIN=$TRASH/bin
mkdir -p "$ADRBIN" && ln -s "$ADRLOG" "$ADRBIN/adr-log"
PATH=$ADRBIN:$TOOLS:$PATH
export PATH

have() {
	command -v "$1" >/dev/null 2>&1 && return 0
	if [ "${CI-}" = true ]; then
		echo "$1 is missing in CI: run scripts/bootstrap" >&2
		return 1
	fi
	say "# skipping: $1 not installed (scripts/bootstrap installs it)"
	return 2
}

large_change() {
	salt=$(git rev-parse --short HEAD 2>/dev/null)
	seq 1 500 | sed "s/^/$salt /" >big.txt && git add big.txt
}

adrs() {
	adr_commit docs/adr/0001-record-decisions.md "1. Record decisions" Accepted "ADR-1" &&
	adr_commit docs/adr/0002-use-postgres.md "2. Use Postgres" Proposed "ADR-2"
}

# --- Husky v9 ---------------------------------------------------------------

test_expect_success 'Husky: husky init, a team commit-msg hook, then adr-log hooks install' '
	have husky || exit $(( $? == 2 ? 0 : 1 ))
	git init -q husky && cd husky && adrs &&
	echo "{\"name\": \"t\", \"scripts\": {}}" >package.json &&
	husky init >/dev/null && test "$(git config core.hooksPath)" = .husky/_ &&
	printf "%s" "grep -qE \"^(feat|fix|chore)(\\(.+\\))?: \" \"\$1\" || { echo \"team: not a conventional commit\" >&2; exit 1; }" >.husky/commit-msg &&
	echo "exit 0" >.husky/pre-commit &&
	git add .husky package.json && git commit -q -m "chore: husky" &&
	find .husky/_ -type f | sort | xargs cksum >../husky-before &&
	adr_log hooks install >../out &&
	test_grep "Husky: added adr-log to .husky/" ../out &&
	find .husky/_ -type f | sort | xargs cksum >../husky-after &&
	test_cmp ../husky-before ../husky-after &&
	! grep -r "$ADRLOG_TOP\|$TRASH" .husky/commit-msg .husky/pre-push .husky/prepare-commit-msg
'

test_expect_success 'Husky: the team hook still refuses "bad message"' '
	have husky || exit $(( $? == 2 ? 0 : 1 ))
	cd husky && echo x >x.txt && git add x.txt &&
	test_must_fail git commit -q -m "bad message" 2>../err &&
	test_grep "team: not a conventional commit" ../err
'

test_expect_success 'Husky: adr-log checks a large commit (block)' '
	have husky || exit $(( $? == 2 ? 0 : 1 ))
	cd husky && git config adrlog.hookMode block && large_change &&
	test_must_fail git commit -q -m "feat: big" 2>../err &&
	test_grep "Commit refused \(adrlog.hookMode=block\)" ../err &&
	git commit -q -m "feat: big" -m "ADR: 2" 2>../err
'

test_expect_success 'Husky: npx husky (every npm install) rewrites .husky/_; adr-log still runs' '
	have husky || exit $(( $? == 2 ? 0 : 1 ))
	cd husky && husky >/dev/null && large_change &&
	test_must_fail git commit -q -m "feat: big again" 2>../err &&
	test_grep "Commit refused" ../err &&
	adr_log hooks status >../st &&
	test_grep "^commit-msg +Husky runs .husky/commit-msg, which runs adr-log" ../st
'

test_expect_success 'Husky: the prompt through a real terminal' '
	have husky || exit $(( $? == 2 ? 0 : 1 ))
	cd husky && git config adrlog.hookMode prompt &&
	"$PTY" -e "(a)bort: " -s "2\n" -- git commit -q -m "feat: prompted" >../out &&
	git log -1 --format=%B >../msg && test_grep "^ADR: 2" ../msg
'

test_expect_success 'Husky: uninstall leaves no diff' '
	have husky || exit $(( $? == 2 ? 0 : 1 ))
	cd husky && adr_log hooks uninstall >../out &&
	git status --porcelain >../st && test_line_count = 0 ../st &&
	git diff --exit-code HEAD~2 -- .husky
'

test_expect_success 'Husky: shims an older adr-log put into .husky/_ are undone, Husky files restored' '
	have husky || exit $(( $? == 2 ? 0 : 1 ))
	git init -q husky-old && cd husky-old && adrs &&
	echo "{\"name\": \"t\"}" >package.json && husky init >/dev/null &&
	printf "exit 0\n" >.husky/pre-commit &&
	cksum .husky/_/commit-msg .husky/_/pre-push >../husky-files &&
	for h in commit-msg pre-push; do
		mv .husky/_/$h .husky/_/$h.adrlog-orig &&
		sed "s|@ADRLOG@|/old/adr-log|" "$ADRLOG_TOP/hooks/$h" | sed "s/adr-log-shim 2/adr-log-shim 1/" >.husky/_/$h &&
		chmod +x .husky/_/$h || return 1
	done &&
	cp .husky/_/pre-push.adrlog-orig .husky/_/pre-push &&
	adr_log hooks install >../out &&
	test_grep "put Husky.s own files in .husky/_ back" ../out &&
	cksum .husky/_/commit-msg .husky/_/pre-push >../husky-now &&
	test_cmp ../husky-files ../husky-now &&
	! ls .husky/_ | grep adrlog
'

# --- lefthook -----------------------------------------------------------------

test_expect_success 'lefthook: install writes no hook files, prints the config' '
	have lefthook || exit $(( $? == 2 ? 0 : 1 ))
	git init -q lh && cd lh && adrs &&
	printf "pre-commit:\n  jobs:\n    - run: echo ok\n" >lefthook.yml &&
	lefthook install >/dev/null 2>&1 &&
	ls .git/hooks >../hooks-before &&
	adr_log hooks install >../out &&
	ls .git/hooks >../hooks-after && test_cmp ../hooks-before ../hooks-after &&
	test_grep "interactive: true" ../out &&
	test_expect_code 1 "$ADRLOG" hooks status >../st &&
	test_grep "^commit-msg +lefthook: lefthook.yml does not run adr-log" ../st
'

test_expect_success 'lefthook: the printed config is valid for lefthook and checks commits' '
	have lefthook || exit $(( $? == 2 ? 0 : 1 ))
	cd lh && sed -n "/^prepare-commit-msg:/,/use_stdin/p" ../out >>lefthook.yml &&
	lefthook validate >../v 2>&1 &&
	lefthook install >/dev/null 2>&1 &&
	adr_log hooks status >../st &&
	test_grep "^commit-msg +lefthook: lefthook.yml runs adr-log" ../st &&
	git config adrlog.hookMode block && large_change &&
	test_must_fail git commit -q -m "big" >../err 2>&1 &&
	test_grep "Commit refused" ../err
'

test_expect_success 'lefthook: the prompt appears on the terminal (interactive: true)' '
	have lefthook || exit $(( $? == 2 ? 0 : 1 ))
	cd lh && git config adrlog.hookMode prompt &&
	"$PTY" -t 30 -e "(a)bort: " -s "1\n" -- git commit -q -m "prompted" >../out &&
	git log -1 --format=%B >../msg && test_grep "^ADR: 1" ../msg
'

test_expect_success 'lefthook moving our shims to *.old is reported, and uninstall cleans up' '
	have lefthook || exit $(( $? == 2 ? 0 : 1 ))
	git init -q lh2 && cd lh2 && adrs && adr_log hooks install >/dev/null &&
	printf "commit-msg:\n  jobs:\n    - run: echo ok\n" >lefthook.yml &&
	adr_log hooks install >../out &&
	test_grep "note: adr-log.s own shims are in .*; once lefthook runs adr-log" ../out &&
	lefthook install >/dev/null 2>&1 && test -f .git/hooks/commit-msg.old &&
	test_expect_code 1 "$ADRLOG" hooks status >../st &&
	test_grep "shim was moved to commit-msg.old \(by lefthook\): git never runs it" ../st &&
	adr_log hooks uninstall >../out &&
	! test -e .git/hooks/commit-msg.old &&
	grep -q lefthook .git/hooks/commit-msg
'

test_expect_success 'lefthook: install --write appends the config; uninstall takes it out again' '
	have lefthook || exit $(( $? == 2 ? 0 : 1 ))
	git init -q lh3 && cd lh3 && adrs &&
	printf "pre-commit:\n  jobs:\n    - run: echo ok\n" >lefthook.yml &&
	git add lefthook.yml && git commit -q -m lefthook && lefthook install >/dev/null 2>&1 &&
	adr_log hooks install --write >../out &&
	test_grep "added adr-log to lefthook.yml" ../out &&
	lefthook validate >../v 2>&1 && lefthook install >/dev/null 2>&1 &&
	adr_log hooks status >../st &&
	git config adrlog.hookMode block && large_change &&
	test_must_fail git commit -q -m "big" >../err 2>&1 && test_grep "Commit refused" ../err &&
	git reset -q && rm big.txt && adr_log hooks uninstall >../out &&
	git diff --exit-code lefthook.yml
'

test_expect_success 'lefthook: --write refuses a config that has a commit-msg of its own' '
	have lefthook || exit $(( $? == 2 ? 0 : 1 ))
	cd lh3 && printf "commit-msg:\n  jobs:\n    - run: echo mine\n" >>lefthook.yml &&
	cp lefthook.yml ../before &&
	test_expect_code 1 "$ADRLOG" hooks install --write >../out 2>../err &&
	test_grep "configures commit-msg already" ../err && cmp ../before lefthook.yml
'

# --- the pre-commit framework -------------------------------------------------

test_expect_success 'pre-commit: the real framework loads .pre-commit-hooks.yaml (try-repo)' '
	have pre-commit || exit $(( $? == 2 ? 0 : 1 ))
	git init -q hooksrc && cp "$ADRLOG_TOP/.pre-commit-hooks.yaml" hooksrc/ &&
	(cd hooksrc && git add . && git commit -q -m manifest) &&
	git init -q pc && cd pc && adrs && large_change &&
	git commit -q -m "big, via ADR-2" &&
	printf "big\n" >../msgfile &&
	pre-commit try-repo ../hooksrc adr-log-commit-msg --hook-stage commit-msg \
		--commit-msg-filename ../msgfile >../out 2>&1 &&
	test_grep "adr-log \(large changes name their ADR\)" ../out &&
	printf "\n# Please enter the commit message\n" >../msgfile2 && large_change &&
	pre-commit try-repo ../hooksrc adr-log-prepare-commit-msg --hook-stage prepare-commit-msg \
		--commit-msg-filename ../msgfile2 >../out 2>&1 &&
	test_grep "^# adr-log: a large change" ../msgfile2 &&
	pre-commit try-repo ../hooksrc adr-log-pre-push --hook-stage push \
		--from-ref HEAD~1 --to-ref HEAD >../out 2>&1 &&
	test_grep "adr-log \(pushed commits name their ADR\)" ../out
'

test_expect_success 'pre-commit: install prints the config; with it, commits are checked' '
	have pre-commit || exit $(( $? == 2 ? 0 : 1 ))
	cd pc && printf "repos:\n" >.pre-commit-config.yaml &&
	adr_log hooks install >../out &&
	sed -n "/^  - repo: local/,/^        verbose: true\$/p" ../out >>.pre-commit-config.yaml &&
	git add .pre-commit-config.yaml && ADRLOG_SKIP=1 git commit -q -m "pre-commit config" &&
	pre-commit install --hook-type commit-msg --hook-type pre-push >/dev/null &&
	test_expect_code 1 "$ADRLOG" hooks status >../st &&
	test_grep "^commit-msg +pre-commit: .pre-commit-config.yaml runs adr-log" ../st &&
	git config adrlog.hookMode block && large_change &&
	test_must_fail git commit -q -m "big" >../err 2>&1 &&
	test_grep "Commit refused" ../err
'

test_expect_success 'pre-commit: install --write joins the repos list; the framework accepts it' '
	have pre-commit || exit $(( $? == 2 ? 0 : 1 ))
	git init -q pc2 && cd pc2 && adrs &&
	printf "repos:\n-   repo: local\n    hooks:\n    -   id: nothing\n        name: nothing\n        entry: \"true\"\n        language: system\n" >.pre-commit-config.yaml &&
	git add . && git commit -q -m config &&
	adr_log hooks install --write >../out &&
	pre-commit validate-config .pre-commit-config.yaml &&
	pre-commit install --hook-type commit-msg --hook-type prepare-commit-msg \
		--hook-type pre-push >/dev/null &&
	adr_log hooks status >../st &&
	test_grep "^prepare-commit-msg +pre-commit: .pre-commit-config.yaml runs adr-log" ../st &&
	git config adrlog.hookMode warn && large_change && git add .pre-commit-config.yaml &&
	printf "#!/bin/sh\ncp \"\$1\" \"$TRASH/seen\"\nprintf \"Big\\\\n\\\\nADR: 1\\\\n\" >\"\$1\"\n" >../ed &&
	EDITOR="sh ../ed" git commit -q >../err 2>&1 &&
	test_grep "^# adr-log: a large change" ../seen &&
	git log -1 --format=%B >../msg && test_grep -v "adr-log" ../msg &&
	git reset -q --soft HEAD~1 &&
	git config adrlog.hookMode block &&
	test_must_fail git commit -q -m "big" >../err 2>&1 && test_grep "Commit refused" ../err &&
	git reset -q && rm big.txt && adr_log hooks uninstall >../out &&
	test_grep "removed adr-log from .pre-commit-config.yaml" ../out &&
	git diff --exit-code .pre-commit-config.yaml
'

# --- a tracked hooks folder ---------------------------------------------------

test_expect_success 'tracked core.hooksPath: install edits nothing tracked, writes no machine path' '
	git init -q tracked && cd tracked && adrs && mkdir .githooks &&
	printf "#!/bin/sh\necho team-hook >>\"\$TRASH/team.log\"\n" >.githooks/commit-msg &&
	chmod +x .githooks/commit-msg && git add .githooks && git commit -q -m hooks &&
	git config core.hooksPath .githooks &&
	adr_log hooks install >../out &&
	test_grep "is tracked by git" ../out &&
	git status --porcelain >../st && test_line_count = 0 ../st &&
	! grep -r "$ADRLOG_TOP" .githooks
'

test_expect_success 'tracked: the printed block works when the team adds it; uninstall leaves no diff' '
	cd tracked && sed -n "/^.githooks\/commit-msg:/,/^# <<< adr-log/p" ../out | sed 1d >>.githooks/commit-msg &&
	! grep -q "$TRASH" .githooks/commit-msg &&
	git config adrlog.hookMode block && large_change &&
	test_must_fail git commit -q -m "big" 2>../err &&
	test_grep "Commit refused" ../err && test_grep team-hook ../team.log &&
	git checkout .githooks/commit-msg && git reset -q && rm big.txt &&
	adr_log hooks uninstall >../out &&
	git status --porcelain >../st && test_line_count = 0 ../st
'

# --- an edited shim -----------------------------------------------------------

test_expect_success 'a shim edited by hand is "edited", and install and uninstall keep it' '
	git init -q edited && cd edited && adrs && adr_log hooks install >/dev/null &&
	printf "# my own tweak\n" >>.git/hooks/commit-msg && cp .git/hooks/commit-msg ../mine &&
	test_expect_code 1 "$ADRLOG" hooks status >../st &&
	test_grep "^commit-msg +installed, edited by hand" ../st &&
	test_grep -v "outdated" ../st &&
	adr_log hooks install >../out && test_grep "kept 1 shim edited by hand" ../out &&
	cmp ../mine .git/hooks/commit-msg &&
	adr_log hooks uninstall >../out && test_grep "kept 1 shim edited by hand" ../out &&
	cmp ../mine .git/hooks/commit-msg && ! test -e .git/hooks/pre-push
'

test_expect_success 'failClosed from the committed .adrlog: a crashing adr-log stops the commit' '
	git init -q fc && cd fc && adrs && adr_log hooks install >/dev/null &&
	printf "[adrlog]\n\tfailClosed = true\n" >.adrlog && git add .adrlog &&
	git commit -q -m settings &&
	printf "#!/bin/sh\nkill -SEGV \$\$\n" >"$TRASH/crash" && chmod +x "$TRASH/crash" &&
	sed "s|^adr_log=.*|adr_log=$TRASH/crash|" .git/hooks/commit-msg >../tmp &&
	cat ../tmp >.git/hooks/commit-msg && echo y >y.txt && git add y.txt &&
	test_must_fail git commit -q -m crash 2>../err &&
	git -c adrlog.failClosed=false commit -q -m crash 2>../err &&
	test_grep "adr-log failed \(exit 139\)" ../err
'

test_done
