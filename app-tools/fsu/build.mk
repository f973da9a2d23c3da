# app-tools/fsu/build.mk -- the fs-utils tools: one program with every
# kernel component of this build linked in, installed as
# rumprun/bin/fsu plus a hard link per tool (fsu_ls, fsu_cat, ...).
# Included by buildrump/Makefile for PLATFORM=posix, after the
# components and the platform.
FSU_DIR := $(TOPDIR)/app-tools/fsu
FSU_OBJDIR := $(OBJDIR)/app-tools/fsu
FSU_SRCS := fsu.c fsu_common.c fsu_side.c fsu_names.c fsu_mode.c \
	fsu_copy.c fsu_cp.c fsu_cat.c fsu_ls.c fsu_mkdir.c fsu_rm.c fsu_mv.c \
	fsu_chmod.c fsu_stat.c fsu_find.c fsu_du.c
FSU_OBJS := $(patsubst %.c,$(FSU_OBJDIR)/%.o,$(FSU_SRCS))
FSU_LIBS := $(foreach l,$(KERN_LIBS),$(if $(filter librumpnet% \
	librumpkern_sysproxy%,$(notdir $(l))),,$(l)))
FSU_TOOLS := cat chmod chown cp du find get ln ls mkdir mv put rm rmdir \
	stat touch write

$(FSU_OBJS): $(FSU_OBJDIR)/%.o: $(FSU_DIR)/%.c $(GEN_HEADERS)
	@mkdir -p $(@D)
	$(Q)$(CC) $(HOST_CFLAGS) -MMD -MP -c $< -o $@

$(OBJDIR)/bin/fsu: $(FSU_OBJS) $(FSU_LIBS) $(PLATFORM_LIBS)
	@mkdir -p $(@D)
	$(Q)$(CC) $(HOST_CFLAGS) -o $@ $(FSU_OBJS) \
		-Wl,--whole-archive $(FSU_LIBS) -Wl,--no-whole-archive \
		$(OBJDIR)/lib/librumpuser.a $(HOST_LDFLAGS) -lm
	$(Q)for t in $(FSU_TOOLS); do ln -f $@ $(@D)/fsu_$$t; done
HOSTED_PROGS += $(OBJDIR)/bin/fsu

# HOSTED_PROGS are copied to DESTDIR/bin; the tool names link to the copy.
install: install-fsu
install-fsu: $(OBJDIR)/bin/fsu
	@mkdir -p $(DESTDIR)/bin
	$(Q)cp $(OBJDIR)/bin/fsu $(DESTDIR)/bin/fsu.new && \
		mv -f $(DESTDIR)/bin/fsu.new $(DESTDIR)/bin/fsu
	$(Q)for t in $(FSU_TOOLS); do ln -f $(DESTDIR)/bin/fsu $(DESTDIR)/bin/fsu_$$t; done
.PHONY: install-fsu

# tests/fsu/fsu.bats runs the tools from OBJDIR/bin.
tests: $(OBJDIR)/bin/fsu
