/*
 * dhcp_init.c -- the rumpnet_dhcp component: the DHCP client and the
 * resolver's files.  Linking it hooks DHCP replies out of IP input and
 * stops a client when its interface is destroyed.
 */
#include "dhcp_int.h"

static int
dhcp_init(void)
{
	dhcp_client_init();
	resolvconf_init();
	ip_bootpc_input = dhcp_input;
	if_stop_hook = dhcp_if_stop_hook;
	return 0;
}

/* Needs nothing of rumpnet_inet at init: it only sets the hook. */
RUMP_COMPONENT(rumpnet_dhcp, RUMP_LEVEL_NET, dhcp_init);
