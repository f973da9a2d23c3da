/*
 * udp.c -- UDP (RFC 768, RFC 1122 4.1) and its sockets (AF_INET,
 * SOCK_DGRAM).  One mutex (udp_lock) guards every UDP socket and the
 * port table; datagrams are queued on the receiving socket with their
 * sender's address.  ICMP errors reach connected sockets as so_error.
 */
#include "dgram_sock.h"

#define UDP_EPHEMERAL_LO 32768  /* net.ipv4.ip_local_port_range */
#define UDP_EPHEMERAL_HI 60999

struct inpcb {
	struct socket *inp_so;
	struct inpcb *inp_next;
	uint32_t inp_laddr;       /* network order; 0: any */
	uint16_t inp_lport;       /* network order; 0: unbound */
	uint32_t inp_faddr;       /* connected peer; 0: none */
	uint16_t inp_fport;
	int inp_ttl;
	struct dgram_queue inp_rq;  /* payloads only */
};

static kmutex_t udp_lock;
static struct inpcb *udp_pcbs;
static uint16_t udp_port_next = UDP_EPHEMERAL_LO;

static int
udp_attach(struct socket *so)
{
	struct inpcb *inp = kmem_zalloc(sizeof(*inp), KM_SLEEP);

	if (inp == NULL)
		return -ENOMEM;
	inp->inp_so = so;
	dgram_queue_init(&inp->inp_rq);
	so->so_pcb = inp;
	so->so_lock = &udp_lock;
	mutex_enter(&udp_lock);
	inp->inp_next = udp_pcbs;
	udp_pcbs = inp;
	mutex_exit(&udp_lock);
	return 0;
}

static void
udp_detach(struct socket *so)
{
	struct inpcb *inp = so->so_pcb, **ip;

	mutex_enter(&udp_lock);
	for (ip = &udp_pcbs; *ip != inp; ip = &(*ip)->inp_next)
		;
	*ip = inp->inp_next;
	mutex_exit(&udp_lock);
	dgram_queue_purge(&inp->inp_rq);
	kmem_free(inp, sizeof(*inp));
}

/* Is (laddr, lport) taken by another socket (udp_lock held)? */
static bool
udp_port_busy(struct inpcb *self, uint32_t laddr, uint16_t lport)
{
	for (struct inpcb *i = udp_pcbs; i != NULL; i = i->inp_next) {
		if (i == self || i->inp_lport != lport)
			continue;
		if (i->inp_laddr != 0 && laddr != 0 && i->inp_laddr != laddr)
			continue;
		/* Linux UDP: both must have asked for sharing. */
		if ((i->inp_so->so_options & self->inp_so->so_options &
		    (SO_OPT_REUSEADDR | SO_OPT_REUSEPORT)) != 0)
			continue;
		return true;
	}
	return false;
}

/* Bind to laddr and an ephemeral port (udp_lock held). */
static int
udp_autobind(struct inpcb *inp, uint32_t laddr)
{
	for (int n = 0; n <= UDP_EPHEMERAL_HI - UDP_EPHEMERAL_LO; n++) {
		uint16_t port = udp_port_next;

		udp_port_next = port == UDP_EPHEMERAL_HI ? UDP_EPHEMERAL_LO :
		    port + 1;
		if (!udp_port_busy(inp, laddr, htons(port))) {
			inp->inp_laddr = laddr;
			inp->inp_lport = htons(port);
			inp->inp_so->so_state |= SS_ISBOUND;
			return 0;
		}
	}
	return -EAGAIN;  /* Linux's answer when the range is used up */
}

static int
udp_bind(struct socket *so, const struct sockaddr *sa, socklen_t len)
{
	struct inpcb *inp = so->so_pcb;
	struct sockaddr_in sin;
	int error;

	error = in_sockaddr_bind(sa, len, true, &sin);
	if (error != 0)
		return error;
	/* Ports below 1024 are privileged. */
	if (sin.sin_port != 0 && ntohs(sin.sin_port) < 1024 &&
	    curproc->p_cred.cr_euid != 0)
		return -EACCES;
	mutex_enter(&udp_lock);
	if (inp->inp_lport != 0)
		error = -EINVAL;
	else if (sin.sin_port == 0)
		error = udp_autobind(inp, sin.sin_addr.s_addr);
	else if (udp_port_busy(inp, sin.sin_addr.s_addr, sin.sin_port))
		error = -EADDRINUSE;
	else {
		inp->inp_laddr = sin.sin_addr.s_addr;
		inp->inp_lport = sin.sin_port;
		so->so_state |= SS_ISBOUND;
	}
	mutex_exit(&udp_lock);
	return error;
}

