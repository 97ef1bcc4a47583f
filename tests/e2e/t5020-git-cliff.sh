#!/bin/sh
test_description='contrib/git-cliff: the real git-cliff writes a changelog with each release'"'"'s decisions'
. "$(dirname "$0")/../lib.sh"

# git-cliff comes from the npm registry (scripts/bootstrap installs it).
# In CI the test must run: a missing git-cliff fails there.
if ! command -v git-cliff >/dev/null 2>&1; then
	if [ "${CI:-}" = true ]; then
		test_expect_success 'git-cliff is installed (scripts/bootstrap)' 'false'
		test_done
		exit 1
	fi
	say "skipped: git-cliff not installed (sh scripts/bootstrap installs it)"
	test_done
	exit 0
fi
# adr-log-decisions.sh runs the adr-log it finds on PATH: this build.
PATH=$(dirname "$ADRLOG"):$PATH
export PATH

test_expect_success 'setup: three releases and unreleased work, the contrib files copied in' '
	git-cliff --version >version && test_grep "^git-cliff 2\." version &&
	git init -q repo && cd repo &&
	mkdir -p contrib/git-cliff &&
	cp "$ADRLOG_TOP"/contrib/git-cliff/cliff.toml "$ADRLOG_TOP"/contrib/git-cliff/adr-log-decisions.sh contrib/git-cliff/ &&
	git add contrib && test_tick && git commit -q -m "chore: changelog setup" &&
	adr_commit docs/adr/0001-record-decisions.md "Record decisions" Accepted "docs: ADR-1 record decisions" &&
	adr_commit docs/adr/0002-use-nats.md "Use NATS" Proposed "docs: propose ADR-2" &&
	git tag v1.0.0 &&
	test_commit "feat: retry on reconnect (ADR-2)" src/retry.c &&
	adr_commit docs/adr/0002-use-nats.md "Use NATS" Accepted "docs: accept ADR-2" &&
	git checkout -q -b topic &&
	adr_commit docs/adr/0002-use-nats.md "Use NATS" Rejected "docs: reject ADR-2" &&
	adr_commit docs/adr/0002-use-nats.md "Use NATS" Accepted "docs: accept ADR-2 again" &&
	git checkout -q main &&
	test_tick && git merge -q --no-ff -m "Merge branch topic" topic &&
	git tag v1.1.0 &&
	test_commit "fix: typo" README.md &&
	git tag v1.2.0 &&
	adr_commit docs/adr/0003-use-scores.md "Use Scores" Proposed "docs: propose ADR-3" &&
	test_commit "feat: scores per ADR-3" deploy/score.yaml
'

c() { git -C repo log --all --format="%H %s" | sed -n "s/^\([0-9a-f]\{7\}\)[0-9a-f]* $1\$/\1/p" | head -n 1; }

test_expect_success 'the changelog shows each version'"'"'s decisions, and nothing from later versions' '
	cat >expect <<-EOF &&
	# Changelog

	## Unreleased

	### Documentation

	- propose ADR-3

	### Features

	- scores per ADR-3


	### Decisions

	#### New

	- **ADR 3: Use Scores**: new → proposed
	  - changed in \`$(c "docs: propose ADR-3")\` docs: propose ADR-3 (2023-11-14)
	  - implemented in \`$(c "feat: scores per ADR-3")\` feat: scores per ADR-3

	## v1.2.0 - 2023-11-14

	### Bug Fixes

	- typo



	## v1.1.0 - 2023-11-14

	### Documentation

	- accept ADR-2
	- reject ADR-2
	- accept ADR-2 again

	### Features

	- retry on reconnect (ADR-2)

	### Other

	- Merge branch topic


	### Decisions

	#### Accepted

	- **ADR 2: Use NATS**: proposed → accepted
	  - changed in \`$(c "docs: accept ADR-2 again")\` docs: accept ADR-2 again (2023-11-14)
	  - implemented in \`$(c "feat: retry on reconnect (ADR-2)")\` feat: retry on reconnect (ADR-2)

	## v1.0.0 - 2023-11-14

	### Documentation

	- ADR-1 record decisions
	- propose ADR-2

	### Other

	- changelog setup


	### Decisions

	#### New

	- **ADR 2: Use NATS**: new → proposed
	  - changed in \`$(c "docs: propose ADR-2")\` docs: propose ADR-2 (2023-11-14)

	#### Accepted

	- **ADR 1: Record decisions**: new → accepted
	  - changed in \`$(c "docs: ADR-1 record decisions")\` docs: ADR-1 record decisions (2023-11-14)


	EOF
	(cd repo && git-cliff --config contrib/git-cliff/cliff.toml -o ../CHANGELOG.md 2>../err) &&
	test_cmp expect CHANGELOG.md
'

test_expect_success 'the next release named with --tag (no such tag yet) gets the unreleased decisions' '
	(cd repo && git-cliff --config contrib/git-cliff/cliff.toml --unreleased --tag v1.3.0 2>/dev/null) >next.md &&
	test_grep "^## v1.3.0 - " next.md &&
	test_grep "^- \*\*ADR 3: Use Scores\*\*: new → proposed$" next.md &&
	! grep -q "adr-log-decisions" next.md
'

test_expect_success 'git-cliff --no-exec leaves the markers: each release names its range' '
	(cd repo && git-cliff --config contrib/git-cliff/cliff.toml --no-exec 2>/dev/null) >noexec.md &&
	grep -o "<!-- adr-log-decisions [^>]* -->" noexec.md >markers &&
	cat >expect <<-\EOF &&
	<!-- adr-log-decisions v1.2.0 HEAD -->
	<!-- adr-log-decisions v1.1.0 v1.2.0 -->
	<!-- adr-log-decisions v1.0.0 v1.1.0 -->
	<!-- adr-log-decisions - v1.0.0 -->
	EOF
	test_cmp expect markers
'

test_expect_success 'the script copies anything that is not its marker, options included' '
	printf "%s\n" "text" "<!-- adr-log-decisions --help HEAD -->" "<!-- adr-log-decisions v1.0.0 -->" "last" >in &&
	(cd repo && sh contrib/git-cliff/adr-log-decisions.sh) <in >out &&
	test_cmp in out
'

test_done
