/*
 * netinput_frames.c -- building and fixing up the frames of the network
 * input fuzzer (netinput_frames.h): Ethernet (RFC 894), ARP (RFC 826),
 * IPv4 (RFC 791), ICMP echo (RFC 792), UDP (RFC 768), a TCP SYN with an
 * MSS option (RFC 9293).
 */
#include <string.h>

#include "netinput_frames.h"

const uint8_t nf_ourmac[6] = { 0x02, 0, 0, 0, 0, 0x01 };
const uint8_t nf_peermac[6] = { 0x02, 0, 0, 0, 0, 0x02 };
const uint8_t nf_bcastmac[6] = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff };

#define ETH 14
#define IPH 20

static void
put16(uint8_t *p, uint16_t v)
{
	p[0] = (uint8_t)(v >> 8);
	p[1] = (uint8_t)v;
}

static void
put32(uint8_t *p, uint32_t v)
{
	put16(p, (uint16_t)(v >> 16));
	put16(p + 2, (uint16_t)v);
}

static uint16_t
get16(const uint8_t *p)
{
	return (uint16_t)(p[0] << 8 | p[1]);
}

static uint32_t
sum_add(const uint8_t *p, size_t len, uint32_t sum)
{
	for (; len > 1; p += 2, len -= 2)
		sum += get16(p);
	if (len == 1)
		sum += (uint32_t)p[0] << 8;
	return sum;
}

uint16_t
nf_cksum(const void *buf, size_t len, uint32_t sum)
{
	sum = sum_add(buf, len, sum);
	while (sum >> 16)
		sum = (sum & 0xffff) + (sum >> 16);
	return (uint16_t)~sum;
}

/* The pseudo header's partial sum (RFC 768, RFC 9293 3.1). */
static uint32_t
pseudo(const uint8_t *ip, uint8_t proto, size_t l4len)
{
	uint32_t sum = sum_add(ip + 12, 8, 0);

	return sum + proto + (uint32_t)l4len;
}

void
nf_fix(uint8_t *f, size_t len, unsigned flags)
{
	uint8_t *ip = f + ETH, *l4;
	size_t hlen, iplen, l4len;
	int sumoff;

	if (len < ETH + IPH || get16(f + 12) != 0x0800 || (ip[0] >> 4) != 4)
		return;
	hlen = (size_t)(ip[0] & 0xf) * 4;
	if (hlen < IPH || ETH + hlen > len)
		return;
	if (flags & NF_FIX_IPSUM) {
		put16(ip + 10, 0);
		put16(ip + 10, nf_cksum(ip, hlen, 0));
	}
	/* Transport checksums cover the whole datagram: not fragments. */
	if (!(flags & NF_FIX_L4SUM) || (get16(ip + 6) & 0x3fff) != 0)
		return;
	iplen = get16(ip + 2);
	if (iplen > len - ETH)
		iplen = len - ETH;
	if (iplen < hlen)
		return;
	l4 = ip + hlen;
	l4len = iplen - hlen;
	switch (ip[9]) {
	case 1: /* ICMP: no pseudo header */
		if (l4len < 4)
			return;
		put16(l4 + 2, 0);
		put16(l4 + 2, nf_cksum(l4, l4len, 0));
		return;
	case 17:
		sumoff = 6;
		if (l4len < 8)
			return;
		break;
	case 6:
		sumoff = 16;
		if (l4len < 20)
			return;
		break;
	default:
		return;
	}
	put16(l4 + sumoff, 0);
	put16(l4 + sumoff, nf_cksum(l4, l4len, pseudo(ip, ip[9], l4len)));
	if (ip[9] == 17 && get16(l4 + sumoff) == 0)
		put16(l4 + sumoff, 0xffff); /* 0 means "no checksum" */
}

static size_t
eth(uint8_t *f, const uint8_t *dst, uint16_t type)
{
	memcpy(f, dst, 6);
	memcpy(f + 6, nf_peermac, 6);
	put16(f + 12, type);
	return ETH;
}

size_t
nf_arp_request(uint8_t *f, uint32_t sender, uint32_t target)
{
	uint8_t *a = f + eth(f, nf_bcastmac, 0x0806);

	put16(a, 1);          /* Ethernet */
	put16(a + 2, 0x0800); /* IPv4 */
	a[4] = 6;
	a[5] = 4;
	put16(a + 6, 1);      /* request */
	memcpy(a + 8, nf_peermac, 6);
	put32(a + 14, sender);
	memset(a + 18, 0, 6);
	put32(a + 24, target);
	return ETH + 28;
}

size_t
nf_ipv4(uint8_t *f, uint8_t proto, uint32_t src, uint32_t dst, uint16_t id,
    uint16_t frag, const void *payload, size_t plen)
{
	uint8_t *ip = f + eth(f, nf_ourmac, 0x0800);

	if (plen > NF_MAXFRAME - ETH - IPH)
		plen = NF_MAXFRAME - ETH - IPH;
	ip[0] = 0x45;
	ip[1] = 0;
	put16(ip + 2, (uint16_t)(IPH + plen));
	put16(ip + 4, id);
	put16(ip + 6, frag);
	ip[8] = 64;
	ip[9] = proto;
	put16(ip + 10, 0);
	put32(ip + 12, src);
	put32(ip + 16, dst);
	put16(ip + 10, nf_cksum(ip, IPH, 0));
	memcpy(ip + IPH, payload, plen);
	return ETH + IPH + plen;
}

