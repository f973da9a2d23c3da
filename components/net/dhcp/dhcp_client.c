/*
 * dhcp_client.c -- the DHCP client of one interface (RFC 2131 section
 * 4.4, figure 5): a kernel thread per interface walks INIT ->
 * SELECTING -> REQUESTING -> BOUND, then RENEWING at T1 (a unicast
 * REQUEST to the server), REBINDING at T2 (broadcast) and back to INIT
 * when the lease ends or a server says NAK.  Bound, it sets the
 * address, the default route and the resolver's files.
 *
 * Not done: the ARP check of an offered address (section 2.2's
 * DECLINE), INIT-REBOOT, RELEASE on shutdown.
 */
#include "dhcp_int.h"
#include <rump/rump_net.h>
#include <rumpuser.h>

enum dhcp_state {
	S_INIT,
	S_REQUESTING,
	S_BOUND,
	S_RENEWING,
	S_REBINDING,
};

struct dhcp_client {
	struct dhcp_client *dc_next;
	struct ifnet *dc_ifp;
	enum dhcp_state dc_state;
	uint32_t dc_xid;           /* of the exchange in progress */
	int64_t dc_start;          /* when it began (the secs field) */
	bool dc_selecting;         /* waiting for offers, not answers */
	struct dhcp_lease dc_reply;/* the first fitting reply, if any */
	bool dc_have_reply;
	struct dhcp_lease dc_lease;/* the lease we are bound to */
	int64_t dc_bound_at;       /* when it was granted */
	bool dc_router_set;        /* we installed the default route */
	int dc_binds;              /* times bound (waiters watch it) */
	bool dc_stop;
	struct lwp *dc_thread;
	kcondvar_t dc_cv;          /* a reply came; bound; stop */
};

static kmutex_t dhcp_lock;
static struct dhcp_client *dhcp_clients;

#define SEC ((int64_t)NSEC_PER_SEC)

static uint32_t
dhcp_random(void)
{
	uint32_t r = 0;
	uint64_t got = 0;

	(void)rumpuser_getrandom(&r, sizeof(r), RUMPUSER_RANDOM_NOWAIT, &got);
	if (got < sizeof(r))
		r ^= (uint32_t)nanouptime_ns() * 2654435761u;
	return r;
}

bool
dhcp_deliver(struct ifnet *ifp, const struct dhcp_lease *l)
{
	struct dhcp_client *dc;

	mutex_enter(&dhcp_lock);
	for (dc = dhcp_clients; dc != NULL; dc = dc->dc_next)
		if (dc->dc_ifp == ifp)
			break;
	if (dc == NULL) {
		mutex_exit(&dhcp_lock);
		return false;
	}
	/* Ours: our transaction, our hardware address, and a type the
	 * state waits for (offers while selecting, answers after). */
	if (l->dl_xid == dc->dc_xid && !dc->dc_have_reply &&
	    memcmp(l->dl_chaddr, ifp->if_hwaddr, 6) == 0 &&
	    (dc->dc_selecting ? l->dl_type == DHCPOFFER :
	     l->dl_type == DHCPACK || l->dl_type == DHCPNAK) &&
	    (l->dl_type == DHCPNAK || l->dl_yiaddr != 0)) {
		dc->dc_reply = *l;
		dc->dc_have_reply = true;
		cv_broadcast(&dc->dc_cv);
	}
	mutex_exit(&dhcp_lock);
	return true;
}

/*
 * Wait until a reply came (0, *l), deadline (-ETIMEDOUT) or a stop
 * (-ECANCELED).  dhcp_lock held.
 */
static int
dhcp_wait_reply(struct dhcp_client *dc, int64_t deadline,
    struct dhcp_lease *l)
{
	for (;;) {
		int64_t left = deadline - nanouptime_ns();

		if (dc->dc_stop)
			return -ECANCELED;
		if (dc->dc_have_reply) {
			*l = dc->dc_reply;
			return 0;
		}
		if (left <= 0)
			return -ETIMEDOUT;
		(void)cv_timedwait(&dc->dc_cv, &dhcp_lock, left);
	}
}

