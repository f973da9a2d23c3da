# components/net/inet -- IPv4: interfaces and loopback, routing, IP
# input/output, ICMP and UDP sockets (librumpnet_inet.a).
COMPONENTS += rumpnet_inet
rumpnet_inet_DIR := components/net/inet
rumpnet_inet_SRCS := inet_init.c if.c if_loop.c netisr.c route.c \
	ip_input.c ip_output.c icmp.c udp.c \
	inet_api.c if_ether.c arp.c \
	ip_reass.c if_ioctl.c in_sockaddr.c
# net-icmp: ping and raw ICMP sockets (internals in icmp_var.h)
rumpnet_inet_SRCS += icmp_sock.c icmp_ping.c icmp_raw.c
# what UDP and the ICMP sockets share (dgram_sock.h)
rumpnet_inet_SRCS += dgram_sock.c
rumpnet_inet_REQUIRES := rumpnet
rumpnet_inet_DESC := rump kernel IPv4 stack (loopback, ICMP, UDP, TCP)
rumpnet_inet_KCONFIG := RUMP_NET_INET
# tcp: TCP (tcp_*.c, internals in tcp_var.h)
rumpnet_inet_SRCS += tcp_subr.c tcp_sbuf.c tcp_input.c tcp_reass.c \
	tcp_output.c tcp_timer.c tcp_usrreq.c
