/*
 * inet_init.c -- the rumpnet_inet component: IPv4 with ICMP and UDP,
 * the loopback interface and the network input thread, TCP (tcp_*.c);
 * registers AF_INET with the socket layer.
 */
#include "inet_int.h"

/* Filled in at init (the protocols' tables live in their files); the
 * first of a type is its default. */
static struct protosw inet_protosw[5];

static struct domain inet_domain = {
	.dom_family = AF_INET,
	.dom_name = "inet",
	.dom_protosw = inet_protosw,
	.dom_nprotosw = 5,
};

static int
inet_init(void)
{
	int error;

	mutex_init(&if_lock, MUTEX_DEFAULT);
	route_init();
	arp_init();
	udp_init();
	tcp_init();  /* tcp */
	inet_protosw[0] = udp_protosw;
	inet_protosw[1] = tcp_protosw;  /* tcp */
	icmp_sock_init();                        /* net-icmp */
	inet_protosw[2] = ping_protosw;          /* net-icmp */
	inet_protosw[3] = raw_noproto_protosw;   /* net-icmp: SOCK_RAW's */
	inet_protosw[4] = raw_icmp_protosw;      /* first refuses protocol 0 */
	ip_reass_init();   /* net-config */
	if_ioctl_init();   /* net-config */
	error = netisr_init();
	if (error != 0)
		return error;
	error = loop_attach();
	if (error != 0)
		return error;
	return domain_register(&inet_domain);
}

RUMP_COMPONENT(rumpnet_inet, RUMP_LEVEL_NET, inet_init);
