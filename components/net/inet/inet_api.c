/*
 * inet_api.c -- the public configuration calls of <rump/rump_net.h>:
 * enter the kernel, do the work, convert -errno to a positive errno.
 */
#include "inet_int.h"
#include <rump/rump_net.h>

/*
 * mask_prefixlen: the prefix length of a contiguous netmask (ones
 * counted by hand: __builtin_popcount needs libgcc, which a kernel
 * component must not).
 */
static int
mask_prefixlen(uint32_t mask)
{
	int n = 0;

	for (; mask != 0; mask &= mask - 1)
		n++;
	return n;
}

int
if_setaddr(const char *ifname, uint32_t addr, int prefixlen)
{
	struct ifnet *ifp;
	uint32_t mask, oldaddr, oldmask;
	int error;

	if (prefixlen < 1 || prefixlen > 32 || addr == 0)
		return -EINVAL;
	ifp = if_find(ifname);
	if (ifp == NULL)
		return -ENXIO;
	mask = htonl(0xffffffffu << (32 - prefixlen));
	mutex_enter(&if_lock);
	oldaddr = ifp->if_addr;
	oldmask = ifp->if_mask;
	mutex_exit(&if_lock);
	/* The old address's network route goes with it (masks are
	 * contiguous, so the prefix length is the count of ones). */
	if (oldaddr != 0)
		(void)route_del(oldaddr & oldmask, mask_prefixlen(oldmask));
	error = route_add(addr & mask, prefixlen, 0, ifp);
	if (error != 0)
		return error;
	mutex_enter(&if_lock);
	ifp->if_addr = addr;
	ifp->if_mask = mask;
	mutex_exit(&if_lock);
	arp_announce(ifp);
	return 0;
}

int
rump_net_if_setaddr(const char *ifname, uint32_t addr, int prefixlen)
{
	int error;

	if (ifname == NULL)
		return EINVAL;
	rump_schedule();
	error = if_setaddr(ifname, addr, prefixlen);
	rump_unschedule();
	return -error;
}

int
rump_net_route_add(uint32_t dst, int prefixlen, uint32_t gw)
{
	struct ifnet *ifp;
	uint32_t nexthop;
	int error;

	rump_schedule();
	error = route_lookup(gw, &ifp, &nexthop);
	/* The gateway must be on a link, not behind another gateway. */
	if (error == 0 && nexthop != gw)
		error = -ENETUNREACH;
	if (error == 0)
		error = route_add(dst, prefixlen, gw, ifp);
	rump_unschedule();
	return -error;
}

int
rump_net_route_del(uint32_t dst, int prefixlen)
{
	int error;

	rump_schedule();
	error = route_del(dst, prefixlen);
	rump_unschedule();
	return -error;
}

/* --- interface drivers (netif-hosted: components/net/virtif) --- */
int (*if_create_hook)(const char *ifname, const char *spec);
int (*if_destroy_hook)(const char *ifname);
void (*if_stop_hook)(const char *ifname);

int
rump_net_if_create(const char *ifname, const char *spec)
{
	int error;

	if (ifname == NULL || spec == NULL)
		return EINVAL;
	rump_schedule();
	error = if_create_hook != NULL ? if_create_hook(ifname, spec) :
	    -ENOTSUP;
	rump_unschedule();
	return -error;
}

int
rump_net_if_destroy(const char *ifname)
{
	int error;

	if (ifname == NULL)
		return EINVAL;
	rump_schedule();
	/* Without a driver no interface was ever created. */
	if (if_destroy_hook != NULL && if_stop_hook != NULL)
		if_stop_hook(ifname);
	error = if_destroy_hook != NULL ? if_destroy_hook(ifname) : -ENXIO;
	rump_unschedule();
	return -error;
}
