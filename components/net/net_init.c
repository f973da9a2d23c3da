/*
 * net_init.c -- the rumpnet component: the socket layer and AF_UNIX.
 * Address families of other components (rumpnet_inet) register with
 * domain_register() from their own init, at a later level.
 */
#include "net_int.h"

static int
net_init(void)
{
	unix_init();
	return domain_register(&unix_domain);
}

RUMP_COMPONENT(rumpnet, RUMP_LEVEL_NET, net_init);
