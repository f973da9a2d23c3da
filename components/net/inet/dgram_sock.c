/* dgram_sock.c -- what the IPv4 datagram sockets (UDP, ping and raw
 * ICMP) share: their receive queue and common checks (dgram_sock.h). */
#include "dgram_sock.h"

void
dgram_queue_init(struct dgram_queue *q)
{
	q->dq_head = NULL;
	q->dq_tail = &q->dq_head;
	q->dq_bytes = 0;
}

void
dgram_queue_purge(struct dgram_queue *q)
{
	while (q->dq_head != NULL) {
		struct dgram *d = q->dq_head;

		q->dq_head = d->dg_next;
		pkt_free(d->dg_pkt);
		kmem_free(d, sizeof(*d));
	}
	dgram_queue_init(q);
}

bool
dgram_room(const struct socket *so, const struct dgram_queue *q, size_t len)
{
	return !(so->so_state & SS_CANTRCVMORE) &&
	    q->dq_bytes + len <= (size_t)so->so_rcvbuf;
}

int
dgram_append(struct socket *so, struct dgram_queue *q, struct pkt *p,
    const struct sockaddr_in *from)
{
	struct dgram *d = kmem_alloc(sizeof(*d), KM_SLEEP);

	if (d == NULL)
		return -ENOMEM;
	d->dg_next = NULL;
	d->dg_from = *from;
	d->dg_pkt = p;
	*q->dq_tail = d;
	q->dq_tail = &d->dg_next;
	q->dq_bytes += p->pk_pktlen;
	sorwakeup(so);
	return 0;
}

/* Wait until q has a datagram: 0, or why not (0 with q empty: end of
 * file). */
static int
dgram_wait(struct socket *so, const struct dgram_queue *q, int flags)
{
	int64_t deadline = so_deadline(so->so_rcvtimeo);
	int error;

	while (q->dq_head == NULL) {
		if (so->so_error != 0) {
			error = -so->so_error;
			so->so_error = 0;
			return error;
		}
		if (so->so_state & SS_CANTRCVMORE)
			return 0;
		if (flags & MSG_DONTWAIT)
			return -EAGAIN;
		error = sowait(so, &so->so_rcv_cv, deadline);
		if (error != 0)
			return error;
	}
	return 0;
}

ssize_t
dgram_recv(struct socket *so, struct dgram_queue *q, struct sockmsg *sm,
    int flags)
{
	struct dgram *d;
	size_t len, n;
	int error;

	error = dgram_wait(so, q, flags);
	if (error != 0 || q->dq_head == NULL)
		return error;
	d = q->dq_head;
	len = d->dg_pkt->pk_pktlen;
	n = MIN(len, sm->sm_uio->uio_resid);
	for (struct pkt *s = d->dg_pkt; s != NULL && error == 0;
	    s = s->pk_next) {
		size_t k = MIN(s->pk_len, sm->sm_uio->uio_resid);

		if (k > 0)
			error = uiomove(s->pk_data, k, sm->sm_uio);
	}
	if (error != 0)
		return error;
	memcpy(&sm->sm_name, &d->dg_from, sizeof(d->dg_from));
	sm->sm_namelen = sizeof(d->dg_from);
	if (n < len)
		sm->sm_flags |= MSG_TRUNC;
	if (!(flags & MSG_PEEK)) {
		q->dq_head = d->dg_next;
		if (q->dq_head == NULL)
			q->dq_tail = &q->dq_head;
		q->dq_bytes -= len;
		pkt_free(d->dg_pkt);
		kmem_free(d, sizeof(*d));
	}
	return (ssize_t)((flags & MSG_TRUNC) ? len : n);
}

int
dgram_poll(struct socket *so, const struct dgram_queue *q, int events,
    struct pollwait *pw)
{
	int revents = POLLOUT | POLLWRNORM;  /* datagrams never wait */

	if (q->dq_head != NULL || (so->so_state & SS_CANTRCVMORE))
		revents |= POLLIN | POLLRDNORM;
	if (so->so_error != 0)
		revents |= POLLERR;
	selrecord(pw, &so->so_sel);
	return revents & (events | POLLERR | POLLHUP);
}

int
dgram_nread(const struct dgram_queue *q)
{
	return q->dq_head != NULL ? (int)q->dq_head->dg_pkt->pk_pktlen : 0;
}

