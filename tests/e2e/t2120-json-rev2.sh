#!/bin/sh
test_description='JSON rev2 additions (SPEC section 5): path and title on every history and events entry, and the commits map of every commit the document names'
. "$(dirname "$0")/../lib.sh"

test_expect_success 'setup: ADRs on main and on a merged topic, an implementing commit' '
	git init -q r && cd r &&
	adr_commit docs/adr/0001-use-c.md "1. Use C" Proposed "ADR 1" &&
	git checkout -q -b topic &&
	adr_commit docs/adr/0001-use-c.md "1. Use C" Accepted "accept ADR 1" &&
	git checkout -q main &&
	adr_commit docs/adr/0002-use-make.md "2. Use make" Proposed "ADR 2" &&
	test_tick && git merge -q --no-ff -m "Merge topic" topic &&
	test_commit "implement ADR-1 in src" src/a.c &&
	test_commit "ADR-99 does not exist" src/b.c
'

# The checks of SPEC section 5 rev2 on the document in FILE, in Python.
check_rev2() {
	python3 - "$1" <<-\EOF
	import json, subprocess, sys
	d = json.load(open(sys.argv[1]))
	def git(*a):
	    return subprocess.check_output(["git", "-C", "r"] + list(a), text=True).strip()
	assert d["schema"] == "adr-log/1"
	named = set()
	for a in d["adrs"]:
	    for h in a["history"]:
	        assert h["path"] == a["path"], h
	        assert h["title"] == a["title"], h
	        named |= {h["commit"], h["landed"]}
	    for k in ("references", "edits", "implemented_by"):
	        named |= set(a[k])
	for e in d["events"]:
	    assert isinstance(e["path"], str) and e["path"].startswith("docs/adr/"), e
	    assert isinstance(e["title"], str) and e["title"], e
	    named |= {e["commit"], e["landed"]}
	for u in d["unknown_references"]:
	    named.add(u["commit"])
	assert set(d["commits"]) == named, (sorted(named ^ set(d["commits"])))
	for sha, c in d["commits"].items():
	    assert sorted(c) == ["author", "date", "subject"], c
	    assert c["subject"] == git("log", "-1", "--format=%s", sha), (sha, c)
	    assert c["author"] == git("log", "-1", "--format=%an <%ae>", sha), (sha, c)
	    assert c["date"] == git("log", "-1", "--format=%aI", sha), (sha, c)
	print(len(named))
	EOF
}

test_expect_success 'timeline: every event has path and title; commits names every sha, landed ones too' '
	adr_log -C r --format json >out.json &&
	check_rev2 out.json >n &&
	test "$(cat n)" -ge 5 &&
	merge=$(git -C r rev-parse HEAD~2) &&
	jget out.json "[e[\"landed\"] for e in d[\"events\"] if e[\"to\"] == \"accepted\"]" >actual &&
	echo "$merge" >want && test_cmp want actual &&
	jget out.json "d[\"commits\"][\"$merge\"][\"subject\"]" >actual &&
	echo "Merge topic" >want && test_cmp want actual &&
	jget out.json "[(e[\"path\"], e[\"title\"]) for e in d[\"events\"]][0]" >actual &&
	echo "[\"docs/adr/0001-use-c.md\", \"Use C\"]" >want && test_cmp want actual
'

test_expect_success 'the unknown reference and the implementing commit are in the map' '
	jget out.json "[d[\"commits\"][u[\"commit\"]][\"subject\"] for u in d[\"unknown_references\"]]" >actual &&
	echo "ADR-99 does not exist" >want && test_cmp want actual &&
	jget out.json "[d[\"commits\"][c][\"subject\"] for c in d[\"adrs\"][0][\"implemented_by\"]]" >actual &&
	echo "implement ADR-1 in src" >want && test_cmp want actual
'

test_expect_success 'show, links and a filtered timeline name only their own commits' '
	for v in "show 1" "show 2" "links" "links 1" "timeline 2" "timeline -n 1"; do
		adr_log -C r $v --format json >out.json &&
		check_rev2 out.json >/dev/null || { echo "failed: $v" >&2; return 1; }
	done &&
	adr_log -C r show 2 --format json >out.json &&
	jget out.json "sorted(d[\"commits\"])" >actual &&
	git -C r rev-parse HEAD~3 >want &&
	test_cmp want actual
'

test_expect_success 'list: empty commit lists and an empty commits map' '
	adr_log -C r list --format json >out.json &&
	jget out.json "d[\"commits\"]" >actual &&
	echo "{}" >want && test_cmp want actual
'

test_done
