#!/bin/sh
test_description='terminal output: control characters neutralised, colors, pager'
. "$(dirname "$0")/../lib.sh"

ESC=$(printf "\033") BEL=$(printf "\007") CR=$(printf "\r")

# no_controls FILE: no C0 control byte but newline (and no DEL) in FILE.
no_controls() {
	if LC_ALL=C grep -n "$(printf "[\001-\011\013-\037\177]")" "$1" >ctl; then
		echo "control characters in $1:" >&2
		sed -n l ctl >&2
		return 1
	fi
}

# strip_sgr FILE: FILE without SGR color sequences (ESC [ digits ; m).
strip_sgr() {
	sed "s/$ESC\[[0-9;]*m//g" "$1"
}

test_expect_success 'setup: ESC, CR and BEL in an ADR title and in commit messages' '
	git init -q r && cd r &&
	adr_commit docs/adr/0001-evil.md \
		"1. Evil ${ESC}[2J${ESC}]0;pwned${BEL} title${CR}over" Proposed \
		"ADR-1: propose ${ESC}[31mred${ESC}[m and ${BEL} bell${CR}hidden" &&
	adr_commit docs/adr/0001-evil.md \
		"1. Evil ${ESC}[2J${ESC}]0;pwned${BEL} title${CR}over" Accepted \
		"accept ADR-1 ${ESC}[1A up" &&
	test_commit "implement ADR-1 ${ESC}[31mnow" src.txt &&
	git log --format=%s >subjects &&
	test_grep "$ESC" subjects
'

test_expect_success 'no control character reaches the terminal from any text view' '
	for v in list timeline "show 1" links; do
		adr_log -C r $v --color never >out 2>err ||
			{ echo "$v failed" >&2; cat err >&2; return 1; }
		no_controls out || return 1
		no_controls err || return 1
	done &&
	adr_log -C r links --color never >out &&
	test_grep "propose �\[31mred�\[m and � bell�hidden" out &&
	test_grep "implement ADR-1 �\[31mnow" out
'

test_expect_success 'error messages that quote user or repository text carry no controls' '
	test_expect_code 2 adr_log -C r show "9${ESC}[2J${BEL}" >out 2>err &&
	test_line_count = 1 err &&
	test_grep "^adr-log: " err &&
	no_controls err &&
	test_expect_code 2 adr_log -C r "frob${ESC}[2J" 2>err &&
	no_controls err
'

test_expect_success 'with --color always only color sequences are added' '
	for v in list timeline "show 1" links; do
		adr_log -C r $v --color always >out || return 1
		strip_sgr out >plain &&
		no_controls plain || return 1
	done &&
	adr_log -C r list --color always >out &&
	test_grep "$ESC\[32maccepted *$ESC\[m" out
'

test_expect_success 'the title is still readable, with U+FFFD for the controls' '
	adr_log -C r list --color never >out &&
	test_grep "Evil �\[2J�\]0;pwned� title  " out
'

test_expect_success '--color never and --color auto into a file give no color' '
	adr_log -C r list --color never >out &&
	test_grep -v "$ESC" out &&
	adr_log -C r list >out &&
	test_grep -v "$ESC" out
'

# The pager runs in the repository (-C r): it writes to $TRASH/... files.
# on_tty CMD...: run CMD with stdout and stderr on a pseudo-terminal
# (util-linux script); its terminal output goes to tty.out.
on_tty() {
	script -qec "$*" /dev/null >tty.out 2>&1 </dev/null
}

if ! command -v script >/dev/null; then
	say "skipped: script (util-linux) is not installed; no terminal tests ran"
