/*
 * icmp_raw.c -- raw ICMP sockets (socket(AF_INET, SOCK_RAW,
 * IPPROTO_ICMP)), for uid 0 only (EPERM otherwise, as Linux without
 * CAP_NET_RAW).  Every ICMP message that reaches this host is copied to
 * each raw socket whose bound address is its destination and whose
 * connected peer is its source (0: any), IP header included, before
 * ICMP's own processing.  Sending takes an ICMP message as the caller
 * built it (checksum included) and adds the IP header; with IP_HDRINCL
 * the caller writes the IP header too, and the kernel fills in the
 * total length, the checksum, and the source address and identifier
 * when they are 0 (Linux's raw_send_hdrinc).  Only ICMP: other
 * protocols, and protocol 0, are EPROTONOSUPPORT.  ICMP_FILTER (level
 * SOL_RAW) drops the types whose bits are set (types 0..31).
 */
#include "icmp_var.h"

static uint16_t raw_id_next;

static int
raw_attach(struct socket *so)
{
	if (curproc->p_cred.cr_euid != 0)
		return -EPERM;
	return icmpso_attach(so, true);
}

/* IP_HDRINCL: p is a whole IP datagram for dst; fill in what the
 * kernel owns and hand it to the interface.  Takes p. */
static int
raw_output_hdrincl(struct pkt *p, uint32_t src, uint32_t dst)
{
	struct ifnet *ifp;
	struct ip_hdr ip;
	uint32_t nexthop;
	size_t hlen;
	int error;

	if (p->pk_pktlen < sizeof(ip)) {
		error = -EINVAL;
		goto out_free;
	}
	error = route_lookup(dst, &ifp, &nexthop);
	if (error != 0)
		goto out_free;
	if (!(ifp->if_flags & IFF_UP)) {
		error = -ENETDOWN;
		goto out_free;
	}
	if (p->pk_pktlen > ifp->if_mtu) {  /* no fragmenting for them */
		error = -EMSGSIZE;
		goto out_free;
	}
	(void)pkt_copydata(p, 0, sizeof(ip), &ip);
	hlen = (size_t)(ip.ip_vhl & 0xf) * 4;
	if (hlen > p->pk_pktlen) {
		error = -EINVAL;
		goto out_free;
	}
	if (hlen >= sizeof(ip)) {
		uint8_t h[60];

		if (ip.ip_src == 0)
			ip.ip_src = src;
		ip.ip_len = htons((uint16_t)p->pk_pktlen);
		if (ip.ip_id == 0)
			ip.ip_id = htons(atomic_inc(&raw_id_next));
		ip.ip_sum = 0;
		(void)pkt_copyback(p, 0, sizeof(ip), &ip);
		(void)pkt_copydata(p, 0, hlen, h);
		ip.ip_sum = htons(in_cksum_fold(in_cksum_add(0, h, hlen)));
		(void)pkt_copyback(p, 0, sizeof(ip), &ip);
	}
	inet_stats.ips_out++;
	return ifp->if_output(ifp, p, nexthop);

out_free:
	pkt_free(p);
	return error;
}

static ssize_t
raw_send(struct socket *so, struct sockmsg *sm, int flags)
{
	struct icmp_pcb *ic = so->so_pcb;
	size_t len = sm->sm_uio->uio_resid;
	uint32_t src, dst;
	struct pkt *p;
	bool hdrincl;
	int error, ttl;

	if (len > IP_MAXPACKET)
		return -EMSGSIZE;
	if (flags & MSG_OOB)
		return -EOPNOTSUPP;
	error = icmpso_send_prep(so, sm, &src, &dst, &ttl);
	if (error != 0)
		return error;
	error = dgram_pkt_from_uio(sm->sm_uio, len, 0, &p);
	if (error != 0)
		return error;
	mutex_enter(&icmpso_lock);
	hdrincl = ic->ic_hdrincl;
	mutex_exit(&icmpso_lock);
	if (hdrincl)
		error = raw_output_hdrincl(p, src, dst);
	else
		error = ip_output(p, src, dst, IPPROTO_ICMP, ttl);
	return error != 0 ? error : (ssize_t)len;
}

void
icmp_raw_input(const struct pkt *p)
{
	const struct ip_hdr *ip = (const struct ip_hdr *)p->pk_data;
	uint32_t src = ip->ip_src, dst = ip->ip_dst;
	size_t hlen = (size_t)(ip->ip_vhl & 0xf) * 4;
	uint8_t type;

	/* Too short to have a type: no raw socket sees it (Linux). */
	if (pkt_copydata(p, hlen, 1, &type) != 0)
		return;
	mutex_enter(&icmpso_lock);
	for (struct icmp_pcb *ic = icmpso_pcbs; ic != NULL; ic = ic->ic_next) {
		struct pkt *c;

		if (!ic->ic_raw || (ic->ic_laddr != 0 && ic->ic_laddr != dst) ||
		    (ic->ic_faddr != 0 && ic->ic_faddr != src))
			continue;
		if (type < 32 && (ic->ic_icmpfilter & (1u << type)))
			continue;  /* ICMP_FILTER */
		c = pkt_dup(p, 0);
		if (c == NULL) {
			inet_stats.icps_sockfull++;
			continue;
		}
		if (icmpso_enqueue(ic, c, src))
			inet_stats.icps_raw_delivered++;
	}
	mutex_exit(&icmpso_lock);
}

const struct protosw raw_icmp_protosw = {
	.pr_family = AF_INET, .pr_type = SOCK_RAW,
	.pr_protocol = IPPROTO_ICMP,
	.pr_attach = raw_attach, .pr_detach = icmpso_detach,
	.pr_bind = icmpso_bind, .pr_connect = icmpso_connect,
	.pr_send = raw_send, .pr_recv = icmpso_recv,
	.pr_shutdown = dgram_shutdown,
	.pr_sockaddr = icmpso_sockaddr, .pr_peeraddr = icmpso_peeraddr,
	.pr_poll = icmpso_poll, .pr_ctloutput = icmpso_ctloutput,
	.pr_nread = icmpso_nread,
};

/* SOCK_RAW with protocol 0 names no protocol: Linux refuses it. */
static int
raw_noproto_attach(struct socket *so)
{
	(void)so;
	return -EPROTONOSUPPORT;
}

const struct protosw raw_noproto_protosw = {
	.pr_family = AF_INET, .pr_type = SOCK_RAW, .pr_protocol = 0,
	.pr_attach = raw_noproto_attach,
};
