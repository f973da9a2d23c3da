# platforms/hw/build.mk -- the hw platform in the main build
# (PLATFORM=hw): librumpuser_hw.a, the linker script and the description
# rumprun-bake reads (lib/hw-ARCH/platform.conf), plus the kernel
# self-test image and the launcher's KVM probe image.
HW_TOP := $(TOPDIR)
include $(TOPDIR)/platforms/hw/$(ARCH)/platform.mk
ifneq ($(V),1)
HW_MSG := @true
endif

PLATFORM_LIBS += $(HW_LIB)
HW_INSTDIR := $(DESTDIR)/lib/hw-$(ARCH)

$(OBJDIR)/platform.conf: $(TOPDIR)/platforms/hw/build.mk
	@mkdir -p $(@D)
	$(Q){ echo '# platform.conf -- how rumprun-bake links for hw-$(ARCH) (sourced; $$RR is the install).'; \
	  echo 'pdir=$$RR/lib/hw-$(ARCH)'; \
	  echo 'PLATFORM_LDFLAGS="-no-pie -z noexecstack -T $$pdir/hw.ld"'; \
	  echo 'PLATFORM_START='; \
	  echo 'PLATFORM_LIBS="$$pdir/librumpuser_hw.a"'; \
	  echo 'SYSROOT=$$RR/$(ARCH)-rumprun-linux-musl'; \
	  echo 'LIBGCC=$(shell $(CC) -print-libgcc-file-name)'; } > $@

# The platform's own self-test doubles as the launcher's KVM probe: it
# uses vector registers and thread switches, which is what a broken
# nested /dev/kvm fails on.
HWT_CFLAGS := -std=gnu11 -O2 -g -ffreestanding -nostdinc -fPIE \
	-fno-omit-frame-pointer -fno-stack-protector $(WARNFLAGS) \
	-I$(TOPDIR)/platforms/include
$(OBJDIR)/tests/hw/%.o: $(TOPDIR)/tests/hw/%.c
	@mkdir -p $(@D)
	$(Q)$(CC) $(HWT_CFLAGS) -Wno-missing-prototypes -MMD -MP -c $< -o $@
$(OBJDIR)/probe.img: $(OBJDIR)/tests/hw/selftest.o $(OBJDIR)/tests/hw/tsupport.o $(HW_LIB)
	$(Q)$(LD) $(HW_LDFLAGS) -o $@ $^

# The kernel self-tests (tests/*/ktest_*.c), booted: one source of tests,
# two hosts.
$(OBJDIR)/tests/ktest/runner_hw.o: $(TOPDIR)/tests/ktest/runner_hw.c
	@mkdir -p $(@D)
	$(Q)$(CC) $(KERN_CFLAGS) -MMD -MP -c $< -o $@
$(OBJDIR)/ktest.img: $(OBJDIR)/tests/ktest/runner_hw.o $(OBJDIR)/lib/librumpktest.a $(KERN_LIBS) $(HW_LIB)
	$(Q)$(LD) $(HW_LDFLAGS) -o $@ $< --whole-archive $(OBJDIR)/lib/librumpktest.a \
	    $(KERN_LIBS) --no-whole-archive $(HW_LIB) $(shell $(CC) -print-libgcc-file-name)

include $(TOPDIR)/app-tools/base/build.mk

PLATFORM_EXTRA := $(OBJDIR)/platform.conf $(OBJDIR)/probe.img
hw-tests: $(OBJDIR)/ktest.img

install-platform: $(PLATFORM_LIBS) $(PLATFORM_EXTRA)
	@mkdir -p $(HW_INSTDIR) $(DESTDIR)/share/rumprun
	$(Q)cp $(HW_LIB) $(HW_LDSCRIPT) $(OBJDIR)/platform.conf \
	    $(TOPDIR)/platforms/hw/$(ARCH)/qemu-status.sh $(HW_INSTDIR)/
	$(Q)cp $(OBJDIR)/probe.img $(DESTDIR)/share/rumprun/probe.img
.PHONY: install-platform hw-tests
