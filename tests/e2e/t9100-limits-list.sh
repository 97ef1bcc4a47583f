#!/bin/sh
test_description='hostile repositories for list: symlinks, submodules, binary and
huge files, invalid UTF-8, deep nesting, thousands of ADRs'
. "$(dirname "$0")/../lib.sh"

test_expect_success 'setup: a repository with odd entries in the ADR folder' '
	git init -q repo && cd repo &&
	adr_write docs/adr/0001-normal.md "Normal" Accepted &&
	ln -s 0001-normal.md docs/adr/0002-link.md &&
	git init -q sub && (cd sub && test_commit s) &&
	git -c protocol.file.allow=always submodule add -q ./sub docs/adr/0003-submodule.md 2>/dev/null ||
		git update-index --add --cacheinfo 160000,$(git -C sub rev-parse HEAD),docs/adr/0003-submodule.md &&
	printf "\000\001\002\377binary" >docs/adr/0004-binary.md &&
	printf "# Bad \377\376 title\n\n## Status\n\nAcc\377epted\n" >docs/adr/0005-invalid-utf8.md &&
	git add docs/adr && test_tick && git commit -q -m odd
'

test_expect_success 'symlinks and submodules are skipped, binary files are no crash' '
	adr_log -C repo list --format json >out &&
	test_grep "0001-normal.md" out &&
	test_grep -v "0002-link.md" out &&
	test_grep -v "0003-submodule.md" out &&
	test_grep "0004-binary.md" out
'

test_expect_success 'invalid UTF-8 becomes U+FFFD in JSON and text' '
	adr_log -C repo list --format json >out &&
	python3 -c "import json,sys; d=json.load(open(\"out\")); t=[a[\"title\"] for a in d[\"adrs\"] if a[\"id\"]==\"5\"][0]; assert \"\\ufffd\" in t, t" &&
	adr_log -C repo list >text &&
	python3 -c "open(\"text\", encoding=\"utf-8\").read()"
'

test_expect_success 'a 20 MB ADR and deeply nested Markdown parse in bounded time' '
	(cd repo &&
	 { printf "# Huge\n\n## Status\n\nAccepted\n\n"; python3 -c "import sys; sys.stdout.write((\"word \" * 15 + \"\\n\") * 250000)"; } >docs/adr/0006-huge.md &&
	 python3 -c "import sys; sys.stdout.write(\"# Deep\\n\\n## Status\\n\\nProposed\\n\\n\" + \"> \" * 50000 + \"x\\n\" + \"[\" * 50000 + \"\\n\" + \"*a \" * 50000)" >docs/adr/0007-deep.md &&
	 git add docs/adr && test_tick && git commit -q -m big) &&
	timeout 60 "$ADRLOG" -C repo list --format json >out &&
	python3 -c "import json; d=json.load(open(\"out\")); s={a[\"id\"]: a[\"status\"] for a in d[\"adrs\"]}; assert s[\"6\"]==\"accepted\" and s[\"7\"]==\"proposed\", s"
'

test_expect_success '10,000 ADRs are all listed, in id order' '
	git init -q many && (cd many &&
	 mkdir -p docs/adr &&
	 python3 -c "
for i in range(1, 10001):
    open(\"docs/adr/%05d-decision-%d.md\" % (i, i), \"w\").write(\"# Decision %d\\n\\n## Status\\n\\nAccepted\\n\" % i)
" &&
	 git add docs/adr && test_tick && git commit -q -m many) &&
	timeout 120 "$ADRLOG" -C many list --format json >out &&
	python3 -c "
import json
d = json.load(open(\"out\"))
ids = [int(a[\"id\"]) for a in d[\"adrs\"]]
assert ids == list(range(1, 10001)), ids[:5]
"
'

test_done
