# bash completion for adr-log                               -*- shell-script -*-
#
# Installed by `make install` as .../bash-completion/completions/adr-log.
# Commands and options are read from adr-log's own --help, so they never
# drift from the program; ADR ids come from `adr-log list --format json`.

# The words of "adr-log [-C DIR] --help" under "commands:" (not "hook";
# "help" is added by the caller).
_adr_log_commands()
{
	"$1" --help 2>/dev/null |
		sed -n '/^commands:/,/^$/{s/^    \([a-z-]*\) .*/\1/p}' | grep -vx -e hook -e help
}

# The --format values a command takes (main.c's command table says the
# same; t4000 checks that each one offered is accepted).
_adr_log_formats()
{
	case $1 in
	''|timeline|show) echo text markdown json mermaid html ;;
	list|links) echo text markdown json ;;
	release-notes) echo text markdown json ;;
	index) echo markdown json ;;
	check) echo text json ;;
	esac
}

# Revisions, also after "A.." of a range (git's own completion does so).
_adr_log_revs()
{
	local cur=$1
	shift
	if [[ $cur == *..* ]]; then
		local head=${cur%..*}..
		COMPREPLY=($(compgen -P "$head" -W "HEAD $(_adr_log_refs "$@")" -- "${cur##*..}"))
	else
		COMPREPLY=($(compgen -W "HEAD $(_adr_log_refs "$@")" -- "$cur"))
	fi
}

# The long options a command's --help lists.
_adr_log_options()
{
	"$1" "${@:2}" --help 2>/dev/null |
		sed -n 's/^    \(-[A-Za-z]\)\{0,1\}\(, \)\{0,1\}\(--[a-z-]*\).*/\3/p'
}

# ADR ids at HEAD of the repository adr-log would read.
_adr_log_ids()
{
	"$@" list --format json --no-pager 2>/dev/null |
		sed -n 's/^      "id": "\([^"]*\)",$/\1/p'
}

_adr_log_refs()
{
	git "${@}" for-each-ref --format='%(refname:short)' 2>/dev/null
}

_adr_log()
{
	local cur prev words cword
	if declare -F _init_completion >/dev/null; then
		_init_completion || return
	else
		cur=${COMP_WORDS[COMP_CWORD]}
		prev=${COMP_WORDS[COMP_CWORD-1]}
		words=("${COMP_WORDS[@]}")
		cword=$COMP_CWORD
	fi

	local prog=${words[0]} cmd= i
	local -a base=("$prog") gitc=()
	# find -C DIR and the command name among the words before the cursor
	for ((i = 1; i < cword; i++)); do
		case ${words[i]} in
		-C)
			((i++))
			base+=(-C "${words[i]}")
			gitc=(-C "${words[i]}")
			;;
		--adr-dir|--format|--color)
			base+=("${words[i]}" "${words[i+1]}")
			((i++))
			;;
		-*) ;;
		*)
			cmd=${words[i]}
			break
			;;
		esac
	done

	case $prev in
	-C|--adr-dir)
		COMPREPLY=($(compgen -d -- "$cur"))
		return
		;;
	--format)
		COMPREPLY=($(compgen -W "$(_adr_log_formats "$cmd")" -- "$cur"))
		return 0
		;;
	--color)
		COMPREPLY=($(compgen -W "auto always never" -- "$cur"))
		return
		;;
	--rev|--range|--from|--to)
		_adr_log_revs "$cur" "${gitc[@]}"
		return
		;;
	--write|--template)
		COMPREPLY=($(compgen -f -- "$cur"))
		return
		;;
	--status)
		COMPREPLY=($(compgen -W "draft proposed pending accepted implemented rejected
			deprecated superseded amended withdrawn unknown deleted" -- "$cur"))
		return
		;;
	--supersedes|--amends)
		COMPREPLY=($(compgen -W "$(_adr_log_ids "${base[@]}")" -- "$cur"))
		return
		;;
	--since|--until|--author|-n|--max-count|--date|--tag-pattern|--heading-level)
		return
		;;
	esac

	if [[ -z $cmd ]]; then
		if [[ $cur == -* ]]; then
			COMPREPLY=($(compgen -W "-C $(_adr_log_options "${base[@]}") --help" -- "$cur"))
		else
			COMPREPLY=($(compgen -W "$(_adr_log_commands "${base[@]}") help" -- "$cur"))
		fi
		return
	fi

	if [[ $cur == -* ]]; then
		COMPREPLY=($(compgen -W "$(_adr_log_options "${base[@]}" "$cmd") --help" -- "$cur"))
		return
	fi
	case $cmd in
	show|links|supersede)
		COMPREPLY=($(compgen -W "$(_adr_log_ids "${base[@]}")" -- "$cur"))
		;;
	link|status)
		# the words after the command: ID, then RELATION or STATUS, then ID
		local n=0 j
		for ((j = i + 1; j < cword; j++)); do
			[[ ${words[j]} == -* ]] || ((n++))
		done
		if ((n == 1)) && [[ $cmd == link ]]; then
			COMPREPLY=($(compgen -W "Supersedes Superseded-by Amends Amended-by" -- "$cur"))
		elif ((n == 1)); then
			COMPREPLY=($(compgen -W "draft proposed accepted implemented rejected deprecated superseded amended withdrawn" -- "$cur"))
		else
			COMPREPLY=($(compgen -W "$(_adr_log_ids "${base[@]}")" -- "$cur"))
		fi
		;;
	timeline)
		_adr_log_revs "$cur" "${gitc[@]}"
		[[ $cur == *..* ]] ||
			COMPREPLY+=($(compgen -W "$(_adr_log_ids "${base[@]}")" -- "$cur"))
		;;
	check|release-notes)
		_adr_log_revs "$cur" "${gitc[@]}"
		;;
	hooks)
		COMPREPLY=($(compgen -W "install uninstall status" -- "$cur"))
		;;
	site)
		COMPREPLY=($(compgen -d -- "$cur"))	# OUTDIR
		;;
	help)
		COMPREPLY=($(compgen -W "$(_adr_log_commands "${base[@]}")" -- "$cur"))
		;;
	esac
}
complete -F _adr_log adr-log
