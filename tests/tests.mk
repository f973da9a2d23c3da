# tests/tests.mk -- test programs (included by buildrump/Makefile).
#
#  tests/ktest/ktest.c, tests/*/ktest_*.c   kernel self-tests, compiled as
#      kernel code into librumpktest.a; run hosted by tests/ktest/runner_cmocka.c
#      and inside images by the hw platform's runner
#  tests/posix/test_*.c       cmocka tests of librumpuser alone (fake upcalls)
#  tests/<dir>/test_*.c       cmocka tests of the hosted kernel (all components)
#  tests/<dir>/prog_*.c       helper programs that bats tests drive
TBIN := $(OBJDIR)/tests/bin

KTEST_SRCS := $(TOPDIR)/tests/ktest/ktest.c $(sort $(wildcard $(TOPDIR)/tests/*/ktest_*.c))
KTEST_OBJS := $(patsubst $(TOPDIR)/%.c,$(OBJDIR)/%.o,$(KTEST_SRCS))

$(KTEST_OBJS): $(OBJDIR)/%.o: $(TOPDIR)/%.c
	@mkdir -p $(@D)
	$(Q)$(CC) $(KERN_CFLAGS) -MMD -MP -c $< -o $@

$(OBJDIR)/lib/librumpktest.a: $(KTEST_OBJS) $(TOPDIR)/buildrump/rumpns.sh
	@mkdir -p $(@D)
	$(Q)$(LD) -r -o $(OBJDIR)/lib/rumpktest.o $(KTEST_OBJS)
	$(Q)NM=$(NM) OBJCOPY=$(OBJCOPY) sh $(TOPDIR)/buildrump/rumpns.sh $(OBJDIR)/lib/rumpktest.o
	$(Q)rm -f $@ && $(AR) rcD $@ $(OBJDIR)/lib/rumpktest.o

HOSTTEST_SRCS := $(filter-out $(TOPDIR)/tests/posix/%,\
	$(sort $(wildcard $(TOPDIR)/tests/*/test_*.c $(TOPDIR)/tests/*/prog_*.c)))
POSIXTEST_SRCS := $(sort $(wildcard $(TOPDIR)/tests/posix/test_*.c))

# Everything kernel, whole, so every component's link set is present.
KERN_LINK := -Wl,--whole-archive $(KERN_LIBS) -Wl,--no-whole-archive \
	$(HOSTED_NETIF_LIBS) $(OBJDIR)/lib/librumpuser.a

$(TBIN)/ktest: $(TOPDIR)/tests/ktest/runner_cmocka.c $(OBJDIR)/lib/librumpktest.a $(KERN_LIBS) $(PLATFORM_LIBS)
	@mkdir -p $(@D)
	$(Q)$(CC) $(HOST_CFLAGS) -o $@ $< -Wl,--whole-archive \
		$(OBJDIR)/lib/librumpktest.a -Wl,--no-whole-archive $(KERN_LINK) \
		-lcmocka $(HOST_LDFLAGS)

# Tests of host-side code name the sources they test here.
$(TBIN)/test_json: TEST_EXTRA_SRCS := $(TOPDIR)/app-tools/base/json.c

$(TBIN)/%: $(TOPDIR)/tests/*/%.c $(KERN_LIBS) $(PLATFORM_LIBS)
	@mkdir -p $(@D)
	$(Q)$(CC) $(HOST_CFLAGS) -o $@ $(filter %/$*.c,$(HOSTTEST_SRCS)) \
		$(TEST_EXTRA_SRCS) $(KERN_LINK) -lcmocka $(HOST_LDFLAGS)

# Fuzz targets (clang's libFuzzer); tests/fuzz/run.sh runs them bounded.
$(OBJDIR)/fuzz/fuzz_json: $(TOPDIR)/tests/fuzz/fuzz_json.c $(TOPDIR)/app-tools/base/json.c
	@mkdir -p $(@D)
	$(Q)clang -g -O1 -fsanitize=fuzzer,address,undefined -o $@ $^

# fuzz_ext2 runs the whole hosted kernel.  For coverage inside the kernel
# and sanitizer checks there, build its OBJDIR with clang:
#   make -f buildrump/Makefile OBJDIR=... CC=clang SANITIZE=address,undefined \
#       EXTRA_CFLAGS=-fsanitize=fuzzer-no-link fuzz
$(OBJDIR)/fuzz/fuzz_ext2: $(TOPDIR)/tests/fuzz/fuzz_ext2.c $(KERN_LIBS) $(PLATFORM_LIBS)
	@mkdir -p $(@D)
	$(Q)clang -g -O1 -fsanitize=fuzzer,address,undefined -D_GNU_SOURCE \
		-I$(TOPDIR)/include -I$(OBJDIR)/gen -o $@ $< $(KERN_LINK) -pthread

# --- ext2-crash+netfuzz: hostile frames into the network input path.
# The harness is the interface's back end (it defines rumpcomp_netif_*),
# so librumpcomp_netif.a is not linked.  Instrumenting the kernel as for
# fuzz_ext2 gives libFuzzer coverage inside the stack: tests/fuzz/run.sh
# builds "fuzz-net" in an OBJDIR of its own with CC=clang.
NETINPUT_SRCS := $(TOPDIR)/tests/fuzz/fuzz_netinput.c \
	$(TOPDIR)/tests/fuzz/netinput_frames.c
$(OBJDIR)/fuzz/fuzz_netinput: $(NETINPUT_SRCS) $(TOPDIR)/tests/fuzz/netinput_frames.h $(KERN_LIBS) $(PLATFORM_LIBS)
	@mkdir -p $(@D)
	$(Q)clang -g -O1 -Wall -Wextra -Werror \
		-fsanitize=fuzzer,address,undefined -D_GNU_SOURCE \
		-I$(TOPDIR)/include -I$(TOPDIR)/platforms/include \
		-I$(OBJDIR)/gen -o $@ $(NETINPUT_SRCS) \
		-Wl,--whole-archive $(KERN_LIBS) -Wl,--no-whole-archive \
		$(OBJDIR)/lib/librumpuser.a -pthread
# The seed generator (its output is kept in tests/fuzz/corpus/netinput/).
$(OBJDIR)/fuzz/netinput_seeds: $(TOPDIR)/tests/fuzz/netinput_seeds.c $(TOPDIR)/tests/fuzz/netinput_frames.c $(TOPDIR)/tests/fuzz/netinput_frames.h
	@mkdir -p $(@D)
	$(Q)$(CC) -O1 -Wall -Wextra -Werror -o $@ $(filter %.c,$^)
fuzz-net: $(OBJDIR)/fuzz/fuzz_netinput
.PHONY: fuzz-net
# --- end ext2-crash+netfuzz

fuzz: $(OBJDIR)/fuzz/fuzz_json $(OBJDIR)/fuzz/fuzz_ext2
.PHONY: fuzz

# The system call fuzzer: tests/fuzz/syscalls.sh builds it into an
# OBJDIR made with SANITIZE=address,undefined and runs it bounded.
$(OBJDIR)/fuzz/syscall_fuzz: $(TOPDIR)/tests/fuzz/syscall_fuzz.c $(KERN_LIBS) $(PLATFORM_LIBS)
	@mkdir -p $(@D)
	$(Q)$(CC) $(HOST_CFLAGS) -o $@ $< $(KERN_LINK) $(HOST_LDFLAGS)

syscall-fuzz: $(OBJDIR)/fuzz/syscall_fuzz
.PHONY: syscall-fuzz

$(TBIN)/posix_%: $(TOPDIR)/tests/posix/%.c $(TOPDIR)/tests/posix/fakehyp.c $(OBJDIR)/lib/librumpuser.a
	@mkdir -p $(@D)
	$(Q)$(CC) $(HOST_CFLAGS) -I$(TOPDIR)/tests/posix -o $@ $< \
		$(TOPDIR)/tests/posix/fakehyp.c $(OBJDIR)/lib/librumpuser.a \
		-lcmocka $(HOST_LDFLAGS)

TEST_PROGS := $(TBIN)/ktest \
	$(patsubst $(TOPDIR)/tests/%.c,$(TBIN)/%,$(notdir $(HOSTTEST_SRCS:.c=))) \
	$(patsubst %,$(TBIN)/posix_%,$(notdir $(POSIXTEST_SRCS:.c=)))
TEST_PROGS := $(TBIN)/ktest $(addprefix $(TBIN)/,$(notdir $(HOSTTEST_SRCS:.c=))) \
	$(addprefix $(TBIN)/posix_,$(notdir $(POSIXTEST_SRCS:.c=)))

tests: all $(TEST_PROGS)
.PHONY: tests
