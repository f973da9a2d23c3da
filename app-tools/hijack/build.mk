# app-tools/hijack/build.mk -- librumphijack.so, LD_PRELOADed into
# unmodified host programs (installed as rumprun/lib/librumphijack.so).
HIJACK_DIR := $(TOPDIR)/app-tools/hijack
HIJACK_OBJDIR := $(OBJDIR)/app-tools/hijack
HIJACK_SRCS := $(wildcard $(HIJACK_DIR)/*.c)
HIJACK_OBJS := $(patsubst $(HIJACK_DIR)/%.c,$(HIJACK_OBJDIR)/%.o,$(HIJACK_SRCS))

# glibc marks path arguments nonnull; the wrappers still check, since the
# callers are programs we do not know.
HIJACK_NONNULL := $(if $(filter 1,$(CC_IS_CLANG)),\
	-Wno-tautological-pointer-compare -Wno-pointer-bool-conversion,\
	-Wno-nonnull-compare)
$(HIJACK_OBJS): $(HIJACK_OBJDIR)/%.o: $(HIJACK_DIR)/%.c
	@mkdir -p $(@D)
	$(Q)$(CC) $(HOST_CFLAGS) $(HIJACK_NONNULL) -fPIC -MMD -MP -I$(TOPDIR)/app-tools/client \
		-I$(TOPDIR)/app-tools/server -c $< -o $@

$(OBJDIR)/lib/librumphijack.so: $(HIJACK_OBJS) $(CLIENT_OBJS)
	@mkdir -p $(@D)
	$(Q)$(CC) -shared -o $@ $(HIJACK_OBJS) $(CLIENT_OBJS) -ldl $(HOST_LDFLAGS)

SYSPROXY_LIBS += $(OBJDIR)/lib/librumphijack.so
