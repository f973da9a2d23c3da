/*
 * icmp.c -- ICMP (RFC 792, RFC 1122 3.2.2): answer echo requests, send
 * destination-unreachable errors, pass errors about our datagrams to
 * the transport (UDP sockets see ECONNREFUSED, EHOSTUNREACH ...), and
 * hand messages to the ICMP sockets (icmp_ping.c, icmp_raw.c).
 */
#include "inet_int.h"
#include "icmp_var.h"

/* Which errno an unreachable code becomes (RFC 1122 3.2.2.1). */
static const int unreach_errno[] = {
	[ICMP_UNREACH_NET] = ENETUNREACH,
	[ICMP_UNREACH_HOST] = EHOSTUNREACH,
	[ICMP_UNREACH_PROTOCOL] = ENOPROTOOPT,
	[ICMP_UNREACH_PORT] = ECONNREFUSED,
};

/* p holds at off the IP header and at least 8 bytes of a datagram we
 * sent that could not be delivered (code: why); tell its sender. */
static void
icmp_ctlinput(struct pkt *p, size_t off, int code)
{
	struct ip_hdr ip;
	struct udp_hdr uh;
	size_t ihlen;

	/* The quoted header and 8 bytes of the datagram that failed. */
	if (pkt_copydata(p, off, sizeof(ip), &ip) != 0)
		return;
	ihlen = (size_t)(ip.ip_vhl & 0xf) * 4;
	/* A later fragment carries no transport header. */
	if (ihlen < sizeof(ip) || (ntohs(ip.ip_off) & IP_OFFMASK) ||
	    (ip.ip_p != IPPROTO_UDP &&
	    ip.ip_p != IPPROTO_TCP && ip.ip_p != IPPROTO_ICMP) ||
	    pkt_copydata(p, off + ihlen, sizeof(uh), &uh) != 0)
		return;
	if (code < 0 || code >= (int)(sizeof(unreach_errno) / sizeof(int)) ||
	    unreach_errno[code] == 0)
		code = ICMP_UNREACH_HOST;
	if (ip.ip_p == IPPROTO_ICMP) {  /* net-icmp: our echo requests */
		struct icmp_hdr ic;

		memcpy(&ic, &uh, sizeof(ic));
		if (ic.icmp_type == ICMP_ECHO)
			ping_ctlinput(unreach_errno[code], ip.ip_src, ip.ip_dst,
			    ic.icmp_id);
		return;
	}
	if (ip.ip_p == IPPROTO_TCP) {  /* tcp: the quoted 8 bytes hold the
					* ports and sequence number */
		uint32_t seq;

		memcpy(&seq, (uint8_t *)&uh + 4, 4);
		tcp_ctlinput(unreach_errno[code], ip.ip_src, uh.uh_sport,
		    ip.ip_dst, uh.uh_dport, ntohl(seq));
		return;
	}
	udp_ctlinput(unreach_errno[code], ip.ip_src, uh.uh_sport, ip.ip_dst,
	    uh.uh_dport);
}

void
icmp_input(struct pkt *p, size_t hlen)
{
	struct ip_hdr *ip = (struct ip_hdr *)p->pk_data;
	uint32_t src = ip->ip_src, dst = ip->ip_dst;
	size_t len = p->pk_pktlen - hlen;
	struct icmp_hdr ic;

	/* Raw sockets see every message, as it came (Linux delivers to
	 * them before ICMP's own checks). */
	icmp_raw_input(p);
	if (len < sizeof(ic)) {
		inet_stats.icps_tooshort++;
		goto drop;
	}
	if (pkt_cksum(p, hlen, len, 0) != 0) {
		inet_stats.icps_badsum++;
		goto drop;
	}
	(void)pkt_copydata(p, hlen, sizeof(ic), &ic);
	switch (ic.icmp_type) {
	case ICMP_ECHO:
		/* No replies to broadcasts (RFC 1122 3.2.2.6 allows
		 * either; quiet is safer). */
		if (p->pk_flags & PKF_BCAST)
			goto drop;
		inet_stats.icps_echo++;
		pkt_adj(p, (long)hlen);
		ic.icmp_type = ICMP_ECHOREPLY;
		ic.icmp_cksum = 0;
		(void)pkt_copyback(p, 0, sizeof(ic), &ic);
		ic.icmp_cksum = htons(pkt_cksum(p, 0, p->pk_pktlen, 0));
		(void)pkt_copyback(p, 0, sizeof(ic), &ic);
		p->pk_flags = 0;
		p->pk_rcvif = NULL;
		(void)ip_output(p, dst, src, IPPROTO_ICMP, 0);
		return;
	case ICMP_ECHOREPLY:  /* net-icmp: for a ping socket? */
		if (ping_input(p, hlen, &ic))
			return;
		break;
	case ICMP_UNREACH:
		icmp_ctlinput(p, hlen + sizeof(ic), ic.icmp_code);
		break;
	default:
		break;
	}
drop:
	pkt_free(p);
}

void
icmp_error(struct pkt *p, int type, int code)
{
	struct ip_hdr ip;
	struct icmp_hdr ic;
	struct pkt *e;
	size_t hlen, quote;
	uint8_t t;

	(void)pkt_copydata(p, 0, sizeof(ip), &ip);
	hlen = (size_t)(ip.ip_vhl & 0xf) * 4;
	/* Never about broadcasts, fragments after the first or ICMP
	 * errors (RFC 1122 3.2.2). */
	if ((p->pk_flags & PKF_BCAST) || (ntohs(ip.ip_off) & IP_OFFMASK))
		goto drop;
	if (ip.ip_p == IPPROTO_ICMP &&
	    (pkt_copydata(p, hlen, 1, &t) != 0 ||
	     (t != ICMP_ECHO && t != ICMP_ECHOREPLY)))
		goto drop;
	quote = MIN(p->pk_pktlen, hlen + 8);
	e = pkt_alloc(sizeof(ic) + quote, PKT_HEADROOM);
	if (e == NULL)
		goto drop;
	memset(&ic, 0, sizeof(ic));
	ic.icmp_type = (uint8_t)type;
	ic.icmp_code = (uint8_t)code;
	(void)pkt_copyback(e, 0, sizeof(ic), &ic);
	for (size_t off = 0; off < quote; off++) {
		(void)pkt_copydata(p, off, 1, &t);
		(void)pkt_copyback(e, sizeof(ic) + off, 1, &t);
	}
	ic.icmp_cksum = htons(pkt_cksum(e, 0, e->pk_pktlen, 0));
	(void)pkt_copyback(e, 0, sizeof(ic), &ic);
	inet_stats.icps_error_out++;
	(void)ip_output(e, ip.ip_dst, ip.ip_src, IPPROTO_ICMP, 0);
drop:
	pkt_free(p);
}

/* --- net-icmp --- */
void
icmp_unreach_local(struct pkt *p, int code)
{
	icmp_ctlinput(p, 0, code);
	pkt_free(p);
}
