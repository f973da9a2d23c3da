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

/*
 * rump_net_if_create: attach a new Ethernet interface named ifname
 * (IFNAMSIZ - 1 bytes at most), backed by the host back end spec as
 * <rumpcomp_netif.h> names them: "tap:tap0", "shmif:/tmp/bus" (hosted),
 * "vioif0" (hw).  The interface is up, without an address.  Errors:
 * EEXIST (ifname exists), ENXIO (no such back end), EBUSY (back end in
 * use), EINVAL (bad name or spec), ENOTSUP (no interface driver in this
 * kernel: link rumpnet_virtif), or the back end's own error.
 */
int rump_net_if_create(const char *ifname, const char *spec);

/* rump_net_if_destroy: detach an interface made by rump_net_if_create;
 * ENXIO if there is none of that name. */
int rump_net_if_destroy(const char *ifname);

/* rump_net_route_del: remove the route of dst/prefixlen; ESRCH if none. */
int rump_net_route_del(uint32_t dst, int prefixlen);

/* --- net-config: DHCP and the resolver's files (rumpnet_dhcp) --- */

/*
 * rump_net_if_dhcp: configure Ethernet interface ifname by DHCP (RFC
 * 2131): blocks until a server leased an address, at most timeout_ms
 * milliseconds, then sets the address and netmask, a default route via
 * the server's router (unless one exists) and /etc/resolv.conf (its DNS
 * servers and domain), and maps the node name to the address in
 * /etc/hosts.  A kernel thread keeps renewing the lease; when it ends
 * unrenewed, or a server refuses it, the address is removed and the
 * client starts over.  0 also when the interface is bound already.
 * Errors: ENXIO (no such interface), EINVAL (timeout_ms <= 0, or not an
 * Ethernet interface), ENETDOWN (interface down), ETIMEDOUT (no lease
 * in time: the client stops), EALREADY (another call is waiting for
 * this interface), ENOMEM.  Needs the rumpnet_dhcp component.
 */
int rump_net_if_dhcp(const char *ifname, int timeout_ms);

/*
 * rump_net_dns_set: write /etc/resolv.conf in the kernel's file system
 * naming nservers (0..3) name servers, each an IPv4 or IPv6 address as
 * text ("10.0.2.3"), and the search domain (NULL: none), so that musl's
 * resolver uses them.  Replaces the file.  Errors: EINVAL (bad count,
 * address or domain), or the file system's (EROFS, ENOSPC ...).  Needs
 * rumpnet_dhcp.
 */
int rump_net_dns_set(const char *const *servers, int nservers,
    const char *search_domain);

/*
 * rump_net_hosts_add: map name to IPv4 address addr (network order) in
 * /etc/hosts, replacing an earlier mapping of name; the file is
 * rewritten with localhost first and every mapping made so far (32 at
 * most: ENOSPC).  EINVAL for an empty name, one with blanks or other
 * characters outside [A-Za-z0-9._-], or addr 0.  Needs rumpnet_dhcp.
 */
int rump_net_hosts_add(const char *name, uint32_t addr);

#ifdef __cplusplus
}
#endif

#endif /* RUMP_RUMP_NET_H */
