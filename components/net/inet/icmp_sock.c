/*
 * icmp_sock.c -- what ping sockets (icmp_ping.c) and raw ICMP sockets
 * (icmp_raw.c) share: the control block list, bind, their use of the
 * datagram socket parts (dgram_sock.c: receive queue, connect, send
 * checks), addresses and the IP-level options.
 * One mutex (icmpso_lock) guards them all; no other lock of the stack
 * is taken while it is held (sends leave it before ip_output).
 */
#include "icmp_var.h"

kmutex_t icmpso_lock;
struct icmp_pcb *icmpso_pcbs;

int
icmpso_attach(struct socket *so, bool raw)
{
	struct icmp_pcb *ic = kmem_zalloc(sizeof(*ic), KM_SLEEP);

	if (ic == NULL)
		return -ENOMEM;
	ic->ic_so = so;
	ic->ic_raw = raw;
	dgram_queue_init(&ic->ic_rq);
	so->so_pcb = ic;
	so->so_lock = &icmpso_lock;
	mutex_enter(&icmpso_lock);
	ic->ic_next = icmpso_pcbs;
	icmpso_pcbs = ic;
	mutex_exit(&icmpso_lock);
	return 0;
}

void
icmpso_detach(struct socket *so)
{
	struct icmp_pcb *ic = so->so_pcb, **pp;

	mutex_enter(&icmpso_lock);
	for (pp = &icmpso_pcbs; *pp != ic; pp = &(*pp)->ic_next)
		;
	*pp = ic->ic_next;
	mutex_exit(&icmpso_lock);
	dgram_queue_purge(&ic->ic_rq);
	kmem_free(ic, sizeof(*ic));
}

int
icmpso_bind(struct socket *so, const struct sockaddr *sa, socklen_t len)
{
	struct icmp_pcb *ic = so->so_pcb;
	struct sockaddr_in sin;
	int error;

	error = in_sockaddr_bind(sa, len, true, &sin);
	if (error != 0)
		return error;
	mutex_enter(&icmpso_lock);
	/* A raw socket's port means nothing; a ping socket's is its
	 * identifier. */
	if (!ic->ic_raw)
		error = ping_bind_ident(ic, sin.sin_port);
	if (error == 0) {
		ic->ic_laddr = sin.sin_addr.s_addr;
		so->so_state |= SS_ISBOUND;
	}
	mutex_exit(&icmpso_lock);
	return error;
}

bool
icmpso_enqueue(struct icmp_pcb *ic, struct pkt *p, uint32_t src)
{
	struct socket *so = ic->ic_so;
	struct sockaddr_in from;

	if (!dgram_room(so, &ic->ic_rq, p->pk_pktlen))
		goto drop;
	/* Linux gives port 0 for both kinds of socket. */
	memset(&from, 0, sizeof(from));
	from.sin_family = AF_INET;
	from.sin_addr.s_addr = src;
	if (dgram_append(so, &ic->ic_rq, p, &from) != 0)
		goto drop;
	return true;

drop:
	inet_stats.icps_sockfull++;
	pkt_free(p);
	return false;
}

int
icmpso_send_prep(struct socket *so, struct sockmsg *sm, uint32_t *srcp,
    uint32_t *dstp, int *ttlp)
{
	struct icmp_pcb *ic = so->so_pcb;
	struct sockaddr_in to;
	int error = 0;

	if (sm->sm_namelen != 0) {
		error = in_sockaddr_check((struct sockaddr *)&sm->sm_name,
		    sm->sm_namelen, &to);
		if (error != 0)
			return error;
	}
	mutex_enter(&icmpso_lock);
	error = dgram_send_check(so, sm->sm_namelen != 0 || ic->ic_faddr != 0);
	if (error == 0 && !ic->ic_raw && ic->ic_ident == 0)
		error = ping_autobind(ic);
	*srcp = ic->ic_laddr;
	*dstp = sm->sm_namelen != 0 ? to.sin_addr.s_addr : ic->ic_faddr;
	*ttlp = ic->ic_ttl;
	mutex_exit(&icmpso_lock);
	if (error != 0)
		return error;
	return dgram_source(so, *dstp, srcp);
}

/* The peer of a connect, or none (icmpso_lock held): dgram_connect.
 * A ping socket gets its identifier then, as a UDP socket its port. */
