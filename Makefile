# flexpool: four programs over one library.  GNU make, no autotools.
#   make              build the programs and libpool
#   make check        all tests (unit, CLI golden, man lint, examples)
#   make demo         run the whole pipeline on the sample pool
#   make po           compile the catalogs po/*.po into lib/i18n_*.c
#   make install      PREFIX=/usr/local DESTDIR=
#   make SANITIZE=address,undefined check
#   make bench        speed and quality bars (tests/bench)

VERSION    = 0.1.0
SOVERSION  = 0
PREFIX    ?= /usr/local
BINDIR    ?= $(PREFIX)/bin
LIBDIR    ?= $(PREFIX)/lib
INCLUDEDIR ?= $(PREFIX)/include
INCDIR    ?= $(INCLUDEDIR)/pool
MANDIR    ?= $(PREFIX)/share/man
PKGCONFIGDIR ?= $(LIBDIR)/pkgconfig
PKG_CONFIG ?= pkg-config
CC        ?= cc

DEPS       = jansson yaml-0.1 libcrypto
DEPS_CFLAGS := $(shell $(PKG_CONFIG) --cflags $(DEPS) 2>/dev/null)
DEPS_LIBS   := $(shell $(PKG_CONFIG) --libs $(DEPS) 2>/dev/null || echo -ljansson -lyaml -lcrypto)

WARNINGS   = -Wall -Wextra -Werror -Wshadow -Wpointer-arith -Wstrict-prototypes \
	     -Wmissing-prototypes -Wwrite-strings -Wformat=2 -Wvla -Wno-format-nonliteral
OPT       ?= -O2 -g
ifneq ($(SANITIZE),)
SAN_FLAGS  = -fsanitize=$(SANITIZE) -fno-sanitize-recover=$(SANITIZE) -fno-omit-frame-pointer
endif
ALL_CFLAGS = -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE $(WARNINGS) $(OPT) \
	     -fPIC -Ilib -Icmd $(DEPS_CFLAGS) $(SAN_FLAGS) $(CPPFLAGS) $(CFLAGS)
ALL_LDFLAGS = $(SAN_FLAGS) $(LDFLAGS)
LIBS_ALL   = $(DEPS_LIBS) -lm $(LDLIBS)

