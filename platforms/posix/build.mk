# platforms/posix/build.mk -- librumpuser.a for Linux hosts.
include $(TOPDIR)/platforms/posix/platform.mk

POSIX_OBJS := $(patsubst %.c,$(OBJDIR)/platforms/posix/%.o,$(POSIX_SRCS))

$(OBJDIR)/platforms/posix/%.o: $(TOPDIR)/platforms/posix/%.c
	@mkdir -p $(@D)
	$(Q)$(CC) $(HOST_CFLAGS) -MMD -MP -c $< -o $@

$(OBJDIR)/lib/librumpuser.a: $(POSIX_OBJS)
	@mkdir -p $(@D)
	$(Q)rm -f $@ && $(AR) rcD $@ $(POSIX_OBJS)

PLATFORM_LIBS += $(OBJDIR)/lib/librumpuser.a
# The network back ends (netif-hosted).
include $(TOPDIR)/platforms/posix/netif.mk
install-platform: $(PLATFORM_LIBS)
	@mkdir -p $(DESTDIR)/lib
	$(Q)cp $(PLATFORM_LIBS) $(DESTDIR)/lib/
.PHONY: install-platform
