# app-tools/client/build.mk -- librumpclient.a: rump_sys_*() served by a
# rump_server (installed as rumprun/lib/librumpclient.a and
# rumprun/include/rump/rumpclient.h).  The typed wrappers are the
# kernel build's generated rump_sys_wrappers.o: they only call
# rump_syscall() and rumpuser_seterrno(), which the client provides.
CLIENT_DIR := $(TOPDIR)/app-tools/client
CLIENT_OBJDIR := $(OBJDIR)/app-tools/client
CLIENT_OBJS := $(CLIENT_OBJDIR)/rumpclient.o $(CLIENT_OBJDIR)/sp_io.o

$(CLIENT_OBJDIR)/rumpclient.o: $(CLIENT_DIR)/rumpclient.c
	@mkdir -p $(@D)
	$(Q)$(CC) $(HOST_CFLAGS) -fPIC -MMD -MP -I$(TOPDIR)/app-tools/server \
		-c $< -o $@
$(CLIENT_OBJDIR)/sp_io.o: $(TOPDIR)/app-tools/server/sp_io.c
	@mkdir -p $(@D)
	$(Q)$(CC) $(HOST_CFLAGS) -fPIC -MMD -MP -c $< -o $@

$(OBJDIR)/lib/librumpclient.a: $(CLIENT_OBJS) $(OBJDIR)/lib/librumpsys.a
	@mkdir -p $(@D)
	$(Q)rm -f $@ && $(AR) rcD $@ $(CLIENT_OBJS) $(OBJDIR)/gen/rump_sys_wrappers.o

SYSPROXY_LIBS += $(OBJDIR)/lib/librumpclient.a
SYSPROXY_HEADERS += $(CLIENT_DIR)/rumpclient.h
