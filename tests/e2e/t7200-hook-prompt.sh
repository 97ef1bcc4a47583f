#!/bin/sh
test_description='the commit-msg prompt on a real pseudo-terminal: link, draft, reason, abort'
. "$(dirname "$0")/../lib.sh"

PTY="$ADRLOG_BUILD/helper/pty-run"

large_change() {
	mkdir -p store &&
	salt=$(git rev-parse --short HEAD) &&
	seq 1 500 | sed "s/^/$salt /" >store/postgres.c && git add store
}

test_expect_success 'setup: ADRs of every kind, hooks installed, prompt mode' '
	test -x "$PTY" &&
	git init -q repo && cd repo &&
	adr_commit docs/adr/0001-record-decisions.md "1. Record decisions" Accepted "ADR-1" &&
	adr_commit docs/adr/0002-use-postgres.md "2. Use Postgres" Proposed "ADR-2" &&
	adr_commit docs/adr/0003-old-queue.md "3. Old queue" Superseded "ADR-3" &&
	adr_log hooks install >/dev/null
'

test_expect_success 'prompt: size, largest paths, only proposed/accepted candidates; the id links' '
	cd repo && large_change &&
	"$PTY" -e "(a)bort: " -s "2\n" -- git commit -q -m "Store orders in Postgres" >../out &&
	test_grep "large change and names no ADR" ../out &&
	test_grep "500 changed lines in 1 file" ../out &&
	test_grep "largest: store/postgres.c \(500\)" ../out &&
	test_grep "^  ADR 2 +\"Use Postgres\" \(proposed\)" ../out &&
	test_grep "^  ADR 1 +\"Record decisions\" \(accepted\)" ../out &&
	test_grep -v "Old queue" ../out &&
	git log -1 --format=%B >../msg &&
	printf "Store orders in Postgres\n\nADR: 2\n\n" >../expect &&
	test_cmp ../expect ../msg
'

test_expect_success 'link joins an existing trailer block (like git interpret-trailers)' '
	cd repo && large_change &&
	"$PTY" -e "(a)bort: " -s "1\n" -- git commit -q -s -m "Tune the store" >../out &&
	git log -1 --format=%B >../msg &&
	printf "Tune the store\n\nSigned-off-by: C O Mitter <committer@example.com>\nADR: 1\n\n" >../expect &&
	test_cmp ../expect ../msg
'

test_expect_success 'link any existing ADR by typing its id' '
	cd repo && large_change &&
	"$PTY" -e "(a)bort: " -s "ADR-99\n" -e "please answer" -e "(a)bort: " -s "#3\n" \
		-- git commit -q -m "Drain the old queue" >../out &&
	git log -1 --format=%B >../msg &&
	printf "Drain the old queue\n\nADR: 3\n\n" >../expect &&
	test_cmp ../expect ../msg
'

test_expect_success 'an emptied message is left to git (it aborts the commit)' '
	cd repo && large_change && git rev-parse HEAD >../before &&
	printf "#!/bin/sh\nprintf \"# nothing\\\\n\" >\"\$1\"\n" >../empty-editor &&
	test_must_fail env EDITOR="sh ../empty-editor" "$PTY" -t 10 -- git commit -q >../out &&
	test_grep -v "names no ADR" ../out &&
	git rev-parse HEAD >../after && test_cmp ../before ../after
'

test_expect_success 'reason: adds "ADR: none (<reason>)"' '
	cd repo && large_change &&
	"$PTY" -e "(a)bort: " -s "r\n" -e "need no ADR? " -s "generated fixtures\n" \
		-- git commit -q -m "Regenerate fixtures" >../out &&
	git log -1 --format=%B >../msg &&
	printf "Regenerate fixtures\n\nADR: none (generated fixtures)\n\n" >../expect &&
	test_cmp ../expect ../msg
'

test_expect_success 'an answer that is none of the choices asks again' '
	cd repo && large_change &&
	"$PTY" -e "(a)bort: " -s "maybe\n" -e "please answer" -e "(a)bort: " -s "r\n" \
		-e "need no ADR? " -s "spike\n" -- git commit -q -m "Spike" >../out &&
	git log -1 --format=%B >../msg &&
	test_grep "^ADR: none \(spike\)" ../msg
'

test_expect_success 'abort: no commit, the message is kept' '
	cd repo && large_change && git rev-parse HEAD >../before &&
	test_expect_code 1 "$PTY" -e "(a)bort: " -s "a\n" -- git commit -q -m "Not yet" >../out &&
	git rev-parse HEAD >../after && test_cmp ../before ../after &&
	test_grep "commit stopped" ../out &&
	test_grep "^Not yet" .git/COMMIT_EDITMSG
'

