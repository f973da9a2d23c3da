/*
 * ip_input.c -- IPv4 input (RFC 791, RFC 1122 3.2.1): check the header,
 * reassemble fragments (ip_reass.c), deliver packets addressed to us to
 * their protocol.  Every drop is counted in inet_stats.  Not forwarded:
 * this host is not a router.
 */
#include "inet_int.h"

struct inet_stats inet_stats;
bool (*ip_bootpc_input)(struct pkt *p, size_t hlen);

void
ip_input(struct pkt *p)
{
	struct ip_hdr *ip;
	size_t hlen, len;
	bool bcast;

	inet_stats.ips_total++;
	if (pkt_pullup(&p, sizeof(*ip)) != 0) {
		inet_stats.ips_tooshort++;
		return;  /* pullup freed it */
	}
	ip = (struct ip_hdr *)p->pk_data;
	if ((ip->ip_vhl >> 4) != 4) {
		inet_stats.ips_badvers++;
		goto drop;
	}
	hlen = (size_t)(ip->ip_vhl & 0xf) * 4;
	if (hlen < sizeof(*ip)) {
		inet_stats.ips_badhlen++;
		goto drop;
	}
	if (pkt_pullup(&p, hlen) != 0) {
		inet_stats.ips_badhlen++;
		return;
	}
	ip = (struct ip_hdr *)p->pk_data;
	if (pkt_cksum(p, 0, hlen, 0) != 0) {
		inet_stats.ips_badsum++;
		goto drop;
	}
	len = ntohs(ip->ip_len);
	if (len < hlen || len > p->pk_pktlen) {
		inet_stats.ips_badlen++;
		goto drop;
	}
	/* Link layers pad short frames: keep what the header says. */
	if (p->pk_pktlen > len)
		pkt_adj(p, -(long)(p->pk_pktlen - len));
	/* An interface taken down hears nothing. */
	if (p->pk_rcvif != NULL && !(p->pk_rcvif->if_flags & IFF_UP)) {
		inet_stats.ips_notforus++;
		goto drop;
	}
	if (ip->ip_p == IPPROTO_UDP && ip_bootpc_input != NULL &&
	    !(ntohs(ip->ip_off) & (IP_MF | IP_OFFMASK)) &&
	    ip_bootpc_input(p, hlen))
		return;
	if (!in_islocal(ip->ip_dst, &bcast)) {
		inet_stats.ips_notforus++;
		goto drop;
	}
	if (bcast)
		p->pk_flags |= PKF_BCAST;
	if (ntohs(ip->ip_off) & (IP_MF | IP_OFFMASK)) {
		p = ip_reass(p, hlen);
		if (p == NULL)
			return;  /* queued, or dropped and counted */
		ip = (struct ip_hdr *)p->pk_data;
		hlen = (size_t)(ip->ip_vhl & 0xf) * 4;
	}
	inet_stats.ips_delivered++;
	switch (ip->ip_p) {
	case IPPROTO_ICMP:
		icmp_input(p, hlen);
		return;
	case IPPROTO_UDP:
		udp_input(p, hlen);
		return;
	case IPPROTO_TCP:  /* tcp */
		tcp_input(p, hlen);
		return;
	default:
		inet_stats.ips_noproto++;
		icmp_error(p, ICMP_UNREACH, ICMP_UNREACH_PROTOCOL);
		return;
	}
drop:
	pkt_free(p);
}
