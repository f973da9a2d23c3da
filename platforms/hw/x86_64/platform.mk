# platform.mk -- GNU make fragment building the hw platform for x86_64:
# $(OBJDIR)/librumpuser_hw.a, all platform objects including the boot
# code.  Standalone use, from the repository root:
#
#	make -f platforms/hw/x86_64/platform.mk OBJDIR=/tmp/hwobj
#
# Link an image (docs/platform-hw.md):
#	ld -static -no-pie -T platforms/hw/x86_64/hw.ld -o img.elf \
#	    <objects> $(OBJDIR)/librumpuser_hw.a
#
# Variables for the main build: HW_SRCS, HW_ASM_SRCS, HW_CFLAGS,
# HW_ASFLAGS, HW_LIB, HW_LDSCRIPT, HW_LDFLAGS.  V=1 shows commands.

OBJDIR ?= obj
HW_TOP ?= .
CC ?= cc
AR ?= ar
NM ?= nm

HW_DIR := $(HW_TOP)/platforms/hw
HW_ARCH_DIR := $(HW_DIR)/x86_64

HW_GENERIC_SRCS := clock.c console.c cv.c files.c hyp.c main.c malloc.c \
	mutex.c page.c panic.c param.c pci.c printf.c random.c rwlock.c \
	sched.c string.c thread.c virtio_blk.c virtio_net.c virtio_pci.c \
	virtio_rng.c virtq.c
HW_ARCH_SRCS := acpi.c bootinfo.c context.c cpu.c exit.c i8259.c idt.c \
	ioapic.c lapic.c pagetable.c pci_conf.c pci_intr.c rdrand.c rtc.c \
	serial.c start.c trap.c tsc.c
HW_SRCS := $(addprefix $(HW_DIR)/,$(HW_GENERIC_SRCS)) \
	$(addprefix $(HW_ARCH_DIR)/,$(HW_ARCH_SRCS))
HW_ASM_SRCS := $(addprefix $(HW_ARCH_DIR)/,boot.S switch.S vectors.S)

HW_LIB := $(OBJDIR)/librumpuser_hw.a
HW_LDSCRIPT := $(HW_ARCH_DIR)/hw.ld
HW_LDFLAGS := -static -no-pie -z noexecstack -T $(HW_LDSCRIPT)

# Platform code: freestanding, no red zone (interrupts use IST stacks,
# but the platform also runs the interrupt path itself), no vector
# registers anywhere (so handlers need not save them), frame pointers
# for exception backtraces, non-PIC small code model (image < 2 GiB).
HW_CLANG := $(findstring clang,$(shell $(CC) --version 2>/dev/null))
HW_CFLAGS := -std=gnu11 -O2 -g -ffreestanding -nostdinc -fno-builtin \
	-fno-stack-protector -fno-pic -fno-pie -mcmodel=small -mno-red-zone \
	-mgeneral-regs-only -fno-omit-frame-pointer \
	$(if $(HW_CLANG),,-fno-tree-loop-distribute-patterns) \
	-Wall -Wextra -Werror \
	-I$(HW_TOP)/platforms/include -I$(HW_DIR)/include \
	-I$(HW_ARCH_DIR)/include
HW_ASFLAGS := -D__ASSEMBLY__ -fno-pic -fno-pie

HW_OBJDIR := $(OBJDIR)/hw
HW_OBJS := $(patsubst $(HW_TOP)/platforms/hw/%.c,$(HW_OBJDIR)/%.o,$(HW_SRCS)) \
	$(patsubst $(HW_TOP)/platforms/hw/%.S,$(HW_OBJDIR)/%.o,$(HW_ASM_SRCS))

ifeq ($(V),1)
HW_Q :=
HW_MSG := @true
else
HW_Q := @
HW_MSG := @printf '  %-6s %s\n'
endif

.PHONY: hw-lib hw-clean
hw-lib: $(HW_LIB)

$(HW_OBJDIR)/%.o: $(HW_TOP)/platforms/hw/%.c
	$(HW_MSG) CC $<
	@mkdir -p $(@D)
	$(HW_Q)$(CC) $(HW_CFLAGS) -MMD -MP -c $< -o $@

$(HW_OBJDIR)/%.o: $(HW_TOP)/platforms/hw/%.S
	$(HW_MSG) AS $<
	@mkdir -p $(@D)
	$(HW_Q)$(CC) $(HW_ASFLAGS) -MMD -MP -c $< -o $@

# The archive, after checking that its globals stay in our namespaces
# and that it needs nothing but itself and rumprun_main (a compiler-
# generated memcpy call, for example, would fail here, not at link time).
$(HW_LIB): $(HW_OBJS)
	$(HW_MSG) AR $@
	$(HW_Q)bad=$$($(NM) -g --defined-only $(HW_OBJS) | \
	    awk 'NF == 3 && $$3 !~ /^(rumphw_|rumpuser_|rumpcomp_)/ { print $$3 }'); \
	if [ -n "$$bad" ]; then \
		echo "platform.mk: globals outside rumphw_/rumpuser_/rumpcomp_: $$bad" >&2; \
		exit 1; \
	fi
	$(HW_Q)bad=$$($(NM) -u $(HW_OBJS) | \
	    awk 'NF == 2 && $$2 !~ /^(rumphw_|rumpuser_|rumprun_main$$)/ { print $$2 }' | sort -u); \
	if [ -n "$$bad" ]; then \
		echo "platform.mk: undefined symbols outside the platform: $$bad" >&2; \
		exit 1; \
	fi
	$(HW_Q)rm -f $@
	$(HW_Q)$(AR) rcs $@ $(HW_OBJS)

hw-clean:
	rm -rf $(HW_OBJDIR) $(HW_LIB)

-include $(HW_OBJS:.o=.d)
