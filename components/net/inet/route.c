/*
 * route.c -- the IPv4 routing table: a short list searched for the
 * longest matching prefix (a default route is 0.0.0.0/0).
 */
#include "inet_int.h"

#define ROUTE_MAX 256

struct route {
	uint32_t rt_dst;    /* network order, masked */
	uint32_t rt_mask;
	int rt_prefixlen;
	uint32_t rt_gw;     /* 0: the destination is on the link */
	struct ifnet *rt_ifp;
	bool rt_used;
};

static kmutex_t route_lock;
static struct route routes[ROUTE_MAX];

static uint32_t
prefix_mask(int prefixlen)
{
	return prefixlen == 0 ? 0 : htonl(0xffffffffu << (32 - prefixlen));
}

int
route_add(uint32_t dst, int prefixlen, uint32_t gw, struct ifnet *ifp)
{
	struct route *free = NULL;
	uint32_t mask;

	if (prefixlen < 0 || prefixlen > 32 || ifp == NULL)
		return -EINVAL;
	mask = prefix_mask(prefixlen);
	mutex_enter(&route_lock);
	for (int i = 0; i < ROUTE_MAX; i++) {
		struct route *r = &routes[i];

		if (!r->rt_used) {
			if (free == NULL)
				free = r;
			continue;
		}
		if (r->rt_dst == (dst & mask) && r->rt_prefixlen == prefixlen) {
			mutex_exit(&route_lock);
			return -EEXIST;
		}
	}
	if (free == NULL) {
		mutex_exit(&route_lock);
		return -ENOBUFS;
	}
	free->rt_dst = dst & mask;
	free->rt_mask = mask;
	free->rt_prefixlen = prefixlen;
	free->rt_gw = gw;
	free->rt_ifp = ifp;
	free->rt_used = true;
	mutex_exit(&route_lock);
	return 0;
}

int
route_del(uint32_t dst, int prefixlen)
{
	uint32_t mask = prefix_mask(prefixlen);
	int error = -ESRCH;

	if (prefixlen < 0 || prefixlen > 32)
		return -EINVAL;
	mutex_enter(&route_lock);
	for (int i = 0; i < ROUTE_MAX; i++) {
		struct route *r = &routes[i];

		if (r->rt_used && r->rt_dst == (dst & mask) &&
		    r->rt_prefixlen == prefixlen) {
			r->rt_used = false;
			error = 0;
			break;
		}
	}
	mutex_exit(&route_lock);
	return error;
}

int
route_lookup(uint32_t dst, struct ifnet **ifpp, uint32_t *nexthopp)
{
	struct route *best = NULL;

	mutex_enter(&route_lock);
	for (int i = 0; i < ROUTE_MAX; i++) {
		struct route *r = &routes[i];

		if (r->rt_used && (dst & r->rt_mask) == r->rt_dst &&
		    (best == NULL || r->rt_prefixlen > best->rt_prefixlen))
			best = r;
	}
	if (best != NULL) {
		*ifpp = best->rt_ifp;
		*nexthopp = best->rt_gw != 0 ? best->rt_gw : dst;
	}
	mutex_exit(&route_lock);
	return best != NULL ? 0 : -ENETUNREACH;
}

void
route_init(void)
{
	mutex_init(&route_lock, MUTEX_DEFAULT);
}

/* --- interface drivers (netif-hosted) --- */
void
route_ifdetach(struct ifnet *ifp)
{
	mutex_enter(&route_lock);
	for (int i = 0; i < ROUTE_MAX; i++)
		if (routes[i].rt_used && routes[i].rt_ifp == ifp)
			routes[i].rt_used = false;
	mutex_exit(&route_lock);
}
