#!/bin/sh
test_description='tree entry modes as git reads them (issue 12): a folder
written "040000" (zero-padded, as older tools wrote it) and a file with mode
100664 (group-writable, as old git wrote it) are a folder and a file'
. "$(dirname "$0")/../lib.sh"

# retree REV PATH MODE: the id of REV's tree with the entry at PATH given
# the mode text MODE, every tree on the way written with
# `git hash-object --literally` (git itself would normalise the mode).
retree() {
	python3 - "$@" <<-'EOPY'
	import subprocess, sys
	rev, path, mode = sys.argv[1], sys.argv[2].split("/"), sys.argv[3].encode()
	def git(*a, data=None):
	    return subprocess.run(["git"] + list(a), input=data, stdout=subprocess.PIPE,
	                          check=True).stdout
	def rewrite(tree, parts):
	    raw, out, i = git("cat-file", "tree", tree), b"", 0
	    while i < len(raw):
	        sp = raw.index(b" ", i)
	        nul = raw.index(b"\0", sp)
	        m, name, oid = raw[i:sp], raw[sp + 1:nul], raw[nul + 1:nul + 21]
	        if name == parts[0].encode():
	            if len(parts) == 1:
	                m = mode
	            else:
	                oid = bytes.fromhex(rewrite(oid.hex(), parts[1:]))
	        out += m + b" " + name + b"\0" + oid
	        i = nul + 21
	    return git("hash-object", "-t", "tree", "-w", "--literally", "--stdin",
	               data=out).decode().strip()
	print(rewrite(rev + "^{tree}", path))
	EOPY
}

# commit_tree TREE MESSAGE: commit TREE on HEAD (the index is left alone).
commit_tree() {
	test_tick &&
	git update-ref HEAD "$(git commit-tree "$1" -p HEAD -m "$2")"
}

events() {
	"$ADRLOG" -C "$1" timeline --format json >"$1.json" &&
	jget "$1.json" "[\"%s %s %s %s\" % (e[\"adr\"], e[\"from\"], e[\"to\"], e[\"commit\"][:7]) for e in d[\"events\"]]"
}

test_expect_success 'a root tree entry "040000 docs" is the ADR folder: no deletion, no re-creation' '
	git init -q pad && (cd pad &&
	 adr_commit docs/adr/0001-one.md One Proposed "add ADR-1" &&
	 adr_write docs/adr/0001-one.md One Accepted && git add docs &&
	 git commit -q -m tmp && t=$(retree HEAD docs 040000) &&
	 git reset -q --soft HEAD~1 && commit_tree $t "accept ADR-1 (zero-padded mode)" &&
	 git cat-file tree HEAD^{tree} | grep -a -q "040000 docs" &&
	 c2=$(git rev-parse --short=7 HEAD) &&
	 adr_commit docs/adr/0002-two.md Two Proposed "add ADR-2" &&
	 git log --oneline >log && test_line_count = 3 log &&
	 echo "$c2" >../c2) &&
	events pad >actual &&
	c1=$(git -C pad rev-parse --short=7 HEAD~2) c3=$(git -C pad rev-parse --short=7 HEAD) &&
	printf "1 None proposed %s\n1 proposed accepted %s\n2 None proposed %s\n" $c1 $(cat c2) $c3 >expect &&
	test_cmp expect actual &&
	jget pad.json "[\"%s %s\" % (a[\"id\"], a[\"status\"]) for a in d[\"adrs\"]]" >actual &&
	printf "1 accepted\n2 proposed\n" >expect &&
	test_cmp expect actual
'

test_expect_success 'a zero-padded folder deeper down ("040000 adr" in docs) reads the same' '
	git init -q deep && (cd deep &&
	 adr_commit docs/adr/0001-one.md One Proposed "add ADR-1" &&
	 adr_write docs/adr/0001-one.md One Accepted && git add docs &&
	 git commit -q -m tmp && t=$(retree HEAD docs/adr 040000) &&
	 git reset -q --soft HEAD~1 && commit_tree $t "accept ADR-1 (zero-padded mode)") &&
	events deep >actual &&
	printf "1 None proposed %s\n1 proposed accepted %s\n" \
		$(git -C deep rev-parse --short=7 HEAD~1) $(git -C deep rev-parse --short=7 HEAD) >expect &&
	test_cmp expect actual &&
	"$ADRLOG" -C deep show 1 >show &&
	test_grep "proposed -> accepted" show
'

test_expect_success 'an ADR with mode 100664 keeps its status events' '
	git init -q grp && (cd grp &&
	 adr_commit docs/adr/0001-one.md One Proposed "add ADR-1" &&
	 adr_write docs/adr/0001-one.md One Accepted && git add docs &&
	 git commit -q -m tmp && t=$(retree HEAD docs/adr/0001-one.md 100664) &&
	 git reset -q --soft HEAD~1 && commit_tree $t "accept ADR-1 (mode 100664)" &&
	 git cat-file tree HEAD:docs/adr | grep -a -q "100664 0001-one.md" &&
	 adr_write docs/adr/0001-one.md One Superseded && git add docs &&
	 git commit -q -m tmp && t=$(retree HEAD docs/adr/0001-one.md 100664) &&
	 git reset -q --soft HEAD~1 && commit_tree $t "supersede ADR-1 (mode 100664)") &&
	events grp >actual &&
	printf "1 None proposed %s\n1 proposed accepted %s\n1 accepted superseded %s\n" \
		$(git -C grp rev-parse --short=7 HEAD~2) $(git -C grp rev-parse --short=7 HEAD~1) \
		$(git -C grp rev-parse --short=7 HEAD) >expect &&
	test_cmp expect actual
'

test_expect_success 'an ADR added with mode 100664 is found' '
	git init -q grpadd && (cd grpadd &&
	 test_commit base README &&
	 adr_write docs/adr/0001-one.md One Proposed && git add docs &&
	 git commit -q -m tmp && t=$(retree HEAD docs/adr/0001-one.md 100664) &&
	 git reset -q --soft HEAD~1 && commit_tree $t "add ADR-1 (mode 100664)") &&
	events grpadd >actual &&
	printf "1 None proposed %s\n" $(git -C grpadd rev-parse --short=7 HEAD) >expect &&
	test_cmp expect actual
'

test_done
