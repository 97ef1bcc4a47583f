#!/bin/sh
test_description='the real repositories of ../shared/corpus: every command runs
clean, the JSON is valid adr-log/1, and every file whose name carries a
number is found (checked independently of adr-log with a plain regex)'
. "$(dirname "$0")/../lib.sh"

# bundle name -> ADR folder (what a user would configure; not an answer)
corpus_dirs='
adr__madr docs/decisions
alphagov__govuk-infrastructure -
arachne-framework__architecture .
celestiaorg__celestia-app docs/architecture
cometbft__cometbft docs/references/architecture
cosmos__ibc-go docs/architecture
elastisys__compliantkubernetes docs/adr
home-assistant__architecture -
microsoft__semantic-kernel docs/decisions
ministryofjustice__modernisation-platform architecture-decision-record
nats-io__nats-architecture-and-design adr
openedx__event-bus-kafka docs/decisions
openedx__openedx-aspects docs/technical_documentation/decisions
'

if ! ls "$SHARED"/corpus/*.bundle >/dev/null 2>&1; then
	# ../shared sits beside the clone in CI; elsewhere it may not
	say "# skipped: no corpus at $SHARED/corpus"
	test_done
	exit
fi

echo "$corpus_dirs" | while read -r name dir; do
	[ -n "$name" ] || continue
	[ -f "$SHARED/corpus/$name.bundle" ] || continue
	echo "$name $dir"
done >corpus.list

while read -r name dir; do
	test_expect_success "$name: list finds every numbered file, valid JSON" "
		corpus_clone $name $name &&
		if test \"$dir\" = -; then set --; else set -- --adr-dir \"$dir\"; fi &&
		\"\$ADRLOG\" -C $name \"\$@\" list --format json >$name.json &&
		python3 \"\$ADRLOG_TOP/tests/e2e/check-list.py\" $name.json $name \"$dir\"
	"
done <corpus.list

test_done
