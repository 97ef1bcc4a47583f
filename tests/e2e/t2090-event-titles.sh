#!/bin/sh
test_description='each status event carries the title of its version (ADR 38):
from the heading, the front matter or the file name, the same whether it comes
from the walk'"'"'s parse (--no-cache) or from the document memo (cache on)'
. "$(dirname "$0")/../lib.sh"

test_expect_success 'setup: one ADR whose title comes from three places' '
	git init -q r && cd r &&
	mkdir -p docs/adr &&
	printf "# 1. From the heading\n\n## Status\n\nProposed\n\n## Context\n\nx\n" \
		>docs/adr/0001-from-the-name.md &&
	git add . && test_tick && git commit -q -m "propose 1" &&
	printf "Status: Accepted\n\nNo heading at all.\n" >docs/adr/0001-from-the-name.md &&
	git commit -q -a -m "accept 1" &&
	printf -- "---\ntitle: From the front matter\nstatus: deprecated\n---\n\nBody.\n" \
		>docs/adr/0001-from-the-name.md &&
	test_tick && git commit -q -a -m "deprecate 1" &&
	printf "# ADR-1: Heading again\n\nStatus: Superseded\n\n## Context\n\n[x]: http://example.com\n" \
		>docs/adr/0001-from-the-name.md &&
	test_tick && git commit -q -a -m "supersede 1"
'

cat >expect <<EOT
proposed From the heading
accepted from-the-name
deprecated From the front matter
superseded Heading again
EOT

test_expect_success 'the walk'"'"'s parse gives each version'"'"'s title (--no-cache)' '
	adr_log -C r --no-cache timeline --format json >nocache.json &&
	jget nocache.json "[\"%s %s\" % (e[\"to\"], e[\"title\"]) for e in d[\"events\"]]" >actual &&
	test_cmp expect actual
'

test_expect_success 'the document memo gives the same titles, cold and warm' '
	adr_log -C r timeline --format json >cold.json &&
	adr_log -C r timeline --format json >warm.json &&
	jget cold.json "[\"%s %s\" % (e[\"to\"], e[\"title\"]) for e in d[\"events\"]]" >actual &&
	test_cmp expect actual &&
	jget warm.json "[\"%s %s\" % (e[\"to\"], e[\"title\"]) for e in d[\"events\"]]" >actual &&
	test_cmp expect actual
'

test_done
