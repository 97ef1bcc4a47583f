#!/bin/sh
test_description='timeline like git log: landed-day groups, -n, --reverse, --author, --status, ADR and path arguments, dates, options without the command name'
. "$(dirname "$0")/../lib.sh"

DAY=86400
T0=1704067200	# 2024-01-01 00:00:00 UTC

# at N [AUTHOR]: the next commit is authored and committed N days after T0.
at() {
	t=$((T0 + $1 * DAY + 3600))
	GIT_AUTHOR_DATE="@$t +0000" GIT_COMMITTER_DATE="@$t +0000"
	export GIT_AUTHOR_DATE GIT_COMMITTER_DATE
}

# commit_as NAME MAIL PATH TITLE STATUS MESSAGE
commit_as() {
	adr_write "$3" "$4" "$5" && git add -- "$3" &&
	GIT_AUTHOR_NAME=$1 GIT_AUTHOR_EMAIL=$2 git commit -q -m "$6"
}

EV='["%s %s>%s" % (e["adr"], e["from"], e["to"]) for e in d["events"]]'

test_expect_success 'setup: a topic written on day 3 lands with a merge on day 10' '
	git init -q r && cd r &&
	at 0 && commit_as Alice alice@example.com docs/adr/0001-use-c.md "1. Use C" Proposed "ADR 1" &&
	at 1 && commit_as Bob bob@example.org docs/adr/0002-use-make.md "2. Use make" Proposed "ADR 2" &&
	git checkout -q -b topic &&
	at 2 && commit_as Carol carol@example.net docs/adr/0001-use-c.md "1. Use C" Accepted "accept ADR 1" &&
	git checkout -q main &&
	at 4 && commit_as Bob bob@example.org docs/adr/0003-use-json.md "3. Use JSON" Proposed "ADR 3" &&
	at 9 && git merge -q --no-ff -m "Merge topic" topic &&
	git rev-parse HEAD >../merge
'

test_expect_success 'text: events under the day they landed, so the days never go back' '
	adr_log -C r --color never >out &&
	grep "^landed " out >days &&
	cat >want <<-EOT &&
	landed 2024-01-01
	landed 2024-01-02
	landed 2024-01-05
	landed 2024-01-10
	EOT
	test_cmp want days &&
	sed -n "/^landed 2024-01-10/,\$p" out >last &&
	test_grep "^  ADR 1  Use C +proposed -> accepted  [0-9a-f]{7}  Carol$" last
'

test_expect_success 'markdown and mermaid group by the landed day too' '
	adr_log -C r --format markdown >out.md &&
	grep "^## " out.md >days &&
	printf "## 2024-01-01\n## 2024-01-02\n## 2024-01-05\n## 2024-01-10\n" >want &&
	test_cmp want days &&
	adr_log -C r --format mermaid >out.mmd &&
	sed -n "s/^        \(2024-[0-9-]*\) : .*/\1/p" out.mmd >days &&
	printf "2024-01-01\n2024-01-02\n2024-01-05\n2024-01-10\n" >want &&
	test_cmp want days
'

test_expect_success 'text: the change column is padded, so the commit column lines up' '
	sed -n "s/^  ADR .*\(->\) [a-z()]* *\([0-9a-f]\{7\}\)  .*/\2/p" out >shas &&
	test_line_count = 4 shas &&
	for sha in $(cat shas); do
		grep " $sha " out | awk -v s="$sha" "{ print index(\$0, s) }"
	done | sort -u >cols &&
	test_line_count = 1 cols
'

test_expect_success 'JSON keeps Name <mail>; text shows the name only' '
	adr_log -C r --format json >out.json &&
	jget out.json "d[\"events\"][-1][\"author\"]" >actual &&
	echo "Carol <carol@example.net>" >want && test_cmp want actual &&
	test_grep -v "carol@example.net" out
'

test_expect_success '-n N keeps the N most recent events, oldest first (as git log -n)' '
	adr_log -C r -n 2 --format json >out.json &&
	jget out.json "$EV" >actual &&
	printf "3 None>proposed\n1 proposed>accepted\n" >want && test_cmp want actual &&
	adr_log -C r timeline --max-count=1 --format json >out.json &&
	jget out.json "$EV" >actual &&
	echo "1 proposed>accepted" >want && test_cmp want actual &&
	adr_log -C r -n 0 --format json >out.json &&
	jget out.json "len(d[\"events\"])" >actual && echo 0 >want && test_cmp want actual &&
	test_expect_code 2 adr_log -C r -n two 2>err && test_grep "expects a number" err
