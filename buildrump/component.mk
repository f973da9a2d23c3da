# buildrump/component.mk -- how a kernel component becomes an archive.
#
# A component's fragment (components/<path>/component.mk) sets, for its
# archive name NAME (librNAME.a, e.g. rumpfs_tmpfs):
#   COMPONENTS += NAME
#   NAME_DIR := components/<path>      sources are relative to it
#   NAME_SRCS := a.c b.c               C sources
#   NAME_GENSRCS := ...                generated sources (under OBJDIR)
#   NAME_REQUIRES := rumpvfs ...       components it needs (pkg-config)
#   NAME_DESC := one line for pkg-config
#
# The objects are linked into one relocatable object, so that pulling the
# archive's anchor symbol (rump_component_NAME) pulls all of it, and then
# every global not in the rump_/rumpuser_ namespace is renamed rumpns_*.

define component_rules
$(1)_OBJS := $$(patsubst %.c,$$(OBJDIR)/$$($(1)_DIR)/%.o,$$($(1)_SRCS)) \
	$$(patsubst %.c,%.o,$$($(1)_GENSRCS))

$$(OBJDIR)/lib/lib$(1).a: $$($(1)_OBJS) $$(TOPDIR)/buildrump/rumpns.sh
	@mkdir -p $$(@D)
	$$(Q)$$(LD) -r -o $$(OBJDIR)/lib/$(1).o $$($(1)_OBJS)
	$$(Q)NM=$$(NM) OBJCOPY=$$(OBJCOPY) sh $$(TOPDIR)/buildrump/rumpns.sh $$(OBJDIR)/lib/$(1).o
	$$(Q)rm -f $$@ && $$(AR) rcD $$@ $$(OBJDIR)/lib/$(1).o

$$(OBJDIR)/lib/pkgconfig/$(1).pc: $$(TOPDIR)/buildrump/mkpc.sh $$(TOPDIR)/$$($(1)_DIR)/component.mk
	@mkdir -p $$(@D)
	$$(Q)sh $$(TOPDIR)/buildrump/mkpc.sh "$(1)" "$$($(1)_DESC)" "$$($(1)_REQUIRES)" $$(or $$($(1)_PCKIND),component) > $$@

KERN_LIBS += $$(OBJDIR)/lib/lib$(1).a
PCFILES += $$(OBJDIR)/lib/pkgconfig/$(1).pc
endef

$(OBJDIR)/components/%.o: $(TOPDIR)/components/%.c
	@mkdir -p $(@D)
	$(Q)$(CC) $(KERN_CFLAGS) -MMD -MP -c $< -o $@

$(OBJDIR)/gen/%.o: $(OBJDIR)/gen/%.c
	@mkdir -p $(@D)
	$(Q)$(CC) $(KERN_CFLAGS) -MMD -MP -c $< -o $@
