#!/bin/sh
test_description='the expected answers of ../shared/corpus (an independent git-CLI
implementation of SPEC 1-3): adr-log --no-cache timeline --format json scored by
../shared/scripts/compare-adr-json, one test per repository and group'
. "$(dirname "$0")/../lib.sh"

# A group passes when its score reaches the bar, or when every disagreement it
# lists is a known dispute (corpus-disputes.txt: an expected answer we hold to
# be wrong under the SPEC, with the commit and the SPEC sentence).
bar_list=1.000
bar_other=0.990
disputes="$ADRLOG_TOP/tests/e2e/corpus-disputes.txt"
compare="$SHARED/scripts/compare-adr-json"

if ! ls "$SHARED"/corpus/expected/*.json >/dev/null 2>&1 || ! test -f "$compare"; then
	say "# skipped: no expected answers at $SHARED/corpus/expected"
	test_done
	exit
fi

# unexplained GROUP NAME: the disagreement lines of NAME.cmp.GROUP that no
# dispute names ("ADR <id> <path>" headers are kept only for context)
unexplained() {
	python3 - "$disputes" "$2" "$2.cmp.$1" <<'PY'
import sys
disp, name, cmp = sys.argv[1:4]
known = set()
try:
    for line in open(disp, encoding="utf-8"):
        if line.strip() and not line.startswith("#"):
            f = line.rstrip("\n").split("\t")
            if len(f) >= 3 and f[0] == name:
                known.add((f[1], f[2].strip()))
except FileNotFoundError:
    pass
path, out, on = None, [], False
for line in open(cmp, encoding="utf-8"):
    line = line.rstrip("\n")
    if line.startswith("disagreements:"):
        on = True
        continue
    if not on or line.startswith("score "):
        continue
    if line.startswith("ADR "):
        path = line.split(" ", 2)[2] if line.count(" ") >= 2 else line
        continue
    if (path, line.strip()) not in known:
        out.append(f"{path}: {line.strip()}")
print("\n".join(out))
PY
}

for exp in "$SHARED"/corpus/expected/*.json; do
	name=$(basename "$exp" .json)
	test -f "$SHARED/corpus/$name.bundle" || continue
	test_expect_success "$name: adr-log runs on the bundle" "
		corpus_clone $name $name &&
		set -- \$(python3 -c 'import json,sys
for d in json.load(open(sys.argv[1]))[\"adr_dirs\"]: print(\"--adr-dir\", d)' $exp) &&
		\"\$ADRLOG\" -C $name \"\$@\" --no-cache timeline --format json >$name.json
	"
	for group in list history refs implemented; do
		bar=$bar_other
		test $group = list && bar=$bar_list
		test_expect_success "$name: $group agrees with the expected answer (>= $bar)" "
			python3 \"$compare\" $exp $name.json --only $group >$name.cmp.$group &&
			score=\$(sed -n 's/^score //p' $name.cmp.$group) &&
			left=\$(unexplained $group $name) &&
			echo \"score \$score\" &&
			if test -n \"\$left\"; then echo \"\$left\" | head -n 30; fi &&
			python3 -c 'import sys; sys.exit(0 if float(sys.argv[1]) >= float(sys.argv[2]) or not sys.argv[3] else 1)' \"\$score\" $bar \"\$left\"
		"
	done
done

test_done