'

test_expect_success '--reverse: newest first, days going down; with -n the newest N' '
	adr_log -C r --reverse --format json >out.json &&
	jget out.json "$EV" >actual &&
	cat >want <<-EOT &&
	1 proposed>accepted
	3 None>proposed
	2 None>proposed
	1 None>proposed
	EOT
	test_cmp want actual &&
	adr_log -C r --reverse --color never >out &&
	grep "^landed" out | sort -r >sorted && grep "^landed" out >days &&
	test_cmp sorted days &&
	adr_log -C r --reverse -n 2 --format json >out.json &&
	jget out.json "$EV" >actual &&
	printf "1 proposed>accepted\n3 None>proposed\n" >want && test_cmp want actual
'

test_expect_success '--author is a regular expression on the name or the mail' '
	adr_log -C r --author Carol --format json >out.json &&
	jget out.json "$EV" >actual &&
	echo "1 proposed>accepted" >want && test_cmp want actual &&
	adr_log -C r --author "@example\\.org>" --format json >out.json &&
	jget out.json "$EV" >actual &&
	printf "2 None>proposed\n3 None>proposed\n" >want && test_cmp want actual &&
	adr_log -C r --author "^Al" --author "^Ca" --format json >out.json &&
	jget out.json "len(d[\"events\"])" >actual && echo 2 >want && test_cmp want actual &&
	adr_log -C r --author CAROL --format json >out.json &&
	jget out.json "len(d[\"events\"])" >actual && echo 0 >want && test_cmp want actual &&
	adr_log -C r -i --author CAROL --format json >out.json &&
	jget out.json "len(d[\"events\"])" >actual && echo 1 >want && test_cmp want actual &&
	test_expect_code 2 adr_log -C r --author "(" 2>err &&
	test_grep "^adr-log: invalid --author" err
'

test_expect_success '--status keeps the changes to a status (repeatable, or a,b)' '
	adr_log -C r --status accepted --format json >out.json &&
	jget out.json "$EV" >actual &&
	echo "1 proposed>accepted" >want && test_cmp want actual &&
	adr_log -C r --status accepted,proposed --format json >out.json &&
	jget out.json "len(d[\"events\"])" >actual && echo 4 >want && test_cmp want actual &&
	adr_log -C r --status accepted --status proposed --format json >out.json &&
	jget out.json "len(d[\"events\"])" >actual && echo 4 >want && test_cmp want actual &&
	test_expect_code 2 adr_log -C r --status approvedd 2>err &&
	test_grep "^adr-log: invalid --status .approvedd." err
'

test_expect_success 'ADRs as arguments: by id, path, file name or slug; an unknown one is an error' '
	for a in 1 0001 ADR-1 docs/adr/0001-use-c.md 0001-use-c.md use-c USE-C; do
		adr_log -C r timeline "$a" --format json >out.json &&
		jget out.json "$EV" >actual &&
		printf "1 None>proposed\n1 proposed>accepted\n" >want &&
		test_cmp want actual || { echo "failed for $a" >&2; return 1; }
	done &&
	adr_log -C r timeline 1 3 --format json >out.json &&
	jget out.json "[a[\"id\"] for a in d[\"adrs\"]]" >actual &&
	printf "1\n3\n" >want && test_cmp want actual &&
	test_expect_code 2 adr_log -C r timeline 9 2>err &&
	test_grep "^adr-log: timeline: no ADR with id .9." err &&
	test_expect_code 2 adr_log -C r timeline no-such-thing 2>err &&
	test_grep "^adr-log: timeline: no ADR with id, path or name .no-such-thing." err
'

test_expect_success 'a revision or range and ADRs together; two ranges are an error' '
	adr_log -C r timeline HEAD~1 1 --format json >out.json &&
	jget out.json "$EV" >actual &&
	echo "1 None>proposed" >want && test_cmp want actual &&
	adr_log -C r timeline HEAD~1..HEAD 1 --format json >out.json &&
	jget out.json "$EV" >actual &&
	echo "1 proposed>accepted" >want && test_cmp want actual &&
	test_expect_code 2 adr_log -C r timeline HEAD~1 HEAD 2>err &&
	test_grep "more than one range or revision" err
'

