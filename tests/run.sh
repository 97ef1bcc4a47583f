#!/bin/sh
# run.sh: the whole test suite.  Runs the unit-test binary and every
# end-to-end script tests/e2e/t*.sh (each in its own trash directory), adds
# up their counts and ends with one line "N passed, N failed".  Exit status
# is non-zero when anything failed.
#
#   sh tests/run.sh                 everything
#   sh tests/run.sh t2*             only e2e scripts matching the glob(s)
#   ADRLOG=/path/adr-log sh ...     test another binary (make check-asan)
#   ADRLOG_TEST_JOBS=N              scripts run N at a time (default: 2)

top=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${ADRLOG_BUILD:-build}
case "$BUILD" in /*) ;; *) BUILD="$top/$BUILD" ;; esac
export ADRLOG="${ADRLOG:-$top/adr-log}" ADRLOG_TOP="$top" ADRLOG_BUILD="$BUILD"
jobs=${ADRLOG_TEST_JOBS:-2}
results=$(mktemp -d "${TMPDIR:-/tmp}/adrlog-results.XXXXXX")
trap 'rm -rf "$results"' EXIT

passed=0
failed=0

count() {	# count FILE: add the last "N passed, N failed" line of FILE
	line=$(grep -E '^[0-9]+ passed, [0-9]+ failed' "$1" | tail -n 1)
	if [ -z "$line" ]; then
		echo "$2: no result line (crashed?)"
		failed=$((failed + 1))
		return
	fi
	p=${line%% passed*}
	f=${line#*passed, }
	f=${f%% failed*}
	passed=$((passed + p))
	failed=$((failed + f))
}

if [ $# -eq 0 ]; then
	if [ -x "$BUILD/unit-tests" ]; then
		"$BUILD/unit-tests" >"$results/unit.out" 2>&1
		grep -E '^FAIL' "$results/unit.out"
		echo "unit: $(tail -n 1 "$results/unit.out")"
		count "$results/unit.out" unit
	else
		echo "unit: $BUILD/unit-tests not built"
		failed=$((failed + 1))
	fi
	set -- "$top"/tests/e2e/t*.sh
else
	pats="$*"
	set --
	for p in $pats; do
		for f in "$top"/tests/e2e/$p; do
			[ -f "$f" ] && set -- "$@" "$f"
		done
	done
fi

# Run the scripts, $jobs at a time; each writes its own output file.
running=0
for script in "$@"; do
	name=$(basename "$script" .sh)
	(sh "$script" >"$results/$name.out" 2>&1; echo $? >"$results/$name.rc") &
	running=$((running + 1))
	if [ "$running" -ge "$jobs" ]; then
		wait
		running=0
	fi
done
wait

for script in "$@"; do
	name=$(basename "$script" .sh)
	out="$results/$name.out"
	grep -E '^not ok' "$out" | sed "s/^/$name: /"
	if grep -qE '^not ok|^[0-9]+ passed, [1-9]' "$out" || [ "$(cat "$results/$name.rc")" != 0 ]; then
		echo "---- $name output (last 40 lines) ----"
		tail -n 40 "$out"
	fi
	echo "$name: $(grep -E '^[0-9]+ passed, [0-9]+ failed' "$out" | tail -n 1)"
	count "$out" "$name"
done

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
