# app-tools/base/build.mk -- librumprun_base.a, the start-up glue baked
# into every image (PLATFORM=hw).  Compiled with the rumprun cross
# compiler against musl, so it needs the libc stage (build-rr.sh runs it
# first).
BASE_SRCS := rumprun_main.c bootconf.c bootnet.c json.c rootfs.c stdio.c
BASE_OBJS := $(patsubst %.c,$(OBJDIR)/base/%.o,$(BASE_SRCS))
RR_CC := $(DESTDIR)/bin/$(ARCH)-rumprun-linux-musl-cc

$(OBJDIR)/base/%.o: $(TOPDIR)/app-tools/base/%.c
	@mkdir -p $(@D)
	$(Q)$(RR_CC) -std=gnu11 $(OPT) $(WARNFLAGS) -I$(TOPDIR)/include \
	    -I$(TOPDIR)/platforms/include -MMD -MP -c $< -o $@

$(OBJDIR)/lib/librumprun_base.a: $(BASE_OBJS)
	@mkdir -p $(@D)
	$(Q)rm -f $@ && $(AR) rcD $@ $(BASE_OBJS)

base: $(OBJDIR)/lib/librumprun_base.a
install-base: base
	@mkdir -p $(DESTDIR)/lib/hw-$(ARCH)
	$(Q)cp $(OBJDIR)/lib/librumprun_base.a $(DESTDIR)/lib/hw-$(ARCH)/
.PHONY: base install-base