test_expect_success '-- PATH keeps the events of files under PATH, from the current folder too' '
	adr_log -C r timeline --format json -- docs/adr/0002-use-make.md >out.json &&
	jget out.json "$EV" >actual &&
	echo "2 None>proposed" >want && test_cmp want actual &&
	adr_log -C r --format json -- docs >out.json &&
	jget out.json "len(d[\"events\"])" >actual && echo 4 >want && test_cmp want actual &&
	(cd r/docs/adr && "$ADRLOG" --format json -- 0003-use-json.md >../../../out.json) &&
	jget out.json "$EV" >actual &&
	echo "3 None>proposed" >want && test_cmp want actual &&
	adr_log -C r --format json -- src >out.json &&
	jget out.json "len(d[\"events\"])" >actual && echo 0 >want && test_cmp want actual
'

test_expect_success 'timeline options work without the command name; unknown options still fail' '
	adr_log -C r timeline --since 2024-01-02 --format json >want.json &&
	adr_log -C r --since 2024-01-02 --format json >got.json &&
	test_cmp want.json got.json &&
	adr_log -C r --format json --since=2024-01-02 >got.json &&
	test_cmp want.json got.json &&
	adr_log -C r --format json --reverse >/dev/null &&
	test_expect_code 2 adr_log -C r --frob 2>err &&
	test_grep "^adr-log: unknown option .--frob." err
'

test_expect_success '--since/--until take git date forms: a month, a day, a time, a year' '
	adr_log -C r --since 2024-01-02 --until 2024-01-05 --format json >out.json &&
	jget out.json "$EV" >actual &&
	printf "2 None>proposed\n3 None>proposed\n1 proposed>accepted\n" >want &&
	test_cmp want actual &&
	adr_log -C r --until 2024-01 --format json >out.json &&
	jget out.json "len(d[\"events\"])" >actual && echo 4 >want && test_cmp want actual &&
	adr_log -C r --since "2024-01-05 00:30" --format json >out.json &&
	jget out.json "$EV" >actual && echo "3 None>proposed" >want && test_cmp want actual &&
	adr_log -C r --since "Jan 3, 2024" --until "2024-01-05T00:00:00Z" --format json >out.json &&
	jget out.json "$EV" >actual && echo "1 proposed>accepted" >want && test_cmp want actual &&
	adr_log -C r --since 2025 --format json >out.json &&
	jget out.json "len(d[\"events\"])" >actual && echo 0 >want && test_cmp want actual
'

test_expect_success '--since/--until: relative dates against the real clock (days apart, never flaky)' '
	now=$(date +%s) &&
	git init -q rel && (
		cd rel &&
		t=$((now - 60 * DAY)) &&
		GIT_AUTHOR_DATE="@$t +0000" GIT_COMMITTER_DATE="@$t +0000" &&
		export GIT_AUTHOR_DATE GIT_COMMITTER_DATE &&
		commit_as A a@example.com docs/adr/0001-old.md "1. Old" Accepted "old" &&
		t=$((now - 3 * DAY)) &&
		GIT_AUTHOR_DATE="@$t +0000" GIT_COMMITTER_DATE="@$t +0000" &&
		commit_as A a@example.com docs/adr/0002-new.md "2. New" Accepted "new"
	) &&
	for since in "2 weeks ago" "2.weeks.ago" "last month" "one week ago" "10 days ago"; do
		adr_log -C rel --since "$since" --format json >out.json &&
		jget out.json "[e[\"adr\"] for e in d[\"events\"]]" >actual &&
		echo 2 >want && test_cmp want actual || { echo "failed: $since" >&2; return 1; }
	done &&
	adr_log -C rel --until "2 weeks ago" --format json >out.json &&
	jget out.json "[e[\"adr\"] for e in d[\"events\"]]" >actual &&
	echo 1 >want && test_cmp want actual &&
	adr_log -C rel --since yesterday --format json >out.json &&
	jget out.json "len(d[\"events\"])" >actual && echo 0 >want && test_cmp want actual &&
	adr_log -C rel --until yesterday --format json >out.json &&
	jget out.json "len(d[\"events\"])" >actual && echo 2 >want && test_cmp want actual &&
	test_expect_code 2 adr_log -C rel --since "fortnight" 2>err &&
	test_grep "^adr-log: invalid --since .fortnight.: expected a date" err
'

test_expect_success '--reverse does not apply to the charts' '
	test_expect_code 2 adr_log -C r --reverse --format mermaid 2>err &&
	test_grep "reverse does not apply to --format mermaid" err &&
	test_expect_code 2 adr_log -C r --reverse --format html 2>err
'

test_done
