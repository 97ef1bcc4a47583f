#!/bin/sh
test_description='hooks install, uninstall and status: where git looks, chaining, restore'
. "$(dirname "$0")/../lib.sh"

self=$(cd "$(dirname "$ADRLOG")" && pwd -P)/$(basename "$ADRLOG")

# A listing of a folder that changes when any byte, mode or name does.
snapshot() {
	(cd "$1" && find . -printf '%p %y %m %s %l\n' | sort &&
	 find . -type f -exec cksum {} + | sort)
}

large_change() {
	seq 1 500 >big.txt && git add big.txt
}

test_expect_success 'setup' '
	git init -q repo &&
	(cd repo && test_commit initial)
'

test_expect_success 'install writes three executable shims calling this adr-log' '
	(cd repo && adr_log hooks install >../out) &&
	test_grep "installed adr-log hooks in .*/repo/.git/hooks" out &&
	for h in prepare-commit-msg commit-msg pre-push; do
		test -x repo/.git/hooks/$h &&
		sed "s|@ADRLOG@|$self|" "$ADRLOG_TOP/hooks/$h" >expect &&
		test_cmp expect repo/.git/hooks/$h || return 1
	done
'

test_expect_success 'installing twice changes nothing' '
	snapshot repo/.git/hooks >before &&
	(cd repo && adr_log hooks install >../out) &&
	test_grep "already installed" out &&
	snapshot repo/.git/hooks >after &&
	test_cmp before after
'

test_expect_success 'status says installed and current' '
	(cd repo && adr_log hooks status >../out) &&
	test_grep "^commit-msg +installed \(current\)" out &&
	test_grep "^pre-push +installed \(current\)" out &&
	test_grep "^prepare-commit-msg +installed \(current\)" out
'

test_expect_success 'status sees an outdated shim; install brings it up to date' '
	sed "s|^adr_log=.*|adr_log='\''/old/place/adr-log'\''|" repo/.git/hooks/commit-msg >tmp &&
	cat tmp >repo/.git/hooks/commit-msg &&
	(cd repo && test_expect_code 1 "$ADRLOG" hooks status >../out) &&
	test_grep "^commit-msg +installed \(outdated" out &&
	(cd repo && adr_log hooks install && adr_log hooks status >../out) &&
	test_grep "^commit-msg +installed \(current\)" out
'

test_expect_success 'the installed hooks run inside git commit' '
	(cd repo && large_change && git commit -q -m big 2>../err) &&
	test_grep "large change without an ADR" err
'

test_expect_success 'uninstall restores a folder that had only samples' '
	git init -q plain && (cd plain && test_commit one) &&
	snapshot plain/.git/hooks >before &&
	(cd plain && adr_log hooks install && adr_log hooks uninstall >../out) &&
	test_grep "removed adr-log hooks" out &&
	snapshot plain/.git/hooks >after &&
	test_cmp before after &&
	(cd plain && test_expect_code 1 "$ADRLOG" hooks status >../out) &&
	test_grep "^commit-msg +not installed" out
'

test_expect_success 'a foreign hook is chained: it runs first and its failure stops the commit' '
	git init -q chain && (cd chain && test_commit one) &&
	cat >chain/.git/hooks/commit-msg <<-\EOF &&
	#!/bin/sh
	# the team hook
	echo "team hook saw $(head -n 1 "$1")" >>"$TRASH/team.log"
	grep -q FORBIDDEN "$1" && { echo "team hook: forbidden" >&2; exit 3; }
	exit 0
	EOF
	chmod 750 chain/.git/hooks/commit-msg &&
	snapshot chain/.git/hooks >before &&
	cp chain/.git/hooks/commit-msg team-hook &&
	(cd chain && adr_log hooks install && adr_log hooks status >../out) &&
	test_grep "^commit-msg +installed \(current\); runs the previous hook first" out &&
	(cd chain && large_change && git commit -q -m "first big" 2>../err) &&
	test_grep "team hook saw first big" team.log &&
	test_grep "large change without an ADR" err &&
	(cd chain && seq 1 3 >small.txt && git add small.txt &&
	 test_expect_code 1 git commit -q -m FORBIDDEN 2>../err) &&
	test_grep "team hook: forbidden" err &&
	(cd chain && git log -1 --format=%s >../subject) &&
	echo "first big" >expect && test_cmp expect subject
'

test_expect_success 'uninstall puts the foreign hook back byte for byte, mode too' '
	(cd chain && adr_log hooks uninstall) &&
	snapshot chain/.git/hooks >after &&
	test_cmp before after &&
	cmp team-hook chain/.git/hooks/commit-msg &&
	test "$(stat -c %a chain/.git/hooks/commit-msg)" = 750
'

