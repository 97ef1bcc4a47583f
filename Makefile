# adr-log — build, test and install.
#
#   make                 ./adr-log
#   make check           the whole test suite (unit + end-to-end); last line
#                        "N passed, N failed"
#   make check-asan      the same suite under AddressSanitizer + UBSan
#                        (T='t81* t92*': only those scripts; check-asan-hostile:
#                        the hostile-input cases of issue 12)
#   make fuzz            libFuzzer targets (clang), FUZZ_SECONDS each
#   make install         PREFIX=/usr/local DESTDIR=
#
# Objects go to $(BUILD)/ so that sanitized and normal builds never mix.

PREFIX     ?= /usr/local
BINDIR     ?= $(PREFIX)/bin
MANDIR     ?= $(PREFIX)/share/man
DATADIR    ?= $(PREFIX)/share
DESTDIR    ?=
PKG_CONFIG ?= pkg-config
PKGS        = libgit2 libcmark zlib
CC         ?= cc
BUILD      ?= build
V          ?=
ifeq ($(V),)
Q_CC        = @echo "  CC      $@";
Q_LD        = @echo "  LINK    $@";
endif

CFLAGS     ?= -O2 -g
WARNINGS    = -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
              -Wwrite-strings -Wvla -Wformat=2 -Wno-format-nonliteral \
              -Wdeclaration-after-statement
