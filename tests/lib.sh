# lib.sh: the end-to-end test library, after git's t/test-lib.sh.
#
# A script sets test_description, sources this file, then chains
#	test_expect_success 'what it protects' '
#		commands &&
#		more commands
#	'
# and ends with test_done.  Each script gets a fresh trash directory (also
# $HOME), a deterministic environment (LANG=C, TZ=UTC, fixed identities and
# dates advanced by test_tick), and no GIT_* variables from outside: hooks
# run inside git, which exports GIT_DIR and friends.
#
# Never pipe adr-log's output: write it to a file and test_cmp it, so its
# exit code and crashes are seen.

unset $(env | sed -n 's/^\(GIT_[A-Z_]*\)=.*/\1/p') 2>/dev/null
unset ADRLOG_SKIP NO_COLOR PAGER GIT_PAGER LESS 2>/dev/null
LANG=C LC_ALL=C TZ=UTC EDITOR=: PAGER=cat GIT_PAGER=cat TERM=dumb
export LANG LC_ALL TZ EDITOR PAGER GIT_PAGER TERM
GIT_AUTHOR_NAME='A U Thor' GIT_AUTHOR_EMAIL='author@example.com'
GIT_COMMITTER_NAME='C O Mitter' GIT_COMMITTER_EMAIL='committer@example.com'
GIT_CONFIG_NOSYSTEM=1
export GIT_AUTHOR_NAME GIT_AUTHOR_EMAIL GIT_COMMITTER_NAME GIT_COMMITTER_EMAIL GIT_CONFIG_NOSYSTEM
test_tick_time=1700000000
GIT_AUTHOR_DATE="@$test_tick_time +0000" GIT_COMMITTER_DATE="@$test_tick_time +0000"
export GIT_AUTHOR_DATE GIT_COMMITTER_DATE

: "${ADRLOG_TOP:=$(cd "$(dirname "$0")/../.." && pwd)}"
: "${ADRLOG:=$ADRLOG_TOP/adr-log}"
: "${ADRLOG_BUILD:=$ADRLOG_TOP/build}"
SHARED=${ADRLOG_SHARED:-$ADRLOG_TOP/../shared}
export ADRLOG ADRLOG_TOP ADRLOG_BUILD SHARED

TRASH=$(mktemp -d "${TMPDIR:-/tmp}/adrlog-trash.XXXXXX")
HOME=$TRASH
export HOME TRASH
trap 'cd /; rm -rf "$TRASH"' EXIT
cd "$TRASH" || exit 1
git config --global user.name 'A U Thor'
git config --global user.email author@example.com
git config --global init.defaultBranch main
git config --global advice.detachedHead false

test_count=0
test_failed=0

# adr-log as a shell function, so scripts read naturally.
adr_log() { "$ADRLOG" "$@"; }

say() { printf '%s\n' "$*"; }

test_expect_success() {
	test_count=$((test_count + 1))
	rm -f "$TRASH/.test-cleanup"
	if (eval "$2") >"$TRASH/.test-out" 2>&1 </dev/null; then
		say "ok $test_count - $1"
	else
		test_failed=$((test_failed + 1))
		say "not ok $test_count - $1"
		sed 's/^/#	/' "$TRASH/.test-out"
	fi
	cd "$TRASH" || exit 1
	if [ -f "$TRASH/.test-cleanup" ]; then
		(. "$TRASH/.test-cleanup") >/dev/null 2>&1
		rm -f "$TRASH/.test-cleanup"
	fi
}

# test_when_finished CMD: run CMD after the current test, pass or fail,
# newest first.  The test body runs in a subshell, so a variable set here
# would be lost; the commands go to a file that test_expect_success runs
# after the subshell, from the directory the test was in when it asked.
test_when_finished() {
	{
		printf "(cd '%s' && { %s\n})\n" "$(pwd | sed "s/'/'\\\\''/g")" "$*"
		cat "$TRASH/.test-cleanup" 2>/dev/null || :
	} >"$TRASH/.test-cleanup.new" && mv "$TRASH/.test-cleanup.new" "$TRASH/.test-cleanup"
}

test_done() {
	say "$((test_count - test_failed)) passed, $test_failed failed"
	[ "$test_failed" -eq 0 ]
}

# Run a command that must fail by exiting (not by a signal).
test_must_fail() {
	"$@"
	rc=$?
	if [ $rc -eq 0 ]; then
		echo "test_must_fail: '$*' succeeded" >&2
		return 1
	elif [ $rc -gt 128 ] && [ $rc -le 192 ]; then
		echo "test_must_fail: '$*' died by signal $((rc - 128))" >&2
		return 1
	fi
	return 0
}

# test_expect_code N cmd...: the command must exit with status N.
test_expect_code() {
	want=$1
	shift
	"$@"
	rc=$?
	[ $rc -eq "$want" ] && return 0
	echo "test_expect_code: '$*' exited $rc, wanted $want" >&2
	return 1
}

test_cmp() {
	diff -u "$1" "$2"
}

# test_grep [-v] PATTERN FILE: like grep, but shows the file on failure.
test_grep() {
	neg=
	[ "$1" = "-v" ] && { neg=1; shift; }
	if [ -n "$neg" ]; then
		! grep -E -e "$1" "$2" && return 0
		echo "test_grep: '$1' unexpectedly found in $2:" >&2
	else
		grep -E -e "$1" "$2" >/dev/null && return 0
		echo "test_grep: '$1' not found in $2:" >&2
	fi
	sed 's/^/| /' "$2" >&2
	return 1
}

# test_line_count OP N FILE
test_line_count() {
	n=$(wc -l <"$3")
	test "$n" "$1" "$2" || { echo "test_line_count: $3 has $n lines, want $1 $2" >&2; return 1; }
}

# Advance the fake clock by 60 s (author and committer dates).
test_tick() {
	test_tick_time=$((test_tick_time + 60))
	GIT_AUTHOR_DATE="@$test_tick_time +0000"
	GIT_COMMITTER_DATE="@$test_tick_time +0000"
	export GIT_AUTHOR_DATE GIT_COMMITTER_DATE
}

# test_commit MESSAGE [FILE [CONTENT]]: write, add and commit one file.
test_commit() {
	file=${2:-$(echo "$1" | tr -c 'A-Za-z0-9\n' _).t}
	mkdir -p "$(dirname "$file")"
	printf '%s\n' "${3:-$1}" >"$file" &&
	git add -- "$file" &&
	test_tick &&
	git commit -q -m "$1"
}

# adr_write PATH TITLE STATUS [EXTRA]: write an adr-tools style ADR.
adr_write() {
	mkdir -p "$(dirname "$1")"
	cat >"$1" <<ADR
# $2

Date: 2024-01-01

## Status

$3

## Context

Context of $2.
${4:-}
## Decision

We decide.

## Consequences

Some.
ADR
}

# adr_commit PATH TITLE STATUS MESSAGE: write an ADR and commit it.
adr_commit() {
	adr_write "$1" "$2" "$3" &&
	git add -- "$1" &&
	test_tick &&
	git commit -q -m "$4"
}

# jget FILE EXPR: evaluate a Python expression over the JSON document d in
# FILE; prints one value per line for lists (strings bare, others as JSON).
jget() {
	python3 -c 'import json, sys
d = json.load(open(sys.argv[1]))
r = eval(sys.argv[2])
for x in (r if isinstance(r, list) else [r]):
    print(x if isinstance(x, str) else json.dumps(x))' "$1" "$2"
}

# Clone a corpus bundle into DIR (skips with a message if absent).
corpus_clone() {
	git clone -q "$SHARED/corpus/$1.bundle" "$2"
}