# Everything built goes below B (default build/), so that several
# builds (plain, sanitized, clang) can sit side by side.
B         ?= build
# The programs: every cmd/pool-*.c.
PROGS      = $(patsubst cmd/%.c,%,$(sort $(wildcard cmd/pool-*.c)))
BINS       = $(addprefix $(B)/bin/,$(PROGS))
LIB_SRC    = $(sort $(wildcard lib/*.c))
LIB_OBJ    = $(patsubst %.c,$(B)/%.o,$(LIB_SRC))
LIB_HDR    = $(sort $(wildcard lib/pool*.h))
# The public headers: those libpool(3) documents.  The others belong to
# the modules of one program each and are not installed.
PUB_HDR    = lib/pool.h lib/pool_record.h lib/pool_ndjson.h lib/pool_time.h \
	     lib/pool_config.h lib/pool_rules.h
CLI_OBJ    = $(B)/cmd/cli.o
UNIT_SRC   = $(sort $(wildcard tests/unit/test_*.c))
UNIT_BIN   = $(patsubst tests/unit/%.c,$(B)/tests/%,$(UNIT_SRC))
TOOL_SRC   = $(sort $(wildcard tests/tools/*.c))
TOOL_BIN   = $(patsubst tests/tools/%.c,$(B)/tools/%,$(TOOL_SRC))
MAN_PAGES  = $(sort $(wildcard man/*.[1-8]))
LIBA       = $(B)/lib/libpool.a
LIBSO      = $(B)/lib/libpool.so.$(SOVERSION)
CMD_OBJ    = $(patsubst %,$(B)/cmd/%.o,$(PROGS)) $(CLI_OBJ)

all: $(BINS) $(LIBA) $(LIBSO) $(TOOL_BIN)

# Keep the objects of cmd/: they are not intermediates to delete.
.SECONDARY: $(CMD_OBJ)

$(B)/lib/%.o: lib/%.c $(LIB_HDR)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(B)/cmd/%.o: cmd/%.c cmd/cli.h $(LIB_HDR)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(LIBA): $(LIB_OBJ)
	rm -f $@
	$(AR) rcs $@ $(LIB_OBJ)

$(LIBSO): $(LIB_OBJ)
	$(CC) -shared -Wl,-soname,libpool.so.$(SOVERSION) $(ALL_LDFLAGS) -o $@ $(LIB_OBJ) $(LIBS_ALL)

# libpool.pc, written by `make install` with the PREFIX and directories
# of that install.  pool_record.h includes <jansson.h>, so jansson is a
# public Requires.
PC_TEXT = prefix=%s\nlibdir=%s\nincludedir=%s\n\nName: libpool\nDescription: flexpool library: records, rules, matching, apportionment\nVersion: %s\nRequires: jansson\nRequires.private: yaml-0.1 libcrypto\nLibs: -L$${libdir} -lpool\nLibs.private: -lm\nCflags: -I$${includedir}\n

$(B)/bin/%: $(B)/cmd/%.o $(CLI_OBJ) $(LIBA)
	@mkdir -p $(@D)
	$(CC) $(ALL_LDFLAGS) -o $@ $< $(CLI_OBJ) $(LIBA) $(LIBS_ALL)

$(B)/tests/test_%: tests/unit/test_%.c $(wildcard tests/unit/*.h) $(LIBA)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -Itests/unit $(ALL_LDFLAGS) -o $@ $< $(LIBA) $(LIBS_ALL)

# Helper programs of the tests and benchmarks (generators, checkers).
$(B)/tools/%: tests/tools/%.c $(LIBA)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(ALL_LDFLAGS) -o $@ $< $(LIBA) $(LIBS_ALL)

# The catalogs: po/<lang>.po is the source, lib/i18n_<lang>.c its C
# table (checked in, so that a build needs neither gettext nor awk).
PO_LANGS   = nl

po:
	for l in $(PO_LANGS); do \
	    awk -v lang=$$l -f po/po2c.awk po/$$l.po > lib/i18n_$$l.c || exit 1; done

po-check:
	@for l in $(PO_LANGS); do \
	    awk -v lang=$$l -f po/po2c.awk po/$$l.po | cmp -s - lib/i18n_$$l.c || \
	    { echo "lib/i18n_$$l.c is older than po/$$l.po: run make po"; exit 1; }; done

check: all $(UNIT_BIN) po-check
	POOL_BUILD=$(B) POOL_SANITIZE=$(SANITIZE) CC=$(CC) sh tests/check.sh

check-valgrind: all $(UNIT_BIN)
	POOL_BUILD=$(B) POOL_SANITIZE=$(SANITIZE) CC=$(CC) POOL_VALGRIND=1 sh tests/check.sh

# What CI runs besides `make check`, one target each, so that a
# developer runs exactly what CI runs.
check-fault: all
	POOL_BUILD=$(B) sh tests/fault/run.sh

check-clients: all
	POOL_BUILD=$(B) sh tests/clients/run.sh

check-install: $(BINS) $(LIBA) $(LIBSO)
	POOL_BUILD=$(B) POOL_SANITIZE=$(SANITIZE) CC=$(CC) sh tests/install.sh

lint-man:
	mandoc -Tlint -Wstyle $(MAN_PAGES)

demo:
	POOL_BUILD=$(B) sh tests/demo.sh

bench: all
	POOL_BUILD=$(B) sh tests/bench/run.sh

fuzz:
	$(MAKE) -C tests/fuzz FUZZ_SECONDS=$(FUZZ_SECONDS)

install: $(BINS) $(LIBA) $(LIBSO)
	mkdir -p $(DESTDIR)$(BINDIR) $(DESTDIR)$(LIBDIR) $(DESTDIR)$(INCDIR) \
	    $(DESTDIR)$(PKGCONFIGDIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man3 \
	    $(DESTDIR)$(MANDIR)/man5 $(DESTDIR)$(MANDIR)/man7
	install -m 0755 $(BINS) $(DESTDIR)$(BINDIR)
	install -m 0644 $(LIBA) $(DESTDIR)$(LIBDIR)
	install -m 0755 $(LIBSO) $(DESTDIR)$(LIBDIR)
	ln -sf libpool.so.$(SOVERSION) $(DESTDIR)$(LIBDIR)/libpool.so
	install -m 0644 $(PUB_HDR) $(DESTDIR)$(INCDIR)
	printf '$(PC_TEXT)' '$(PREFIX)' '$(LIBDIR)' '$(INCLUDEDIR)' '$(VERSION)' \
	    > $(DESTDIR)$(PKGCONFIGDIR)/libpool.pc
	chmod 0644 $(DESTDIR)$(PKGCONFIGDIR)/libpool.pc
	for m in $(MAN_PAGES); do \
	    s=$${m##*.}; install -m 0644 $$m $(DESTDIR)$(MANDIR)/man$$s; done

uninstall:
	cd $(DESTDIR)$(BINDIR) && rm -f $(PROGS)
	rm -f $(DESTDIR)$(LIBDIR)/libpool.a $(DESTDIR)$(LIBDIR)/libpool.so \
	    $(DESTDIR)$(LIBDIR)/libpool.so.$(SOVERSION) $(DESTDIR)$(PKGCONFIGDIR)/libpool.pc
	rm -rf $(DESTDIR)$(INCDIR)
	for m in $(MAN_PAGES); do \
	    s=$${m##*.}; rm -f $(DESTDIR)$(MANDIR)/man$$s/$${m##*/}; done

clean:
	rm -rf $(B) tests/out

.PHONY: all po po-check check check-valgrind check-fault check-clients check-install lint-man demo bench fuzz install uninstall clean
.SUFFIXES:
