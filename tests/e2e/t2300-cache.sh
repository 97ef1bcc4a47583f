#!/bin/sh
test_description='the repeat-run cache: the same output as --no-cache, cold or
warm, after new commits, merges, a moved tip, corruption and concurrent runs;
the files live in the common git dir; real and generated histories cut at
several first-parent points'
. "$(dirname "$0")/../lib.sh"

T='adr-log: cache: '
HEX16='[0-9a-f]{16}'

# cdir REPO: the cache folder of REPO, in its common git dir (absolute).
cdir() {
	printf '%s/adr-log\n' "$(git -C "$1" rev-parse --path-format=absolute --git-common-dir)"
}

# keyfiles REPO: the base names of REPO's cache files (h-*), sorted.
keyfiles() {
	ls "$(cdir "$1")" 2>/dev/null | sed -n '/^h-/p' | sort
}

# both NAME ARGS...: adr-log ARGS with the cache (traced) and with
# --no-cache.  Standard output, exit status and standard error (trace lines
# aside) must be the same, and the exit status 0, 1 or 2.  Leaves the
# trace in $TRASH/NAME.trace and the output in $TRASH/NAME.out.
both() {
	_n=$TRASH/$1
	shift
	ADRLOG_CACHE_TRACE=1 "$ADRLOG" "$@" >"$_n.out" 2>"$_n.err2"
	_rc=$?
	"$ADRLOG" --no-cache "$@" >"$_n.nc" 2>"$_n.ncerr"
	_ncrc=$?
	# split the trace lines off (shell builtins: this runs thousands of times)
	_other=
	while IFS= read -r _l; do
		case $_l in
		"$T"*) printf '%s\n' "$_l" ;;
		*) _other=1 ;;
		esac
	done <"$_n.err2" >"$_n.trace"
	if [ -n "$_other" ] || [ -s "$_n.ncerr" ]; then
		sed "/^$T/d" "$_n.err2" >"$_n.err" &&
		test_cmp "$_n.ncerr" "$_n.err" || return 1
	fi
	{ cmp -s "$_n.nc" "$_n.out" || test_cmp "$_n.nc" "$_n.out"; } &&
	if [ $_rc != $_ncrc ]; then
		echo "adr-log $*: exit $_rc with the cache, $_ncrc without" >&2
		return 1
	elif [ $_rc -gt 2 ]; then
		echo "adr-log $* exited $_rc" >&2
		return 1
	fi
}

# trace NAME ERE: NAME's trace has the line "adr-log: cache: " + ERE.
trace() { test_grep "^$T($2)\$" "$TRASH/$1.trace"; }

# no_trace NAME ERE: no line of NAME's trace starts "adr-log: cache: " + ERE.
no_trace() { test_grep -v "^$T($2)" "$TRASH/$1.trace"; }

# is_hit NAME TIP: NAME's run used the cache file of TIP as it was: its
# trace says "hit TIP", and no miss, resume, fallback, ignored or wrote
# (shell builtins only: called often).
is_hit() {
	_hit=
	while IFS= read -r _l; do
		case $_l in
		"${T}hit $2") _hit=${_hit:-1} ;;
		"${T}miss"*|"${T}resume "*|"${T}fallback "*|"${T}ignored "*|"${T}wrote "*)
			_hit=0 ;;
		esac
	done <"$TRASH/$1.trace"
	[ "$_hit" = 1 ] && return 0
	echo "is_hit: wanted '${T}hit $2' and nothing done in $1.trace:" >&2
	sed 's/^/| /' "$TRASH/$1.trace" >&2
	return 1
}

# wrote NAME TIP: NAME's run wrote the cache file of TIP.
wrote() { trace "$1" "wrote .*adr-log/h-$HEX16-$2"; }

# Dates for --since/--until: the steps below advance the clock a day each.
D2=2023-11-16 D3=2023-11-17 D5=2023-11-19 D8=2023-11-22

# next_day: move the fake clock to the next day (kept in a file, since
# every test runs in a subshell).
next_day() {
	test_tick_time=$(cat "$TRASH/.clock" 2>/dev/null || echo 1700000000)
	test_tick_time=$((test_tick_time + 86400))
	echo "$test_tick_time" >"$TRASH/.clock"
	test_tick
}

# all_same REPO [ARGS...]: every whole-history command on REPO gives the
# same with the cache as with --no-cache.  The first, timeline --format
# json, meets the cache as the step left it (its trace is in first.trace,
# its output in first.out); every later one must be a hit of the tip.
# Timeline text and JSON, links and check JSON, the default command and
# show of every ADR run each time; the other formats and options take
# turns (a third of them each call), or all of them with ALL_FORMATS=1.
# ARGS are split at spaces.
all_same() {
	_r=$1
	shift
	_ga=$*
	_tip=$(git -C "$_r" rev-parse HEAD) &&
	both first -C "$_r" $_ga timeline --format json &&
	keyfiles "$_r" >"$TRASH/first.files" &&
	test_grep "-$_tip\$" "$TRASH/first.files" &&
	_ids=$(jget "$TRASH/first.out" 'sorted(set([a["id"] for a in d["adrs"]] + [e["adr"] for e in d["events"]]))') &&
	_id=$(echo "$_ids" | head -n 1) &&
	_turn=$(cat "$TRASH/.turn" 2>/dev/null || echo 0) &&
	echo $(((_turn + 1) % 3)) >"$TRASH/.turn" &&
	if [ -n "${ALL_FORMATS:-}" ]; then _turn=all; fi &&
	for _c in "timeline" "links --format json" "check --format json" "" \
		"0 timeline --color always" "0 timeline --format markdown" \
		"0 timeline --since $D2 --until $D5" "0 links $_id" \
		"1 timeline --format mermaid" "1 timeline --format html" \
		"1 timeline --since $D8" "1 check" \
		"2 timeline --until $D3" "2 links" \
		"2 show $_id --format json" "2 show $_id --format markdown"
	do
		case $_c in
		[0-9]\ *)
			[ "$_turn" = all ] || [ "$_turn" = "${_c%% *}" ] || continue
			_c=${_c#* } ;;
		esac
		# shellcheck disable=SC2086
		both later -C "$_r" $_ga $_c &&
		is_hit later "$_tip" || return 1
	done &&
	for _id in $_ids; do
		both later -C "$_r" $_ga show "$_id" &&
		is_hit later "$_tip" || return 1
	done
}

# step: start a step in the current repository: remember the tip, next day.
step() { git rev-parse HEAD >"$TRASH/old" && next_day; }

# resumed N: the step's first run resumed from the previous tip, walking N.
resumed() {
	trace first "resume $(cat "$TRASH/old") \\+$1" &&
	wrote first "$(git rev-parse HEAD)"
}

# resumed_or_fell_back: the same, with any count, or a full walk with a reason.
resumed_or_fell_back() {
	sed -n "s/^$T\(resume\|fallback\)/\1/p" "$TRASH/first.trace" >>"$TRASH/steps.log"
	trace first "resume $(cat "$TRASH/old") \\+[0-9]+|fallback $(cat "$TRASH/old"): .+" &&
	wrote first "$(git rev-parse HEAD)"
}

# done_step N: remember the tip of step N (tip.N).
done_step() { git rev-parse HEAD >"$TRASH/tip.$1"; }

# ---------------------------------------------------------------------------
# a, b: cold, warm, and linear commits on top

test_expect_success 'setup: a small history' '
	git init -q a && cd a &&
	test_commit init README.md &&
	adr_commit docs/adr/0001-one.md "1. One" Proposed "propose ADR-1" &&
	adr_commit docs/adr/0002-two.md "2. Two" Proposed "propose ADR 2" &&
	test_commit "work per ADR-1" src/a.c &&
	adr_commit docs/adr/0001-one.md "1. One" Accepted "accept ADR-1"
'

test_expect_success 'a cold run misses and writes h-<key>-<tip> in the common dir' '
	tip=$(git -C a rev-parse HEAD) &&
	! test -e a/.git/adr-log &&
	both cold -C a timeline --format json &&
	trace cold miss &&
	wrote cold "$tip" &&
	no_trace cold "hit|resume|ignored" &&
	keyfiles a >actual &&
	test_grep "^h-$HEX16-$tip\$" actual &&
	test_line_count = 1 actual &&
	test -f "a/.git/adr-log/$(cat actual)"
'

test_expect_success 'a warm run hits and writes nothing' '
	tip=$(git -C a rev-parse HEAD) &&
	(cd a/.git/adr-log && cksum h-*) >before &&
	both warm -C a timeline --format json &&
	is_hit warm "$tip" &&
	(cd a/.git/adr-log && cksum h-*) >after &&
	test_cmp before after
'

test_expect_success 'warm: every command and format is byte-identical to --no-cache' '
	ALL_FORMATS=1 &&
	all_same a
'

test_expect_success 'cold, per command: show, links, check, --since/--until fill the cache too' '
	tip=$(git -C a rev-parse HEAD) &&
	for c in "show 1" "links" "links 1" "check" "check --format json" \
		"timeline --since 2023-11-14 --until 2023-11-14" "timeline --format markdown"
	do
		rm -rf a/.git/adr-log &&
		both c1 -C a $c && trace c1 miss && wrote c1 "$tip" &&
		both c2 -C a $c && is_hit c2 "$tip" || return 1
	done
'

test_expect_success 'without ADRLOG_CACHE_TRACE nothing about the cache is printed' '
	rm -rf a/.git/adr-log &&
	adr_log -C a timeline >out 2>err &&
	test ! -s err &&
	test -d a/.git/adr-log &&
	adr_log -C a timeline >out2 2>err &&
	test ! -s err &&
	test_cmp out out2
'

test_expect_success 'b: one linear commit on top resumes +1' '
	cd a && step &&
	adr_commit docs/adr/0002-two.md "2. Two" Accepted "accept ADR-2" &&
	all_same . &&
	resumed 1 &&
	no_trace first "miss|ignored"
'

test_expect_success 'b: five linear commits resume +5, the old file is kept' '
	cd a && step &&
	test_commit "per ADR-2" src/b.c &&
	adr_commit docs/adr/0003-three.md "3. Three" Proposed "propose ADR-3" &&
	test_commit "refactor" src/c.c &&
	adr_commit docs/adr/0001-one.md "1. One" Implemented "ADR-1 done" &&
	test_commit "ADR: 0003" src/d.c &&
	all_same . &&
	resumed 5 &&
	keyfiles . >actual &&
	test_grep "-$(cat ../old)\$" actual
'

test_expect_success 'b: timeline A..B does not use the cache (nothing written, no hit)' '
	rm -rf "$(cdir a)" &&
	base=$(git -C a rev-parse HEAD~3) &&
	both r1 -C a timeline "$base..HEAD" --format json &&
	both r2 -C a timeline "$base..HEAD" &&
	keyfiles a >actual &&
	test ! -s actual &&
	adr_log -C a timeline >/dev/null &&
	both r3 -C a timeline "$base..HEAD" --format json &&
	no_trace r3 "hit|resume|wrote|miss"
'

# check and release-notes with a range may still walk the whole history of
# the tip (whole-history warnings, landed commits): they may use the cache,
# but must print the same.
test_expect_success 'b: check and release-notes with a range: the same with the cache' '
	base=$(git -C a rev-parse HEAD~3) &&
	for c in "check $base..HEAD" "check --range $base..HEAD" \
		"release-notes $base..HEAD --format json" "release-notes $base..HEAD"; do
		rm -rf "$(cdir a)" &&
		both r4 -C a $c &&
		both r5 -C a $c &&
		adr_log -C a timeline >/dev/null &&
		both r6 -C a $c || return 1
	done
'

test_expect_success 'b: a shallow clone does not use the cache' '
	git clone -q --depth 3 "file://$TRASH/a" shallow &&
	both s1 -C shallow timeline --format json &&
	both s2 -C shallow show 1 &&
	both s3 -C shallow links &&
	no_trace s1 "hit|resume|wrote" &&
	no_trace s3 "hit|resume|wrote" &&
	keyfiles shallow >actual &&
	test ! -s actual
'

test_expect_success 'e: --no-cache neither creates the folder nor reads nor writes' '
	git init -q e && cd e &&
	adr_commit docs/adr/0001-one.md "1. One" Proposed "propose ADR-1" &&
	adr_commit docs/adr/0001-one.md "1. One" Accepted "accept ADR-1" &&
	cd .. &&
	for c in "timeline" "timeline --format json" "show 1" "links" "check"; do
		ADRLOG_CACHE_TRACE=1 "$ADRLOG" --no-cache -C e $c >out 2>err &&
		test_grep -v "^$T(hit|resume|miss|wrote|fallback|ignored)" err &&
		ADRLOG_CACHE_TRACE=1 "$ADRLOG" -C e $c --no-cache >out 2>err &&
		test_grep -v "^$T(hit|resume|miss|wrote|fallback|ignored)" err || return 1
	done &&
	! test -e e/.git/adr-log
'

test_expect_success 'e: --no-cache does not read a cache that is there (even a bad one)' '
	adr_log -C e timeline >/dev/null &&
	f=$(cdir e)/$(keyfiles e) &&
	test -f "$f" &&
	printf garbage >"$f" &&
	ls -l --full-time "$(cdir e)" >before &&
	ADRLOG_CACHE_TRACE=1 "$ADRLOG" --no-cache -C e timeline --format json >out 2>err &&
	test_grep -v "^$T(hit|ignored|wrote)" err &&
	ls -l --full-time "$(cdir e)" >after &&
	test_cmp before after &&
	echo garbage | tr -d "\n" >expect && test_cmp expect "$f"
'

# ---------------------------------------------------------------------------
# c: an incremental history, step by step, the cache warm from the step before

test_expect_success 'c0: setup and cold run' '
	ALL_FORMATS=1 &&
	git init -q r && cd r &&
	next_day &&
	test_commit init README.md &&
	adr_commit docs/adr/0001-one.md "1. One" Proposed "propose ADR-1" &&
	adr_commit docs/adr/0002-two.md "2. Two" Proposed "propose ADR 2" &&
	adr_commit docs/adr/0003-three.md "3. Three" Accepted "ADR-3: three, accepted" &&
	test_commit "work per ADR-3

ADR: 0003" src/a.c &&
	adr_commit notes/foo.md "Use foo" Proposed "draft foo in notes" &&
	test_commit "see docs/adr/0040-later.md and 0041-base.md, per ADR-012-2 and ADR-99" src/b.c &&
	all_same . &&
	trace first miss &&
	wrote first "$(git rev-parse HEAD)" &&
	done_step 0
'

test_expect_success 'c1: a status change resumes +1' '
	cd r && step &&
	adr_commit docs/adr/0001-one.md "1. One" Accepted "accept ADR-1" &&
	all_same . && resumed 1 && done_step 1
'

test_expect_success 'c2: references by id and trailer, three commits, resume +3' '
	cd r && step &&
	adr_commit docs/adr/0002-two.md "2. Two" Accepted "accept 2" &&
	test_commit "implements ADR-2 and per adr#1" src/c.c &&
	test_commit "feat(adr3): x

ADR: 0003
Implements: ADR-1" src/d.c &&
	all_same . && resumed 3 && done_step 2
'

