# platforms/posix/netif.mk -- librumpcomp_netif.a, the hosted network
# back ends of <rumpcomp_netif.h> (tap, shared-memory bus) that the
# rumpnet_virtif component calls.  A library of its own beside
# librumpuser.a: only programs that link the interface driver need it.
# Included by platforms/posix/build.mk.
NETIF_SRCS := netif.c netif_tap.c netif_shmif.c netif_shmif_bus.c
NETIF_OBJS := $(patsubst %.c,$(OBJDIR)/platforms/posix/%.o,$(NETIF_SRCS))
NETIF_LIB := $(OBJDIR)/lib/librumpcomp_netif.a

# Only rumpcomp_* may be global here (the kernel archives leave those
# names alone; everything else would clash with the program's).  Names
# starting with "__" are the toolchain's (sanitizers).
$(NETIF_LIB): $(NETIF_OBJS)
	@mkdir -p $(@D)
	$(Q)bad=$$($(NM) -g --defined-only $(NETIF_OBJS) | \
	    awk 'NF == 3 && $$3 !~ /^(rumpcomp_|__)/ { print $$3 }'); \
	if [ -n "$$bad" ]; then \
		echo "netif.mk: globals outside rumpcomp_: $$bad" >&2; exit 1; \
	fi
	$(Q)rm -f $@ && $(AR) rcD $@ $(NETIF_OBJS)

$(OBJDIR)/lib/pkgconfig/rumpcomp_netif.pc: $(TOPDIR)/platforms/posix/netif.mk
	@mkdir -p $(@D)
	$(Q){ echo 'prefix=$${pcfiledir}/../..'; echo 'libdir=$${prefix}/lib'; \
	  echo; echo 'Name: rumpcomp_netif'; \
	  echo 'Description: hosted network back ends (tap, shared-memory bus) for rumpnet_virtif'; \
	  echo 'Version: 0.1'; echo 'Requires: rump'; \
	  echo 'Libs: -L$${libdir} -lrumpcomp_netif'; } > $@

PLATFORM_LIBS += $(NETIF_LIB)
PCFILES += $(OBJDIR)/lib/pkgconfig/rumpcomp_netif.pc
# Hosted programs that link every kernel archive link this too, between
# the kernel archives and librumpuser.a.
HOSTED_NETIF_LIBS := $(NETIF_LIB)
