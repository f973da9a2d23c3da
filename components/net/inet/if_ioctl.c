/*
 * if_ioctl.c -- the interface requests of sockets (SIOCGIFCONF,
 * SIOCGIFFLAGS, SIOCSIFADDR ... SIOCADDRT), with Linux's structures
 * (abi/if.h, abi/route.h) and answers: requests about IPv4 addresses
 * and routes work on AF_INET sockets only (ENOTTY elsewhere, as Linux),
 * the others on any socket; setters need root (EPERM, checked first).
 */
#include "inet_int.h"
#include <abi/if.h>
#include <abi/route.h>

/* What a request needs: an AF_INET socket, root. */
#define RQ_INET 0x1
#define RQ_ROOT 0x2

static const struct {
	unsigned long cmd;
	int need;
} if_requests[] = {
	{ SIOCGIFCONF, 0 },
	{ SIOCGIFNAME, 0 },
	{ SIOCGIFINDEX, 0 },
	{ SIOCGIFFLAGS, 0 },
	{ SIOCSIFFLAGS, RQ_ROOT },
	{ SIOCGIFMTU, 0 },
	{ SIOCSIFMTU, RQ_ROOT },
	{ SIOCGIFHWADDR, 0 },
	{ SIOCGIFADDR, RQ_INET },
	{ SIOCSIFADDR, RQ_INET | RQ_ROOT },
	{ SIOCGIFNETMASK, RQ_INET },
	{ SIOCSIFNETMASK, RQ_INET | RQ_ROOT },
	{ SIOCGIFBRDADDR, RQ_INET },
	{ SIOCADDRT, RQ_INET | RQ_ROOT },
	{ SIOCDELRT, RQ_INET | RQ_ROOT },
};

int
in_mask_prefixlen(uint32_t mask)
{
	uint32_t m = ntohl(mask);
	int n = 0;

	while (n < 32 && (m & (0x80000000u >> n)))
		n++;
	/* Anything left after the leading ones: not contiguous. */
	if (n < 32 && (m << n) != 0)
		return -1;
	return n;
}

void
if_deladdr(struct ifnet *ifp)
{
	uint32_t addr, mask;

	mutex_enter(&if_lock);
	addr = ifp->if_addr;
	mask = ifp->if_mask;
	ifp->if_addr = 0;
	ifp->if_mask = 0;
	mutex_exit(&if_lock);
	if (addr != 0)
		(void)route_del(addr & mask, in_mask_prefixlen(mask));
}

/* The sockaddr_in of addr in sa (Linux fills the whole 16 bytes). */
static void
sin_put(struct sockaddr *sa, uint32_t addr)
{
	struct sockaddr_in sin;

	memset(&sin, 0, sizeof(sin));
	sin.sin_family = AF_INET;
	sin.sin_addr.s_addr = addr;
	memcpy(sa, &sin, sizeof(sin));
}

static int
sin_get(const struct sockaddr *sa, uint32_t *addrp)
{
	struct sockaddr_in sin;

	memcpy(&sin, sa, sizeof(sin));
	if (sin.sin_family != AF_INET)
		return -EINVAL;
	*addrp = sin.sin_addr.s_addr;
	return 0;
}

/* Linux reports what the link does: up and running are one here. */
static short
if_linux_flags(const struct ifnet *ifp)
{
	int f = ifp->if_flags & (IFF_UP | IFF_BROADCAST | IFF_LOOPBACK);

	if (f & IFF_UP)
		f |= IFF_RUNNING;
	return (short)f;
}

/* The classful prefix SIOCSIFADDR gives a new address, as Linux. */
static int
classful_prefixlen(uint32_t addr)
{
	uint32_t a = ntohl(addr);

	if ((a & 0x80000000u) == 0)
		return 8;
	if ((a & 0xc0000000u) == 0x80000000u)
		return 16;
	if ((a & 0xe0000000u) == 0xc0000000u)
		return 24;
	return 32;
}

struct ifconf_walk {
	struct ifreq *reqs;  /* NULL: only count */
	int n, max;
};

static void
ifconf_one(struct ifnet *ifp, void *arg)
{
	struct ifconf_walk *w = arg;
	struct ifreq *ifr;

	/* Linux lists the interfaces that have an IPv4 address. */
	if (ifp->if_addr == 0)
		return;
	if (w->reqs != NULL) {
		if (w->n >= w->max)
			return;
		ifr = &w->reqs[w->n];
		memset(ifr, 0, sizeof(*ifr));
		strlcpy(ifr->ifr_name, ifp->if_name, sizeof(ifr->ifr_name));
		sin_put(&ifr->ifr_addr, ifp->if_addr);
	}
	w->n++;
}