else
	test_expect_success 'on a terminal: color by default, none with NO_COLOR or TERM=dumb' '
		TERM=xterm on_tty "\"$ADRLOG\" -C r list --no-pager" &&
		test_grep "$ESC\[32maccepted" tty.out &&
		NO_COLOR=1 TERM=xterm on_tty "\"$ADRLOG\" -C r list --no-pager" &&
		test_grep "accepted" tty.out &&
		test_grep -v "$ESC\[" tty.out &&
		TERM=dumb on_tty "\"$ADRLOG\" -C r list --no-pager" &&
		test_grep "accepted" tty.out &&
		test_grep -v "$ESC\[" tty.out
	'

	test_expect_success 'on a terminal the output goes through GIT_PAGER, with LESS=FRX' '
		rm -f paged less &&
		GIT_PAGER="cat >\"$TRASH/paged\"; echo \"\$LESS\" >\"$TRASH/less\"" on_tty "\"$ADRLOG\" -C r list" &&
		test_grep "^1 +accepted" paged &&
		echo FRX >want && test_cmp want less &&
		test_grep -v "accepted" tty.out
	'

	test_expect_success 'LESS already set is respected' '
		rm -f less &&
		LESS=-S GIT_PAGER="cat >/dev/null; echo \"\$LESS\" >\"$TRASH/less\"" \
			on_tty "\"$ADRLOG\" -C r list" &&
		echo -S >want && test_cmp want less
	'

	test_expect_success 'core.pager is used when GIT_PAGER is unset, before PAGER' '
		rm -f paged &&
		git -C r config core.pager "cat >\"$TRASH/paged\"" &&
		test_when_finished "git -C r config --unset core.pager" &&
		(unset GIT_PAGER; PAGER="cat >\"$TRASH/wrong\"" on_tty "\"$ADRLOG\" -C r list") &&
		test_grep "^1 +accepted" paged &&
		! test -e wrong
	'

	test_expect_success '--no-pager (before or after the command), cat and "" do not page' '
		rm -f paged &&
		GIT_PAGER="cat >\"$TRASH/paged\"" on_tty "\"$ADRLOG\" -C r --no-pager list" &&
		! test -e paged && test_grep "accepted" tty.out &&
		GIT_PAGER="cat >\"$TRASH/paged\"" on_tty "\"$ADRLOG\" -C r list --no-pager" &&
		! test -e paged && test_grep "accepted" tty.out &&
		GIT_PAGER=cat on_tty "\"$ADRLOG\" -C r list" &&
		test_grep "accepted" tty.out &&
		GIT_PAGER= on_tty "\"$ADRLOG\" -C r list" &&
		test_grep "accepted" tty.out
	'

	test_expect_success 'colors survive the pager; --help is never paged' '
		rm -f paged &&
		TERM=xterm GIT_PAGER="cat >\"$TRASH/paged\"" on_tty "\"$ADRLOG\" -C r list" &&
		test_grep "$ESC\[32maccepted" paged &&
		GIT_PAGER="cat >\"$TRASH/paged2\"" on_tty "\"$ADRLOG\" -C r list --help" &&
		! test -e paged2 && test_grep "^usage: adr-log list" tty.out
	'

	# killed.sh: adr-log is killed (SIGTERM) while its pager still runs; it
	# must wait for the pager before it dies.  Loops are bounded (10 s).
	cat >killed.sh <<-EOF
	T="$TRASH"; export T
	GIT_PAGER='cat >/dev/null; touch "\$T/started"; n=0;
		while ! test -e "\$T/go" && test \$n -lt 100; do sleep 0.1; n=\$((n+1)); done;
		echo done >"\$T/pdone"' "$ADRLOG" -C r list &
	pid=\$!
	n=0
	while ! test -e "\$T/started" && test \$n -lt 100; do sleep 0.1; n=\$((n+1)); done
	kill -TERM \$pid
	sleep 0.3
	kill -0 \$pid 2>/dev/null && echo yes >"\$T/alive"
	touch "\$T/go"
	wait \$pid
	echo \$? >"\$T/rc"
	EOF

	test_expect_success 'killed while paging, adr-log waits for the pager, then dies of the signal' '
		rm -f started go pdone alive rc &&
		on_tty "sh \"$TRASH/killed.sh\"" &&
		echo yes >want && test_cmp want alive &&
		echo done >want && test_cmp want pdone &&
		echo 143 >want && test_cmp want rc
	'

	test_expect_success 'commands without CMD_USE_PAGER are not paged' '
		{ GIT_PAGER="cat >\"$TRASH/paged3\"" on_tty "\"$ADRLOG\" -C r index" || :; } &&
		! test -e paged3
	'
fi

test_expect_success 'never a pager when stdout is not a terminal' '
	rm -f paged &&
	GIT_PAGER="cat >\"$TRASH/paged\"" adr_log -C r list >out &&
	! test -e paged &&
	test_grep "accepted" out
'

test_done
