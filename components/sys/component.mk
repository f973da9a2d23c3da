# components/sys -- the Linux system call layer (librumpsys.a): the
# dispatch table generated from syscalls_x86_64.tbl, descriptors, pipes,
# poll/select/epoll, eventfd, futexes, identity, time and signals.
COMPONENTS += rumpsys
rumpsys_DIR := components/sys
rumpsys_SRCS := init.c syscall.c file.c fd.c copy.c select.c \
	sys_descrip.c sys_generic.c sys_cred.c sys_proc.c sys_resource.c \
	sys_time.c sys_misc.c sys_sched.c sig.c sigqueue.c itimer.c proc_wait.c pipe.c \
	poll.c eventfd.c epoll.c timerfd.c signalfd.c futex.c
rumpsys_GENSRCS := $(OBJDIR)/gen/syscall_table.c \
	$(OBJDIR)/gen/rump_sys_wrappers.c
rumpsys_REQUIRES := rump
rumpsys_DESC := rump kernel system call layer (Linux x86_64 ABI)

# The generator writes every output in one run; a stamp stands for the
# run, and it leaves files whose contents did not change untouched.
SYSGEN_DEPS := $(addprefix $(TOPDIR)/components/sys/,syscalls_x86_64.tbl \
	gensyscalls.sh gensyscalls.awk syscall_table.h syscalls_notes.md)
SYSGEN_OUT := $(addprefix $(OBJDIR)/gen/,syscall_table.c \
	rump_sys_wrappers.c rump_syscalls.h syscall_handlers.h syscall_table.h)

$(OBJDIR)/gen/.syscalls.stamp: $(SYSGEN_DEPS)
	@mkdir -p $(@D)
	$(Q)sh $(TOPDIR)/components/sys/gensyscalls.sh $(OBJDIR)/gen \
		$(TOPDIR)/components/sys/syscalls_x86_64.tbl $(OBJDIR)/gen/syscalls.md
	$(Q)touch $@

# Order-only: the outputs exist after the stamp ran; an output whose
# contents did not change keeps its old time, so nothing rebuilds.
$(SYSGEN_OUT): | $(OBJDIR)/gen/.syscalls.stamp ;

# Hosted programs include it as <rump/rump_syscalls.h>.
$(OBJDIR)/gen/rump/rump_syscalls.h: $(OBJDIR)/gen/rump_syscalls.h
	@mkdir -p $(@D)
	$(Q)cp $< $@

GEN_HEADERS += $(OBJDIR)/gen/rump/rump_syscalls.h

$(OBJDIR)/lib/librumpsys.a: $(OBJDIR)/gen/rump/rump_syscalls.h
# The system call layer's self-tests use its internal header too.
$(patsubst $(TOPDIR)/%.c,$(OBJDIR)/%.o,$(wildcard $(TOPDIR)/tests/sys/ktest_*.c)): | \
	$(OBJDIR)/gen/syscall_handlers.h
rumpsys_KCONFIG := RUMP_SYS
rumpsys_SRCS += sys_arch_x86_64.c
rumpsys_SRCS += vm_mmap.c
rumpsys_SRCS += clone.c

# Keep this rule last: it names the objects of rumpsys_SRCS as it stands
# here.  Handlers include the generated prototypes and table header.
$(patsubst %.c,$(OBJDIR)/components/sys/%.o,$(rumpsys_SRCS)): | \
	$(OBJDIR)/gen/syscall_handlers.h $(OBJDIR)/gen/syscall_table.h
