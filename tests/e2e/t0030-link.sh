#!/bin/sh
test_description='start-up: a run opens no CA bundle, no Kerberos file and (linked statically, ADR 39) no shared library but libc; one pack reader maps each index'
. "$(dirname "$0")/../lib.sh"

# Which files a run opens, by strace (scripts/bootstrap installs it);
# LeakSanitizer cannot run under ptrace (make check-asan).
opened() {
	ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0" strace -f -qq -e trace=open,openat -o trace "$@" >/dev/null 2>&1 || return 1
	sed -n 's/^[0-9 ]*open[at]*(\(AT_FDCWD, \)\{0,1\}"\([^"]*\)".*/\2/p' trace | sort -u >opened
	test -s opened
}

test_expect_success 'setup' '
	command -v strace >/dev/null || { echo "strace is missing: run scripts/bootstrap"; return 1; } &&
	git init -q r && (cd r && adr_commit docs/adr/0001-use-c.md "1. Use C" Accepted "ADR 1")
'

# Shared libraries aside (a LINK=dynamic build loads libkrb5 and friends;
# the last test says a static one loads none).
test_expect_success 'a timeline opens neither the CA bundle nor a Kerberos or TLS file' '
	opened "$ADRLOG" -C r --no-cache timeline --format json &&
	test_grep "docs/adr|objects" opened &&
	! grep -v "\.so[.0-9]*$" opened | grep -E "^/etc/ssl|^/usr/lib/ssl|^/etc/pki|ca-certificates|krb5|gss"
'

test_expect_success 'the commit-msg hook opens none of them either' '
	printf "Change things\n" >msg &&
	(cd r && opened "$ADRLOG" hook commit-msg ../msg) &&
	! grep -v "\.so[.0-9]*$" r/opened | grep -E "^/etc/ssl|^/usr/lib/ssl|ca-certificates|krb5|gss"
'

test_expect_success 'linked statically: the shared libraries loaded are libc and the sanitizers only' '
	if ! grep -q ADRLOG_LINK_STATIC "$ADRLOG_BUILD/CFLAGS"; then say "skipped: LINK=dynamic"; return 0; fi &&
	opened "$ADRLOG" -C r --no-cache timeline --format json &&
	grep "\.so" opened | grep -v "^/etc/ld.so" >libs || : &&
	test_grep "libc\.so" libs &&
	! grep -v -E "/(libc|libasan|libubsan|libstdc\+\+|libm|libgcc_s|libdl|libpthread|librt)\.so" libs
'

# Opened by the check of every index before libgit2 reads one (packr_verify,
# unmapped at once), by libgit2, and by the one reader; two readers (the
# walk's and the blob reads') mapped a 24 MB index twice at 100k commits.
test_expect_success 'the walk and the blob reads share one pack reader' '
	(cd r && adr_commit docs/adr/0002-go.md "2. Go" Proposed "ADR 2" &&
		adr_commit docs/adr/0002-go.md "2. Go" Accepted "accept 2" &&
		git repack -q -a -d) &&
	ls r/.git/objects/pack/*.idx >idx && test_line_count = 1 idx &&
	opened "$ADRLOG" -C r --no-cache timeline --format json &&
	grep -c "^[0-9 ]*open[at]*(.*pack-[0-9a-f]*\.idx" trace >n &&
	test "$(cat n)" -le 3
'

test_done