/* Sleep until deadline unless stopped; -ECANCELED if stopped. */
static int
dhcp_sleep(struct dhcp_client *dc, int64_t deadline)
{
	int64_t left;

	mutex_enter(&dhcp_lock);
	while (!dc->dc_stop && (left = deadline - nanouptime_ns()) > 0)
		(void)cv_timedwait(&dc->dc_cv, &dhcp_lock, left);
	mutex_exit(&dhcp_lock);
	return dc->dc_stop ? -ECANCELED : 0;
}

/* Start a new exchange: a fresh xid, no reply yet. */
static void
dhcp_new_xid(struct dhcp_client *dc, bool selecting)
{
	mutex_enter(&dhcp_lock);
	dc->dc_xid = dhcp_random();
	dc->dc_start = nanouptime_ns();
	dc->dc_selecting = selecting;
	dc->dc_have_reply = false;
	mutex_exit(&dhcp_lock);
}

/*
 * One request and its answer: send r to dst, wait until wait_until
 * for a reply, resending (RFC 2131 4.1: 4 s, doubling to 64 s, +-1 s)
 * while resend_until has not passed.  0 and *l, -ETIMEDOUT, or
 * -ECANCELED.
 */
static int
dhcp_exchange(struct dhcp_client *dc, struct dhcp_req *r, uint32_t src,
    uint32_t dst, int64_t until, struct dhcp_lease *l)
{
	uint8_t *msg;
	int64_t backoff = 4 * SEC, next;
	int error;

	msg = kmem_alloc(DHCP_MSG_MAX, KM_SLEEP);
	if (msg == NULL)
		return -ENOMEM;
	for (;;) {
		int64_t now = nanouptime_ns();

		if (now >= until) {
			error = -ETIMEDOUT;
			break;
		}
		r->dr_xid = dc->dc_xid;
		r->dr_secs = (uint16_t)MIN((now - dc->dc_start) / SEC, 0xffff);
		(void)dhcp_send(dc->dc_ifp, msg, dhcp_build(r, msg), src, dst);
		next = now + backoff - SEC + (int64_t)(dhcp_random() % (2 * SEC));
		if (next > until)
			next = until;
		if (backoff < 64 * SEC)
			backoff *= 2;
		mutex_enter(&dhcp_lock);
		error = dhcp_wait_reply(dc, next, l);
		mutex_exit(&dhcp_lock);
		if (error != -ETIMEDOUT)
			break;
	}
	kmem_free(msg, DHCP_MSG_MAX);
	return error;
}

/* The prefix length of the lease's mask; classful without one. */
static int
lease_prefixlen(const struct dhcp_lease *l)
{
	uint32_t a = ntohl(l->dl_yiaddr);
	int n = l->dl_mask != 0 ? in_mask_prefixlen(l->dl_mask) : -1;

	if (n >= 1)
		return n;
	return (a & 0x80000000u) == 0 ? 8 :
	    (a & 0xc0000000u) == 0x80000000u ? 16 : 24;
}

static void
dhcp_unconfigure(struct dhcp_client *dc)
{
	if (dc->dc_router_set)
		(void)route_del(0, 0);
	dc->dc_router_set = false;
	if_deladdr(dc->dc_ifp);
	aprint_verbose("dhcp: %s: lease lost, address removed\n",
	    dc->dc_ifp->if_name);
}

/* Apply the ACKed lease l: address, default route, resolver files. */
static int
dhcp_configure(struct dhcp_client *dc, const struct dhcp_lease *l)
{
	struct ifnet *ifp = dc->dc_ifp, *rifp;
	char addrs[DHCP_MAXDNS][16], a[16];
	const char *servers[DHCP_MAXDNS];
	uint32_t nexthop;
	int error;

	if (ifp->if_addr != l->dl_yiaddr ||
	    ifp->if_mask != htonl(0xffffffffu << (32 - lease_prefixlen(l)))) {
		error = if_setaddr(ifp->if_name, l->dl_yiaddr,
		    lease_prefixlen(l));
		if (error != 0)
			return error;
	}
	if (l->dl_router != 0 && !dc->dc_router_set) {
		/* A default route of someone else's stays. */
		if (route_lookup(l->dl_router, &rifp, &nexthop) == 0 &&
		    route_add(0, 0, l->dl_router, rifp) == 0)
			dc->dc_router_set = true;
	}
	for (int i = 0; i < l->dl_ndns; i++) {
		in_fmt(l->dl_dns[i], addrs[i]);
		servers[i] = addrs[i];
	}
	if (l->dl_ndns > 0 || l->dl_domain[0] != '\0')
		(void)resolv_write(servers, l->dl_ndns,
		    l->dl_domain[0] != '\0' ? l->dl_domain : NULL);
	(void)hosts_set(hostname, l->dl_yiaddr);
	in_fmt(l->dl_yiaddr, a);
	aprint_verbose("dhcp: %s: bound to %s/%d for %u s\n", ifp->if_name,
	    a, lease_prefixlen(l), l->dl_lease);
	return 0;
}

