/*
 * if.c -- the list of network interfaces and their IPv4 addresses.
 */
#include "inet_int.h"

kmutex_t if_lock;
static struct ifnet *ifnets;
static int if_index_next = 1;

int
if_attach(struct ifnet *ifp)
{
	mutex_enter(&if_lock);
	for (struct ifnet *i = ifnets; i != NULL; i = i->if_next) {
		if (strcmp(i->if_name, ifp->if_name) == 0) {
			mutex_exit(&if_lock);
			return -EEXIST;
		}
	}
	ifp->if_index = if_index_next++;
	if (ifp->if_maxmtu == 0)
		ifp->if_maxmtu = ifp->if_mtu;
	ifp->if_next = ifnets;
	ifnets = ifp;
	mutex_exit(&if_lock);
	return 0;
}

struct ifnet *
if_find(const char *name)
{
	struct ifnet *i;

	mutex_enter(&if_lock);
	for (i = ifnets; i != NULL; i = i->if_next)
		if (strcmp(i->if_name, name) == 0)
			break;
	mutex_exit(&if_lock);
	return i;
}

void
if_foreach(void (*fn)(struct ifnet *ifp, void *arg), void *arg)
{
	mutex_enter(&if_lock);
	for (struct ifnet *i = ifnets; i != NULL; i = i->if_next)
		fn(i, arg);
	mutex_exit(&if_lock);
}

bool
in_islocal(uint32_t addr, bool *bcastp)
{
	bool local = false;

	*bcastp = addr == INADDR_BROADCAST;
	if (*bcastp)
		return true;
	mutex_enter(&if_lock);
	for (struct ifnet *i = ifnets; i != NULL && !local; i = i->if_next) {
		if (!(i->if_flags & IFF_UP) || i->if_addr == 0)
			continue;
		if (addr == i->if_addr)
			local = true;
		/* The loopback net answers to all of its addresses. */
		else if ((i->if_flags & IFF_LOOPBACK) &&
		    (addr & i->if_mask) == (i->if_addr & i->if_mask))
			local = true;
		else if ((i->if_flags & IFF_BROADCAST) && i->if_mask != INADDR_BROADCAST &&
		    addr == (i->if_addr | ~i->if_mask))
			local = *bcastp = true;
	}
	mutex_exit(&if_lock);
	return local;
}

struct ifnet *
in_ifaddr_for(uint32_t addr)
{
	struct ifnet *i;

	mutex_enter(&if_lock);
	for (i = ifnets; i != NULL; i = i->if_next)
		if (i->if_addr != 0 && i->if_addr == addr)
			break;
	mutex_exit(&if_lock);
	return i;
}

/* --- interface drivers (netif-hosted) --- */
int
if_detach(struct ifnet *ifp)
{
	struct ifnet **pp;

	mutex_enter(&if_lock);
	for (pp = &ifnets; *pp != NULL && *pp != ifp; pp = &(*pp)->if_next)
		continue;
	if (*pp == NULL) {
		mutex_exit(&if_lock);
		return -ENXIO;
	}
	*pp = ifp->if_next;
	ifp->if_next = NULL;
	ifp->if_flags &= ~IFF_UP;
	ifp->if_addr = 0;
	ifp->if_mask = 0;
	mutex_exit(&if_lock);
	route_ifdetach(ifp);
	arp_ifdetach(ifp);
	return 0;
}
