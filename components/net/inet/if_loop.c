/*
 * if_loop.c -- lo0, the loopback interface: 127.0.0.1/8, packets sent
 * to it are queued for input on the network thread (never delivered
 * from inside the sender's call, so no protocol re-enters itself).
 */
#include "inet_int.h"

static struct ifnet loif = {
	.if_name = "lo0",
	.if_flags = IFF_UP | IFF_LOOPBACK,
	.if_mtu = 65536,
};

static int
loop_output(struct ifnet *ifp, struct pkt *p, uint32_t nexthop)
{
	(void)nexthop;
	p->pk_rcvif = ifp;
	netisr_enqueue(p);
	return 0;
}

int
loop_attach(void)
{
	int error;

	loif.if_output = loop_output;
	loif.if_addr = htonl(INADDR_LOOPBACK);
	loif.if_mask = htonl(0xff000000);
	error = if_attach(&loif);
	if (error != 0)
		return error;
	return route_add(htonl(0x7f000000), 8, 0, &loif);
}
