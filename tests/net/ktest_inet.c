/* ktest_inet.c -- kernel self-tests of IPv4 input: malformed packets
 * are counted and dropped, never read past their end; a well-formed
 * echo request to 127.0.0.1 is answered. */
#include "../ktest/ktest.h"
#include "../../components/net/inet/inet_int.h"

/* A 20-byte IPv4 header of total length len to 127.0.0.1, checksummed. */
static void
mkhdr(struct ip_hdr *ip, size_t len, int proto)
{
	memset(ip, 0, sizeof(*ip));
	ip->ip_vhl = 0x45;
	ip->ip_len = htons((uint16_t)len);
	ip->ip_ttl = 64;
	ip->ip_p = (uint8_t)proto;
	ip->ip_src = htonl(INADDR_LOOPBACK);
	ip->ip_dst = htonl(INADDR_LOOPBACK);
	ip->ip_sum = htons(in_cksum_fold(in_cksum_add(0, ip, sizeof(*ip))));
}

static void
feed(const void *buf, size_t len)
{
	struct pkt *p = pkt_from_buf(buf, len, 0);

	if (p != NULL)
		ip_input(p);
}

KTEST(inet_malformed_input)
{
	uint8_t buf[64];
	struct ip_hdr ip;
	struct inet_stats before = inet_stats;

	memset(buf, 0, sizeof(buf));
	feed(buf, 7);                         /* shorter than a header */
	KT_EQ(kt, inet_stats.ips_tooshort, before.ips_tooshort + 1);
	mkhdr(&ip, 28, IPPROTO_UDP);
	ip.ip_vhl = 0x65;                     /* version 6 */
	memcpy(buf, &ip, sizeof(ip));
	feed(buf, 28);
	KT_EQ(kt, inet_stats.ips_badvers, before.ips_badvers + 1);
	mkhdr(&ip, 28, IPPROTO_UDP);
	ip.ip_vhl = 0x4f;                     /* 60-byte header, 28 bytes */
	memcpy(buf, &ip, sizeof(ip));
	feed(buf, 28);
	KT_EQ(kt, inet_stats.ips_badhlen, before.ips_badhlen + 1);
	mkhdr(&ip, 28, IPPROTO_UDP);
	ip.ip_sum ^= 1;                       /* bad checksum */
	memcpy(buf, &ip, sizeof(ip));
	feed(buf, 28);
	KT_EQ(kt, inet_stats.ips_badsum, before.ips_badsum + 1);
	mkhdr(&ip, 60, IPPROTO_UDP);          /* claims more than it has */
	memcpy(buf, &ip, sizeof(ip));
	feed(buf, 28);
	KT_EQ(kt, inet_stats.ips_badlen, before.ips_badlen + 1);
	mkhdr(&ip, 24, IPPROTO_UDP);          /* UDP header cut short */
	memcpy(buf, &ip, sizeof(ip));
	feed(buf, 24);
	KT_EQ(kt, inet_stats.udps_tooshort, before.udps_tooshort + 1);
	/* UDP length larger than the datagram. */
	struct udp_hdr uh = { htons(1), htons(2), htons(40), 0 };
	mkhdr(&ip, 28, IPPROTO_UDP);
	memcpy(buf, &ip, sizeof(ip));
	memcpy(buf + 20, &uh, sizeof(uh));
	feed(buf, 28);
	KT_EQ(kt, inet_stats.udps_badlen, before.udps_badlen + 1);
	/* A fragment goes to reassembly (ktest_ip_reass.c tests it). */
	mkhdr(&ip, 28, IPPROTO_UDP);
	ip.ip_off = htons(IP_MF);
	ip.ip_sum = 0;
	ip.ip_sum = htons(in_cksum_fold(in_cksum_add(0, &ip, sizeof(ip))));
	memcpy(buf, &ip, sizeof(ip));
	feed(buf, 28);
	KT_EQ(kt, inet_stats.ips_fragments, before.ips_fragments + 1);
	/* Not for us: dropped (no forwarding). */
	mkhdr(&ip, 28, IPPROTO_UDP);
	ip.ip_dst = htonl(0x0a000001);
	ip.ip_sum = 0;
	ip.ip_sum = htons(in_cksum_fold(in_cksum_add(0, &ip, sizeof(ip))));
	memcpy(buf, &ip, sizeof(ip));
	feed(buf, 28);
	KT_EQ(kt, inet_stats.ips_notforus, before.ips_notforus + 1);
}

KTEST(inet_echo_answered)
{
	uint8_t buf[36];
	struct ip_hdr ip;
	struct icmp_hdr ic = { ICMP_ECHO, 0, 0, htons(7), htons(1) };
	uint64_t echo = inet_stats.icps_echo, out = inet_stats.ips_out;

	mkhdr(&ip, sizeof(buf), IPPROTO_ICMP);
	memcpy(buf, &ip, sizeof(ip));
	memcpy(buf + 28, "payload!", 8);
	memcpy(buf + 20, &ic, sizeof(ic));
	ic.icmp_cksum = htons(in_cksum_fold(in_cksum_add(0, buf + 20, 16)));
	memcpy(buf + 20, &ic, sizeof(ic));
	feed(buf, sizeof(buf));
	KT_EQ(kt, inet_stats.icps_echo, echo + 1);
	KT_EQ(kt, inet_stats.ips_out, out + 1);  /* the reply left */
	/* A bad ICMP checksum is counted and dropped. */
	uint64_t bad = inet_stats.icps_badsum;
	buf[30] ^= 0xff;
	feed(buf, sizeof(buf));
	KT_EQ(kt, inet_stats.icps_badsum, bad + 1);
}
