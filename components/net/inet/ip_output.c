/*
 * ip_output.c -- IPv4 output: route, choose the source address, add the
 * header (RFC 791) and hand the packet to the interface.  A datagram
 * that fits the interface's MTU leaves with DF set (path MTU discovery,
 * as Linux's default for its sockets); a larger one is cut into
 * fragments here, with DF clear (RFC 791 section 3.2, "Fragmentation").
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

/*
 * ip_cksum_finish: complete the partial transport checksum of p (its IP
 * header hlen bytes long) in software: the interface cannot, or the
 * datagram is about to be fragmented (PKF_CSUM_PARTIAL, net/pkt.h).
 */
static void
ip_cksum_finish(struct pkt *p, size_t hlen, int proto)
{
	/* Where the protocols keep their checksum field. */
	size_t off = proto == IPPROTO_TCP ? 16 : 6;
	uint16_t sum;

	p->pk_flags &= ~PKF_CSUM_PARTIAL;
	if (proto != IPPROTO_TCP && proto != IPPROTO_UDP)
		return;
	sum = htons(pkt_cksum(p, hlen, p->pk_pktlen - hlen, 0));
	(void)pkt_copyback(p, hlen + off, sizeof(sum), &sum);
}

static void
ip_cksum_set(struct ip_hdr *ip)
{
	ip->ip_sum = 0;
	ip->ip_sum = htons(in_cksum_fold(in_cksum_add(0, ip, sizeof(*ip))));
}

/* Copy n bytes at soff of src into dst at doff, segment by segment. */
static int
pkt_copy_range(struct pkt *dst, size_t doff, const struct pkt *src,
    size_t soff, size_t n)
{
	for (struct pkt *s = dst; s != NULL && n > 0; s = s->pk_next) {
		size_t k;
		int error;

		if (doff >= s->pk_len) {
			doff -= s->pk_len;
			continue;
		}
		k = MIN(s->pk_len - doff, n);
		error = pkt_copydata(src, soff, k, s->pk_data + doff);
		if (error != 0)
			return error;
		soff += k;
		n -= k;
		doff = 0;
	}
	return n == 0 ? 0 : -EINVAL;
}

/*
 * ip_fragment: send p (a whole datagram with our 20-byte header) as
 * fragments of at most the MTU of ifp; every fragment but the last
 * carries a multiple of 8 bytes.  Takes p.  Returns the first error
 * of the interface, after trying every fragment.
 */
static int
ip_fragment(struct ifnet *ifp, struct pkt *p, uint32_t nexthop)
{
	struct ip_hdr ip;
	size_t hlen = sizeof(ip), dlen = p->pk_pktlen - hlen;
	size_t chunk = (ifp->if_mtu - hlen) & ~(size_t)7;
	int error = 0;

	if (ifp->if_mtu < hlen + 8) {
		inet_stats.ips_toobig++;
		pkt_free(p);
		return -EMSGSIZE;
	}
	(void)pkt_copydata(p, 0, hlen, &ip);
	inet_stats.ips_fragmented++;
	for (size_t off = 0; off < dlen; off += chunk) {
		size_t n = MIN(chunk, dlen - off);
		struct pkt *f = pkt_alloc(hlen + n, PKT_HEADROOM);
		int e;

		if (f == NULL) {
			error = error != 0 ? error : -ENOBUFS;
			break;  /* the rest would be useless */
		}
		ip.ip_len = htons((uint16_t)(hlen + n));
		ip.ip_off = htons((uint16_t)((off >> 3) |
		    (off + n < dlen ? IP_MF : 0)));
		ip_cksum_set(&ip);
		(void)pkt_copyback(f, 0, hlen, &ip);
		e = pkt_copy_range(f, hlen, p, hlen + off, n);
		if (e != 0) {
			pkt_free(f);
			error = error != 0 ? error : e;
			break;
		}
		inet_stats.ips_ofragments++;
		e = ifp->if_output(ifp, f, nexthop);
		if (e != 0 && error == 0)
			error = e;
	}
	pkt_free(p);
	return error;
}

int
ip_output(struct pkt *p, uint32_t src, uint32_t dst, int proto, int ttl)
{
	struct ifnet *ifp;
	struct ip_hdr ip;
	uint32_t nexthop;
	int error;

	/* Limited broadcast (255.255.255.255) takes the default route. */
	error = route_lookup(dst, &ifp, &nexthop);
	if (error != 0) {
		inet_stats.ips_noroute++;
		goto out_free;
	}
	if (!(ifp->if_flags & IFF_UP)) {
		error = -ENETDOWN;
		goto out_free;
	}
	if (p->pk_pktlen + sizeof(ip) > IP_MAXPACKET) {
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
	ip.ip_off = p->pk_pktlen <= ifp->if_mtu ? htons(IP_DF) : 0;
	ip.ip_ttl = (uint8_t)(ttl > 0 ? ttl : IP_DEFTTL);
	ip.ip_p = (uint8_t)proto;
	ip.ip_src = src;
	ip.ip_dst = dst;
	ip_cksum_set(&ip);
	(void)pkt_copyback(p, 0, sizeof(ip), &ip);
	inet_stats.ips_out++;
	if ((p->pk_flags & PKF_CSUM_PARTIAL) &&
	    (!(ifp->if_capflags & IFCAP_CSUM) || p->pk_pktlen > ifp->if_mtu))
		ip_cksum_finish(p, sizeof(ip), proto);
	if (p->pk_pktlen > ifp->if_mtu)
		return ip_fragment(ifp, p, nexthop);
	return ifp->if_output(ifp, p, nexthop);

out_free:
	pkt_free(p);
	return error;
}
