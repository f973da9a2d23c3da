/*
 * rump/rump_net.h -- configuring the network stack of a rump kernel
 * from outside it: interface addresses and routes (the boot JSON and
 * hosted programs use these; inside the kernel they are plain calls).
 *
 * IPv4 addresses are uint32_t in network byte order, as in_addr_t.
 * Functions return 0 or a positive errno value, like <rump/rump.h>.
 * They may be called from any host thread after rump_init() and need
 * the rumpnet_inet component.
 */
#ifndef RUMP_RUMP_NET_H
#define RUMP_RUMP_NET_H

/* The kernel (freestanding) has uint32_t from <kern/types.h> already. */
#if defined(__STDC_HOSTED__) && __STDC_HOSTED__
#include <stdint.h>
#endif

#ifdef __cplusplus
extern "C" {
#endif

/*
 * rump_net_if_setaddr: give interface ifname (e.g. "lo0") the address
 * addr/prefixlen, replacing the one it had, and route the network
 * prefix to it.  Errors: ENXIO (no such interface), EINVAL (prefixlen
 * outside 1..32 or addr 0), EEXIST (the prefix is routed elsewhere).
 */
int rump_net_if_setaddr(const char *ifname, uint32_t addr, int prefixlen);

/*
 * rump_net_route_add: route dst/prefixlen (0/0: the default route) via
 * gateway gw, which must be reachable on a connected network.
 * Errors: EINVAL (prefixlen outside 0..32), ENETUNREACH (no route to
 * gw), EEXIST (the prefix has a route), ENOBUFS (table full).
 */
int rump_net_route_add(uint32_t dst, int prefixlen, uint32_t gw);

/* rump_net_route_del: remove the route of dst/prefixlen; ESRCH if none. */
int rump_net_route_del(uint32_t dst, int prefixlen);

#ifdef __cplusplus
}
#endif

#endif /* RUMP_RUMP_NET_H */