test_expect_success 'c3: a rename with a status change resumes +1' '
	cd r && step &&
	git mv docs/adr/0002-two.md docs/adr/0002-two-renamed.md &&
	adr_write docs/adr/0002-two-renamed.md "2. Two" Implemented &&
	git add docs/adr && test_tick && git commit -q -m "rename and implement ADR-2" &&
	all_same . && resumed 1 && done_step 3
'

test_expect_success 'c4: a delete resumes +1' '
	cd r && step &&
	git rm -q docs/adr/0001-one.md && test_tick && git commit -q -m "drop ADR-1" &&
	all_same . && resumed 1 && done_step 4
'

test_expect_success 'c5: a restore at the same path continues the lineage, resume +1' '
	cd r && step &&
	adr_commit docs/adr/0001-one.md "1. One" Accepted "restore ADR-1" &&
	all_same . && resumed 1 &&
	jget ../first.out "[len(a[\"history\"]) for a in d[\"adrs\"] if a[\"id\"] == \"1\"]" >actual &&
	echo 4 >expect && test_cmp expect actual &&
	done_step 5
'

test_expect_success 'c6: the draft outside the ADR folder changes, resume +1' '
	cd r && step &&
	adr_commit notes/foo.md "Use foo" Accepted "accept foo in notes" &&
	all_same . && resumed 1 && done_step 6
'

test_expect_success 'c7: git mv notes/foo.md docs/adr/0007-foo.md brings its history' '
	cd r && step &&
	git mv notes/foo.md docs/adr/0007-foo.md &&
	test_tick && git commit -q -m "move foo into the ADRs" &&
	all_same . && resumed_or_fell_back &&
	jget ../first.out "[len(a[\"history\"]) for a in d[\"adrs\"] if a[\"id\"] == \"7\"]" >actual &&
	echo 2 >expect && test_cmp expect actual &&
	done_step 7
'

test_expect_success 'c8: a renumbering resumes +1' '
	cd r && step &&
	git mv docs/adr/0003-three.md docs/adr/0031-three.md &&
	test_tick && git commit -q -m "renumber 3 to 31" &&
	all_same . && resumed 1 && done_step 8
'

test_expect_success 'c9: references by path, base name, unknown ids, ADR: none (+4)' '
	cd r && step &&
	test_commit "see docs/adr/0002-two-renamed.md" src/e.c &&
	test_commit "touches 0031-three.md and 0003-three.md" src/f.c &&
	test_commit "per ADR-31 and ADR-77" src/g.c &&
	test_commit "big change

ADR: none (refactor)" src/h.c &&
	all_same . && resumed 4 && done_step 9
'

test_expect_success 'c10: ADR 12 appears (+1)' '
	cd r && step &&
	adr_commit docs/adr/0012-twelve.md "12. Twelve" Proposed "propose ADR-12" &&
	all_same . && resumed 1 && done_step 10
'

test_expect_success 'c11a: ADR 40 and 41 appear; an old message naming their paths now cites them (+2)' '
	cd r && step &&
	adr_commit docs/adr/0040-later.md "40. Later" Proposed "add 40" &&
	adr_commit docs/adr/0041-base.md "41. Base" Proposed "add 41" &&
	all_same . && resumed 2 &&
	jget ../first.out "[len(a[\"references\"]) for a in d[\"adrs\"] if a[\"id\"] in (\"40\", \"41\")]" >actual &&
	printf "1\n1\n" >expect && test_cmp expect actual
'

test_expect_success 'c11b: ADR 12-2 appears; an old "ADR-012-2" now means it' '
	cd r && step &&
	adr_commit docs/adr/0012-2-foo.md "12-2. Foo" Proposed "add ADR-012-2" &&
	all_same . && resumed_or_fell_back && done_step 11
'

test_expect_success 'c12: dashed ids in messages (+3)' '
	cd r && step &&
	test_commit "per ADR-012-2 and ADR-12" src/i.c &&
	adr_commit docs/adr/0012-2-foo.md "12-2. Foo" Accepted "ADR-0012-2 accepted, see ADR-12-3" &&
	test_commit "x

ADR: 12-2" src/j.c &&
	all_same . && resumed 3 && done_step 12
'

test_expect_success 'c13: a topic branch forked before the cached tip, no ADR change, merged' '
	cd r && step &&
	git checkout -q -b t1 HEAD~3 &&
	test_commit "per ADR-2 on topic" src/t1.c &&
	git checkout -q main &&
	test_tick && git merge -q --no-ff -m "merge t1" t1 &&
	all_same . && resumed_or_fell_back && done_step 13
'

test_expect_success 'c14: linear again after a merge resumes +1' '
	cd r && step &&
	adr_commit docs/adr/0031-three.md "31. Three" Deprecated "deprecate ADR-31" &&
	all_same . && resumed 1 && done_step 14
'

test_expect_success 'c15: a topic branch forked before the cached tip with ADR changes, merged' '
	cd r && step &&
	git checkout -q -b t2 "$(cat ../tip.11)" &&
	adr_commit docs/adr/0012-twelve.md "12. Twelve" Accepted "accept ADR-12 on topic" &&
	adr_commit docs/adr/0050-topic.md "50. Topic" Proposed "propose ADR-50 on topic" &&
	git mv docs/adr/0040-later.md docs/adr/0040-later-renamed.md &&
	test_tick && git commit -q -m "rename 40 on topic" &&
	git checkout -q main &&
	test_tick && git merge -q --no-ff -m "merge t2" t2 &&
	all_same . && resumed_or_fell_back && done_step 15
'

test_expect_success 'c16a: main rejects ADR 7 (+1)' '
	cd r && step &&
	adr_commit docs/adr/0007-foo.md "Use foo" Rejected "reject ADR-7" &&
	all_same . && resumed 1 && done_step 16a
'

test_expect_success 'c16b: a side branch from before implements it; the conflict is resolved to Deprecated' '
	cd r && step &&
	git checkout -q -b side "$(cat ../tip.15)" &&
	adr_commit docs/adr/0007-foo.md "Use foo" Implemented "implement ADR-7 on side" &&
	git checkout -q main &&
	test_tick &&
	test_must_fail git merge -q -m "merge side" side >/dev/null 2>&1 &&
	adr_write docs/adr/0007-foo.md "Use foo" Deprecated &&
	git add docs/adr && git commit -q -m "merge side, deprecating ADR-7" &&
	all_same . && resumed_or_fell_back &&
	jget ../first.out "[e[\"to\"] for e in d[\"events\"] if e[\"commit\"] == \"$(git rev-parse HEAD)\"]" >actual &&
	echo deprecated >expect && test_cmp expect actual &&
	done_step 16b
'

test_expect_success 'c17a: main implements ADR 12-2 (+1)' '
	cd r && step &&
	adr_commit docs/adr/0012-2-foo.md "12-2. Foo" Implemented "ADR-012-2 implemented" &&
	all_same . && resumed 1 && done_step 17a
'

test_expect_success 'c17b: a side branch from before rejects it; the merge keeps ours' '
	cd r && step &&
	git checkout -q -b side2 "$(cat ../tip.16b)" &&
	adr_commit docs/adr/0012-2-foo.md "12-2. Foo" Rejected "reject ADR-012-2 on side2" &&
	git checkout -q main &&
	test_tick &&
	test_must_fail git merge -q -m "merge side2" side2 >/dev/null 2>&1 &&
	git checkout -q --ours docs/adr/0012-2-foo.md &&
	git add docs/adr && git commit -q -m "merge side2, keep ours" &&
	all_same . && resumed_or_fell_back && done_step 17b
'

