#!/bin/sh
test_description='history and references equal the ground truth of generated repositories'
. "$(dirname "$0")/../lib.sh"

GEN="$SHARED/scripts/gen-adr-repo"

# The generator lives in ../shared (beside the clone, as in CI); a checkout
# without it skips these comparisons with a note.
if ! [ -f "$GEN" ]; then
	say "# skipped: $GEN not found; ground-truth comparisons not run"
	test_done
	exit
fi

# compare TRUTH OUT: every ADR's path, status, status history (commit,
# landed, from, to, date), references and edits, and the dangling
# references, against gen-adr-repo's ground truth.  Prints the differences.
compare() {
	python3 - "$1" "$2" <<-\EOF
	import json, sys
	T = json.load(open(sys.argv[1]))
	O = json.load(open(sys.argv[2]))
	errs = []
	got = {a["id"]: a for a in O["adrs"]}
	want_ids = sorted(str(a["id"]) for a in T["adrs"])
	if sorted(got) != want_ids:
	    errs.append("ids: %s" % sorted(set(got) ^ set(want_ids)))
	for t in T["adrs"]:
	    o = got.get(str(t["id"]))
	    if not o:
	        continue
	    for k in ("path", "status"):
	        if t[k] != o[k]:
	            errs.append("ADR %s %s: %r != %r" % (t["id"], k, o[k], t[k]))
	    tc = [(c["sha"], c["mainline_sha"], c["from"], c["to"], c["date"])
	          for c in t["status_changes"]]
	    oc = [(c["commit"], c["landed"], c["from"], c["to"], c["date"])
	          for c in o["history"]]
	    if tc != oc:
	        errs.append("ADR %s history:\n  want %s\n  got  %s" % (t["id"], tc, oc))
	    if sorted(t["references"]) != sorted(o["references"]):
	        errs.append("ADR %s references differ" % t["id"])
	    if t["touched_by"] != o["edits"]:
	        errs.append("ADR %s edits differ" % t["id"])
	td = sorted((d["sha"], str(d["id"])) for d in T["dangling_references"])
	od = sorted((u["commit"], u["id"]) for u in O["unknown_references"])
	if td != od:
	    errs.append("unknown references differ: %s" % sorted(set(td) ^ set(od))[:5])
	n = sum(len(t["status_changes"]) for t in T["adrs"])
	if not n or len(O["events"]) != n:
	    errs.append("events: %d, want %d" % (len(O["events"]), n))
	for e in errs[:20]:
	    print(e)
	sys.exit(1 if errs else 0)
	EOF
}

for style in nygard madr3 madr2 mixed; do
	test_expect_success "generated repository, --style $style, 20% merges" '
		"$GEN" --out $style --commits 300 --adrs 25 --files 40 --merges 0.2 \
			--style $style --seed 3 --truth $style.json -q &&
		adr_log -C $style timeline --format json >$style.out &&
		compare $style.json $style.out
	'
done

test_expect_success 'the same answer from a repacked repository (deltas both ways) and loose objects' '
	git -C mixed repack -q -a -d -f --depth=50 --window=50 &&
	adr_log -C mixed timeline --format json >repacked.out &&
	test_cmp mixed.out repacked.out &&
	git clone -q --no-local mixed loose &&
	mkdir -p held && mv loose/.git/objects/pack/* held/ &&
	pack=$(ls held/*.pack) &&
	git -C loose unpack-objects -q <"$pack" &&
	git -C loose fsck --no-progress 2>/dev/null &&
	adr_log -C loose timeline --format json >loose.out &&
	test_cmp mixed.out loose.out
'

test_expect_success 'the comparison sees a wrong history (it can fail)' '
	python3 -c "import json
d = json.load(open(\"mixed.out\"))
h = [a for a in d[\"adrs\"] if a[\"history\"]][0][\"history\"]
h[-1][\"to\"] = \"rejected\" if h[-1][\"to\"] != \"rejected\" else \"accepted\"
json.dump(d, open(\"broken.out\", \"w\"))" &&
	test_must_fail compare mixed.json broken.out >diff.txt &&
	test_grep "history" diff.txt
'

test_done
