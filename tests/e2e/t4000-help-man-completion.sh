#!/bin/sh
test_description='every command answers --help; the man page and the completions know every command'
. "$(dirname "$0")/../lib.sh"

test_expect_success 'the command list is read from --help' '
	adr_log --help >help &&
	sed -n "/^commands:/,/^\$/s/^    \([a-z-]*\) .*/\1/p" help >commands &&
	test_line_count -ge 9 commands &&
	test_grep "^timeline\$" commands &&
	test_grep "^hooks\$" commands
'

# A command still being written (its stub says so) is reported, not failed:
# the check becomes strict by itself when the command lands.
stub() {
	if grep -q "not implemented yet" err; then
		echo "known breakage: $1 is not implemented yet"
		return 0
	fi
	return 1
}

test_expect_success 'every command answers --help with its usage and exit 0' '
	git init -q repo &&
	for c in $(cat commands); do
		if adr_log -C repo "$c" --help >out 2>err; then
			test_grep "^usage: adr-log $c" out || return 1
			test_line_count = 0 err || return 1
		else
			stub "$c" || { echo "$c --help failed" >&2; cat err >&2; return 1; }
		fi
	done
'

test_expect_success 'every command answers -h, and help CMD, outside a repository too' '
	mkdir -p norepo &&
	for c in $(cat commands); do
		if (cd norepo && GIT_CEILING_DIRECTORIES=$TRASH "$ADRLOG" "$c" -h >../out 2>../err); then
			test_grep "^usage: adr-log $c" out || return 1
			adr_log help "$c" >out || return 1
			test_grep "^usage: adr-log $c" out || return 1
		else
			stub "$c" || { echo "$c -h failed" >&2; cat err >&2; return 1; }
		fi
	done
'

test_expect_success 'the man page is valid roff' '
	if command -v groff >/dev/null; then
		groff -man -ww -z "$ADRLOG_TOP/docs/adr-log.1" 2>err &&
		test_line_count = 0 err
	else
		echo "skipped: groff is not installed"
	fi
'

test_expect_success 'the man page has every section and describes every command' '
	man="$ADRLOG_TOP/docs/adr-log.1" &&
	for s in NAME SYNOPSIS DESCRIPTION COMMANDS OPTIONS CONFIGURATION \
		"EXIT STATUS" FILES EXAMPLES "SEE ALSO"; do
		test_grep "^\.SH \"?$s\"?\$" "$man" || return 1
	done &&
	for c in $(cat commands); do
		pat=$(printf "%s" "$c" | sed "s/-/\\\\\\\\-/g") &&
		test_grep "^\.B[IR]? \"?$pat( |\"|\$)" "$man" || return 1
	done &&
	for k in dir largeLines largeFiles ignore hookMode failClosed; do
		test_grep "^\.B adrlog\.$k\$" "$man" || return 1
	done
'

test_expect_success 'setup: a repository with two ADRs' '
	git init -q r && (
		cd r &&
		adr_commit docs/adr/0001-use-adrs.md "1. Use ADRs" Accepted "Add ADR 1" &&
		adr_commit docs/adr/0007-use-nats.md "7. Use NATS" Proposed "Add ADR 7"
	)
'