WERROR     ?= -Werror
PKG_CFLAGS := $(shell $(PKG_CONFIG) --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   := $(shell $(PKG_CONFIG) --libs $(PKGS) 2>/dev/null || echo -lgit2 -lcmark -lz)

# How adr-log links libgit2, cmark and zlib (ADR 39).  LINK=static, the
# default where every archive below is installed (Debian's -dev packages
# ship them): into the executable, so that a run loads no shared library
# but libc.  Start-up drops from ~2.1 ms to ~0.8 ms, which is most of a
# small repository's run and of what the hook adds to `git commit`.
# src/nonet.c stands in for GSSAPI, which Debian ships no archive of.
# LINK=dynamic: the shared libraries pkg-config names (for packagers, or a
# libgit2 built on other dependencies).
STATIC_LIBS = git2 mbedtls mbedx509 mbedcrypto http_parser ssh2 crypto pcre2-8 cmark z
ifndef LINK
# -Bstatic is GNU ld's: elsewhere (macOS) the shared libraries, always
ifeq ($(shell uname -s),Linux)
STATIC_MISSING := $(foreach l,$(STATIC_LIBS),\
	$(if $(filter /%,$(shell $(CC) -print-file-name=lib$(l).a 2>/dev/null)),,$(l)))
LINK := $(if $(strip $(STATIC_MISSING)),dynamic,static)
else
LINK := dynamic
endif
endif
ifeq ($(LINK),static)
LINK_CFLAGS = -DADRLOG_LINK_STATIC
LINK_LIBS   = -Wl,--wrap=mbedtls_x509_crt_parse_file \
              -Wl,-Bstatic $(STATIC_LIBS:%=-l%) -Wl,-Bdynamic -lrt -lpthread
else
LINK_CFLAGS =
LINK_LIBS   = $(PKG_LIBS)
endif
VERSION    := $(shell cat VERSION 2>/dev/null || echo 0.0.0)
ALL_CFLAGS  = -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE \
              -DADRLOG_VERSION='"$(VERSION)"' $(WARNINGS) $(WERROR) \
              $(LINK_CFLAGS) $(PKG_CFLAGS) -Isrc -I$(BUILD) $(CFLAGS)
LDLIBS     += $(LINK_LIBS) -lutil

SRC        := $(sort $(wildcard src/*.c))
OBJ        := $(SRC:src/%.c=$(BUILD)/%.o)
LIB_OBJ    := $(filter-out $(BUILD)/main.o,$(OBJ))
UNIT_SRC   := $(sort $(wildcard tests/unit/*.c))
UNIT_OBJ   := $(UNIT_SRC:tests/unit/%.c=$(BUILD)/unit/%.o)
HELPER_SRC := $(sort $(wildcard tests/helper/*.c))
HELPERS    := $(HELPER_SRC:tests/helper/%.c=$(BUILD)/helper/%)

.PHONY: all check check-unit check-e2e check-asan check-asan-hostile check-layers check-man \
        fuzz install uninstall clean bench FORCE

all: adr-log

adr-log: $(BUILD)/adr-log
	@cp $< $@

$(BUILD)/adr-log: $(OBJ)
	$(Q_LD)$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $(OBJ) $(LDLIBS)

# Rebuild everything when the flags change (git's GIT-CFLAGS idea).
$(BUILD)/CFLAGS: FORCE
	@mkdir -p $(BUILD)
	@echo '$(CC) $(ALL_CFLAGS) $(LDFLAGS)' | cmp -s - $@ || \
		echo '$(CC) $(ALL_CFLAGS) $(LDFLAGS)' > $@

$(BUILD)/%.o: src/%.c $(BUILD)/CFLAGS
	@mkdir -p $(dir $@)
	$(Q_CC)$(CC) $(ALL_CFLAGS) -MMD -MP -c -o $@ $<

# The hook shims live once, in hooks/; the binary compiles them in.
$(BUILD)/hooks_shims.h: scripts/gen-shims hooks/prepare-commit-msg hooks/commit-msg hooks/pre-push
	@mkdir -p $(dir $@)
	@sh scripts/gen-shims hooks/prepare-commit-msg hooks/commit-msg hooks/pre-push >$@
$(BUILD)/hooks_install.o: $(BUILD)/hooks_shims.h

# The site's CSS and script, inlined in every page (src/site/).
SITE_ASSETS := src/site/site.css src/site/index.js
$(BUILD)/site_assets.h: scripts/gen-site-assets $(SITE_ASSETS)
	@mkdir -p $(dir $@)
	@sh scripts/gen-site-assets $(SITE_ASSETS) >$@
$(BUILD)/site.o $(BUILD)/site_index.o: $(BUILD)/site_assets.h

# The cache keys carry a hash of the sources: an adr-log built from other
# sources never trusts what this one cached, even with the same VERSION
# (ADR 12).  The header changes only when the hash does.
$(BUILD)/build_id.h: $(SRC) $(wildcard src/*.h)
	@mkdir -p $(dir $@)
	@printf '#define ADRLOG_BUILD_ID "%s"\n' \
		"$$(cat $(SRC) $(wildcard src/*.h) | cksum | cut -d' ' -f1)" >$@.tmp
	@cmp -s $@.tmp $@ && rm -f $@.tmp || mv $@.tmp $@
$(BUILD)/cache.o $(BUILD)/docmemo.o: $(BUILD)/build_id.h

$(BUILD)/unit/%.o: tests/unit/%.c $(BUILD)/CFLAGS
	@mkdir -p $(dir $@)
	$(Q_CC)$(CC) $(ALL_CFLAGS) -Itests/unit -MMD -MP -c -o $@ $<

$(BUILD)/unit-tests: $(UNIT_OBJ) $(LIB_OBJ)
	$(Q_LD)$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $(UNIT_OBJ) $(LIB_OBJ) $(LDLIBS)

$(BUILD)/helper/%: tests/helper/%.c $(BUILD)/CFLAGS
	@mkdir -p $(dir $@)
	$(Q_LD)$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $< $(PKG_LIBS) -lutil

check: adr-log $(BUILD)/unit-tests $(HELPERS)
	@ADRLOG_BUILD=$(BUILD) sh tests/run.sh

check-unit: $(BUILD)/unit-tests
	$(BUILD)/unit-tests

ASAN_FLAGS  = -O1 -g -fsanitize=address,undefined -fno-sanitize-recover=all \
              -fno-omit-frame-pointer
# One make call with explicit targets: ./adr-log (the normal build) is never
# replaced by the sanitized one.
check-asan:
	@$(MAKE) --no-print-directory BUILD=build-asan CFLAGS='$(ASAN_FLAGS)' \
		LDFLAGS='-fsanitize=address,undefined' build-asan/adr-log \
		build-asan/unit-tests $(patsubst $(BUILD)/%,build-asan/%,$(HELPERS))
	@ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
		UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
		ADRLOG=$(CURDIR)/build-asan/adr-log ADRLOG_BUILD=build-asan sh tests/run.sh $(T)

# The hostile-input cases of issue 12 alone, under the sanitizers (they are
# part of check-asan too): hostile packs and costs, work-tree safety,
# terminal and Markdown output, hook messages and sizes, tree modes; then
# the unit tests (dates, sizes, ids, modes).
HOSTILE_TESTS = 't1110*' 't2085*' 't2310*' 't4300*' 't5010*' 't6000*' 't7150*' \
                't7200*' 't7500*' 't7600*' 't7700*' 't8100*' 't9100*' 't9200*' 't9210*' 't9220*'
check-asan-hostile:
	@$(MAKE) --no-print-directory check-asan T="$(HOSTILE_TESTS)"
	@ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
		UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 build-asan/unit-tests

# The layering rule of STYLE.md: only the git layer sees git2.h, only
# parse_md.c sees cmark.h, renderers see neither.
check-layers:
	@sh scripts/check-layers

# libFuzzer targets, FUZZ_SECONDS each (scripts/fuzz has the details).
FUZZ_SECONDS ?= 60
fuzz:
	sh scripts/fuzz $(FUZZ_SECONDS)

check-man:
	@groff -man -ww -z docs/adr-log.1

install: adr-log
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 \
		$(DESTDIR)$(DATADIR)/bash-completion/completions \
		$(DESTDIR)$(DATADIR)/zsh/site-functions
	install -m 755 adr-log $(DESTDIR)$(BINDIR)/adr-log
	install -m 644 docs/adr-log.1 $(DESTDIR)$(MANDIR)/man1/adr-log.1
	if [ -f contrib/adr-log.bash ]; then install -m 644 contrib/adr-log.bash \
		$(DESTDIR)$(DATADIR)/bash-completion/completions/adr-log; fi
	if [ -f contrib/_adr-log ]; then install -m 644 contrib/_adr-log \
		$(DESTDIR)$(DATADIR)/zsh/site-functions/_adr-log; fi

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/adr-log $(DESTDIR)$(MANDIR)/man1/adr-log.1 \
		$(DESTDIR)$(DATADIR)/bash-completion/completions/adr-log \
		$(DESTDIR)$(DATADIR)/zsh/site-functions/_adr-log

clean:
	rm -rf build build-* adr-log

FORCE:

-include $(OBJ:.o=.d) $(UNIT_OBJ:.o=.d)