test_expect_success 'c18: a topic forked at the cached tip while main moves on, merged' '
	cd r && step &&
	git checkout -q -b t3 &&
	adr_commit docs/adr/0050-topic.md "50. Topic" Accepted "accept ADR-50 on t3" &&
	git checkout -q main &&
	test_commit "main moves on" src/k.c &&
	test_tick && git merge -q --no-ff -m "merge t3" t3 &&
	all_same . && resumed_or_fell_back && done_step 18
'

test_expect_success 'c19: an octopus merge of two old topics' '
	cd r && step &&
	git checkout -q -b t4 "$(cat ../tip.9)" &&
	test_commit "t4 work per ADR-31" src/t4.c &&
	git checkout -q -b t5 "$(cat ../tip.12)" &&
	adr_commit docs/adr/0002-two-renamed.md "2. Two" Deprecated "deprecate ADR-2 on t5" &&
	git checkout -q main &&
	test_tick && git merge -q --no-ff -m "octopus t4 t5" t4 t5 &&
	all_same . && resumed_or_fell_back && done_step 19
'

test_expect_success 'c20: thirty linear commits resume +30' '
	cd r && step &&
	i=1 &&
	while [ $i -le 30 ]; do
		if [ $((i % 5)) -eq 0 ]; then
			if [ $((i % 10)) -eq 0 ]; then s=Accepted; else s=Deprecated; fi &&
			adr_commit docs/adr/0001-one.md "1. One" $s "ADR-1 $s ($i)"
		else
			test_commit "work $i per ADR-$((i % 7 + 1))" src/w$i.c
		fi || return 1
		i=$((i + 1))
	done &&
	all_same . && resumed 30 && done_step 20
'

test_expect_success 'c21: a README index and a template in the folder (+2)' '
	cd r && step &&
	cat >docs/adr/README.md <<-\EOF &&
	# Decisions

	| Number | Title | Status |
	| --- | --- | --- |
	| 1 | One | Accepted |
	| 2 | Two | Proposed |
	EOF
	git add docs/adr && test_tick && git commit -q -m "index" &&
	adr_commit docs/adr/template.md "NNNN. Title" Proposed "template" &&
	all_same . && resumed 2 && done_step 21
'

test_expect_success 'c22: one commit changes three ADRs (+1)' '
	cd r && step &&
	adr_write docs/adr/0040-later-renamed.md "40. Later" Accepted &&
	adr_write docs/adr/0041-base.md "41. Base" Rejected &&
	adr_write docs/adr/0050-topic.md "50. Topic" Implemented &&
	git add docs/adr && test_tick && git commit -q -m "bulk: ADR-40, ADR-41, ADR-50" &&
	all_same . && resumed 1 && done_step 22
'

test_expect_success 'c23: a duplicate id and a supersede link (+2)' '
	cd r && step &&
	adr_commit docs/adr/0031-dup.md "31. Dup" Proposed "a second ADR-31" &&
	adr_write docs/adr/0012-twelve.md "12. Twelve" "Accepted

Supersedes [ADR-31](0031-three.md)" &&
	adr_write docs/adr/0031-three.md "31. Three" "Superseded by [ADR-12](0012-twelve.md)" &&
	git add docs/adr && test_tick && git commit -q -m "ADR-12 supersedes ADR-31" &&
	all_same . && resumed 2 && done_step 23
'

test_expect_success 'c24: a message names a path ADR 2 will have (+1)' '
	cd r && step &&
	test_commit "see 0002-final-name.md" src/l.c &&
	all_same . && resumed 1 && done_step 24
'

test_expect_success 'c25: ADR 2 renamed to that path: the old message now cites it' '
	cd r && step &&
	git mv docs/adr/0002-two-renamed.md docs/adr/0002-final-name.md &&
	test_tick && git commit -q -m "rename ADR-2 again" &&
	all_same . && resumed 1 &&
	jget ../first.out "[c for a in d[\"adrs\"] if a[\"id\"] == \"2\" for c in a[\"references\"]]" >../actual &&
	test_grep "^$(cat ../tip.24)\$" ../actual &&
	done_step 25
'

test_expect_success 'c26: an unrelated history (its own root) merged in' '
	cd r && step &&
	git checkout -q --orphan orph &&
	git rm -rqf --cached . &&
	adr_commit docs/adr/0001-one.md "1. One" Rejected "orphan ADR-1" &&
	adr_commit docs/adr/0060-orphan.md "60. Orphan" Proposed "orphan ADR-60" &&
	git checkout -q -f main &&
	test_tick &&
	git merge -q --allow-unrelated-histories -X ours -m "merge orph" orph &&
	all_same . && resumed_or_fell_back && done_step 26
'

test_expect_success 'c27: an id from the first heading, then the heading changes it (+2)' '
	cd r && step &&
	printf "# ADR-65: Kafka\n\n## Status\n\nProposed\n" >docs/adr/use-kafka.md &&
	git add docs/adr && test_tick && git commit -q -m "kafka" &&
	printf "# ADR-66: Kafka\n\n## Status\n\nAccepted\n" >docs/adr/use-kafka.md &&
	git add docs/adr && test_tick && git commit -q -m "kafka is 66" &&
	all_same . && resumed 2 && done_step 27
'

test_expect_success 'c28: an ADR in a subfolder, then moved out of the folders (+2)' '
	cd r && step &&
	adr_commit docs/adr/sub/0070-sub.md "70. Sub" Proposed "ADR-70 in a subfolder" &&
	mkdir -p old && git mv docs/adr/sub/0070-sub.md old/0070-sub.md &&
	test_tick && git commit -q -m "move ADR-70 out" &&
	all_same . && resumed 2 && done_step 28
'

test_expect_success 'c29: no status, then a status nobody knows (+2)' '
	cd r && step &&
	printf "# 80. Quiet\n\nNo status here.\n" >docs/adr/0080-quiet.md &&
	git add docs/adr && test_tick && git commit -q -m "ADR-80 without a status" &&
	adr_commit docs/adr/0080-quiet.md "80. Quiet" "Pondering it" "ADR-80 pondered" &&
	all_same . && resumed 2 && done_step 29
'

test_expect_success 'c30: the dashed id 12-2 renumbered to 12-3: old "ADR-012-2" changes meaning' '
	cd r && step &&
	git mv docs/adr/0012-2-foo.md docs/adr/0012-3-foo.md &&
	test_tick && git commit -q -m "ADR-012-2 is ADR-012-3 now" &&
	all_same . && resumed_or_fell_back && done_step 30
'

test_expect_success 'c31: ADR 12-3 deleted' '
	ALL_FORMATS=1 &&
	cd r && step &&
	git rm -q docs/adr/0012-3-foo.md && test_tick && git commit -q -m "drop ADR-012-3" &&
	all_same . && resumed_or_fell_back && done_step 31
'

test_expect_success 'c32: a topic forked from a commit of an old, merged topic' '
	cd r && step &&
	git checkout -q -b B "$(git log -n 1 --format=%H t2 -- docs/adr/0012-twelve.md)" &&
	adr_commit docs/adr/0041-base.md "41. Base" Accepted "accept ADR-41 on B" &&
	git checkout -q main && test_tick &&
	test_must_fail git merge -q -m "merge B" B >/dev/null 2>&1 &&
	adr_write docs/adr/0041-base.md "41. Base" Withdrawn &&
	git add docs/adr && git commit -q -m "merge B, withdraw ADR-41" &&
	all_same . && resumed_or_fell_back && done_step 32
'