test_expect_success 'a foreign pre-push hook and ours both get the refs on stdin' '
	git init -q --bare remote.git &&
	git init -q pusher && (cd pusher && test_commit one &&
		git remote add origin ../remote.git) &&
	cat >pusher/.git/hooks/pre-push <<-\EOF &&
	#!/bin/sh
	cat >"$TRASH/team-push.log"
	EOF
	chmod +x pusher/.git/hooks/pre-push &&
	(cd pusher && adr_log hooks install &&
	 git config adrlog.hookMode block &&
	 large_change && ADRLOG_SKIP=1 git commit -q -m "big, uncovered" &&
	 test_expect_code 1 git push -q origin main 2>../err) &&
	test_grep "refs/heads/main" team-push.log &&
	test_grep "1 large commit without an ADR" err &&
	test_grep "big, uncovered" err
'

test_expect_success 'a hook manager writing its hook again over the shim: install re-chains' '
	git init -q again && (cd again && test_commit one) &&
	printf "#!/bin/sh\nexit 0\n" >again/.git/hooks/commit-msg &&
	chmod 755 again/.git/hooks/commit-msg && cp again/.git/hooks/commit-msg manager-hook &&
	(cd again && adr_log hooks install) &&
	cp manager-hook again/.git/hooks/commit-msg &&
	(cd again && adr_log hooks install >../out && adr_log hooks status >../st) &&
	test_grep "^commit-msg +installed \(current\); runs the previous hook first" st &&
	cmp manager-hook again/.git/hooks/commit-msg.adrlog-orig &&
	printf "#!/bin/sh\nexit 1\n" >again/.git/hooks/commit-msg &&
	(cd again && test_expect_code 2 "$ADRLOG" hooks install 2>../err) &&
	test_grep "cannot chain" err
'

test_expect_success 'core.hooksPath (Husky style) is where the shims go' '
	git init -q husky && (cd husky && test_commit one &&
		git config core.hooksPath .husky/_) &&
	(cd husky && adr_log hooks install >../out) &&
	test_grep "husky/.husky/_" out &&
	test -x husky/.husky/_/commit-msg &&
	! test -e husky/.git/hooks/commit-msg &&
	(cd husky && large_change && git commit -q -m big 2>../err) &&
	test_grep "large change without an ADR" err &&
	(cd husky && adr_log hooks uninstall) &&
	! test -e husky/.husky
'

test_expect_success 'an absolute core.hooksPath with a foreign hook (lefthook style)' '
	mkdir -p shared-hooks &&
	printf "#!/bin/sh\necho lefthook ran >>\"$TRASH/lefthook.log\"\n" >shared-hooks/commit-msg &&
	chmod 755 shared-hooks/commit-msg &&
	snapshot shared-hooks >before &&
	git init -q lh && (cd lh && test_commit one &&
		git config core.hooksPath "$TRASH/shared-hooks" &&
		adr_log hooks install && seq 1 3 >s && git add s && git commit -q -m small) &&
	test_grep "lefthook ran" lefthook.log &&
	(cd lh && adr_log hooks uninstall) &&
	snapshot shared-hooks >after &&
	test_cmp before after
'

test_expect_success 'from a linked worktree the hooks go to the common folder' '
	git init -q main && (cd main && test_commit one &&
		git worktree add -q ../wt -b side) &&
	(cd wt && adr_log hooks install >../out) &&
	test_grep "main/.git/hooks" out &&
	test -x main/.git/hooks/commit-msg &&
	(cd wt && large_change && git commit -q -m "big in worktree" 2>../err) &&
	test_grep "large change without an ADR" err &&
	(cd main && adr_log hooks status >../out) &&
	test_grep "^commit-msg +installed \(current\)" out
'

test_expect_success 'git init --separate-git-dir: the hooks go to the real git dir' '
	git init -q --separate-git-dir "$TRASH/sep.git" sep &&
	(cd sep && test_commit one && adr_log hooks install >../out) &&
	test_grep "sep.git/hooks" out &&
	test -x sep.git/hooks/commit-msg &&
	(cd sep && large_change && git commit -q -m big 2>../err) &&
	test_grep "large change without an ADR" err
'

test_expect_success 'a shim whose adr-log is gone lets the commit through' '
	git init -q gone && (cd gone && test_commit one && adr_log hooks install) &&
	sed "s|^adr_log=.*|adr_log=/nonexistent/adr-log|" gone/.git/hooks/commit-msg >tmp &&
	cat tmp >gone/.git/hooks/commit-msg &&
	(cd gone && large_change &&
	 PATH=/usr/bin:/bin git commit -q -m big 2>../err) &&
	test_grep "adr-log not found; commit-msg check skipped" err &&
	(cd gone && git log -1 --format=%s >../subject) &&
	echo big >expect && test_cmp expect subject
'

test_expect_success 'status tells when git will ignore a shim that is not executable' '
	(cd repo && adr_log hooks install >/dev/null && chmod -x .git/hooks/pre-push &&
	 test_expect_code 1 "$ADRLOG" hooks status >../out) &&
	test_grep "^pre-push +installed \(current\), but not executable: git ignores it" out &&
	chmod +x repo/.git/hooks/pre-push
'

test_expect_success 'hooks needs install, uninstall or status' '
	(cd repo && test_expect_code 2 "$ADRLOG" hooks frob 2>../err) &&
	test_grep "usage: adr-log hooks" err
'

test_done
