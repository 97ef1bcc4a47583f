#!/bin/sh
test_description='new --supersedes/--amends, the editor in git order (fake editors, a real terminal), check --fix'
. "$(dirname "$0")/../lib.sh"

PTY="$ADRLOG_BUILD/helper/pty-run"

# A fake editor: appends its name to the file it is given (its last argument).
mk_editor() {
	cat >"$TRASH/$1" <<-EOF
	#!/bin/sh
	for f; do :; done
	echo "edited by $1" >>"\$f"
	EOF
	chmod +x "$TRASH/$1"
}

test_expect_success 'setup: two ADRs, fake editors' '
	git init -q repo && cd repo &&
	adr_commit docs/adr/0012-use-kafka.md "12. Use Kafka" Accepted "ADR-12" &&
	adr_commit docs/adr/0012-2-kafka-clusters.md "12-2. Kafka clusters" Accepted "ADR-12-2" &&
	mk_editor ed-git && mk_editor ed-core && mk_editor ed-visual && mk_editor ed-plain &&
	printf "#!/bin/sh\nexit 3\n" >"$TRASH/ed-fail" && chmod +x "$TRASH/ed-fail"
'

test_expect_success 'new --supersedes 012 links both sides and prints both files' '
	cd repo && cp docs/adr/0012-2-kafka-clusters.md ../clusters.orig &&
	adr_log new --supersedes 012 "Use NATS" >../out &&
	printf "docs/adr/0013-use-nats.md\ndocs/adr/0012-use-kafka.md\n" >../expect &&
	test_cmp ../expect ../out &&
	test_grep "^Supersedes \[12\. Use Kafka\]\(0012-use-kafka\.md\)$" docs/adr/0013-use-nats.md &&
	sed -n "/^## Status/,/^## Context/p" docs/adr/0012-use-kafka.md >../st &&
	test_grep "^Superseded by \[13\. Use NATS\]\(0013-use-nats\.md\)$" ../st &&
	test_grep -v "^Accepted$" ../st &&
	cmp ../clusters.orig docs/adr/0012-2-kafka-clusters.md
'

test_expect_success 'new --amends 12-2 touches 012-2 only' '
	cd repo && git add . && test_tick && git commit -q -m "ADR-13" &&
	adr_log new --amends 12-2 "Tune clusters" >../out &&
	printf "docs/adr/0014-tune-clusters.md\ndocs/adr/0012-2-kafka-clusters.md\n" >../expect &&
	test_cmp ../expect ../out &&
	test_grep "^Amends \[12-2\. Kafka clusters\]" docs/adr/0014-tune-clusters.md &&
	test_grep "^Amended by \[14\. Tune clusters\]" docs/adr/0012-2-kafka-clusters.md &&
	git diff --exit-code docs/adr/0012-use-kafka.md
'

test_expect_success 'new -s ID is --supersedes (adr-tools: adr new -s 12)' '
	git init -q short && cd short &&
	adr_commit doc/adr/0001-first.md "1. First" Accepted "ADR-1" &&
	adr_log new -s 1 "Second" >../out &&
	printf "doc/adr/0002-second.md\ndoc/adr/0001-first.md\n" >../expect && test_cmp ../expect ../out &&
	test_grep "^Superseded by \[2\. Second\]\(0002-second\.md\)$" doc/adr/0001-first.md
'

test_expect_success 'new --supersedes of an id no ADR has: refused, no file left behind' '
	cd repo && ls docs/adr >../before &&
	test_expect_code 2 adr_log new --supersedes 99 "Nope" 2>../err &&
	test_grep "no ADR 99" ../err &&
	ls docs/adr >../after && test_cmp ../before ../after
'

test_expect_success 'without a terminal the editor is not started; --edit starts it' '
	cd repo && git add . && test_tick && git commit -q -m more &&
	EDITOR="$TRASH/ed-plain" adr_log new "Quiet" >../out &&
	test_grep -v "edited by" "$(cat ../out)" &&
	EDITOR="$TRASH/ed-plain" adr_log new --edit "Loud" >../out &&
	test_grep "^edited by ed-plain$" "$(cat ../out)"
'

test_expect_success 'the editor is chosen in git order: GIT_EDITOR, core.editor, VISUAL, EDITOR' '
	cd repo &&
	git config core.editor "$TRASH/ed-core" &&
	GIT_EDITOR="$TRASH/ed-git" EDITOR="$TRASH/ed-plain" adr_log new --edit "One" >../out &&
	test_grep "^edited by ed-git$" "$(cat ../out)" &&
	EDITOR="$TRASH/ed-plain" TERM=xterm VISUAL="$TRASH/ed-visual" adr_log new --edit "Two" >../out &&
	test_grep "^edited by ed-core$" "$(cat ../out)" &&
	git config --unset core.editor &&
	TERM=xterm VISUAL="$TRASH/ed-visual" EDITOR="$TRASH/ed-plain" adr_log new --edit "Three" >../out &&
	test_grep "^edited by ed-visual$" "$(cat ../out)" &&
	TERM=dumb VISUAL="$TRASH/ed-visual" EDITOR="$TRASH/ed-plain" adr_log new --edit "Four" >../out &&
	test_grep "^edited by ed-plain$" "$(cat ../out)"