test_expect_success 'draft: a new ADR from the template, next id, Proposed; the commit waits for it' '
	cd repo && git rev-parse HEAD >../before &&
	test_expect_code 1 "$PTY" -e "(a)bort: " -s "d\n" -e "Title of the decision: " \
		-s "Shard the order store\n" -- git commit -q -m "Shard orders" >../out &&
	test_grep "created docs/adr/0004-shard-the-order-store.md" ../out &&
	git rev-parse HEAD >../after && test_cmp ../before ../after &&
	test_grep "^# 4. Shard the order store" docs/adr/0004-shard-the-order-store.md &&
	test_grep "^Proposed" docs/adr/0004-shard-the-order-store.md &&
	test_grep "^Shard orders" .git/COMMIT_EDITMSG &&
	git add docs/adr/0004-shard-the-order-store.md &&
	git commit -q --cleanup=strip -F .git/COMMIT_EDITMSG 2>../err &&
	git log -1 --format=%s >../subject && echo "Shard orders" >../expect &&
	test_cmp ../expect ../subject
'

test_expect_success 'from a subdirectory: the draft instructions work where they are printed' '
	cd repo && mkdir -p sub/deeper && large_change && cd sub/deeper &&
	test_expect_code 1 "$PTY" -e "(a)bort: " -s "d\n" -e "Title of the decision: " \
		-s "Cache the orders\n" -- git commit -q -m "Cache orders" >../../../out &&
	test_grep "git add :/docs/adr/0005-cache-the-orders.md && git commit --cleanup=strip -F /.*/COMMIT_EDITMSG" ../../../out &&
	cmd=$(sed -n "s/^  \(git add :.*\)\r*$/\1/p" ../../../out | tr -d "\r") &&
	eval "$cmd" 2>../../../err &&
	git log -1 --format=%s >../../../subject && echo "Cache orders" >../../../expect &&
	test_cmp ../../../expect ../../../subject
'

test_expect_success 'typing a number is that ADR id, never a line of the menu' '
	cd repo && large_change &&
	"$PTY" -e "(a)bort: " -s "1\n" -- git commit -q -m "Menu keys" >../out &&
	git log -1 --format=%B >../msg && test_grep "^ADR: 1$" ../msg &&
	large_change &&
	"$PTY" -e "(a)bort: " -s "9\n" -e "no ADR has the id 9" -e "(a)bort: " -s "a\n" \
		-- git commit -q -m "No such id" >../out; test $? -eq 1
'

test_expect_success 'Ctrl-C at the prompt: no commit, the edited message is intact' '
	cd repo && large_change && git rev-parse HEAD >../before &&
	printf "#!/bin/sh\nprintf \"Careful work\\\\n\\\\nA body that must survive.\\\\n\" >\"\$1\"\n" >../editor &&
	{ EDITOR="sh ../editor" "$PTY" -e "(a)bort: " -c -- git commit -q >../out; rc=$?; } &&
	test $rc -ne 0 && test $rc -ne 124 &&
	git rev-parse HEAD >../after && test_cmp ../before ../after &&
	printf "Careful work\n\nA body that must survive.\n" >../expect &&
	test_cmp ../expect .git/COMMIT_EDITMSG &&
	ls .git >../gitdir && test_grep -v "adrlog-" ../gitdir
'

test_expect_success 'end of input at the prompt aborts' '
	cd repo && large_change &&
	test_expect_code 1 "$PTY" -e "(a)bort: " -d -- git commit -q -m "EOF" >../out &&
	test_grep "commit stopped" ../out
'

test_expect_success 'pre-push prompt: "n" stops the push, "y" lets it go' '
	git init -q --bare remote.git && cd repo && git remote add origin ../remote.git &&
	git reset -q --hard && large_change && ADRLOG_SKIP=1 git commit -q -m "uncovered" &&
	test_expect_code 1 "$PTY" -e "Push anyway? [y/N] " -s "n\n" -- git push -q origin main >../out &&
	test_grep "uncovered" ../out &&
	test_must_fail git --git-dir=../remote.git rev-parse -q --verify main &&
	"$PTY" -e "Push anyway? [y/N] " -s "y\n" -- git push -q origin main >../out &&
	git --git-dir=../remote.git rev-parse -q --verify main
'

test_expect_success 'the prompt shows no control character of a title, a path or a subject' '
	git init -q evil && cd evil &&
	adr_commit docs/adr/0001-evil.md "$(printf "1. Evil \033]52;c;aGk=\007\033[2J title")" Accepted "ADR-1" &&
	adr_log hooks install >/dev/null &&
	d=$(printf "x\033]0;pwned\007") && mkdir -p "$d" && seq 1 500 >"$d/f" && git add . &&
	"$PTY" -e "(a)bort: " -s "a\n" -- git commit -q -m "$(printf "evil \033[2J subject")" >../out;
	test_grep "Evil" ../out && test_grep "largest: x" ../out &&
	! grep -q "$(printf "\033")" ../out &&
	! grep -q "$(printf "\007")" ../out &&
	git init -q --bare ../evil.git && git remote add origin ../evil.git &&
	ADRLOG_SKIP=1 git commit -q -m "$(printf "push \033]0;title\007 me")" &&
	"$PTY" -e "Push anyway? [y/N] " -s "n\n" -- git push -q origin main >../out;
	test_grep "push .*me" ../out &&
	! grep -q "$(printf "\033")" ../out &&
	! grep -q "$(printf "\007")" ../out
'

test_done
