/*
 * dhcp_io.c -- DHCP messages on the wire: UDP from port 68 to 67.  A
 * client without an address cannot use the socket layer (no source
 * address, no route out of the interface it means), so broadcasts are
 * framed here, UDP and IP header included, and handed to the
 * interface; replies are taken from IP input by the ip_bootpc_input
 * hook, before the check that they are addressed to us.
 */
#include "dhcp_int.h"

static uint16_t dhcp_ip_id;

static struct pkt *
udp_frame(const uint8_t *msg, size_t len, uint32_t src, uint32_t dst)
{
	struct udp_hdr uh;
	struct pkt *p;
	uint16_t sum;

	p = pkt_from_buf(msg, len, PKT_HEADROOM);
	if (p == NULL)
		return NULL;
	if (pkt_prepend(&p, sizeof(uh)) != 0)
		return NULL;
	uh.uh_sport = htons(DHCP_CLIENT_PORT);
	uh.uh_dport = htons(DHCP_SERVER_PORT);
	uh.uh_ulen = htons((uint16_t)(len + sizeof(uh)));
	uh.uh_sum = 0;
	(void)pkt_copyback(p, 0, sizeof(uh), &uh);
	sum = pkt_cksum(p, 0, p->pk_pktlen,
	    in_pseudo(src, dst, IPPROTO_UDP, (uint16_t)p->pk_pktlen));
	uh.uh_sum = htons(sum == 0 ? 0xffff : sum);
	(void)pkt_copyback(p, 0, sizeof(uh), &uh);
	return p;
}

int
dhcp_send(struct ifnet *ifp, const uint8_t *msg, size_t len, uint32_t src,
    uint32_t dst)
{
	struct ip_hdr ip;
	struct pkt *p;

	p = udp_frame(msg, len, src, dst);
	if (p == NULL)
		return -ENOBUFS;
	if (dst != INADDR_BROADCAST)
		return ip_output(p, src, dst, IPPROTO_UDP, 0);
	if (pkt_prepend(&p, sizeof(ip)) != 0)
		return -ENOBUFS;
	memset(&ip, 0, sizeof(ip));
	ip.ip_vhl = 4 << 4 | sizeof(ip) / 4;
	ip.ip_len = htons((uint16_t)p->pk_pktlen);
	ip.ip_id = htons(atomic_inc(&dhcp_ip_id));
	ip.ip_ttl = IP_DEFTTL;
	ip.ip_p = IPPROTO_UDP;
	ip.ip_src = src;
	ip.ip_dst = dst;
	ip.ip_sum = htons(in_cksum_fold(in_cksum_add(0, &ip, sizeof(ip))));
	(void)pkt_copyback(p, 0, sizeof(ip), &ip);
	inet_stats.ips_out++;
	return ifp->if_output(ifp, p, INADDR_BROADCAST);
}

bool
dhcp_input(struct pkt *p, size_t hlen)
{
	struct ip_hdr ip;
	struct udp_hdr uh;
	struct dhcp_lease *l;
	uint8_t *buf;
	size_t ulen;
	bool taken;

	if (p->pk_rcvif == NULL ||
	    pkt_copydata(p, hlen, sizeof(uh), &uh) != 0 ||
	    uh.uh_dport != htons(DHCP_CLIENT_PORT) ||
	    uh.uh_sport != htons(DHCP_SERVER_PORT))
		return false;
	(void)pkt_copydata(p, 0, sizeof(ip), &ip);
	ulen = ntohs(uh.uh_ulen);
	if (ulen < sizeof(uh) + sizeof(struct dhcp_hdr) ||
	    ulen > p->pk_pktlen - hlen || ulen - sizeof(uh) > DHCP_MSG_MAX)
		return false;  /* udp_input counts what is wrong with it */
	if (uh.uh_sum != 0 && pkt_cksum(p, hlen, ulen,
	    in_pseudo(ip.ip_src, ip.ip_dst, IPPROTO_UDP, (uint16_t)ulen)) != 0)
		return false;
	buf = kmem_alloc(DHCP_MSG_MAX + sizeof(*l), KM_SLEEP);
	if (buf == NULL)
		return false;
	l = (struct dhcp_lease *)(void *)(buf + DHCP_MSG_MAX);
	(void)pkt_copydata(p, hlen + sizeof(uh), ulen - sizeof(uh), buf);
	taken = dhcp_parse(buf, ulen - sizeof(uh), l) == 0 &&
	    dhcp_deliver(p->pk_rcvif, l);
	kmem_free(buf, DHCP_MSG_MAX + sizeof(*l));
	if (taken)
		pkt_free(p);
	return taken;
}