/* Times of the lease (ns after dc_bound_at): T1, T2 and its end. */
static void
lease_times(const struct dhcp_lease *l, int64_t *t1, int64_t *t2,
    int64_t *end)
{
	int64_t lease = l->dl_lease != 0 ? l->dl_lease : 3600;

	/* An infinite lease (0xffffffff) is never renewed. */
	if (l->dl_lease == 0xffffffffu) {
		*t1 = *t2 = *end = INT64_MAX;
		return;
	}
	*end = lease * SEC;
	/* RFC 2131 4.4.5: T1 = 0.5 and T2 = 0.875 of the lease. */
	*t1 = l->dl_t1 != 0 && l->dl_t1 < lease ? l->dl_t1 * SEC : *end / 2;
	*t2 = l->dl_t2 != 0 && l->dl_t2 < lease ? l->dl_t2 * SEC :
	    *end / 8 * 7;
	if (*t1 > *t2)
		*t1 = *t2;
}

/* Bound with l: configure and tell waiters. */
static void
dhcp_bind(struct dhcp_client *dc, const struct dhcp_lease *l)
{
	int error = dhcp_configure(dc, l);

	if (error != 0) {
		/* E.g. the prefix is routed to another interface: say so,
		 * and do not ask again at once (RFC 2131 3.1.5's 10 s). */
		printf("dhcp: %s: cannot use the lease: error %d\n",
		    dc->dc_ifp->if_name, -error);
		dc->dc_state = S_INIT;
		(void)dhcp_sleep(dc, nanouptime_ns() + 10 * SEC);
		return;
	}
	mutex_enter(&dhcp_lock);
	dc->dc_lease = *l;
	dc->dc_bound_at = nanouptime_ns();
	dc->dc_state = S_BOUND;
	dc->dc_binds++;
	cv_broadcast(&dc->dc_cv);
	mutex_exit(&dhcp_lock);
}

/*
 * RENEWING and REBINDING: ask (unicast to the server, or broadcast)
 * until `until`, resending after half the time left, at least 60 s
 * apart (RFC 2131 4.4.5) -- or all of it when less is left.
 */
static int
dhcp_extend(struct dhcp_client *dc, uint32_t dst, int64_t until,
    struct dhcp_lease *l)
{
	struct dhcp_req r = {
		.dr_type = DHCPREQUEST,
		.dr_ciaddr = dc->dc_lease.dl_yiaddr,
		.dr_hwaddr = dc->dc_ifp->if_hwaddr,
		.dr_hostname = hostname,
	};
	uint8_t *msg;
	int error = -ETIMEDOUT;

	msg = kmem_alloc(DHCP_MSG_MAX, KM_SLEEP);
	if (msg == NULL)
		return -ENOMEM;
	dhcp_new_xid(dc, false);
	for (;;) {
		int64_t now = nanouptime_ns(), left = until - now, wait;

		if (left <= 0) {
			error = -ETIMEDOUT;
			break;
		}
		r.dr_xid = dc->dc_xid;
		r.dr_secs = (uint16_t)MIN((now - dc->dc_start) / SEC, 0xffff);
		(void)dhcp_send(dc->dc_ifp, msg, dhcp_build(&r, msg),
		    dc->dc_lease.dl_yiaddr, dst);
		wait = left / 2 > 60 * SEC ? left / 2 : MIN(60 * SEC, left);
		mutex_enter(&dhcp_lock);
		error = dhcp_wait_reply(dc, now + wait, l);
		mutex_exit(&dhcp_lock);
		if (error != -ETIMEDOUT)
			break;
	}
	kmem_free(msg, DHCP_MSG_MAX);
	return error;
}