test_expect_success 'c33: a merge whose second parent is an old commit, the ADR as it was there' '
	cd r && step &&
	x=$(git rev-parse "$(cat ../tip.9)") &&
	git show "$x:docs/adr/0031-three.md" >docs/adr/0031-three.md &&
	git add docs/adr && test_tick &&
	m=$(echo "merge an old commit" | git commit-tree "$(git write-tree)" -p HEAD -p "$x") &&
	git reset -q --hard "$m" &&
	all_same . && resumed_or_fell_back &&
	jget ../first.out "[e[\"to\"] for e in d[\"events\"] if e[\"commit\"] == \"$m\"]" >../actual &&
	test ! -s ../actual &&
	done_step 33
'

test_expect_success 'c34: the same with a status neither parent had' '
	cd r && step &&
	adr_write docs/adr/0031-three.md "31. Three" Withdrawn &&
	git add docs/adr && test_tick &&
	m=$(echo "merge an old commit again" | git commit-tree "$(git write-tree)" -p HEAD -p "$(cat ../tip.9)") &&
	git reset -q --hard "$m" &&
	all_same . && resumed_or_fell_back &&
	jget ../first.out "[e[\"to\"] for e in d[\"events\"] if e[\"commit\"] == \"$m\"]" >../actual &&
	echo withdrawn >../expect && test_cmp ../expect ../actual &&
	done_step 34
'

test_expect_success 'c35: authors in other time zones (+2)' '
	cd r && step &&
	adr_write docs/adr/0050-topic.md "50. Topic" Deprecated &&
	git add docs/adr &&
	GIT_AUTHOR_DATE="@$((test_tick_time + 600)) -0430" git commit -q -m "deprecate ADR-50 from far west" &&
	adr_write docs/adr/0041-base.md "41. Base" Accepted &&
	git add docs/adr &&
	GIT_AUTHOR_DATE="@$((test_tick_time + 1200)) +0545" git commit -q -m "ADR-41 back from Kathmandu" &&
	all_same . && resumed 2 && done_step 35
'

test_expect_success 'the cache filled in one time zone, read in others' '
	rm -rf "$(cdir r)" &&
	TZ=UTC adr_log -C r timeline >/dev/null &&
	for tz in JST-9 EST+5 NPT-5:45; do
		TZ=$tz && export TZ &&
		ALL_FORMATS=1 all_same r || return 1
	done
'

# what the cache did at the steps that may fall back, as comments
[ -f steps.log ] && sed 's/^/# /' steps.log && rm -f steps.log

test_expect_success 'at most 8 cache files are kept' '
	keyfiles r >actual &&
	test_line_count -le 8 actual &&
	test_grep "-$(cat tip.35)\$" actual
'

# ---------------------------------------------------------------------------
# d: the tip moves elsewhere

test_expect_success 'd: reset --hard to a branch that does not descend from the cached tip' '
	cd r &&
	git rev-parse HEAD >../saved &&
	git checkout -q -b other "$(git rev-list --first-parent HEAD | tail -n 1)" &&
	next_day &&
	adr_commit docs/adr/0001-one.md "1. One" Rejected "reject ADR-1 elsewhere" &&
	adr_commit docs/adr/0009-nine.md "9. Nine" Proposed "propose ADR-9" &&
	git checkout -q main &&
	git reset -q --hard other &&
	ALL_FORMATS=1 all_same . &&
	trace first "miss|fallback [0-9a-f]{40}: .+" &&
	no_trace first "hit|resume"
'

test_expect_success 'd: going back to the saved tip is a hit' '
	cd r &&
	git reset -q --hard "$(cat ../saved)" &&
	both back -C . timeline --format json &&
	is_hit back "$(cat ../saved)"
'

test_expect_success 'd: a tip whose first parent is old and second parent the cached tip' '
	cd r &&
	git checkout -q -b x "$(cat ../tip.5)" &&
	next_day &&
	git merge -q --no-ff -m "merge main into x" main &&
	all_same . &&
	git checkout -q main
'

test_expect_success 'd: the tip moved back to an older commit (reset --hard HEAD~3)' '
	cd r &&
	git reset -q --hard HEAD~3 &&
	all_same . &&
	git reset -q --hard "$(cat ../saved)"
'

# ---------------------------------------------------------------------------
# 1000 commits ahead

# many_commits N [EVERY]: N commits on top of main with fast-import; every
# EVERY-th (97th) changes ADR 1's status, every 13th cites ADR-1.
many_commits() {
	python3 - "$1" "$(git rev-parse HEAD)" "$(cat "$TRASH/.clock")" "${2:-97}" <<-\EOF >"$TRASH/fi" &&
	import sys
	n, parent, t = int(sys.argv[1]), sys.argv[2], int(sys.argv[3])
	every = int(sys.argv[4])
	out = []
	for i in range(1, n + 1):
	    t += 60
	    msg = "bulk %d%s\n" % (i, " per ADR-1" if i % 13 == 0 else "")
	    out.append("commit refs/heads/main\n")
	    out.append("committer C O Mitter <committer@example.com> %d +0000\n" % t)
	    out.append("data %d\n%s" % (len(msg.encode()), msg))
	    if i == 1:
	        out.append("from %s\n" % parent)
	    body = "bulk %d\n" % i
	    out.append("M 100644 inline bulk.txt\ndata %d\n%s" % (len(body), body))
	    if i % every == 0:
	        st = ["Accepted", "Deprecated", "Proposed"][(i // every) % 3]
	        adr = "# 1. One\n\n## Status\n\n%s\n\n## Context\n\nBulk %d.\n" % (st, i)
	        out.append("M 100644 inline docs/adr/0001-one.md\ndata %d\n%s" % (len(adr), adr))
	    out.append("\n")
	sys.stdout.write("".join(out))
	print(t)
	EOF
	tail -n 1 "$TRASH/fi" >"$TRASH/.clock" &&
	sed '$d' "$TRASH/fi" | git fast-import --quiet &&
	git reset -q --hard
}

test_expect_success '900 commits ahead resume +900' '
	git init -q m && cd m &&
	next_day &&
	adr_commit docs/adr/0001-one.md "1. One" Proposed "propose ADR-1" &&
	adr_log timeline >/dev/null &&
	step && many_commits 900 &&
	all_same . && resumed 900
'

test_expect_success '1200 commits ahead: a full walk, the same output' '
	cd m && step && many_commits 1200 &&
	all_same . &&
	trace first "miss|fallback [0-9a-f]{40}: .+" &&
	no_trace first "resume"
'

test_expect_success '70 commits that each change ADR 1, cached (+70)' '
	cd m && git branch old-fork && step && many_commits 70 1 &&
	all_same . && resumed 70
'

test_expect_success 'a topic forked 10 ADR changes back is merged' '
	cd m && step &&
	git checkout -q -b near HEAD~10 &&
	adr_commit docs/adr/0002-near.md "2. Near" Proposed "ADR-2 on near" &&
	git checkout -q main && test_tick &&
	git merge -q --no-ff -m "merge near" near &&
	all_same . && resumed_or_fell_back
'

test_expect_success 'a topic forked before the last 64 ADR changes is merged' '
	cd m && step &&
	git checkout -q -b far old-fork &&
	adr_commit docs/adr/0003-far.md "3. Far" Proposed "ADR-3 on far" &&
	git checkout -q main && test_tick &&
	git merge -q --no-ff -m "merge far" far &&
	all_same . && resumed_or_fell_back
'

# ---------------------------------------------------------------------------
# eviction: the 8 newest files stay

test_expect_success 'ten tips in a row leave the files of the last 8' '
	cd a &&
	rm -rf "$(cdir .)" &&
	: >../tips &&
	i=1 &&
	while [ $i -le 10 ]; do
		test_commit "evict $i" src/ev$i.c &&
		adr_log timeline >/dev/null &&
		git rev-parse HEAD >>../tips &&
		i=$((i + 1))
	done &&
	keyfiles . | sed "s/^h-[0-9a-f]*-//" | sort >actual &&
	tail -n 8 ../tips | sort >expect &&
	test_cmp expect actual
'

# ---------------------------------------------------------------------------
# f: corruption

# corrupt HOW FILE
corrupt() {
	case $1 in
	half) python3 -c "import os, sys; p = sys.argv[1]; os.truncate(p, os.path.getsize(p) // 2)" "$2" ;;
	flip-*) python3 -c "import sys
p, at = sys.argv[1], sys.argv[2]
b = bytearray(open(p, 'rb').read())
i = {'first': 0, 'quarter': len(b) // 4, 'middle': len(b) // 2,
     'three-quarters': 3 * len(b) // 4, 'last': len(b) - 1}[at]
b[i] ^= 0x01
open(p, 'wb').write(b)" "$2" "${1#flip-}" ;;
	garbage) python3 -c "import os, random, sys
p = sys.argv[1]; r = random.Random(7)
open(p, 'wb').write(bytes(r.randrange(256) for _ in range(os.path.getsize(p))))" "$2" ;;
	text) printf 'not a cache file\n' >"$2" ;;
	empty) : >"$2" ;;
	folder) rm -f "$2" && mkdir "$2" ;;
	esac
}

