#!/bin/sh
test_description='renames at scale (issue 12, "Cost"): 200 ADRs renamed in each of
3,000 commits, exact renames and one rename with an edit; every ADR keeps one
lineage and its history (the answer is checked, not the time)'
. "$(dirname "$0")/../lib.sh"

test_expect_success 'setup: 200 ADRs, then 3,000 commits that rename all of them' '
	git init -q r &&
	python3 - 200 3000 >stream <<-\PY &&
	import sys
	n, commits = int(sys.argv[1]), int(sys.argv[2])
	out = []
	def data(s):
	    out.append("data %d\n%s\n" % (len(s.encode()), s))
	def body(i, status):
	    return ("# %d. Decision %d\n\n## Status\n\n%s\n\n## Context\n\n"
	            "Record %d%s.\n" % (i, i, status, i, "x" * (i % 7)))
	for c in range(commits + 1):
	    out.append("commit refs/heads/main\nmark :%d\n"
	               "committer T <t@example.com> %d +0000\n" % (c + 1, 1700000000 + c))
	    data("commit %d" % c)
	    if c:
	        out.append("from :%d\n" % c)
	    new, old = ("a", "b") if c % 2 == 0 else ("b", "a")
	    for i in range(1, n + 1):
	        path = "docs/adr/%04d-decision-%d-%s.md" % (i, i, new)
	        was = "docs/adr/%04d-decision-%d-%s.md" % (i, i, old)
	        if c == 0:
	            out.append("M 100644 inline %s\n" % path)
	            data(body(i, "Proposed"))
	        elif c == commits // 2 and i == 7:
	            # renamed and accepted in one commit: a rename by similarity
	            out.append("D %s\nM 100644 inline %s\n" % (was, path))
	            data(body(i, "Accepted"))
	        else:
	            out.append("R %s %s\n" % (was, path))
	    out.append("\n")
	sys.stdout.write("".join(out))
	PY
	git -C r fast-import --quiet <stream &&
	git -C r checkout -q main &&
	test $(git -C r rev-list --count HEAD) = 3001 &&
	git -C r rev-list --reverse HEAD | sed -n 1501p >accepted_at &&
	git -C r rev-list --reverse HEAD | sed -n 1p >created_at
'

test_expect_success 'timeline: 200 ADRs, each one lineage with every commit an edit' '
	adr_log -C r --no-cache timeline --format json >out.json &&
	jget out.json "len(d[\"adrs\"])" >actual &&
	echo 200 >expect &&
	test_cmp expect actual &&
	jget out.json "sorted(set(len(a[\"edits\"]) for a in d[\"adrs\"]))" >actual &&
	echo 3001 >expect &&
	test_cmp expect actual &&
	jget out.json "sorted(set(a[\"path\"][-5:] for a in d[\"adrs\"]))" >actual &&
	echo "-a.md" >expect &&
	test_cmp expect actual
'

test_expect_success 'no ADR was deleted or created again; ADR 7 accepted at the edit' '
	jget out.json "[\"%s %s %s\" % (e[\"adr\"], e[\"from\"], e[\"to\"]) for e in d[\"events\"] if e[\"to\"] != \"proposed\" or e[\"from\"] is not None]" >actual &&
	echo "7 proposed accepted" >expect &&
	test_cmp expect actual &&
	jget out.json "[h[\"commit\"] for a in d[\"adrs\"] if a[\"id\"] == \"7\" for h in a[\"history\"]]" >actual &&
	cat created_at accepted_at >expect &&
	test_cmp expect actual &&
	jget out.json "len(d[\"events\"])" >actual &&
	echo 201 >expect &&
	test_cmp expect actual
'

test_done
