# tests.mk -- builds the hw test images into $(OBJDIR)/tests/hw:
#   selftest.elf  the platform self-test (selftest.c)
#   crash.elf     dies on purpose (crash.c)
#   selftest-pvh.elf  the self-test without its multiboot header, so
#                 that QEMU boots it through the PVH note
#   empty.elf     the empty multiboot kernel (empty/)
#   netif.elf     the virtio-net driver against QEMU user networking
#                 (netif.c, tests/hw/net.bats)
# From the repository root:
#	make -f tests/hw/tests.mk OBJDIR=/tmp/hwobj
# The test objects are compiled like kernel components (-fPIE, red zone,
# SSE) to check that such objects link into a static hw image.

OBJDIR ?= obj
include platforms/hw/x86_64/platform.mk

LD ?= ld
HWT_DIR := tests/hw
HWT_OUT := $(OBJDIR)/tests/hw
HWT_CFLAGS := -std=gnu11 -O2 -g -ffreestanding -nostdinc -fPIE \
	-fno-omit-frame-pointer -fno-stack-protector -Wall -Wextra -Werror \
	-Iplatforms/include

HWT_IMAGES := $(HWT_OUT)/selftest.elf $(HWT_OUT)/selftest-pvh.elf \
	$(HWT_OUT)/crash.elf $(HWT_OUT)/empty.elf $(HWT_OUT)/netif.elf

.PHONY: hw-tests
.DEFAULT_GOAL := hw-tests
# Keep the objects between runs.
.SECONDARY:
hw-tests: $(HWT_IMAGES)

$(HWT_OUT)/%.o: $(HWT_DIR)/%.c
	$(HW_MSG) CC $<
	@mkdir -p $(@D)
	$(HW_Q)$(CC) $(HWT_CFLAGS) -MMD -MP -c $< -o $@

$(HWT_OUT)/%.elf: $(HWT_OUT)/%.o $(HWT_OUT)/tsupport.o $(HW_LIB) $(HW_LDSCRIPT)
	$(HW_MSG) LD $@
	$(HW_Q)$(LD) $(HW_LDFLAGS) -o $@ $(HWT_OUT)/$*.o $(HWT_OUT)/tsupport.o $(HW_LIB)

# hw.ld minus the multiboot header (QEMU prefers multiboot when both exist).
$(HWT_OUT)/pvh.ld: $(HW_LDSCRIPT)
	@mkdir -p $(@D)
	$(HW_Q)sed 's|KEEP(\*(.boot.multiboot))||; s|/DISCARD/ : {|/DISCARD/ : { *(.boot.multiboot)|' $< > $@

$(HWT_OUT)/selftest-pvh.elf: $(HWT_OUT)/selftest.o $(HWT_OUT)/tsupport.o $(HW_LIB) $(HWT_OUT)/pvh.ld
	$(HW_MSG) LD $@
	$(HW_Q)$(LD) $(filter-out -T $(HW_LDSCRIPT),$(HW_LDFLAGS)) -T $(HWT_OUT)/pvh.ld -o $@ \
	    $(HWT_OUT)/selftest.o $(HWT_OUT)/tsupport.o $(HW_LIB)

$(HWT_OUT)/empty.o: $(HWT_DIR)/empty/empty.S
	$(HW_MSG) AS $<
	@mkdir -p $(@D)
	$(HW_Q)$(CC) -c $< -o $@

$(HWT_OUT)/empty.elf: $(HWT_OUT)/empty.o $(HWT_DIR)/empty/empty.ld
	$(HW_MSG) LD $@
	$(HW_Q)$(LD) -static -no-pie -T $(HWT_DIR)/empty/empty.ld -o $@ $<

-include $(HWT_OUT)/*.d
