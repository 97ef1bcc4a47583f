#!/bin/sh
# adr-log-decisions.sh: git-cliff's changelog postprocessor for adr-log.
#
# git-cliff pipes the rendered changelog through this script (cliff.toml:
# [changelog] postprocessors, replace_command).  Each marker line that the
# body template writes for a release,
#	<!-- adr-log-decisions PREVIOUS VERSION -->
# (PREVIOUS "-" for the first release, VERSION "HEAD" when unreleased) is
# replaced by that release's decisions: `adr-log release-notes
# PREVIOUS..VERSION` as a "### Decisions" section, or nothing when no
# decision changed and none was worked on; a blank line follows.  Every
# other line is copied.
# POSIX sh and adr-log only; ADRLOG names another adr-log binary.
adrlog=${ADRLOG:-adr-log}
nl='
'

decisions() {	# decisions FROM TO: the section's Markdown, or nothing
	if [ "$1" = - ]; then
		range=$2
	else
		range=$1..$2
	fi
	out=$(printf '{{count}}\n{{body}}' |
		"$adrlog" release-notes --heading-level 3 --template /dev/stdin "$range") ||
		return 1
	body=${out#*"$nl"}
	# a blank line ends the release either way (git-cliff trims bodies)
	if [ "$body" = "No decision changed status." ]; then
		echo
	else
		printf '### Decisions\n\n%s\n\n' "$body"
	fi
}

valid() {	# a revision name, never an option
	case $1 in '' | -* | *[!A-Za-z0-9._/+@-]*) return 1 ;; esac
}

status=0
while IFS= read -r line || [ -n "$line" ]; do
	case $line in
	'<!-- adr-log-decisions '*' -->')
		rest=${line#'<!-- adr-log-decisions '}
		rest=${rest%' -->'}
		from=${rest%% *}
		to=${rest#"$from "}
		if [ "$to" = "$rest" ] || ! valid "$to" ||
		   { [ "$from" != - ] && ! valid "$from"; }; then
			printf '%s\n' "$line"	# not a marker adr-log wrote
			continue
		fi
		# a version git-cliff made up (--tag for the next release) is not
		# a tag yet: its commits are those up to HEAD
		decisions "$from" "$to" 2>/dev/null || decisions "$from" HEAD || status=1
		;;
	*)
		printf '%s\n' "$line"
		;;
	esac
done
exit $status
