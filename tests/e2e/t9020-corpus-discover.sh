#!/bin/sh
test_description='the corpus without --adr-dir: SPEC 1 discovery (rules 2-6) must find
the same ADR files as the expected answers, which name the folders by hand'
. "$(dirname "$0")/../lib.sh"

if ! ls "$SHARED"/corpus/expected/*.json >/dev/null 2>&1; then
	say "# skipped: no expected answers at $SHARED/corpus/expected"
	test_done
	exit
fi

# same_paths EXPECTED OUT: the ADR paths of both documents are the same set
same_paths() {
	python3 - "$1" "$2" <<'PY'
import json, sys
exp = {a["path"] for a in json.load(open(sys.argv[1]))["adrs"]}
got = {a["path"] for a in json.load(open(sys.argv[2]))["adrs"]}
for p in sorted(exp - got):
    print("missing", p)
for p in sorted(got - exp):
    print("extra", p)
sys.exit(exp != got)
PY
}

for exp in "$SHARED"/corpus/expected/*.json; do
	name=$(basename "$exp" .json)
	test -f "$SHARED/corpus/$name.bundle" || continue
	test_expect_success "$name: list without --adr-dir finds the expected ADRs" "
		corpus_clone $name $name &&
		\"\$ADRLOG\" -C $name --no-cache list --format json >$name.json 2>$name.err &&
		same_paths $exp $name.json &&
		if grep -q 'note: no ADR folder is configured' $name.err; then
			grep -q 'adrlog.dir' $name.err; fi
	"
done

test_done