/*
 * SIOCGIFCONF: as many whole struct ifreq as fit ifc_len; with a NULL
 * ifc_buf, the length all would take.  The list is copied under
 * if_lock into a kernel buffer and out after (copyout may sleep).
 */
static int
if_conf(void *uarg)
{
	struct ifconf ifc;
	struct ifconf_walk w = { NULL, 0, 0 };
	size_t size;
	int error;

	error = copyin(uarg, &ifc, sizeof(ifc));
	if (error != 0)
		return error;
	if_foreach(ifconf_one, &w);
	if (ifc.ifc_buf == NULL) {
		ifc.ifc_len = w.n * (int)sizeof(struct ifreq);
		return copyout(&ifc, uarg, sizeof(ifc));
	}
	if (ifc.ifc_len < 0)
		return -EINVAL;
	w.max = MIN(w.n, ifc.ifc_len / (int)sizeof(struct ifreq));
	w.n = 0;
	error = 0;
	if (w.max > 0) {
		size = (size_t)w.max * sizeof(struct ifreq);
		w.reqs = kmem_alloc(size, KM_SLEEP);
		if (w.reqs == NULL)
			return -ENOMEM;
		if_foreach(ifconf_one, &w);
		w.n = MIN(w.n, w.max);
		error = copyout(w.reqs, ifc.ifc_buf,
		    (size_t)w.n * sizeof(struct ifreq));
		kmem_free(w.reqs, size);
		if (error != 0)
			return error;
	}
	ifc.ifc_len = w.n * (int)sizeof(struct ifreq);
	return copyout(&ifc, uarg, sizeof(ifc));
}

struct byindex {
	int index;
	struct ifnet *found;
};

static void
if_byindex_one(struct ifnet *ifp, void *arg)
{
	struct byindex *b = arg;

	if (ifp->if_index == b->index)
		b->found = ifp;
}

/* Interfaces are never freed while attached; detach is the driver's. */
static struct ifnet *
if_byindex(int index)
{
	struct byindex b = { index, NULL };

	if_foreach(if_byindex_one, &b);
	return b.found;
}

static int
if_setmtu(struct ifnet *ifp, int mtu)
{
	/* 68: RFC 791's smallest; the largest is what the link carries
	 * (the back end's MTU for an Ethernet interface). */
	if (mtu < 68 || (unsigned)mtu > ifp->if_maxmtu)
		return -EINVAL;
	mutex_enter(&if_lock);
	ifp->if_mtu = (unsigned)mtu;
	mutex_exit(&if_lock);
	return 0;
}

static int
if_setflags(struct ifnet *ifp, short flags)
{
	mutex_enter(&if_lock);
	/* Only up/down is ours to change; the rest describe the link. */
	ifp->if_flags = (ifp->if_flags & ~IFF_UP) | (flags & IFF_UP);
	mutex_exit(&if_lock);
	return 0;
}

