/*
 * icmp_ping.c -- ping sockets, as Linux's (socket(AF_INET, SOCK_DGRAM,
 * IPPROTO_ICMP)): a program without privileges sends ICMP echo requests
 * and receives the replies to them.
 *
 * The socket's "port" is the echo identifier: bind picks it (0: any
 * free one, as UDP's ephemeral ports), or send/connect do.  The caller
 * writes an 8-byte ICMP header (type 8, code 0; its sequence number is
 * kept) and the payload; the kernel sets the identifier and checksum.
 * Echo replies with the socket's identifier (to its bound address, if
 * any) are queued whole, ICMP header first, with the sender's address
 * and port 0.  Linux allows these sockets to the groups of the
 * net.ipv4.ping_group_range sysctl (default: nobody); this kernel has
 * no such sysctl and allows them to every credential.
 */
#include "icmp_var.h"

static uint16_t ping_ident_next = 1;   /* host order; never 0 */

/* Is identifier id (network order) taken by another ping socket?
 * (icmpso_lock held) Shared only when both set SO_REUSEADDR. */
static bool
ping_ident_busy(struct icmp_pcb *self, uint16_t id)
{
	for (struct icmp_pcb *i = icmpso_pcbs; i != NULL; i = i->ic_next) {
		if (i == self || i->ic_raw || i->ic_ident != id)
			continue;
		if ((i->ic_so->so_options & self->ic_so->so_options &
		    SO_OPT_REUSEADDR) != 0)
			continue;
		return true;
	}
	return false;
}

int
ping_autobind(struct icmp_pcb *ic)
{
	for (int n = 0; n < 65535; n++) {
		uint16_t id = ping_ident_next;

		ping_ident_next = id == 65535 ? 1 : id + 1;
		if (!ping_ident_busy(ic, htons(id))) {
			ic->ic_ident = htons(id);
			ic->ic_so->so_state |= SS_ISBOUND;
			return 0;
		}
	}
	return -EAGAIN;
}

static int
ping_attach(struct socket *so)
{
	return icmpso_attach(so, false);
}

int
ping_bind_ident(struct icmp_pcb *ic, uint16_t id)
{
	if (ic->ic_ident != 0)
		return -EINVAL;
	if (id == 0)
		return ping_autobind(ic);
	if (ping_ident_busy(ic, id))
		return -EADDRINUSE;
	ic->ic_ident = id;
	return 0;
}

static ssize_t
ping_send(struct socket *so, struct sockmsg *sm, int flags)
{
	struct icmp_pcb *ic = so->so_pcb;
	size_t len = sm->sm_uio->uio_resid;
	struct icmp_hdr h;
	uint32_t src, dst;
	struct pkt *p;
	int error, ttl;

	/* Linux's order of checks (ping_common_sendmsg, then the
	 * address); 65516..65535 bytes fail in ip_output, EMSGSIZE too. */
	if (len > IP_MAXPACKET)
		return -EMSGSIZE;
	if (len < sizeof(h))
		return -EINVAL;
	if (flags & MSG_OOB)
		return -EOPNOTSUPP;
	error = dgram_pkt_from_uio(sm->sm_uio, len, 0, &p);
	if (error != 0)
		return error;
	(void)pkt_copydata(p, 0, sizeof(h), &h);
	if (h.icmp_type != ICMP_ECHO || h.icmp_code != 0) {
		error = -EINVAL;
		goto out_free;
	}
	error = icmpso_send_prep(so, sm, &src, &dst, &ttl);
	if (error != 0)
		goto out_free;
	mutex_enter(&icmpso_lock);
	h.icmp_id = ic->ic_ident;
	mutex_exit(&icmpso_lock);
	h.icmp_cksum = 0;
	(void)pkt_copyback(p, 0, sizeof(h), &h);
	h.icmp_cksum = htons(pkt_cksum(p, 0, p->pk_pktlen, 0));
	(void)pkt_copyback(p, 0, sizeof(h), &h);
	error = ip_output(p, src, dst, IPPROTO_ICMP, ttl);
	return error != 0 ? error : (ssize_t)len;

out_free:
	pkt_free(p);
	return error;
}

bool
ping_input(struct pkt *p, size_t hlen, const struct icmp_hdr *ich)
{
	const struct ip_hdr *ip = (const struct ip_hdr *)p->pk_data;
	uint32_t src = ip->ip_src, dst = ip->ip_dst;
	struct icmp_pcb *ic;

	mutex_enter(&icmpso_lock);
	for (ic = icmpso_pcbs; ic != NULL; ic = ic->ic_next)
		if (!ic->ic_raw && ic->ic_ident == ich->icmp_id &&
		    (ic->ic_laddr == 0 || ic->ic_laddr == dst))
			break;
	if (ic == NULL) {
		mutex_exit(&icmpso_lock);
		return false;
	}
	pkt_adj(p, (long)hlen);  /* the reader gets the ICMP message */
	if (icmpso_enqueue(ic, p, src))
		inet_stats.icps_ping_delivered++;
	mutex_exit(&icmpso_lock);
	return true;
}

void
ping_ctlinput(int error, uint32_t src, uint32_t dst, uint16_t id)
{
	mutex_enter(&icmpso_lock);
	/* Only connected sockets hear of errors, as UDP's (Linux without
	 * IP_RECVERR). */
	for (struct icmp_pcb *ic = icmpso_pcbs; ic != NULL; ic = ic->ic_next) {
		if (!ic->ic_raw && ic->ic_ident == id && ic->ic_faddr == dst &&
		    (ic->ic_laddr == 0 || ic->ic_laddr == src))
			dgram_error(ic->ic_so, error);
	}
	mutex_exit(&icmpso_lock);
}

const struct protosw ping_protosw = {
	.pr_family = AF_INET, .pr_type = SOCK_DGRAM,
	.pr_protocol = IPPROTO_ICMP,
	.pr_attach = ping_attach, .pr_detach = icmpso_detach,
	.pr_bind = icmpso_bind, .pr_connect = icmpso_connect,
	.pr_send = ping_send, .pr_recv = icmpso_recv,
	.pr_shutdown = dgram_shutdown,
	.pr_sockaddr = icmpso_sockaddr, .pr_peeraddr = icmpso_peeraddr,
	.pr_poll = icmpso_poll, .pr_ctloutput = icmpso_ctloutput,
	/* no pr_nread: FIONREAD is ENOTTY, as Linux's ping sockets */
};
