# app-tools/server/build.mk -- rump_server, with every kernel component
# of this build linked in (installed as rumprun/bin/rump_server).
# Included by buildrump/Makefile for PLATFORM=posix, after the
# components and the platform.
SERVER_DIR := $(TOPDIR)/app-tools/server
SERVER_OBJDIR := $(OBJDIR)/app-tools/server
SERVER_SRCS := rump_server.c serve.c sp_io.c
SERVER_OBJS := $(patsubst %.c,$(SERVER_OBJDIR)/%.o,$(SERVER_SRCS))

$(SERVER_OBJS): $(SERVER_OBJDIR)/%.o: $(SERVER_DIR)/%.c $(GEN_HEADERS)
	@mkdir -p $(@D)
	$(Q)$(CC) $(HOST_CFLAGS) -MMD -MP \
		-DRUMP_SERVER_COMPONENTS='"$(COMPONENTS)"' -c $< -o $@

# The component list is compiled in: relink when it changes.
$(SERVER_OBJDIR)/rump_server.o: $(TOPDIR)/buildrump/Makefile

$(OBJDIR)/bin/rump_server: $(SERVER_OBJS) $(KERN_LIBS) $(PLATFORM_LIBS)
	@mkdir -p $(@D)
	$(Q)$(CC) $(HOST_CFLAGS) -o $@ $(SERVER_OBJS) \
		-Wl,--whole-archive $(KERN_LIBS) -Wl,--no-whole-archive \
		$(HOSTED_NETIF_LIBS) $(OBJDIR)/lib/librumpuser.a $(HOST_LDFLAGS)
HOSTED_PROGS += $(OBJDIR)/bin/rump_server

# The client side: librumpclient.a, librumphijack.so, rumpclient.h.
include $(TOPDIR)/app-tools/client/build.mk
include $(TOPDIR)/app-tools/hijack/build.mk

all: $(SYSPROXY_LIBS)
install: install-sysproxy
install-sysproxy: $(SYSPROXY_LIBS)
	@mkdir -p $(DESTDIR)/lib $(DESTDIR)/include/rump
	$(Q)cp $(SYSPROXY_LIBS) $(DESTDIR)/lib/
	$(Q)cp $(SYSPROXY_HEADERS) $(DESTDIR)/include/rump/
.PHONY: install-sysproxy

# Client programs of tests/server and bench/remote (librumpclient, or the
# in-process kernel for comparison).
SRVTEST_BIN := $(OBJDIR)/tests/bin
$(SRVTEST_BIN)/sp_client: $(TOPDIR)/tests/server/sp_client.c $(OBJDIR)/lib/librumpclient.a
	@mkdir -p $(@D)
	$(Q)$(CC) $(HOST_CFLAGS) -I$(CLIENT_DIR) -o $@ $< \
		$(OBJDIR)/lib/librumpclient.a $(HOST_LDFLAGS)
$(SRVTEST_BIN)/sp_fuzz: $(TOPDIR)/tests/server/sp_fuzz.c
	@mkdir -p $(@D)
	$(Q)$(CC) $(HOST_CFLAGS) -I$(SERVER_DIR) -o $@ $< $(HOST_LDFLAGS)
$(OBJDIR)/bench/remote: $(TOPDIR)/bench/remote.c $(OBJDIR)/lib/librumpclient.a
	@mkdir -p $(@D)
	$(Q)$(CC) $(HOST_CFLAGS) -I$(CLIENT_DIR) -o $@ $< \
		$(OBJDIR)/lib/librumpclient.a $(HOST_LDFLAGS)
$(OBJDIR)/bench/local: $(TOPDIR)/bench/remote.c $(KERN_LIBS) $(PLATFORM_LIBS)
	@mkdir -p $(@D)
	$(Q)$(CC) $(HOST_CFLAGS) -DBENCH_LOCAL -I$(CLIENT_DIR) -o $@ $< \
		-Wl,--whole-archive $(KERN_LIBS) -Wl,--no-whole-archive \
		$(HOSTED_NETIF_LIBS) $(OBJDIR)/lib/librumpuser.a $(HOST_LDFLAGS)
sysproxy-tests: $(OBJDIR)/bin/rump_server $(SYSPROXY_LIBS) \
	$(SRVTEST_BIN)/sp_client $(SRVTEST_BIN)/sp_fuzz \
	$(OBJDIR)/bench/remote $(OBJDIR)/bench/local
tests: sysproxy-tests
.PHONY: sysproxy-tests
