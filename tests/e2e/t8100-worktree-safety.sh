#!/bin/sh
test_description='hostile work trees: committed symlinks, foreign tables, control characters, huge ids (ADR 0020)'
. "$(dirname "$0")/../lib.sh"

PTY="$ADRLOG_BUILD/helper/pty-run"
ESC=$(printf "\033") BEL=$(printf "\007") CSI8=$(printf "\302\233")

# no_controls FILE: no C0 control byte but newline, no DEL, no C1 (UTF-8).
no_controls() {
	if LC_ALL=C grep -n "$(printf "[\001-\011\013-\037\177]")" "$1" >ctl ||
	   LC_ALL=C grep -n "$(printf "\302[\200-\237]")" "$1" >>ctl; then
		echo "control characters in $1:" >&2
		sed -n l ctl >&2
		return 1
	fi
}

# nothing_leaked FILE: the fake private key is not in FILE.
nothing_leaked() {
	if grep -l "FAKE-PRIVATE-KEY" "$@"; then
		echo "the secret was copied into $*" >&2
		return 1
	fi
}

test_expect_success 'setup: a secret in HOME and a folder outside every repository' '
	mkdir -p "$HOME/.ssh" outside &&
	printf "%s\n" "-----BEGIN OPENSSH PRIVATE KEY-----" "FAKE-PRIVATE-KEY-do-not-copy" \
		"-----END OPENSSH PRIVATE KEY-----" >"$HOME/.ssh/id_ed25519" &&
	chmod 600 "$HOME/.ssh/id_ed25519" && cp "$HOME/.ssh/id_ed25519" secret.orig
'

test_expect_success 'new refuses a committed docs/adr that is a symlink out of the tree' '
	git init -q linked && cd linked &&
	mkdir docs && ln -s "$TRASH/outside" docs/adr && git add docs && test_tick &&
	git commit -q -m "docs/adr is a link" &&
	test "$(git ls-files -s docs/adr | cut -c1-6)" = 120000 &&
	test_expect_code 2 adr_log new "Escape" >../out 2>../err &&
	test_line_count = 1 ../err &&
	test_grep "^adr-log: .*docs/adr.* is a symbolic link" ../err &&
	ls -A ../outside >../left && test_line_count = 0 ../left
'

test_expect_success 'index --write refuses the symlinked folder (default and named FILE)' '
	cd linked &&
	test_must_fail adr_log --adr-dir docs/adr index --write 2>../err &&
	test_expect_code 2 adr_log index --write docs/adr/README.md 2>../err2 &&
	test_grep "docs/adr.* is a symbolic link" ../err2 &&
	ls -A ../outside >../left && test_line_count = 0 ../left
'

test_expect_success 'the hook draft answer refuses the symlinked folder too' '
	test -x "$PTY" &&
	cd linked && adr_log hooks install >/dev/null &&
	mkdir -p src && seq 1 500 >src/big.c && git add src &&
	test_expect_code 1 "$PTY" -e "(a)bort: " -s "d\n" -e "Title of the decision: " \
		-s "Escape\n" -e "(a)bort: " -s "a\n" -- git commit -q -m "Big change" >../out &&
	test_grep "symbolic link" ../out &&
	ls -A ../outside >../left && test_line_count = 0 ../left
'

test_expect_success 'a committed folder path with ".." is refused where files are written' '
	git init -q dotdot && cd dotdot &&
	echo "../outside" >.adr-dir && git add .adr-dir && test_tick && git commit -q -m dir &&
	test_expect_code 2 adr_log new "Escape" >../out 2>../err &&
	test_line_count = 1 ../err && test_grep "\.\./outside" ../err &&
	test_must_fail adr_log index --write 2>../err &&
	git rm -q .adr-dir && printf "[adrlog]\n\tdir = ../outside\n" >.adrlog &&
	git add .adrlog && test_tick && git commit -q -m adrlog &&
	test_must_fail adr_log new "Escape" 2>../err &&
	test_grep "\.\./outside" ../err &&
	test_must_fail adr_log index --write 2>../err &&
	ls -A ../outside >../left && test_line_count = 0 ../left
'

test_expect_success 'the hook never offers a draft in a committed ".." folder (it fails open)' '
	test -x "$PTY" &&
	git init -q dotdothook && cd dotdothook &&
	printf "[adrlog]\n\tdir = ../outside\n" >.adrlog && git add .adrlog &&
	test_tick && git commit -q -m adrlog &&
	adr_log hooks install >/dev/null && git config adrlog.hookMode prompt &&
	mkdir -p src && seq 1 500 >src/big.c && git add src &&
	"$PTY" -- git commit -q -m "Big change" >../out &&
	test_grep "folder .\.\./outside. leaves the repository" ../out &&
	test_grep "fail-open" ../out &&
	git log -1 --format=%s >../subject && echo "Big change" >../expect &&
	test_cmp ../expect ../subject &&
	ls -A ../outside >../left && test_line_count = 0 ../left
'

test_expect_success 'new never copies a committed template.md that links to a secret' '
	git init -q tmpl && cd tmpl &&
	adr_commit docs/adr/0001-record.md "1. Record" Accepted "ADR-1" &&
	ln -s "$HOME/.ssh/id_ed25519" docs/adr/template.md && git add docs && test_tick &&
	git commit -q -m "a template" &&
	adr_log new "Second" >../out 2>../err &&
	echo docs/adr/0002-second.md >../expect && test_cmp ../expect ../out &&
	nothing_leaked docs/adr/0002-second.md &&
	test_grep "^# 2\. Second$" docs/adr/0002-second.md &&
	test_grep "^## Consequences" docs/adr/0002-second.md &&
	test_grep "warning: .*docs/adr/template.md.* symbolic link" ../err &&
	test_cmp ../secret.orig "$HOME/.ssh/id_ed25519"
