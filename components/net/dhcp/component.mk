# components/net/dhcp -- the DHCP client (RFC 2131/2132) and the files
# of musl's resolver, /etc/resolv.conf and /etc/hosts (librumpnet_dhcp.a).
COMPONENTS += rumpnet_dhcp
rumpnet_dhcp_DIR := components/net/dhcp
rumpnet_dhcp_SRCS := dhcp_init.c dhcp_msg.c dhcp_io.c dhcp_client.c \
	resolvconf.c
rumpnet_dhcp_REQUIRES := rumpnet_inet rumpvfs
rumpnet_dhcp_DESC := rump kernel DHCP client and resolver configuration
rumpnet_dhcp_KCONFIG := RUMP_NET_DHCP