/* The peer of a connect, or none (udp_lock held): dgram_connect. */
static int
udp_set_peer(struct socket *so, const struct sockaddr_in *sin)
{
	struct inpcb *inp = so->so_pcb;
	int error = 0;

	if (sin != NULL && inp->inp_lport == 0)
		error = udp_autobind(inp, 0);
	if (error == 0) {
		inp->inp_faddr = sin != NULL ? sin->sin_addr.s_addr : 0;
		inp->inp_fport = sin != NULL ? sin->sin_port : 0;
	}
	return error;
}

static int
udp_connect(struct socket *so, const struct sockaddr *sa, socklen_t len,
    bool nonblock)
{
	(void)nonblock;
	return dgram_connect(so, sa, len, true, udp_set_peer);
}

static ssize_t
udp_send(struct socket *so, struct sockmsg *sm, int flags)
{
	struct inpcb *inp = so->so_pcb;
	struct sockaddr_in to;
	struct udp_hdr uh;
	uint32_t src, dst;
	uint16_t sport, dport;
	size_t len = sm->sm_uio->uio_resid;
	struct pkt *p;
	int error, ttl;

	(void)flags;
	if (sm->sm_namelen != 0) {
		error = in_sockaddr_check((struct sockaddr *)&sm->sm_name,
		    sm->sm_namelen, &to);
		if (error != 0)
			return error;
		if (to.sin_port == 0)
			return -EINVAL;
	}
	if (len > IP_MAXPACKET - sizeof(struct ip_hdr) - sizeof(uh))
		return -EMSGSIZE;
	mutex_enter(&udp_lock);
	error = dgram_send_check(so,
	    sm->sm_namelen != 0 || inp->inp_faddr != 0);
	if (error == 0 && inp->inp_lport == 0)
		error = udp_autobind(inp, 0);
	src = inp->inp_laddr;
	sport = inp->inp_lport;
	dst = sm->sm_namelen != 0 ? to.sin_addr.s_addr : inp->inp_faddr;
	dport = sm->sm_namelen != 0 ? to.sin_port : inp->inp_fport;
	ttl = inp->inp_ttl;
	mutex_exit(&udp_lock);
	if (error == 0)
		error = dgram_source(so, dst, &src);
	if (error == 0)
		error = dgram_pkt_from_uio(sm->sm_uio, len, sizeof(uh), &p);
	if (error != 0)
		return error;
	uh.uh_sport = sport;
	uh.uh_dport = dport;
	uh.uh_ulen = htons((uint16_t)(len + sizeof(uh)));
	uh.uh_sum = 0;
	(void)pkt_copyback(p, 0, sizeof(uh), &uh);
	uh.uh_sum = htons(pkt_cksum(p, 0, p->pk_pktlen,
	    in_pseudo(src, dst, IPPROTO_UDP, (uint16_t)p->pk_pktlen)));
	if (uh.uh_sum == 0)
		uh.uh_sum = 0xffff;  /* 0 means "no checksum" (RFC 768) */
	(void)pkt_copyback(p, 0, sizeof(uh), &uh);
	error = ip_output(p, src, dst, IPPROTO_UDP, ttl);
	return error != 0 ? error : (ssize_t)len;
}

void
udp_input(struct pkt *p, size_t hlen)
{
	struct ip_hdr *ip = (struct ip_hdr *)p->pk_data;
	struct inpcb *best = NULL;
	struct sockaddr_in from;
	struct udp_hdr uh;
	size_t ulen;
	uint32_t src = ip->ip_src, dst = ip->ip_dst;

	if (pkt_copydata(p, hlen, sizeof(uh), &uh) != 0) {
		inet_stats.udps_tooshort++;
		goto drop;
	}
	ulen = ntohs(uh.uh_ulen);
	if (ulen < sizeof(uh) || ulen > p->pk_pktlen - hlen) {
		inet_stats.udps_badlen++;
		goto drop;
	}
	if (uh.uh_sum != 0 && pkt_cksum(p, hlen, ulen,
	    in_pseudo(src, dst, IPPROTO_UDP, (uint16_t)ulen)) != 0) {
		inet_stats.udps_badsum++;
		goto drop;
	}
	mutex_enter(&udp_lock);
	/* The most specific match: connected, then bound address, then
	 * wildcard. */
	for (struct inpcb *i = udp_pcbs; i != NULL; i = i->inp_next) {
		if (i->inp_lport != uh.uh_dport)
			continue;
		if (i->inp_laddr != 0 && i->inp_laddr != dst &&
		    !(p->pk_flags & PKF_BCAST))
			continue;
		if (i->inp_faddr != 0 && (i->inp_faddr != src ||
		    i->inp_fport != uh.uh_sport))
			continue;
		if (best == NULL || (i->inp_faddr != 0 && best->inp_faddr == 0) ||
		    (i->inp_laddr != 0 && best->inp_laddr == 0 &&
		     best->inp_faddr == 0))
			best = i;
	}
	if (best == NULL) {
		mutex_exit(&udp_lock);
		inet_stats.udps_noport++;
		icmp_error(p, ICMP_UNREACH, ICMP_UNREACH_PORT);
		return;
	}
	/* The room asked for counts the UDP header too. */
	if (!dgram_room(best->inp_so, &best->inp_rq, ulen))
		goto drop_full;
	pkt_adj(p, (long)(hlen + sizeof(uh)));
	pkt_adj(p, -(long)(p->pk_pktlen - (ulen - sizeof(uh))));
	memset(&from, 0, sizeof(from));
	from.sin_family = AF_INET;
	from.sin_addr.s_addr = src;
	from.sin_port = uh.uh_sport;
	if (dgram_append(best->inp_so, &best->inp_rq, p, &from) != 0)
		goto drop_full;
	inet_stats.udps_delivered++;
	mutex_exit(&udp_lock);
	return;
drop_full:
	mutex_exit(&udp_lock);
	inet_stats.udps_fullsock++;
drop:
	pkt_free(p);
}

