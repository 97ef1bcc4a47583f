# bash completion for adr-log                               -*- shell-script -*-
#
# Installed by `make install` as .../bash-completion/completions/adr-log.
# Commands and options are read from adr-log's own --help, so they never
# drift from the program; ADR ids come from `adr-log list --format json`.

# The words of "adr-log [-C DIR] --help" under "commands:" (not "hook").
_adr_log_commands()
{
	"$1" --help 2>/dev/null |
		sed -n '/^commands:/,/^$/{s/^    \([a-z-]*\) .*/\1/p}' | grep -vx hook
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
		COMPREPLY=($(compgen -W "text markdown json mermaid html" -- "$cur"))
		return
		;;
	--color)
		COMPREPLY=($(compgen -W "auto always never" -- "$cur"))
		return
		;;
	--rev|--range)
		COMPREPLY=($(compgen -W "HEAD $(_adr_log_refs "${gitc[@]}")" -- "$cur"))
		return
		;;
	--write)
		COMPREPLY=($(compgen -f -- "$cur"))
		return
		;;
	--since|--until|--status)
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
	show|links)
		COMPREPLY=($(compgen -W "$(_adr_log_ids "${base[@]}")" -- "$cur"))
		;;
	timeline|check|release-notes)
		COMPREPLY=($(compgen -W "HEAD $(_adr_log_refs "${gitc[@]}")" -- "$cur"))
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
