# buildrump/config.mk -- tools and flags.  Our own flags only: the
# caller's CFLAGS are not used for kernel code (EXTRA_CFLAGS is the knob).

CC ?= cc
ifeq ($(origin CC),default)
CC := cc
endif
LD ?= ld
AR ?= ar
NM ?= nm
OBJCOPY ?= objcopy

CC_IS_CLANG := $(shell $(CC) --version 2>/dev/null | grep -q clang && echo 1)
CC_MAJOR := $(shell $(CC) -dumpversion 2>/dev/null | cut -d. -f1)

# -Werror in CI and development builds, but only with compilers this tree
# was checked with: a user's newer compiler may warn about new things,
# and that must not break their build.
WERROR_GCC_MAX := 12
WERROR_CLANG_MAX := 16
ifeq ($(WERROR),)
ifneq ($(CC_IS_CLANG),1)
WERROR := $(shell [ "$(CC_MAJOR)" -le $(WERROR_GCC_MAX) ] 2>/dev/null && echo 1)
else
WERROR := $(shell [ "$(CC_MAJOR)" -le $(WERROR_CLANG_MAX) ] 2>/dev/null && echo 1)
endif
endif
WARNFLAGS := -Wall -Wextra -Wno-unused-parameter -Wmissing-prototypes \
	-Wstrict-prototypes -Wshadow=local
ifeq ($(CC_IS_CLANG),1)
WARNFLAGS := $(filter-out -Wshadow=local,$(WARNFLAGS)) -Wshadow
endif
ifeq ($(WERROR),1)
WARNFLAGS += -Werror
endif

OPT ?= -O2 -g
ifneq ($(SANITIZE),)
SANFLAGS := -fsanitize=$(SANITIZE) -fno-omit-frame-pointer
endif

INCFLAGS := -I$(TOPDIR)/components/include -I$(TOPDIR)/include \
	-I$(TOPDIR)/platforms/include -I$(OBJDIR)/gen

# Kernel components: freestanding, position independent (they link into
# PIE host programs and static images alike), frame pointers for
# backtraces.  GCC would otherwise turn our own memset loop into a call
# of memset.
KERN_CFLAGS := -std=gnu11 $(OPT) -ffreestanding -nostdinc -fPIE \
	-fno-stack-protector -fno-common -fno-omit-frame-pointer \
	-fno-strict-aliasing $(WARNFLAGS) $(INCFLAGS) $(SANFLAGS) $(EXTRA_CFLAGS)
ifneq ($(CC_IS_CLANG),1)
KERN_CFLAGS += -fno-tree-loop-distribute-patterns
endif

# Host code (platforms/posix, tools, tests): an ordinary hosted program.
HOST_CFLAGS := -std=gnu11 $(OPT) -D_GNU_SOURCE -fPIE -pthread $(WARNFLAGS) \
	-I$(TOPDIR)/platforms/include -I$(TOPDIR)/include -I$(OBJDIR)/gen \
	$(SANFLAGS) $(EXTRA_CFLAGS)
HOST_LDFLAGS := -pthread $(SANFLAGS)

ifeq ($(V),1)
Q :=
else
Q := @
endif
