#!/bin/sh
test_description='hostile packs (issue 12, ADR 19): sizes of 2^64-1 in an
object header and a delta, a 13-byte varint, a non-monotonic fanout and
random index flips are handed to libgit2 (which reads the object or reports
its own error), never a crash, an overflow or "out of memory"'
. "$(dirname "$0")/../lib.sh"

HOSTILE=$ADRLOG_TOP/tests/e2e/hostile-pack.py

# libgit2 1.5.1 leaks a reference when git_revparse_single fails on a
# damaged pack (as in t9200): under make check-asan only that is suppressed
# (full unwinding: libgit2 has no frame pointers for the fast one).
printf "leak:git_revparse_single\n" >"$TRASH/lsan.supp"
LSAN_OPTIONS=suppressions=$TRASH/lsan.supp:print_suppressions=0
ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}fast_unwind_on_malloc=0
export LSAN_OPTIONS ASAN_OPTIONS

# A small history with status events; objects stay loose (no gc).
make_repo() {
	git init -q "$1" && (cd "$1" &&
	 adr_commit docs/adr/0001-one.md One Proposed "add ADR-1" &&
	 adr_commit docs/adr/0002-two.md Two Proposed "add ADR-2" &&
	 adr_commit docs/adr/0001-one.md One Accepted "accept ADR-1")
}

# timeline_of REPO OUT: the events of REPO's timeline, one per line.
timeline_of() {
	"$ADRLOG" --no-cache -C "$1" timeline --format json >"$2.json" 2>"$2.err" &&
	jget "$2.json" "[\"%s %s %s\" % (e[\"adr\"], e[\"from\"], e[\"to\"]) for e in d[\"events\"]]" >"$2"
}

# fails_cleanly REPO: timeline exits 2 with one "adr-log: ..." line that
# names what libgit2 could not read, and no sanitizer report.
fails_cleanly() {
	test_expect_code 2 "$ADRLOG" --no-cache -C "$1" timeline --format json >out 2>err &&
	test_line_count = 1 err &&
	test_grep "^adr-log: " err
}

test_expect_success 'setup: the answer of the intact repository' '
	make_repo clean &&
	timeline_of clean expect &&
	printf "1 None proposed\n2 None proposed\n1 proposed accepted\n" >want &&
	test_cmp want expect
'

test_expect_success 'an object header with a size of 2^64-1: no overflow, libgit2 reports' '
	make_repo hdr &&
	python3 "$HOSTILE" huge-header hdr &&
	fails_cleanly hdr &&
	test_grep "$(git -C hdr rev-parse HEAD~1)" err
'

test_expect_success 'an offset delta with a result size of 2^64-1: no overflow, libgit2 reports' '
	make_repo delta &&
	python3 "$HOSTILE" huge-delta delta &&
	fails_cleanly delta &&
	test_grep "$(git -C delta rev-parse HEAD~1)" err
'

# git refuses it too ("bad file"); under UBSan the old shift failed here
test_expect_success 'a 13-byte delta size varint is refused without a shift past 64 bits' '
	make_repo varint &&
	python3 "$HOSTILE" long-varint varint &&
	fails_cleanly varint &&
	test_grep "$(git -C varint rev-parse HEAD~1)" err
'

test_expect_success 'a second pack whose index fanout is not monotonic is left to libgit2' '
	make_repo fanout &&
	(cd fanout && git repack -q -d && adr_commit docs/adr/0003-three.md Three Proposed "add ADR-3") &&
	python3 "$HOSTILE" bad-fanout fanout &&
	test $(ls fanout/.git/objects/pack/*.idx | wc -l) = 2 &&
	timeline_of fanout actual &&
	{ cat expect && echo "3 None proposed"; } >want &&
	test_cmp want actual
'

# libgit2 1.5 reads such offsets unchecked (SIGBUS, SIGSEGV)
# and the edges: inside the 12-byte header, at the 20-byte trailer's start
test_expect_success 'an index offset past its pack, or past the 64-bit table, stops the command' '
	make_repo far &&
	(cd far && git repack -q -a -d) &&
	idx=$(ls far/.git/objects/pack/*.idx) &&
	trailer=$(( $(wc -c <"${idx%.idx}.pack") - 20 )) &&
	cp "$idx" idx.orig &&
	for v in 0x7fffff00 0x80000003 11 $trailer; do
		cp idx.orig "$idx" &&
		python3 "$HOSTILE" set-offset far 1 $v &&
		fails_cleanly far &&
		test_grep "^adr-log: damaged pack index .*\.idx.: an object offset is outside its pack\$" err ||
		return 1
	done
'

test_expect_success 'random flips in a pack index: no crash, never "out of memory"' '
	make_repo flip &&
	(cd flip && git repack -q -a -d) &&
	timeline_of flip actual &&
	test_cmp expect actual &&
	python3 "$HOSTILE" flip-idx flip "$ADRLOG" 120 >problems &&
	test_line_count = 0 problems &&
	timeline_of flip actual &&
	test_cmp expect actual
'

test_done