# complete WORDS...: what bash completion offers for the last word.
complete_bash() {
	bash -c '
		. "$ADRLOG_TOP/contrib/adr-log.bash" &&
		COMP_WORDS=("$@") && COMP_CWORD=$(($# - 1)) &&
		_adr_log && printf "%s\n" "${COMPREPLY[@]}"
	' complete "$@"
}

test_expect_success 'bash completes commands, options, formats and hooks actions' '
	PATH=$(dirname "$ADRLOG"):$PATH &&
	complete_bash adr-log "" >got &&
	for c in $(grep -vx hook commands); do
		test_grep "^$c\$" got || return 1
	done &&
	test_grep -v "^hook\$" got &&
	complete_bash adr-log li >got &&
	printf "list\nlinks\nlink\n" >want && test_cmp want got &&
	complete_bash adr-log list --r >got &&
	echo --rev >want && test_cmp want got &&
	complete_bash adr-log --format m >got &&
	printf "markdown\nmermaid\n" >want && test_cmp want got &&
	complete_bash adr-log hooks un >got &&
	echo uninstall >want && test_cmp want got
'

test_expect_success 'bash completes ADR ids for show, reading the repository of -C' '
	PATH=$(dirname "$ADRLOG"):$PATH &&
	complete_bash adr-log -C r show "" >got &&
	printf "1\n7\n" >want &&
	test_cmp want got
'

test_expect_success 'adr-log --help lists help; help -h and help help answer; help of no command fails' '
	adr_log --help >out &&
	test_grep "^    help +help CMD" out &&
	adr_log help -h >out && test_grep "^usage: adr-log help \[COMMAND\]" out &&
	adr_log help help >out && test_grep "^usage: adr-log help" out &&
	adr_log help timeline >out && test_grep "^usage: adr-log timeline" out &&
	test_expect_code 2 adr_log help frob 2>err &&
	test_grep "^adr-log: .frob. is not a command" err
'

test_expect_success 'the man page documents ADRLOG_SKIP and the timeline options' '
	man="$ADRLOG_TOP/docs/adr-log.1" &&
	test_grep "^\.B ADRLOG_SKIP" "$man" &&
	for o in "max\\\\-count" reverse author status since until body raw "regexp\\\\-ignore\\\\-case"; do
		grep -q -e "\\\\-\\\\-$o" "$man" || { echo "no --$o" >&2; return 1; }
	done
'

test_expect_success 'bash completes revisions after A.. of a range' '
	PATH=$(dirname "$ADRLOG"):$PATH &&
	git -C r tag v1.0 HEAD~1 &&
	complete_bash adr-log -C r timeline v1.0.. >got &&
	printf "v1.0..HEAD\nv1.0..main\nv1.0..v1.0\n" >want && test_cmp want got &&
	complete_bash adr-log -C r timeline v1.0..m >got &&
	echo v1.0..main >want && test_cmp want got &&
	complete_bash adr-log -C r release-notes v1.0..H >got &&
	echo v1.0..HEAD >want && test_cmp want got &&
	complete_bash adr-log -C r timeline "" >got &&
	test_grep "^main\$" got && test_grep "^7\$" got
'

test_expect_success 'bash offers each command the formats it takes, and every one offered is taken' '
	PATH=$(dirname "$ADRLOG"):$PATH &&
	for c in timeline list show links release-notes check index new hooks; do
		complete_bash adr-log -C r $c --format "" >offered &&
		for f in text markdown json mermaid html; do
			arg= && case $c in show) arg=1 ;; hooks) arg=status ;; new) arg=x ;; esac &&
			(cd r && "$ADRLOG" $c $arg --format $f >/dev/null 2>../err) ;
			if grep -q -e "--format $f is not supported" -e "takes no --format" err; then
				test_grep -v "^$f\$" offered || { echo "$c offers $f" >&2; return 1; }
			else
				test_grep "^$f\$" offered || { echo "$c takes $f" >&2; return 1; }
			fi
		done || return 1
	done &&
	complete_bash adr-log -C r hooks --format "" >offered &&
	! grep . offered &&
	complete_bash adr-log --format "" >offered &&
	test_line_count = 5 offered
'

test_expect_success 'bash completes ids, relations and status words for the editing commands' '
	PATH=$(dirname "$ADRLOG"):$PATH &&
	complete_bash adr-log -C r supersede "" >got &&
	printf "1\n7\n" >want && test_cmp want got &&
	complete_bash adr-log -C r link 7 Am >got &&
	printf "Amends\nAmended-by\n" >want && test_cmp want got &&
	complete_bash adr-log -C r link 7 Amends "" >got &&
	printf "1\n7\n" >want && test_cmp want got &&
	complete_bash adr-log -C r status 7 acc >got &&
	echo accepted >want && test_cmp want got &&
	complete_bash adr-log -C r new --supersedes "" >got &&
	printf "1\n7\n" >want && test_cmp want got
'

test_expect_success 'the zsh completion is valid zsh' '
	if command -v zsh >/dev/null; then
		zsh -n "$ADRLOG_TOP/contrib/_adr-log"
	else
		echo "skipped: zsh is not installed"
	fi &&
	test_grep "^#compdef adr-log" "$ADRLOG_TOP/contrib/_adr-log"
'

test_done
