#!/bin/sh
test_description='each version at the tip is parsed once, whole, for its record and the walk: same answers, ids from the heading kept, on every cache path'
. "$(dirname "$0")/../lib.sh"

test_expect_success 'setup: a record renumbered by its name, one changed at the tip' '
	git init -q r && (cd r &&
		adr_commit docs/adr/use-x.md "7. Use X" Proposed "x without a number" &&
		git mv docs/adr/use-x.md docs/adr/0008-use-x.md && test_tick &&
		git commit -q -m "number x as 8" &&
		adr_commit docs/adr/0002-b.md "2. B" Proposed "b" &&
		adr_commit docs/adr/0002-b.md "2. B" Accepted "accept b" &&
		adr_commit docs/adr/0003-c.RST "3. C" Accepted "c, Markdown in a .RST name")
'

# b's first version, and c: the walk parses a ".RST" name as Markdown, its
# record as reStructuredText, so the record's parse is not the walk's.
test_expect_success 'the walk parses only the versions the tip does not have' '
	ADRLOG_CACHE_TRACE=1 adr_log -C r --no-cache timeline --format json >nc.json 2>trace &&
	test_grep "walk parsed 2 versions" trace &&
	test "$(jget nc.json "[e[\"to\"] for e in d[\"events\"] if e[\"adr\"] == \"3\"]")" = accepted
'

test_expect_success 'a version seen under a name with an id and one without keeps both ids' '
	test "$(jget nc.json "[a[\"id\"] for a in d[\"adrs\"]]")" = "$(printf "2\n3\n8")" &&
	test "$(jget nc.json "[a for a in d[\"adrs\"] if a[\"id\"] == \"8\"][0][\"history\"][0][\"path\"]")" = docs/adr/use-x.md &&
	test "$(jget nc.json "[a for a in d[\"adrs\"] if a[\"id\"] == \"8\"][0][\"title\"]")" = "Use X" &&
	test "$(jget nc.json "[h[\"title\"] for a in d[\"adrs\"] if a[\"id\"] == \"2\" for h in a[\"history\"]]")" = "$(printf "B\nB")"
'

test_expect_success 'the first run with the cache and the warm one answer the same' '
	adr_log -C r timeline --format json >cold.json &&
	ADRLOG_CACHE_TRACE=1 adr_log -C r timeline --format json >warm.json 2>trace &&
	test_grep "hit" trace &&
	test_cmp nc.json cold.json &&
	test_cmp nc.json warm.json
'

test_expect_success 'after a new commit the tip versions are parsed once again' '
	(cd r && adr_commit docs/adr/0002-b.md "2. B" Deprecated "retire b") &&
	ADRLOG_CACHE_TRACE=1 adr_log -C r --no-cache timeline --format json >nc2.json 2>trace &&
	test_grep "walk parsed 3 versions" trace &&
	test "$(jget nc2.json "[a[\"status\"] for a in d[\"adrs\"] if a[\"id\"] == \"2\"]")" = deprecated
'

test_done
