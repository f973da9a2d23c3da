/*
 * inet_init.c -- the rumpnet_inet component: IPv4 with ICMP and UDP,
 * the loopback interface and the network input thread; registers
 * AF_INET with the socket layer.
 */
#include "inet_int.h"

static struct domain inet_domain = {
	.dom_family = AF_INET,
	.dom_name = "inet",
	.dom_protosw = &udp_protosw,
	.dom_nprotosw = 1,
};

static int
inet_init(void)
{
	int error;

	mutex_init(&if_lock, MUTEX_DEFAULT);
	route_init();
	arp_init();
	udp_init();
	error = netisr_init();
	if (error != 0)
		return error;
	error = loop_attach();
	if (error != 0)
		return error;
	return domain_register(&inet_domain);
}

RUMP_COMPONENT(rumpnet_inet, RUMP_LEVEL_NET, inet_init);