void
udp_ctlinput(int error, uint32_t src, uint16_t sport, uint32_t dst,
    uint16_t dport)
{
	mutex_enter(&udp_lock);
	/* Only connected sockets hear about errors (RFC 1122 4.1.3.3
	 * leaves it to us; Linux does the same without IP_RECVERR). */
	for (struct inpcb *i = udp_pcbs; i != NULL; i = i->inp_next) {
		if (i->inp_lport == sport && i->inp_faddr == dst &&
		    i->inp_fport == dport &&
		    (i->inp_laddr == 0 || i->inp_laddr == src))
			dgram_error(i->inp_so, error);
	}
	mutex_exit(&udp_lock);
}

static ssize_t
udp_recv(struct socket *so, struct sockmsg *sm, int flags)
{
	struct inpcb *inp = so->so_pcb;
	ssize_t n;

	mutex_enter(&udp_lock);
	n = dgram_recv(so, &inp->inp_rq, sm, flags);
	mutex_exit(&udp_lock);
	return n;
}

static int
udp_sockaddr(struct socket *so, struct sockaddr_storage *ss, socklen_t *lenp)
{
	struct inpcb *inp = so->so_pcb;

	mutex_enter(&udp_lock);
	in_sockaddr_fill(ss, lenp, inp->inp_laddr, inp->inp_lport);
	mutex_exit(&udp_lock);
	return 0;
}

static int
udp_peeraddr(struct socket *so, struct sockaddr_storage *ss, socklen_t *lenp)
{
	struct inpcb *inp = so->so_pcb;
	int error = 0;

	mutex_enter(&udp_lock);
	if (inp->inp_faddr == 0)
		error = -ENOTCONN;
	else
		in_sockaddr_fill(ss, lenp, inp->inp_faddr, inp->inp_fport);
	mutex_exit(&udp_lock);
	return error;
}

static int
udp_poll(struct socket *so, int events, struct pollwait *pw)
{
	struct inpcb *inp = so->so_pcb;
	int revents;

	mutex_enter(&udp_lock);
	revents = dgram_poll(so, &inp->inp_rq, events, pw);
	mutex_exit(&udp_lock);
	return revents;
}

static int
udp_ctloutput(struct socket *so, bool get, int level, int name, void *val,
    socklen_t *lenp)
{
	struct inpcb *inp = so->so_pcb;

	if (level != SOL_IP || name != IP_TTL)
		return -ENOPROTOOPT;
	return dgram_ttlopt(get, val, lenp, &inp->inp_ttl);
}

static int
udp_nread(struct socket *so)
{
	struct inpcb *inp = so->so_pcb;
	int n;

	mutex_enter(&udp_lock);
	n = dgram_nread(&inp->inp_rq);
	mutex_exit(&udp_lock);
	return n;
}

const struct protosw udp_protosw = {
	.pr_family = AF_INET, .pr_type = SOCK_DGRAM, .pr_protocol = IPPROTO_UDP,
	.pr_attach = udp_attach, .pr_detach = udp_detach,
	.pr_bind = udp_bind, .pr_connect = udp_connect,
	.pr_send = udp_send, .pr_recv = udp_recv,
	.pr_shutdown = dgram_shutdown,
	.pr_sockaddr = udp_sockaddr, .pr_peeraddr = udp_peeraddr,
	.pr_poll = udp_poll, .pr_ctloutput = udp_ctloutput,
	.pr_nread = udp_nread,
};

void
udp_init(void)
{
	mutex_init(&udp_lock, MUTEX_DEFAULT);
}