void
dgram_error(struct socket *so, int error)
{
	so->so_error = error;
	sorwakeup(so);
	sowwakeup(so);
}

int
dgram_shutdown(struct socket *so, int how)
{
	int error = 0;

	mutex_enter(so->so_lock);
	if (!(so->so_state & SS_ISCONNECTED))
		error = -ENOTCONN;
	else {
		if (how != SHUT_WR)
			so->so_state |= SS_CANTRCVMORE;
		if (how != SHUT_RD)
			so->so_state |= SS_CANTSENDMORE;
		sorwakeup(so);
		sowwakeup(so);
	}
	mutex_exit(so->so_lock);
	return error;
}

int
dgram_connect(struct socket *so, const struct sockaddr *sa, socklen_t len,
    bool need_port,
    int (*set_peer)(struct socket *so, const struct sockaddr_in *sin))
{
	struct sockaddr_in sin;
	struct ifnet *ifp;
	uint32_t nexthop;
	bool unspec;
	int error;

	unspec = len >= sizeof(sa_family_t) && sa->sa_family == AF_UNSPEC;
	if (!unspec) {
		error = in_sockaddr_check(sa, len, &sin);
		if (error != 0)
			return error;
		if (need_port && sin.sin_port == 0)
			return -EINVAL;
		error = route_lookup(sin.sin_addr.s_addr, &ifp, &nexthop);
		if (error != 0)
			return error;
	}
	mutex_enter(so->so_lock);
	error = set_peer(so, unspec ? NULL : &sin);
	if (error == 0 && unspec)
		so->so_state &= ~SS_ISCONNECTED;
	else if (error == 0) {
		so->so_state |= SS_ISCONNECTED;
		so->so_error = 0;
	}
	mutex_exit(so->so_lock);
	return error;
}

int
dgram_send_check(struct socket *so, bool has_dest)
{
	int error;

	if (so->so_state & SS_CANTSENDMORE)
		return -EPIPE;
	if (so->so_error != 0) {
		error = -so->so_error;
		so->so_error = 0;
		return error;
	}
	return has_dest ? 0 : -EDESTADDRREQ;
}

int
dgram_source(struct socket *so, uint32_t dst, uint32_t *srcp)
{
	struct ifnet *ifp;
	uint32_t nexthop;
	int error;

	if (dst == INADDR_BROADCAST && !(so->so_options & SO_OPT_BROADCAST))
		return -EACCES;
	if (*srcp == 0) {
		error = route_lookup(dst, &ifp, &nexthop);
		if (error != 0)
			return error;
		*srcp = ifp->if_addr;
	}
	return 0;
}

int
dgram_pkt_from_uio(struct uio *uio, size_t len, size_t hdr, struct pkt **pp)
{
	struct pkt *p = pkt_alloc(hdr + len, PKT_HEADROOM);
	size_t off = 0;
	int error;

	if (p == NULL)
		return -ENOBUFS;
	for (struct pkt *s = p; s != NULL; s = s->pk_next) {
		size_t skip = off < hdr ? MIN(hdr - off, s->pk_len) : 0;

		error = uiomove(s->pk_data + skip, s->pk_len - skip, uio);
		if (error != 0) {
			pkt_free(p);
			return error;
		}
		off += s->pk_len;
	}
	*pp = p;
	return 0;
}

int
dgram_intopt(bool get, void *val, socklen_t *lenp, int *vp)
{
	if (get) {
		*lenp = MIN(*lenp, (socklen_t)sizeof(*vp));
		memcpy(val, vp, *lenp);
		return 0;
	}
	if (*lenp < sizeof(*vp))
		return -EINVAL;
	memcpy(vp, val, sizeof(*vp));
	return 0;
}

int
dgram_ttlopt(bool get, void *val, socklen_t *lenp, int *ttlp)
{
	int v = *ttlp > 0 ? *ttlp : IP_DEFTTL;
	int error;

	error = dgram_intopt(get, val, lenp, &v);
	if (error != 0 || get)
		return error;
	if (v == -1)
		v = 0;  /* the default */
	else if (v < 1 || v > 255)
		return -EINVAL;
	*ttlp = v;
	return 0;
}
