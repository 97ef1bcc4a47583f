#!/bin/sh
test_description='the hooks count the lines of a file too big to diff (over
16 MiB) by streaming it (issue 12: a 120 MB staged file cost the hook 2-3 s
and 500 MB): exactly for a file added, deleted, appended to or changed in
one place, as an upper bound otherwise, never reading it whole when staged'
. "$(dirname "$0")/../lib.sh"

# big FILE LINES [SALT]: a text file of LINES lines of 40 bytes.
big() {
	python3 -c "import sys
with open(sys.argv[1], 'w') as f:
    for i in range(int(sys.argv[2])): f.write('%-38s %s\n' % ('line %d %s' % (i, sys.argv[3]), 'x'))" \
		"$1" "$2" "${3:-}"
}

# edit FILE PYTHON: run PYTHON over the list of lines L of FILE, write it back.
edit() {
	python3 -c "import sys
L = open(sys.argv[1]).read().split('\n')
$2
open(sys.argv[1], 'w').write('\n'.join(L))" "$1"
}

# size: what the hook counts for the staged change, "N lines M files".
size() {
	echo msg >msg &&
	"$ADRLOG" hook commit-msg msg 2>err &&
	sed -n "s/.*: \([0-9]*\) changed lines\{0,1\} in \([0-9]*\) files\{0,1\} .*/\1 lines \2 files/p" err
}

# numstat: what git counts, "N lines M files" (binary files: 0 lines).
numstat() {
	git diff --cached --numstat -M | awk '{ n += ($1 == "-" ? 0 : $1 + $2); f++ }
		END { printf "%d lines %d files\n", n, f }'
}

# Under make check-asan the allocator's quarantine (256 MB by default) keeps
# freed blocks resident: peaks are measured with a small one (the variable
# means nothing to a normal build).
ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}quarantine_size_mb=4
export ASAN_OPTIONS

# peak_kb CMD...: run CMD and print its peak RSS in KiB (-1 when it fails).
peak_kb() {
	python3 -c "import resource, subprocess, sys
p = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=open(\"peak.err\", \"wb\"))
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss if p.returncode == 0 else -1)" "$@"
}

test_expect_success 'setup: every change is reported (largeFiles 0), in warn mode' '
	git init -q repo && cd repo &&
	adr_commit docs/adr/0001-one.md "1. One" Accepted "ADR-1" &&
	seq 1 50 >small.c && seq 1 30 >other.c && git add . && git commit -q -m small &&
	git config adrlog.hookMode warn && git config adrlog.largeFiles 0
'

test_expect_success 'a big file added: every line, as git counts it' '
	cd repo && big big.txt 450000 && test $(wc -c <big.txt) -gt 16777216 &&
	git add big.txt && size >actual && numstat >expect &&
	echo "450000 lines 1 files" >want && test_cmp want expect &&
	test_cmp expect actual
'

test_expect_success 'added beside a deleted and a renamed small file: the renames still found' '
	cd repo && git rm -q small.c && git mv other.c moved.c && echo 31 >>moved.c &&
	git add moved.c && size >actual && numstat >expect &&
	echo "450051 lines 3 files" >want && test_cmp want expect &&
	test_cmp expect actual &&
	git commit -q --no-verify -m "big"
'

test_expect_success 'lines appended to a big file: exactly those' '
	cd repo && seq 1 7 >>big.txt && git add big.txt &&
	size >actual && echo "7 lines 1 files" >expect && test_cmp expect actual &&
	numstat >actual && test_cmp expect actual && git reset -q --hard
'

test_expect_success 'a line changed and one inserted in one place of a big file, packed or not' '
	cd repo && edit big.txt "L[200000] = \"changed\"; L.insert(200001, \"new\")" &&
	git add big.txt && size >actual && echo "3 lines 1 files" >expect &&
	test_cmp expect actual && numstat >actual && test_cmp expect actual &&
	git gc -q && size >actual && test_cmp expect actual && git reset -q --hard
'

test_expect_success 'changes in two places far apart: at most the lines between them' '
	cd repo && edit big.txt "L[1000] = \"one\"; L[3000] = \"two\"" &&
	git add big.txt && numstat >actual && echo "4 lines 1 files" >expect &&
	test_cmp expect actual && size >actual &&
	echo "4002 lines 1 files" >expect && test_cmp expect actual &&
	git reset -q --hard
'

test_expect_success 'a big file renamed as it is: no line changed' '
	cd repo && git mv big.txt big2.txt && size >actual &&
	echo "0 lines 1 files" >expect && test_cmp expect actual &&
	numstat >actual && test_cmp expect actual && git reset -q --hard
'

test_expect_success 'a big file deleted: every line' '
	cd repo && git rm -q big.txt && size >actual &&
	echo "450000 lines 1 files" >expect && test_cmp expect actual &&
	numstat >actual && test_cmp expect actual && git reset -q --hard
'

test_expect_success 'a big binary file (a NUL near the top), or one marked -diff: no lines' '
	cd repo && { printf "\000"; cat big.txt; } >blob.bin && git add blob.bin &&
	size >actual && echo "0 lines 1 files" >expect && test_cmp expect actual &&
	numstat >actual && test_cmp expect actual &&
	git reset -q && rm blob.bin &&
	cp big.txt gen.dat && echo "*.dat -diff" >.gitattributes && git add gen.dat &&
	size >actual && test_cmp expect actual && numstat >actual && test_cmp expect actual &&
	git reset -q && rm gen.dat .gitattributes
'

# The old code held both sides and libgit2's diff (about 4 times the file);
# streamed, the hook stays far below the file's size.  (ASan's shadow
# memory is counted too.)
test_expect_success 'a 64 MB staged file: the hook reads it streamed, not whole' '
	cd repo && big huge.txt 1600000 && git add huge.txt &&
	echo msg >msg && kb=$(peak_kb "$ADRLOG" hook commit-msg msg) &&
	echo "peak: $kb KiB" && test "$kb" -gt 0 && test "$kb" -lt 50000 &&
	test_grep "1600000 changed lines in 1 file" peak.err
'

# Parsing the 4 MiB read takes about 45 MB; reading the ADR whole, 150 MB.
test_expect_success 'a 64 MB committed ADR: the hook reads its first 4 MiB only, for candidates too' '
	cd repo && git reset -q --hard && git rm -q --cached huge.txt 2>/dev/null; rm -f huge.txt &&
	{ printf "# 2. Billing engine\n\n## Status\n\nAccepted\n\n"; cat big.txt big.txt big.txt big.txt; } \
		>docs/adr/0002-billing.md && test $(wc -c <docs/adr/0002-billing.md) -gt 64000000 &&
	git add docs/adr && git commit -q --no-verify -m "a huge ADR" &&
	mkdir -p billing && seq 1 500 >billing/engine.c && git add billing &&
	echo msg >msg && kb=$(peak_kb "$ADRLOG" hook commit-msg msg) &&
	echo "peak: $kb KiB" && test "$kb" -gt 0 && test "$kb" -lt 100000 &&
	test_grep "ADR 2 +\"Billing engine\"" peak.err
'

test_done
