#!/bin/sh
test_description='the costs of issue 12 stay linear and bounded: results
of the large cases (times are in the README, never tested): one commit
adding and re-adding thousands of ADRs, an ADR blob far past the parse
limit, many ADRs renamed in every commit'
. "$(dirname "$0")/../lib.sh"

# fast_import REPO PYTHON: the repository REPO made by git fast-import from
# the stream PYTHON prints (w() writes; c(msg) starts a commit).
fast_import() {
	git init -q "$1" &&
	python3 -c "import sys
w = sys.stdout.write
t = [1700000000]
def c(msg):
    t[0] += 60
    w('commit refs/heads/main\ncommitter C <c@example.com> %d +0000\ndata %d\n%s\n' % (t[0], len(msg), msg))
def f(path, body):
    b = body.encode()
    w('M 100644 inline %s\ndata %d\n' % (path, len(b)))
    sys.stdout.buffer.write(b)
    sys.stdout.flush()
    w('\n')
$2" | git -C "$1" fast-import --quiet &&
	git -C "$1" symbolic-ref HEAD refs/heads/main &&
	git -C "$1" reset -q --hard
}

test_expect_success 'thousands of ADRs deleted and added again under new names in one commit pair up by id' '
	fast_import many "
N = 3000
c(\"add\")
for i in range(1, N + 1):
    f(\"docs/adr/%04d-a.md\" % i, \"# A %d\n\n## Status\n\nProposed\n\" % i)
c(\"re-add\")
for i in range(1, N + 1):
    w(\"D docs/adr/%04d-a.md\n\" % i)
    f(\"docs/adr/%04d-b.md\" % i, \"# Something else entirely %d\n\nMore words %d.\n\n## Status\n\nAccepted\n\" % (i, i))
# id 7 twice: ambiguous, so not paired
f(\"docs/adr/0007-c.md\", \"# Seven again\n\n## Status\n\nRejected\n\")
" &&
	"$ADRLOG" --no-cache -C many timeline --format json >many.json &&
	jget many.json "len(d[\"events\"])" >actual &&
	echo 6002 >expect &&
	test_cmp expect actual &&
	jget many.json "sorted(set(\"%s %s\" % (e[\"from\"], e[\"to\"]) for e in d[\"events\"]))" >actual &&
	printf "None accepted\nNone proposed\nNone rejected\nproposed accepted\nproposed deleted\n" >expect &&
	test_cmp expect actual &&
	jget many.json "[\"%s %s %s\" % (e[\"adr\"], e[\"from\"], e[\"to\"]) for e in d[\"events\"] if e[\"adr\"] in (\"6\", \"7\", \"8\")]" >actual &&
	cat >expect <<-EOT &&
	6 None proposed
	7 None proposed
	8 None proposed
	6 proposed accepted
	7 proposed deleted
	7 None accepted
	7 None rejected
	8 proposed accepted
	EOT
	test_cmp expect actual
'

# Under make check-asan the allocator's quarantine (256 MB by default) keeps
# freed blocks resident: peaks are measured with a small one (the variable
# means nothing to a normal build).
ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}quarantine_size_mb=4
export ASAN_OPTIONS

# peak_kb CMD...: run CMD (output to CMD.out) and print its peak RSS in KiB.
peak_kb() {
	python3 -c "import resource, subprocess, sys
p = subprocess.run(sys.argv[1:], stdout=open(\"peak.out\", \"wb\"))
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss if p.returncode == 0 else -1)" "$@"
}

# The parser reads 4 MiB of an ADR: only they may be inflated, loose, packed
# whole or packed as a delta on a 120 MB base.  (ASan's shadow memory is
# counted too; the old code took 2.2 times the blob.)
test_expect_success 'a 120 MB ADR: its first 4 MiB are read, loose and packed as a delta alike' '
	git init -q huge && (cd huge &&
	 mkdir -p docs/adr &&
	 { printf "# Top\n\n## Status\n\nProposed\n\n"
	   python3 -c "import sys; sys.stdout.write((\"word \" * 15 + \"\\n\") * 1600000)"; } >docs/adr/0001-top.md &&
	 test $(wc -c <docs/adr/0001-top.md) -gt 120000000 &&
	 git add docs/adr && test_tick && git commit -q -m "a huge ADR" &&
	 sed -i "s/^Proposed\$/Accepted/" docs/adr/0001-top.md &&
	 test_tick && git commit -q -a -m "accept it") &&
	printf "1 None proposed\n1 proposed accepted\n" >expect &&
	for how in loose packed; do
		if test $how = packed; then
			git -C huge repack -q -a -d &&
			(cd huge && git verify-pack -v .git/objects/pack/*.idx) >objects &&
			test_grep "^[0-9a-f]{40} blob +[0-9]+ [0-9]+ [0-9]+ 1 " objects || return 1
		fi
		kb=$(peak_kb "$ADRLOG" --no-cache -C huge timeline --format json) &&
		echo "$how: $kb KiB" &&
		test "$kb" -gt 0 && test "$kb" -lt 100000 &&
		jget peak.out "[\"%s %s %s\" % (e[\"adr\"], e[\"from\"], e[\"to\"]) for e in d[\"events\"]]" >actual &&
		test_cmp expect actual || return 1
	done
'

test_done
