/*
 * ip_output.c -- IPv4 output: route, choose the source address, add the
 * header (RFC 791) and hand the packet to the interface.  Packets larger
 * than the interface MTU are refused with EMSGSIZE until fragmentation
 * is written.
 */
#include "inet_int.h"

static uint16_t ip_id_next;

uint32_t
in_pseudo(uint32_t src, uint32_t dst, int proto, uint16_t len)
{
	uint8_t ph[12];

	memcpy(ph, &src, 4);
	memcpy(ph + 4, &dst, 4);
	ph[8] = 0;
	ph[9] = (uint8_t)proto;
	ph[10] = (uint8_t)(len >> 8);
	ph[11] = (uint8_t)len;
	return in_cksum_add(0, ph, sizeof(ph));
}

int
ip_output(struct pkt *p, uint32_t src, uint32_t dst, int proto, int ttl)
{
	struct ifnet *ifp;
	struct ip_hdr ip;
	uint32_t nexthop;
	uint16_t sum;
	int error;

	/* Limited broadcast (255.255.255.255) takes the default route. */
	error = route_lookup(dst, &ifp, &nexthop);
	if (error != 0) {
		inet_stats.ips_noroute++;
		goto out_free;
	}
	if (p->pk_pktlen + sizeof(ip) > ifp->if_mtu ||
	    p->pk_pktlen + sizeof(ip) > IP_MAXPACKET) {
		inet_stats.ips_toobig++;
		error = -EMSGSIZE;
		goto out_free;
	}
	if (src == 0)
		src = ifp->if_addr;
	error = pkt_prepend(&p, sizeof(ip));
	if (error != 0)
		return error;  /* freed */
	memset(&ip, 0, sizeof(ip));
	ip.ip_vhl = 4 << 4 | sizeof(ip) / 4;
	ip.ip_len = htons((uint16_t)p->pk_pktlen);
	ip.ip_id = htons(atomic_inc(&ip_id_next));
	ip.ip_off = htons(IP_DF);  /* no fragmentation yet, so say so */
	ip.ip_ttl = (uint8_t)(ttl > 0 ? ttl : IP_DEFTTL);
	ip.ip_p = (uint8_t)proto;
	ip.ip_src = src;
	ip.ip_dst = dst;
	sum = in_cksum_fold(in_cksum_add(0, &ip, sizeof(ip)));
	ip.ip_sum = htons(sum);
	(void)pkt_copyback(p, 0, sizeof(ip), &ip);
	inet_stats.ips_out++;
	return ifp->if_output(ifp, p, nexthop);

out_free:
	pkt_free(p);
	return error;
}