'

test_expect_success 'the committed link is not used as a template from HEAD either' '
	cd tmpl && rm docs/adr/template.md docs/adr/0002-second.md &&
	adr_log new "Third" >../out 2>../err &&
	nothing_leaked docs/adr/0002-third.md &&
	test_grep -v "id_ed25519" docs/adr/0002-third.md &&
	test_grep "^## Context" docs/adr/0002-third.md
'

test_expect_success 'index --write refuses a README.md that links to a secret' '
	git init -q readme && cd readme &&
	adr_commit docs/adr/0001-record.md "1. Record" Accepted "ADR-1" &&
	ln -s "$HOME/.ssh/id_ed25519" docs/adr/README.md && git add docs && test_tick &&
	git commit -q -m "a README" &&
	test_expect_code 2 adr_log index --write 2>../err &&
	test_line_count = 1 ../err &&
	test_grep "^adr-log: index: .*docs/adr/README.md.* symbolic link" ../err &&
	test -L docs/adr/README.md &&
	test_cmp ../secret.orig "$HOME/.ssh/id_ed25519" &&
	git status --porcelain >../st && test_line_count = 0 ../st &&
	test_expect_code 2 adr_log index --write docs/adr/README.md 2>../err &&
	test_grep "symbolic link" ../err && test -L docs/adr/README.md
'

test_expect_success 'index --write FILE outside the tree: a link at FILE is refused too' '
	cd readme && ln -s "$HOME/.ssh/id_ed25519" ../elsewhere.md &&
	test_expect_code 2 adr_log index --write ../elsewhere.md 2>../err &&
	test_grep "symbolic link" ../err &&
	test_cmp ../secret.orig "$HOME/.ssh/id_ed25519"
'

test_expect_success 'index --write keeps a README table that is no ADR index and says so' '
	git init -q contacts && cd contacts &&
	adr_commit docs/adr/0001-record.md "1. Record" Accepted "ADR-1" &&
	cat >docs/adr/README.md <<-\EOF &&
	# Decisions

	Who to ask:

	| Name | Team | Phone |
	| --- | --- | --- |
	| Ann | Platform | 555-0100 |
	| Bob | Billing | 555-0101 |
	EOF
	cp docs/adr/README.md ../before &&
	adr_log index --write 2>../err &&
	test_grep "Ann \| Platform \| 555-0100" docs/adr/README.md &&
	test_grep "Bob \| Billing \| 555-0101" docs/adr/README.md &&
	head -n 8 docs/adr/README.md >../kept && test_cmp ../before ../kept &&
	test_grep "^<!-- adrlog -->$" docs/adr/README.md &&
	test_grep "^\| 1 \| \[Record\]\(0001-record.md\) \| Accepted \|$" docs/adr/README.md &&
	test_grep "warning: index: .docs/adr/README.md. has no .* markers and no ADR index" ../err &&
	cp docs/adr/README.md ../once &&
	adr_log index --write 2>../err &&
	test_cmp ../once docs/adr/README.md && test_line_count = 0 ../err
'

test_expect_success 'setup: control characters in a title and a file name' '
	git init -q evil && cd evil &&
	adr_commit docs/adr/0001-clip.md \
		"1. Clip ${ESC}]52;c;cm0gLXJmIH4=${BEL} ${ESC}[2J${ESC}]0;pwned${BEL} ${CSI8}31m x" \
		Accepted "ADR-1" &&
	adr_commit "docs/adr/0002-${ESC}[2J${ESC}]0;t${BEL}.md" "2. Name" Accepted "ADR-2" &&
	git ls-files >../files && test_line_count = 2 ../files
'

test_expect_success 'index prints no control character from titles or file names' '
	adr_log -C evil index >out 2>err &&
	test_line_count = 4 out &&
	no_controls out && no_controls err &&
	test_grep "^\| 1 \| \[Clip .*\]\(0001-clip.md\) \| Accepted \|$" out &&
	adr_log -C evil index --write 2>err &&
	no_controls evil/docs/adr/README.md && no_controls err
'

test_expect_success 'new prints no control character from a committed folder name' '
	git init -q evildir && cd evildir &&
	d="docs/${ESC}]0;t${BEL}adr" &&
	adr_commit "$d/0001-x.md" "1. X" Accepted "ADR-1" &&
	printf "%s\n" "$d" >.adr-dir && git add .adr-dir && test_tick && git commit -q -m dir &&
	adr_log new "Second" >../out 2>../err &&
	no_controls ../out && no_controls ../err &&
	test -f "$d/0002-second.md"
'

test_expect_success 'new after a 20-digit id counts on, never wraps to zero' '
	git init -q big && cd big &&
	adr_commit docs/adr/18446744073709551615-max.md "Max" Accepted "max" &&
	adr_log new "Next" >../out &&
	echo docs/adr/18446744073709551616-next.md >../expect && test_cmp ../expect ../out &&
	test_grep "^# 18446744073709551616\. Next$" docs/adr/18446744073709551616-next.md &&
	adr_commit docs/adr/99999999999999999999-nines.md "Nines" Accepted "nines" &&
	adr_log new "Carry" >../out &&
	echo docs/adr/100000000000000000000-carry.md >../expect && test_cmp ../expect ../out
'

test_done