size_t
nf_icmp_echo(uint8_t *f, uint16_t id, uint16_t seq, size_t datalen)
{
	uint8_t icmp[8 + 512];
	size_t len;

	if (datalen > sizeof(icmp) - 8)
		datalen = sizeof(icmp) - 8;
	icmp[0] = 8; /* echo request */
	icmp[1] = 0;
	put16(icmp + 4, id);
	put16(icmp + 6, seq);
	for (size_t i = 0; i < datalen; i++)
		icmp[8 + i] = (uint8_t)i;
	put16(icmp + 2, 0);
	put16(icmp + 2, nf_cksum(icmp, 8 + datalen, 0));
	len = nf_ipv4(f, 1, NF_PEERIP, NF_OURIP, seq, 0, icmp, 8 + datalen);
	return len;
}

size_t
nf_udp(uint8_t *f, uint16_t sport, uint16_t dport, const void *data,
    size_t dlen)
{
	uint8_t udp[8 + 1400];
	size_t len;

	if (dlen > sizeof(udp) - 8)
		dlen = sizeof(udp) - 8;
	put16(udp, sport);
	put16(udp + 2, dport);
	put16(udp + 4, (uint16_t)(8 + dlen));
	put16(udp + 6, 0);
	memcpy(udp + 8, data, dlen);
	len = nf_ipv4(f, 17, NF_PEERIP, NF_OURIP, 1, 0, udp, 8 + dlen);
	nf_fix(f, len, NF_FIX_L4SUM);
	return len;
}

size_t
nf_tcp_syn(uint8_t *f, uint16_t sport, uint16_t dport, uint32_t seq)
{
	uint8_t tcp[24];
	size_t len;

	put16(tcp, sport);
	put16(tcp + 2, dport);
	put32(tcp + 4, seq);
	put32(tcp + 8, 0);
	tcp[12] = 6 << 4;     /* 24 bytes of header */
	tcp[13] = 0x02;       /* SYN */
	put16(tcp + 14, 65535);
	put16(tcp + 16, 0);
	put16(tcp + 18, 0);
	tcp[20] = 2;          /* MSS 1460 */
	tcp[21] = 4;
	put16(tcp + 22, 1460);
	len = nf_ipv4(f, 6, NF_PEERIP, NF_OURIP, 2, 0, tcp, sizeof(tcp));
	nf_fix(f, len, NF_FIX_L4SUM);
	return len;
}

size_t
nf_tcp(uint8_t *f, uint16_t sport, uint16_t dport, uint32_t seq,
    uint32_t ack, uint8_t flags, const void *data, size_t dlen)
{
	uint8_t tcp[20 + 1024];
	size_t len;

	if (dlen > sizeof(tcp) - 20)
		dlen = sizeof(tcp) - 20;
	put16(tcp, sport);
	put16(tcp + 2, dport);
	put32(tcp + 4, seq);
	put32(tcp + 8, ack);
	tcp[12] = 5 << 4;
	tcp[13] = flags;
	put16(tcp + 14, 65535);
	put16(tcp + 16, 0);
	put16(tcp + 18, 0);
	memcpy(tcp + 20, data, dlen);
	len = nf_ipv4(f, 6, NF_PEERIP, NF_OURIP, 3, 0, tcp, 20 + dlen);
	nf_fix(f, len, NF_FIX_L4SUM);
	return len;
}

/* The TCP header of an unfragmented IPv4 frame, or NULL. */
static uint8_t *
tcp_header(const uint8_t *f, size_t len)
{
	const uint8_t *ip = f + ETH;
	size_t hlen;

	if (len < ETH + IPH || get16(f + 12) != 0x0800 ||
	    (ip[0] >> 4) != 4 || ip[9] != 6 || (get16(ip + 6) & 0x3fff) != 0)
		return NULL;
	hlen = (size_t)(ip[0] & 0xf) * 4;
	if (hlen < IPH || ETH + hlen + 20 > len)
		return NULL;
	return (uint8_t *)(uintptr_t)(ip + hlen);
}

bool
nf_tcp_synack_seq(const uint8_t *f, size_t len, uint32_t *seqp)
{
	const uint8_t *t = tcp_header(f, len);

	if (t == NULL || (t[13] & 0x12) != 0x12)
		return false;
	*seqp = (uint32_t)get16(t + 4) << 16 | get16(t + 6);
	return true;
}

void
nf_tcp_setack(uint8_t *f, size_t len, uint32_t base)
{
	uint8_t *t = tcp_header(f, len);

	if (t == NULL || !(t[13] & 0x10))
		return;
	put32(t + 8, ((uint32_t)get16(t + 8) << 16 | get16(t + 10)) + base);
}
