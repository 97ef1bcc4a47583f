#!/bin/sh
test_description='the history walk parses each ADR version only as far as its
status when that is safe (parse_adr_status); on every version of every ADR in
../shared/corpus it must give the id, title and status of the full parse'
. "$(dirname "$0")/../lib.sh"

if ! ls "$SHARED"/corpus/*.bundle >/dev/null 2>&1; then
	say "# skipped: no corpus bundles at $SHARED/corpus"
	test_done
	exit
fi

# dump NAME FOLDER...: every blob ever under the folders, once, as
# NAME.v/<blob>-<file name> (the extension picks the parser), listed in
# NAME.list
dump() {
	name=$1
	shift
	mkdir -p $name.v &&
	git -C $name log --all --raw --no-abbrev --no-renames --format= -- "$@" |
	awk '$5 != "D" { n = split($6, p, "/"); print $4, p[n] }' | sort -u |
	while read -r blob base; do
		case $base in
		*.md|*.markdown|*.rst) git -C $name cat-file blob $blob >"$name.v/$blob-$base" &&
			echo "$PWD/$name.v/$blob-$base" ;;
		esac
	done >$name.list
}

for exp in "$SHARED"/corpus/expected/*.json; do
	name=$(basename "$exp" .json)
	test -f "$SHARED/corpus/$name.bundle" || continue
	test_expect_success "$name: the head parse agrees with the full parse" "
		corpus_clone $name $name &&
		dump $name \$(python3 -c 'import json,sys
a = json.load(open(sys.argv[1]))[\"source\"][\"oracle_args\"]
print(\" \".join(a[k + 1] for k in range(0, len(a) - 1, 2)))' $exp) &&
		test -s $name.list &&
		ADRLOG_PARSE_FILES=$PWD/$name.list \"\$ADRLOG_BUILD/unit-tests\" parse_status_files >$name.out &&
		cat $name.out &&
		grep -q ' 0 differ\$' $name.out &&
		grep -q '^[0-9]* passed, 0 failed\$' $name.out
	"
done

# The cut must be taken where ADRs keep their status near the top, or
# parse_adr_status is only the slow path with extra steps.
test_expect_success 'most corpus versions are parsed only up to their status' "
	cat *.out | awk '/^parse_status_files:/ { f += \$2; c += \$4 }
		END { print c, \"of\", f, \"cut\"; exit !(f > 0 && c * 2 > f) }'
"

test_done