'

test_expect_success 'an editor command line is run by the shell, with arguments' '
	cd repo && EDITOR="$TRASH/ed-plain --wait" adr_log new --edit "Args" >../out &&
	test_grep "^edited by ed-plain$" "$(cat ../out)"
'

test_expect_success 'a failing editor: a warning, the file is kept, exit 0' '
	cd repo && EDITOR="$TRASH/ed-fail" adr_log new --edit "Failing" >../out 2>../err &&
	test -f "$(cat ../out)" &&
	test_grep "warning: the editor .* failed \(exit 3\); the file is kept" ../err
'

test_expect_success 'no editor on a dumb terminal: a warning naming the file' '
	cd repo && (unset EDITOR VISUAL; TERM=dumb "$ADRLOG" new --edit "Nobody" >../out 2>../err) &&
	test_grep "no editor.*edit .docs/adr/.*-nobody\.md. yourself" ../err
'

test_expect_success 'on a real terminal the editor opens by itself; --no-edit keeps it shut' '
	test -x "$PTY" || { echo "skipped: $PTY not built (make check builds it)"; exit 0; }
	cd repo && git add . && test_tick && git commit -q -m drafts &&
	EDITOR="$TRASH/ed-plain" "$PTY" -- "$ADRLOG" new "On a tty" >../pty.out &&
	f=$(ls docs/adr/*-on-a-tty.md) && test_grep "^edited by ed-plain$" "$f" &&
	EDITOR="$TRASH/ed-plain" "$PTY" -- "$ADRLOG" new --no-edit "Not edited" >../pty.out &&
	f=$(ls docs/adr/*-not-edited.md) && test_grep -v "edited by" "$f"
'

test_expect_success 'setup: one-sided links and a README index that drifted' '
	git init -q fix && cd fix &&
	adr_commit docs/adr/0001-old.md "1. Old" Accepted "ADR-1" &&
	adr_write docs/adr/0002-new.md "2. New" Accepted "
Supersedes [1. Old](0001-old.md)
" &&
	adr_write docs/adr/0003-amend.md "3. Amend" Accepted "
Amends [2. New](0002-new.md)
" &&
	cat >docs/adr/README.md <<-\EOF &&
	# Decisions

	| Number | Title | Status |
	| --- | --- | --- |
	| 1 | [Old](0001-old.md) | Accepted |
	EOF
	git add . && test_tick && git commit -q -m "one-sided" &&
	test_expect_code 1 adr_log check >../check.out &&
	test_grep "one-sided-link" ../check.out && test_grep "index-missing" ../check.out
'

test_expect_success 'check --fix writes the other sides and the index, and says so' '
	cd fix && test_expect_code 1 adr_log check --fix >../out &&
	test_grep "^docs/adr/0001-old.md: added .Superseded by ADR 2. \(ADR 2 supersedes it\)$" ../out &&
	test_grep "^docs/adr/0002-new.md: added .Amended by ADR 3. \(ADR 3 amends it\)$" ../out &&
	test_grep "^docs/adr/README.md: index table rewritten" ../out &&
	test_grep "check --fix: 3 files changed" ../out &&
	sed -n "/^## Status/,/^## Context/p" docs/adr/0001-old.md >../st &&
	test_grep "^Superseded by \[2\. New\]\(0002-new\.md\)$" ../st &&
	test_grep "^Amended by \[3\. Amend\]\(0003-amend\.md\)$" docs/adr/0002-new.md &&
	test_grep "^\| 3 \| \[Amend\]\(0003-amend\.md\) \| Accepted \|$" docs/adr/README.md &&
	test_grep "^\| 1 \| \[Old\]\(0001-old\.md\) \| Superseded \|$" docs/adr/README.md &&
	test_grep "^# Decisions$" docs/adr/README.md
'

test_expect_success 'check --fix again changes nothing; after the commit check is clean' '
	cd fix && git diff >../diff1 &&
	adr_log check --fix >../out 2>&1 || true &&
	test_grep "check --fix: 0 files changed" ../out &&
	git diff >../diff2 && test_cmp ../diff1 ../diff2 &&
	git add . && test_tick && git commit -q -m fixed &&
	adr_log check >../check.out &&
	test_grep -v "one-sided-link|index-" ../check.out
'

test_expect_success 'check --fix leaves what needs judgement: a link to an id no ADR has' '
	cd fix && adr_write docs/adr/0004-lost.md "4. Lost" Accepted "
Supersedes [9. Gone](0009-gone.md)
" && git add . && test_tick && git commit -q -m lost &&
	git diff --exit-code && test_expect_code 1 adr_log check --fix >../out &&
	test_grep "broken-link" ../out && test_grep "index-missing" ../out &&
	test_grep -v "0004-lost.md: added" ../out
'

test_expect_success 'check --fix --format json keeps stdout JSON (the changes go to stderr)' '
	cd fix && git checkout -q -- . &&
	test_expect_code 1 adr_log check --fix --format json >../out.json 2>../err &&
	python3 -c "import json,sys; json.load(open(sys.argv[1]))" ../out.json &&
	test_grep "check --fix" ../err
'

test_done