static void
dhcp_thread(void *arg)
{
	struct dhcp_client *dc = arg;
	struct dhcp_lease offer, l;
	int64_t t1, t2, end;
	int error = 0;

	while (!dc->dc_stop) {
		struct dhcp_req r = {
			.dr_broadcast = true,
			.dr_hwaddr = dc->dc_ifp->if_hwaddr,
			.dr_hostname = hostname,
		};

		switch (dc->dc_state) {
		case S_INIT:
			/* SELECTING: the first offer is taken (4.4.1). */
			dhcp_new_xid(dc, true);
			r.dr_type = DHCPDISCOVER;
			error = dhcp_exchange(dc, &r, 0, INADDR_BROADCAST,
			    INT64_MAX, &offer);
			if (error == 0)
				dc->dc_state = S_REQUESTING;
			break;
		case S_REQUESTING:
			/* Same xid as the offer's (4.4.1). */
			mutex_enter(&dhcp_lock);
			dc->dc_selecting = false;
			dc->dc_have_reply = false;
			mutex_exit(&dhcp_lock);
			r.dr_type = DHCPREQUEST;
			r.dr_reqaddr = offer.dl_yiaddr;
			r.dr_server = offer.dl_server;
			/* Four tries (4 + 8 + 16 + 32 s), then start over. */
			error = dhcp_exchange(dc, &r, 0, INADDR_BROADCAST,
			    nanouptime_ns() + 60 * SEC, &l);
			if (error == 0 && l.dl_type == DHCPACK) {
				if (l.dl_server == 0)
					l.dl_server = offer.dl_server;
				dhcp_bind(dc, &l);
			} else if (error != -ECANCELED) {
				dc->dc_state = S_INIT;
				/* A NAK: a pause, so a confused server
				 * cannot keep us in a tight loop. */
				if (error == 0)
					error = dhcp_sleep(dc,
					    nanouptime_ns() + SEC);
			}
			break;
		case S_BOUND:
			lease_times(&dc->dc_lease, &t1, &t2, &end);
			if (t1 == INT64_MAX) {
				error = dhcp_sleep(dc, INT64_MAX);
				break;
			}
			error = dhcp_sleep(dc, dc->dc_bound_at + t1);
			if (error == 0)
				dc->dc_state = dc->dc_lease.dl_server != 0 ?
				    S_RENEWING : S_REBINDING;
			break;
		case S_RENEWING:
		case S_REBINDING:
			lease_times(&dc->dc_lease, &t1, &t2, &end);
			if (dc->dc_state == S_RENEWING)
				error = dhcp_extend(dc, dc->dc_lease.dl_server,
				    dc->dc_bound_at + t2, &l);
			else
				error = dhcp_extend(dc, INADDR_BROADCAST,
				    dc->dc_bound_at + end, &l);
			if (error == -ECANCELED)
				break;
			if (error == 0 && l.dl_type == DHCPACK) {
				if (l.dl_server == 0)
					l.dl_server = dc->dc_lease.dl_server;
				dhcp_bind(dc, &l);
			} else if (error == 0) {
				/* NAK: the address is not ours (4.4.5). */
				dhcp_unconfigure(dc);
				dc->dc_state = S_INIT;
				error = dhcp_sleep(dc, nanouptime_ns() + SEC);
			} else if (dc->dc_state == S_RENEWING) {
				dc->dc_state = S_REBINDING;
			} else {
				dhcp_unconfigure(dc);
				dc->dc_state = S_INIT;
			}
			break;
		}
		if (error == -ENOMEM)
			(void)dhcp_sleep(dc, nanouptime_ns() + SEC);
	}
}

static struct dhcp_client *
dhcp_find(struct ifnet *ifp)
{
	struct dhcp_client *dc;

	for (dc = dhcp_clients; dc != NULL; dc = dc->dc_next)
		if (dc->dc_ifp == ifp)
			break;
	return dc;
}

/* Stop dc's thread (dc is unlinked by the caller). */
static void
dhcp_destroy(struct dhcp_client *dc)
{
	mutex_enter(&dhcp_lock);
	dc->dc_stop = true;
	cv_broadcast(&dc->dc_cv);
	mutex_exit(&dhcp_lock);
	if (dc->dc_thread != NULL)
		(void)kthread_join(dc->dc_thread);
	dc->dc_thread = NULL;
}