/* One request about the interface ifr names (or indexes). */
static int
if_request(unsigned long cmd, struct ifreq *ifr)
{
	struct ifnet *ifp;
	uint32_t addr, mask;
	int plen;

	if (cmd == SIOCGIFNAME) {
		ifp = if_byindex(ifr->ifr_ifindex);
		if (ifp == NULL)
			return -ENODEV;
		strlcpy(ifr->ifr_name, ifp->if_name, sizeof(ifr->ifr_name));
		return 0;
	}
	ifr->ifr_name[IFNAMSIZ - 1] = '\0';
	ifp = if_find(ifr->ifr_name);
	if (ifp == NULL)
		return -ENODEV;
	mutex_enter(&if_lock);
	addr = ifp->if_addr;
	mask = ifp->if_mask;
	mutex_exit(&if_lock);
	switch (cmd) {
	case SIOCGIFINDEX:
		ifr->ifr_ifindex = ifp->if_index;
		return 0;
	case SIOCGIFFLAGS:
		ifr->ifr_flags = if_linux_flags(ifp);
		return 0;
	case SIOCSIFFLAGS:
		return if_setflags(ifp, ifr->ifr_flags);
	case SIOCGIFMTU:
		ifr->ifr_mtu = (int)ifp->if_mtu;
		return 0;
	case SIOCSIFMTU:
		return if_setmtu(ifp, ifr->ifr_mtu);
	case SIOCGIFHWADDR:
		memset(&ifr->ifr_hwaddr, 0, sizeof(ifr->ifr_hwaddr));
		if (ifp->if_flags & IFF_LOOPBACK) {
			ifr->ifr_hwaddr.sa_family = ARPHRD_LOOPBACK;
		} else {
			ifr->ifr_hwaddr.sa_family = ARPHRD_ETHER;
			memcpy(ifr->ifr_hwaddr.sa_data, ifp->if_hwaddr, 6);
		}
		return 0;
	case SIOCSIFADDR:
		if (sin_get(&ifr->ifr_addr, &addr) != 0)
			return -EINVAL;
		/* 0.0.0.0 takes the address away, as on Linux. */
		if (addr == 0) {
			if_deladdr(ifp);
			return 0;
		}
		return if_setaddr(ifp->if_name, addr, classful_prefixlen(addr));
	case SIOCSIFNETMASK:
		if (addr == 0)
			return -EADDRNOTAVAIL;
		if (sin_get(&ifr->ifr_netmask, &mask) != 0)
			return -EINVAL;
		plen = in_mask_prefixlen(mask);
		if (plen < 1)
			return -EINVAL;
		return if_setaddr(ifp->if_name, addr, plen);
	}
	/* The getters of IPv4 addresses. */
	if (addr == 0)
		return -EADDRNOTAVAIL;
	switch (cmd) {
	case SIOCGIFADDR:
		sin_put(&ifr->ifr_addr, addr);
		return 0;
	case SIOCGIFNETMASK:
		sin_put(&ifr->ifr_netmask, mask);
		return 0;
	case SIOCGIFBRDADDR:
		sin_put(&ifr->ifr_broadaddr, (ifp->if_flags & IFF_BROADCAST) &&
		    mask != INADDR_BROADCAST ? (addr | ~mask) : 0);
		return 0;
	}
	return -ENOTTY;
}

/* SIOCADDRT / SIOCDELRT: a struct rtentry of IPv4 addresses. */
static int
rt_request(unsigned long cmd, void *uarg)
{
	struct rtentry rt;
	struct ifnet *ifp = NULL, *gwifp;
	uint32_t dst, gw = 0, mask = INADDR_BROADCAST, nexthop;
	char dev[IFNAMSIZ];
	int plen, error;

	error = copyin(uarg, &rt, sizeof(rt));
	if (error != 0)
		return error;
	if (sin_get(&rt.rt_dst, &dst) != 0)
		return -EINVAL;
	if (!(rt.rt_flags & RTF_HOST) && sin_get(&rt.rt_genmask, &mask) != 0)
		return -EINVAL;
	plen = in_mask_prefixlen(mask);
	if (plen < 0 || (dst & ~mask) != 0)
		return -EINVAL;
	if (cmd == SIOCDELRT)
		return route_del(dst, plen);
	if (rt.rt_dev != NULL) {
		error = copyinstr(rt.rt_dev, dev, sizeof(dev), NULL);
		if (error != 0)
			return error == -ENAMETOOLONG ? -ENODEV : error;
		ifp = if_find(dev);
		if (ifp == NULL)
			return -ENODEV;
	}
	if (rt.rt_flags & RTF_GATEWAY) {
		if (sin_get(&rt.rt_gateway, &gw) != 0)
			return -EINVAL;
		/* The gateway must be on a link we have. */
		error = route_lookup(gw, &gwifp, &nexthop);
		if (error != 0 || nexthop != gw)
			return -ENETUNREACH;
		if (ifp == NULL)
			ifp = gwifp;
	}
	if (ifp == NULL)
		return -ENODEV;
	return route_add(dst, plen, gw, ifp);
}

static int
if_ioctl(struct socket *so, unsigned long cmd, void *uarg)
{
	struct ifreq ifr;
	int need = -1, error;

	for (size_t i = 0; i < sizeof(if_requests) / sizeof(if_requests[0]); i++)
		if (if_requests[i].cmd == cmd)
			need = if_requests[i].need;
	if (need < 0)
		return -ENOTTY;
	if ((need & RQ_INET) && so->so_proto->pr_family != AF_INET)
		return -ENOTTY;
	if ((need & RQ_ROOT) && curproc->p_cred.cr_euid != 0)
		return -EPERM;
	if (cmd == SIOCGIFCONF)
		return if_conf(uarg);
	if (cmd == SIOCADDRT || cmd == SIOCDELRT)
		return rt_request(cmd, uarg);
	error = copyin(uarg, &ifr, sizeof(ifr));
	if (error != 0)
		return error;
	error = if_request(cmd, &ifr);
	if (error != 0)
		return error;
	return copyout(&ifr, uarg, sizeof(ifr));
}

void
if_ioctl_init(void)
{
	soifioctl_hook = if_ioctl;
}