for how in half flip-middle flip-first flip-last garbage text empty folder; do
	test_expect_success "f: a cache file $how is ignored and rebuilt" "
		tip=\$(git -C a rev-parse HEAD) &&
		rm -rf \"\$(cdir a)\" &&
		adr_log -C a timeline >/dev/null &&
		f=\$(cdir a)/\$(keyfiles a | grep -e \"-\$tip\\\$\") &&
		test -f \"\$f\" &&
		corrupt $how \"\$f\" &&
		both bad -C a timeline --format json &&
		trace bad \"ignored .*\$(basename \"\$f\"): .+\" &&
		no_trace bad hit &&
		all_same a &&
		is_hit first \"\$tip\"
	"
done

test_expect_success 'f: nothing is printed about a bad file without the trace' '
	tip=$(git -C a rev-parse HEAD) &&
	rm -rf "$(cdir a)" &&
	adr_log -C a timeline >/dev/null &&
	f=$(cdir a)/$(keyfiles a | grep -e "-$tip\$") &&
	corrupt half "$f" &&
	adr_log -C a timeline --format json >out 2>err &&
	test ! -s err &&
	adr_log --no-cache -C a timeline --format json >expect &&
	test_cmp expect out
'

test_expect_success 'f: a bad file of the cached tip on resume: ignored, full walk, same output' '
	cd a &&
	rm -rf "$(cdir .)" &&
	adr_log timeline >/dev/null &&
	f=$(cdir .)/$(keyfiles . | grep -e "-$(git rev-parse HEAD)\$") &&
	step &&
	adr_commit docs/adr/0003-three.md "3. Three" Rejected "reject ADR-3" &&
	corrupt flip-middle "$f" &&
	all_same . &&
	trace first "ignored .*$(basename "$f"): .+" &&
	no_trace first "resume $(cat ../old) "
'

test_expect_success 'f: a valid file of another tip renamed to this tip' '
	cd a &&
	old=$(git rev-parse HEAD) &&
	adr_log timeline >/dev/null &&
	fold=$(cdir .)/$(keyfiles . | grep -e "-$old\$") &&
	next_day &&
	adr_commit docs/adr/0003-three.md "3. Three" Accepted "accept ADR-3" &&
	new=$(git rev-parse HEAD) &&
	cp "$fold" "$(cdir .)/$(basename "$fold" | sed "s/$old/$new/")" &&
	both swapped -C . timeline --format json &&
	no_trace swapped hit
'

test_expect_success 'f: stray files in the folder change nothing' '
	cd a &&
	tip=$(git rev-parse HEAD) &&
	adr_log timeline >/dev/null &&
	d=$(cdir .) &&
	echo junk >"$d/README" &&
	echo junk >"$d/h-nothex-xyz" &&
	echo junk >"$d/h-0123456789abcdef-$tip" &&
	echo junk >"$d/h-0123456789abcdef-0123456789012345678901234567890123456789" &&
	echo junk >"$d/.tmp-leftover" &&
	all_same . &&
	is_hit first "$tip"
'

# fill2: in the current repository (on main), an empty cache filled at
# HEAD~1 and then at HEAD (a resume): both h-* files and whatever else the
# cache keeps beside them.
fill2() {
	rm -rf "$(cdir .)" &&
	git checkout -q --detach HEAD~1 &&
	"$ADRLOG" timeline >/dev/null &&
	git checkout -q main &&
	"$ADRLOG" timeline >/dev/null
}

test_expect_success 'f: every file of the folder damaged in turn (h-* or not): the same output' '
	cd a &&
	tip=$(git rev-parse HEAD) &&
	fill2 &&
	ls "$(cdir .)" >../names &&
	test_line_count -ge 2 ../names &&
	for name in $(cat ../names); do
		for how in half flip-middle garbage; do
			for mode in hit walk; do
				fill2 &&
				if test -f "$(cdir .)/$name"; then
					corrupt $how "$(cdir .)/$name"
				fi &&
				if test $mode = walk; then
					rm -rf "$(cdir .)"/h-*-$tip
				fi &&
				both dmg -C . timeline --format json &&
				both dmg2 -C . show 2 || {
					echo "with $name $how ($mode)" >&2
					return 1
				}
			done
		done
	done
'

# ---------------------------------------------------------------------------
# g: concurrency

# par N CMD...: N runs of adr-log CMD at once (traced), each to par.I.*
par() {
	_k=$1
	shift
	_i=1
	while [ $_i -le "$_k" ]; do
		(ADRLOG_CACHE_TRACE=1 "$ADRLOG" "$@" >"$TRASH/par.$_i.out" 2>"$TRASH/par.$_i.err"
		 echo $? >"$TRASH/par.$_i.rc") &
		_i=$((_i + 1))
	done
	wait
}

# par_same N EXPECT: every par output equals EXPECT, exit 0, and no run
# found a bad file (a reader never sees a half-written one).
par_same() {
	_i=1
	while [ $_i -le "$1" ]; do
		test_cmp "$2" "$TRASH/par.$_i.out" &&
		echo 0 >"$TRASH/par.rc0" && test_cmp "$TRASH/par.rc0" "$TRASH/par.$_i.rc" &&
		test_grep -v "^$T(ignored|write failed)" "$TRASH/par.$_i.err" || return 1
		_i=$((_i + 1))
	done
}

test_expect_success 'g: 8 cold runs at once all give the same output, then a hit' '
	rm -rf "$(cdir r)" &&
	adr_log --no-cache -C r timeline --format json >expect &&
	par 8 -C r timeline --format json &&
	par_same 8 expect &&
	both after -C r timeline --format json &&
	is_hit after "$(git -C r rev-parse HEAD)" &&
	ls -A "$(cdir r)" >files &&
	test_grep -v "tmp|\.adrlog-" files
'

test_expect_success 'g: 8 runs at once resume from the same old file' '
	cd r && step &&
	adr_commit docs/adr/0009-nine.md "9. Nine" Accepted "accept ADR-9" &&
	adr_log --no-cache timeline --format json >../expect &&
	par 8 timeline --format json &&
	par_same 8 ../expect &&
	both after -C . timeline --format json &&
	is_hit after "$(git rev-parse HEAD)"
'

test_expect_success 'g: readers and writers race: no run ever reads a half-written file' '
	cd r &&
	tip=$(git rev-parse HEAD) &&
	adr_log --no-cache timeline --format json >../expect &&
	n=1 &&
	while [ $n -le 5 ]; do
		rm -f "$(cdir .)"/h-*-"$tip" &&
		par 8 timeline --format json &&
		par_same 8 ../expect || return 1
		n=$((n + 1))
	done
'

test_expect_success 'g: mixed commands at once' '
	rm -rf "$(cdir r)" &&
	i=1 &&
	for c in "timeline --format json" "show 12" "links" "check" \
		"timeline" "show 2" "links --format json" "check --format json"; do
		adr_log --no-cache -C r $c >expect.$i 2>/dev/null
		(ADRLOG_CACHE_TRACE=1 "$ADRLOG" -C r $c >par.$i.out 2>par.$i.err) &
		i=$((i + 1))
	done &&
	wait &&
	i=1 &&
	while [ $i -le 8 ]; do
		test_cmp expect.$i par.$i.out &&
		test_grep -v "^$T(ignored|write failed)" par.$i.err || return 1
		i=$((i + 1))
	done
'

test_expect_success 'g: ten worktrees at ten tips at once; at most 8 files remain' '
	rm -rf "$(cdir r)" &&
	i=1 &&
	for s in 1 2 3 5 8 9 11 12 14 16a; do
		git -C r worktree add -q --detach "../w$i" "$(cat tip.$s)" &&
		adr_log --no-cache -C w$i timeline --format json >expect.$i || return 1
		i=$((i + 1))
	done &&
	for round in 1 2; do
		i=1 &&
		while [ $i -le 10 ]; do
			(ADRLOG_CACHE_TRACE=1 "$ADRLOG" -C w$i timeline --format json >par.$i.out 2>par.$i.err) &
			i=$((i + 1))
		done &&
		wait &&
		i=1 &&
		while [ $i -le 10 ]; do
			test_cmp expect.$i par.$i.out &&
			test_grep -v "^$T(ignored|write failed)" par.$i.err || return 1
			i=$((i + 1))
		done || return 1
	done &&
	keyfiles r >actual &&
	test_line_count -le 8 actual &&
	! test -e r/.git/worktrees/w1/adr-log
'

# ---------------------------------------------------------------------------
# h: a plain file where the folder goes

test_expect_success 'h: a plain file named adr-log: same output, no error, trace says why' '
	d=$(cdir a) &&
	rm -rf "$d" &&
	echo "not a folder" >"$d" &&
	adr_log -C a timeline --format json >out 2>err &&
	test ! -s err &&
	adr_log --no-cache -C a timeline --format json >expect &&
	test_cmp expect out &&
	both plain -C a timeline --format json &&
	trace plain "write failed .+|off \(.+\)|ignored .+" &&
	no_trace plain "hit|wrote" &&
	both plain2 -C a show 1 &&
	both plain3 -C a check &&
	test -f "$d" &&
	rm -f "$d"
'

# ---------------------------------------------------------------------------
# i: the ADR folders are part of the key

test_expect_success 'i: setup: two ADR folders' '
	git init -q k && cd k &&
	next_day &&
	adr_commit docs/adr/0001-one.md "1. One" Proposed "propose ADR-1" &&
	adr_commit decisions/0001-uno.md "1. Uno" Accepted "ADR-1 in decisions" &&
	adr_commit decisions/0002-dos.md "2. Dos" Proposed "ADR-2 in decisions"
'

test_expect_success 'i: --adr-dir gives another key file; outputs identical' '
	all_same k &&
	keyfiles k >one &&
	test_line_count = 1 one &&
	all_same k --adr-dir decisions &&
	trace first miss &&
	keyfiles k >two &&
	test_line_count = 2 two &&
	sed "s/^h-\([0-9a-f]*\)-.*/\1/" two | sort -u >keys &&
	test_line_count = 2 keys &&
	all_same k --adr-dir docs/adr --adr-dir decisions &&
	keyfiles k >three &&
	sed "s/^h-\([0-9a-f]*\)-.*/\1/" three | sort -u >keys &&
	test_line_count = 3 keys
'

test_expect_success 'i: the same folders written otherwise: order, ./, trailing slash, the root' '
	for dirs in "--adr-dir decisions --adr-dir docs/adr" "--adr-dir ./docs/adr/" \
		"--adr-dir docs/adr/ --adr-dir decisions/" "--adr-dir ." "--adr-dir docs"; do
		all_same k $dirs || return 1
	done
'

test_expect_success 'i: adrlog.dir in git config changes the folders, and the output' '
	git -C k config adrlog.dir decisions &&
	all_same k &&
	jget first.out "[a[\"title\"] for a in d[\"adrs\"]]" >actual &&
	printf "Uno\nDos\n" >expect && test_cmp expect actual &&
	git -C k config --unset adrlog.dir &&
	all_same k &&
	jget first.out "[a[\"title\"] for a in d[\"adrs\"]]" >actual &&
	echo One >expect && test_cmp expect actual
'

test_expect_success 'i: a committed .adr-dir file changes the folders' '
	cd k && step &&
	echo decisions >.adr-dir && git add .adr-dir && test_tick &&
	git commit -q -m "use decisions" &&
	all_same . &&
	jget ../first.out "[a[\"title\"] for a in d[\"adrs\"]]" >actual &&
	printf "Uno\nDos\n" >expect && test_cmp expect actual
'

test_expect_success 'i: HEAD gains doc/adr, which discovery prefers: a new key' '
	cd k && git rm -q .adr-dir && test_tick && git commit -q -m "no .adr-dir" &&
	adr_log timeline >/dev/null &&
	step &&
	adr_commit doc/adr/0005-five.md "5. Five" Proposed "ADR-5 in doc/adr" &&
	all_same . &&
	no_trace first "hit|resume" &&
	jget ../first.out "[a[\"id\"] for a in d[\"adrs\"]]" >actual &&
	echo 5 >expect && test_cmp expect actual
'

# ---------------------------------------------------------------------------
# j: worktrees, bare clones, separate git dirs, subfolders

test_expect_success 'j: a linked worktree writes into the common dir; the main one hits' '
	git -C a worktree add -q ../wa -b wa &&
	tip=$(git -C wa rev-parse HEAD) &&
	rm -rf "$(cdir a)" &&
	all_same wa &&
	test -f "a/.git/adr-log/$(keyfiles a | grep -e "-$tip\$")" &&
	! test -e a/.git/worktrees/wa/adr-log &&
	both main -C a timeline --format json &&
	is_hit main "$tip"
'

test_expect_success 'j: a commit in the worktree resumes there' '
	cd wa && step &&
	adr_commit docs/adr/0002-two.md "2. Two" Deprecated "deprecate ADR-2 in wa" &&
	all_same . && resumed 1 &&
	! test -e ../a/.git/worktrees/wa/adr-log
'

test_expect_success 'j: a bare clone keeps its cache in the bare repository' '
	git clone -q --bare r b.git &&
	tip=$(git -C b.git rev-parse HEAD) &&
	all_same b.git &&
	trace first miss &&
	test -f "b.git/adr-log/$(keyfiles b.git | grep -e "-$tip\$")"
'

test_expect_success 'j: --separate-git-dir: the cache is in the git dir' '
	git init -q --separate-git-dir="$TRASH/sep.git" s && cd s &&
	adr_commit docs/adr/0001-one.md "1. One" Proposed "propose ADR-1" &&
	cd .. &&
	all_same s &&
	test -d sep.git/adr-log &&
	! test -e s/adr-log
'

test_expect_success 'j: run from a subfolder: the same cache' '
	tip=$(git -C a rev-parse HEAD) &&
	adr_log -C a timeline >/dev/null &&
	both sub -C a/docs/adr timeline --format json &&
	is_hit sub "$tip"
'

# ---------------------------------------------------------------------------
# k: real and generated histories, cut at first-parent points

# cuts REPO ARGS...: for cut points at 50%, 80%, 95% of the first-parent
# chain (at most 1000 first-parent commits back: farther, the cache is
# not used, and the full walk is what --no-cache does) and HEAD~1: with an
# empty cache, run at the cut (fills the cache), then at the original tip
# with it; timeline and links --format json must equal --no-cache's at the
# tip.  Writes the warm runs' traces to cuts.log.
cuts() {
	_r=$1
	shift
	_head=$(git -C "$_r" rev-parse HEAD) &&
	git -C "$_r" rev-list --first-parent HEAD >"$TRASH/fp" &&
	_len=$(wc -l <"$TRASH/fp") &&
	"$ADRLOG" --no-cache -C "$_r" "$@" timeline --format json >"$TRASH/full.json" &&
	"$ADRLOG" --no-cache -C "$_r" "$@" links --format json >"$TRASH/full-links.json" || return 1
	_last=
	for _pos in $((_len / 2)) $((_len / 5)) $((_len / 20)) 1; do
		[ "$_pos" -le 1000 ] || _pos=1000
		[ "$_pos" -ge 1 ] && [ "$_pos" -lt "$_len" ] && [ "$_pos" != "$_last" ] || continue
		_last=$_pos
		_cut=$(sed -n "$((_pos + 1))p" "$TRASH/fp") &&
		# a folder named with --adr-dir that is not there at the cut is an
		# error (SPEC 1 rev2): such a cut has no cache entry to fill
		if [ "${1:-}" = --adr-dir ] && ! git -C "$_r" cat-file -e "$_cut:$2" 2>/dev/null; then
			continue
		fi &&
		rm -rf "$(cdir "$_r")" &&
		git -C "$_r" reset -q --hard "$_cut" &&
		ADRLOG_CACHE_TRACE=1 "$ADRLOG" -C "$_r" "$@" timeline --format json >/dev/null 2>"$TRASH/cut.trace" &&
		wrote cut "$_cut" &&
		git -C "$_r" reset -q --hard "$_head" &&
		ADRLOG_CACHE_TRACE=1 "$ADRLOG" -C "$_r" "$@" timeline --format json >"$TRASH/warm.json" 2>"$TRASH/warm.trace" &&
		test_cmp "$TRASH/full.json" "$TRASH/warm.json" &&
		ADRLOG_CACHE_TRACE=1 "$ADRLOG" -C "$_r" "$@" links --format json >"$TRASH/warm-links.json" 2>"$TRASH/warm2.trace" &&
		test_cmp "$TRASH/full-links.json" "$TRASH/warm-links.json" &&
		is_hit warm2 "$_head" &&
		no_trace warm "ignored" &&
		echo "$_r HEAD~$_pos: $(sed -n "/^${T}wrote /d; /^${T}docs /d; s/^$T//p" "$TRASH/warm.trace" | tr "\n" " ")" >>"$TRASH/cuts.log" || return 1
		if [ "$_pos" = 1 ]; then
			trace warm "resume $_cut \\+[0-9]+|fallback $_cut: .+" || return 1
		fi
	done
}

# walk_forward REPO COUNT ARGS...: from HEAD~COUNT (first parent) up to
# HEAD one first-parent commit at a time, the cache warm from the step
# before: the same output as --no-cache at each, never a miss.
walk_forward() {
	_r=$1 _k=$2
	shift 2
	_head=$(git -C "$_r" rev-parse HEAD) &&
	git -C "$_r" rev-list --first-parent -n "$((_k + 1))" HEAD >"$TRASH/fp" &&
	rm -rf "$(cdir "$_r")" &&
	git -C "$_r" reset -q --hard "$(tail -n 1 "$TRASH/fp")" &&
	"$ADRLOG" -C "$_r" "$@" timeline --format json >/dev/null &&
	: >"$TRASH/walk.log" &&
	for _c in $(sed '$d' "$TRASH/fp" | tac); do
		git -C "$_r" reset -q --hard "$_c" &&
		both walk -C "$_r" "$@" timeline --format json &&
		no_trace walk "miss|ignored|hit" &&
		sed -n "s/^$T\(resume\|fallback\).*/\1/p" "$TRASH/walk.trace" >>"$TRASH/walk.log" || {
			echo "at $_c" >&2
			git -C "$_r" reset -q --hard "$_head"
			return 1
		}
	done
	git -C "$_r" reset -q --hard "$_head" &&
	echo "$_r forward over $_k: $(grep -c resume "$TRASH/walk.log") resumed, $(grep -c fallback "$TRASH/walk.log") fell back" >"$TRASH/cuts.log" &&
	test_grep "^resume$" "$TRASH/walk.log"
}

# show_log: the traces of the k tests, as comments.
show_log() { [ -f "$TRASH/cuts.log" ] && sed 's/^/# /' "$TRASH/cuts.log"; rm -f "$TRASH/cuts.log"; }

if [ -x "$SHARED/scripts/gen-adr-repo" ]; then
	test_expect_success 'k: a generated repository (1500 commits, 30% merges), cut at first-parent points' '
		"$SHARED/scripts/gen-adr-repo" --out g --commits 1500 --adrs 40 --files 50 --merges 0.3 --seed 3 -q &&
		cuts g
	'
	show_log

	test_expect_success 'k: the generated repository walked forward over its last 40 first-parent commits' '
		walk_forward g 40
	'
	show_log
else
	say "# skipped: no $SHARED/scripts/gen-adr-repo"
fi

# the corpus bundles with the most commits -> ADR folder (as in t9000)
corpus_dirs='
ministryofjustice__modernisation-platform architecture-decision-record
cometbft__cometbft docs/references/architecture
alphagov__govuk-infrastructure -
microsoft__semantic-kernel docs/decisions
celestiaorg__celestia-app docs/architecture
'

test_expect_success 'a topic forked at a tip the cache resumed from is resumed too' '
	git init -q fk && cd fk &&
	adr_commit docs/adr/0001-one.md "1. One" Proposed "propose 1" &&
	adr_commit docs/adr/0002-two.md "2. Two" Proposed "propose 2" &&
	git rev-parse HEAD >../t0 &&
	adr_log timeline >/dev/null &&
	adr_commit docs/adr/0001-one.md "1. One" Accepted "accept 1" &&
	test_commit e1 && test_commit e2 &&
	ADRLOG_CACHE_TRACE=1 adr_log timeline >/dev/null 2>../fk1 &&
	test_grep "cache: resume $(cat ../t0) \+3" ../fk1 &&
	git checkout -q -b topic $(cat ../t0) &&
	adr_commit docs/adr/0002-two.md "2. Two" Rejected "reject 2 on the topic" &&
	git checkout -q main && test_tick && git merge -q --no-ff -m "merge topic" topic &&
	ADRLOG_CACHE_TRACE=1 adr_log timeline --format json >../fk2.json 2>../fk2 &&
	test_grep "cache: resume [0-9a-f]{40} \+2" ../fk2 &&
	adr_log --no-cache timeline --format json >../fk3.json &&
	test_cmp ../fk3.json ../fk2.json
'

if ls "$SHARED"/corpus/*.bundle >/dev/null 2>&1; then
	echo "$corpus_dirs" | while read -r name dir; do
		[ -n "$name" ] && [ -f "$SHARED/corpus/$name.bundle" ] && echo "$name $dir"
	done >corpus.list
	while read -r name dir; do
		test_expect_success "k: $name cut at first-parent points" "
			corpus_clone $name $name &&
			if test \"$dir\" = -; then set --; else set -- --adr-dir \"$dir\"; fi &&
			cuts $name \"\$@\"
		"
		show_log
	done <corpus.list
else
	say "# skipped: no corpus at $SHARED/corpus"
fi

test_done