static void
dhcp_unlink(struct dhcp_client *dc)
{
	struct dhcp_client **pp;

	for (pp = &dhcp_clients; *pp != dc; pp = &(*pp)->dc_next)
		;
	*pp = dc->dc_next;
}

int
dhcp_if_start(const char *ifname, int timeout_ms)
{
	struct dhcp_client *dc;
	struct ifnet *ifp;
	int64_t deadline;
	int error = 0;

	if (timeout_ms <= 0)
		return -EINVAL;
	ifp = if_find(ifname);
	if (ifp == NULL)
		return -ENXIO;
	/* DHCP needs a link that broadcasts: Ethernet, not loopback. */
	if (!(ifp->if_flags & IFF_BROADCAST) || (ifp->if_flags & IFF_LOOPBACK))
		return -EINVAL;
	if (!(ifp->if_flags & IFF_UP))
		return -ENETDOWN;
	deadline = nanouptime_ns() + (int64_t)timeout_ms * 1000000;
	mutex_enter(&dhcp_lock);
	dc = dhcp_find(ifp);
	if (dc != NULL) {
		error = dc->dc_binds > 0 ? 0 : -EALREADY;
		mutex_exit(&dhcp_lock);
		return error;
	}
	dc = kmem_zalloc(sizeof(*dc), KM_SLEEP);
	if (dc == NULL) {
		mutex_exit(&dhcp_lock);
		return -ENOMEM;
	}
	dc->dc_ifp = ifp;
	dc->dc_state = S_INIT;
	cv_init(&dc->dc_cv);
	dc->dc_next = dhcp_clients;
	dhcp_clients = dc;
	mutex_exit(&dhcp_lock);
	error = kthread_create(dhcp_thread, dc, "dhcp", true, &dc->dc_thread);
	if (error != 0) {
		dc->dc_thread = NULL;
		goto out_unlink;
	}
	mutex_enter(&dhcp_lock);
	while (dc->dc_binds == 0) {
		int64_t left = deadline - nanouptime_ns();

		if (left <= 0) {
			error = -ETIMEDOUT;
			break;
		}
		(void)cv_timedwait(&dc->dc_cv, &dhcp_lock, left);
	}
	mutex_exit(&dhcp_lock);
	if (error == 0)
		return 0;
	/* No answer in time: stop asking. */
out_unlink:
	mutex_enter(&dhcp_lock);
	dhcp_unlink(dc);
	mutex_exit(&dhcp_lock);
	dhcp_destroy(dc);
	cv_destroy(&dc->dc_cv);
	kmem_free(dc, sizeof(*dc));
	return error;
}

int
dhcp_if_stop(const char *ifname)
{
	struct dhcp_client *dc;
	struct ifnet *ifp;
	bool bound;

	ifp = if_find(ifname);
	if (ifp == NULL)
		return -ENXIO;
	mutex_enter(&dhcp_lock);
	dc = dhcp_find(ifp);
	if (dc != NULL)
		dhcp_unlink(dc);
	mutex_exit(&dhcp_lock);
	if (dc == NULL)
		return -ESRCH;
	dhcp_destroy(dc);  /* the thread has ended: its state is ours */
	bound = dc->dc_state == S_BOUND || dc->dc_state == S_RENEWING ||
	    dc->dc_state == S_REBINDING;
	if (bound)
		dhcp_unconfigure(dc);
	cv_destroy(&dc->dc_cv);
	kmem_free(dc, sizeof(*dc));
	return 0;
}

void
dhcp_if_stop_hook(const char *ifname)
{
	(void)dhcp_if_stop(ifname);  /* -ESRCH: no client there */
}

int
rump_net_if_dhcp(const char *ifname, int timeout_ms)
{
	int error;

	if (ifname == NULL)
		return EINVAL;
	rump_schedule();
	error = dhcp_if_start(ifname, timeout_ms);
	rump_unschedule();
	return -error;
}

void
dhcp_client_init(void)
{
	mutex_init(&dhcp_lock, MUTEX_DEFAULT);
}