static int
icmpso_set_peer(struct socket *so, const struct sockaddr_in *sin)
{
	struct icmp_pcb *ic = so->so_pcb;
	int error = 0;

	if (sin != NULL && !ic->ic_raw && ic->ic_ident == 0)
		error = ping_autobind(ic);
	if (error == 0)
		ic->ic_faddr = sin != NULL ? sin->sin_addr.s_addr : 0;
	return error;
}

int
icmpso_connect(struct socket *so, const struct sockaddr *sa, socklen_t len,
    bool nonblock)
{
	(void)nonblock;
	return dgram_connect(so, sa, len, false, icmpso_set_peer);
}

ssize_t
icmpso_recv(struct socket *so, struct sockmsg *sm, int flags)
{
	struct icmp_pcb *ic = so->so_pcb;
	ssize_t n;

	mutex_enter(&icmpso_lock);
	/* MSG_TRUNC asks for the real length: raw sockets honour it,
	 * Linux's ping sockets do not. */
	if (!ic->ic_raw)
		flags &= ~MSG_TRUNC;
	n = dgram_recv(so, &ic->ic_rq, sm, flags);
	mutex_exit(&icmpso_lock);
	return n;
}

int
icmpso_sockaddr(struct socket *so, struct sockaddr_storage *ss,
    socklen_t *lenp)
{
	struct icmp_pcb *ic = so->so_pcb;

	mutex_enter(&icmpso_lock);
	/* A ping socket's identifier shows as its port, as on Linux. */
	in_sockaddr_fill(ss, lenp, ic->ic_laddr, ic->ic_ident);
	mutex_exit(&icmpso_lock);
	return 0;
}

int
icmpso_peeraddr(struct socket *so, struct sockaddr_storage *ss,
    socklen_t *lenp)
{
	/* Even when connected: Linux's inet_getname wants a peer port,
	 * and these sockets have none. */
	(void)so;
	(void)ss;
	(void)lenp;
	return -ENOTCONN;
}

int
icmpso_poll(struct socket *so, int events, struct pollwait *pw)
{
	struct icmp_pcb *ic = so->so_pcb;
	int revents;

	mutex_enter(&icmpso_lock);
	revents = dgram_poll(so, &ic->ic_rq, events, pw);
	mutex_exit(&icmpso_lock);
	return revents;
}

/* SOL_RAW: ICMP_FILTER (Linux's raw_seticmpfilter: a shorter value
 * sets only its first bytes, a longer one is cut to 4 bytes). */
static int
icmpso_rawopt(struct icmp_pcb *ic, bool get, int name, void *val,
    socklen_t *lenp)
{
	socklen_t n = MIN(*lenp, (socklen_t)sizeof(ic->ic_icmpfilter));

	if (name != ICMP_FILTER)
		return -ENOPROTOOPT;
	mutex_enter(&icmpso_lock);
	if (get)
		memcpy(val, &ic->ic_icmpfilter, n);
	else
		memcpy(&ic->ic_icmpfilter, val, n);
	mutex_exit(&icmpso_lock);
	*lenp = n;
	return 0;
}

int
icmpso_ctloutput(struct socket *so, bool get, int level, int name, void *val,
    socklen_t *lenp)
{
	struct icmp_pcb *ic = so->so_pcb;
	int v, error;

	if (level == SOL_RAW && ic->ic_raw)
		return icmpso_rawopt(ic, get, name, val, lenp);
	if (level != SOL_IP)
		return -ENOPROTOOPT;
	switch (name) {
	case IP_TTL:
		return dgram_ttlopt(get, val, lenp, &ic->ic_ttl);
	case IP_HDRINCL:
		/* Linux: raw sockets only. */
		if (!ic->ic_raw)
			return -ENOPROTOOPT;
		v = ic->ic_hdrincl;
		error = dgram_intopt(get, val, lenp, &v);
		if (error == 0 && !get)
			ic->ic_hdrincl = v != 0;
		return error;
	default:
		return -ENOPROTOOPT;
	}
}

int
icmpso_nread(struct socket *so)
{
	struct icmp_pcb *ic = so->so_pcb;
	int n;

	mutex_enter(&icmpso_lock);
	n = dgram_nread(&ic->ic_rq);
	mutex_exit(&icmpso_lock);
	return n;
}

void
icmp_sock_init(void)
{
	mutex_init(&icmpso_lock, MUTEX_DEFAULT);
}
