/*
 * abi/route.h -- the IPv4 routing ioctls' argument (SIOCADDRT,
 * SIOCDELRT, numbered in abi/if.h) as x86_64 Linux lays it out.
 */
#ifndef ABI_ROUTE_H
#define ABI_ROUTE_H

#include <kern/types.h>
#include <abi/socket.h>

#define RTF_UP 0x0001
#define RTF_GATEWAY 0x0002
#define RTF_HOST 0x0004
#define RTF_REJECT 0x0200

struct rtentry {
	unsigned long rt_pad1;
	struct sockaddr rt_dst;
	struct sockaddr rt_gateway;
	struct sockaddr rt_genmask;
	unsigned short rt_flags;
	short rt_pad2;
	unsigned long rt_pad3;
	void *rt_pad4;
	short rt_metric;
	char *rt_dev;       /* caller's string: the interface, or NULL */
	unsigned long rt_mtu;
	unsigned long rt_window;
	unsigned short rt_irtt;
};

#endif /* ABI_ROUTE_H */
