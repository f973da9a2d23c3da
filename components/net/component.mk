# components/net -- the socket layer (socket system calls, the domain
# registry, socket options) and AF_UNIX sockets (librumpnet.a).
# Internet protocols and interface drivers are their own components.
COMPONENTS += rumpnet
rumpnet_DIR := components/net
rumpnet_SRCS := net_init.c domain.c socket.c sockopt.c sys_socket.c \
	unix_proto.c pkt.c
rumpnet_REQUIRES := rumpsys
rumpnet_DESC := rump kernel socket layer and AF_UNIX sockets
rumpnet_KCONFIG := RUMP_NET

# Handlers include the generated prototypes (components/sys makes them).
$(patsubst %.c,$(OBJDIR)/components/net/%.o,$(rumpnet_SRCS)): | \
	$(OBJDIR)/gen/syscall_handlers.h
