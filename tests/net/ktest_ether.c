/* ktest_ether.c -- kernel self-tests of Ethernet and ARP on a fake
 * interface whose driver keeps the frames it is given: ARP replies,
 * resolution with a held packet, gratuitous ARP, echo over Ethernet,
 * and malformed frames counted and dropped. */
#include "../ktest/ktest.h"
#include "../../components/net/inet/inet_int.h"

static kmutex_t fake_lock;
static struct pkt *fake_q;     /* transmitted frames, newest first */
static int fake_n;

static int
fake_transmit(struct ifnet *ifp, struct pkt *p)
{
	(void)ifp;
	mutex_enter(&fake_lock);
	p->pk_nextpkt = fake_q;
	fake_q = p;
	fake_n++;
	mutex_exit(&fake_lock);
	return 0;
}

/* Take the oldest transmitted frame, waiting up to 2 s for one. */
static struct pkt *
fake_take(void)
{
	for (int i = 0; i < 200; i++) {
		struct pkt *p = NULL, **pp;

		mutex_enter(&fake_lock);
		if (fake_q != NULL) {
			for (pp = &fake_q; (*pp)->pk_nextpkt != NULL;
			    pp = &(*pp)->pk_nextpkt)
				;
			p = *pp;
			*pp = NULL;
			fake_n--;
		}
		mutex_exit(&fake_lock);
		if (p != NULL)
			return p;
		kpause(10000000, false);
	}
	return NULL;
}

static struct ifnet fakeif = {
	.if_name = "kte0",
	.if_flags = IFF_UP,
	.if_hwaddr = { 0x02, 0, 0, 0, 0, 0x01 },
};
static const uint8_t peer_hw[6] = { 0x02, 0, 0, 0, 0, 0x02 };
#define MY_IP 0x0a090001   /* 10.9.0.1/24 */
#define PEER_IP 0x0a090002

static bool
fake_setup(struct ktest_ctx *kt)
{
	static bool done;

	if (done)
		return true;
	mutex_init(&fake_lock, MUTEX_DEFAULT);
	fakeif.if_transmit = fake_transmit;
	if (!KT_EQ(kt, ether_ifattach(&fakeif), 0))
		return false;
	if (!KT_EQ(kt, if_setaddr("kte0", htonl(MY_IP), 24), 0))
		return false;
	done = true;
	/* Setting the address announced it: a gratuitous ARP. */
	struct pkt *p = fake_take();
	struct ether_hdr eh;
	uint8_t arp[28];
	if (!KT_CHECK(kt, p != NULL))
		return false;
	pkt_copydata(p, 0, sizeof(eh), &eh);
	KT_EQ(kt, ntohs(eh.eh_type), ETHERTYPE_ARP);
	KT_CHECK(kt, memcmp(eh.eh_dst, etherbroadcast, 6) == 0);
	KT_EQ(kt, pkt_copydata(p, 14, sizeof(arp), arp), 0);
	KT_CHECK(kt, memcmp(arp + 14, arp + 24, 4) == 0);  /* spa == tpa */
	pkt_free(p);
	return true;
}

/* An Ethernet frame carrying an ARP packet from the peer. */
static void
feed_arp(int op, uint32_t spa, uint32_t tpa, const uint8_t *dst)
{
	uint8_t f[42];
	uint16_t v;
	uint32_t a;

	memset(f, 0, sizeof(f));
	memcpy(f, dst, 6);
	memcpy(f + 6, peer_hw, 6);
	f[12] = 0x08; f[13] = 0x06;
	v = htons(1); memcpy(f + 14, &v, 2);
	v = htons(ETHERTYPE_IP); memcpy(f + 16, &v, 2);
	f[18] = 6; f[19] = 4;
	v = htons((uint16_t)op); memcpy(f + 20, &v, 2);
	memcpy(f + 22, peer_hw, 6);
	a = htonl(spa); memcpy(f + 28, &a, 4);
	a = htonl(tpa); memcpy(f + 38, &a, 4);
	ether_input(&fakeif, pkt_from_buf(f, sizeof(f), 0));
}

KTEST(ether_arp_reply)
{
	struct pkt *p;
	uint8_t f[42];

	if (!fake_setup(kt))
		return;
	feed_arp(1, PEER_IP, MY_IP, etherbroadcast);
	p = fake_take();
	if (!KT_CHECK(kt, p != NULL))
		return;
	KT_EQ(kt, pkt_copydata(p, 0, sizeof(f), f), 0);
	KT_CHECK(kt, memcmp(f, peer_hw, 6) == 0);          /* to the asker */
	KT_EQ(kt, f[21], 2);                                /* a reply */
	KT_CHECK(kt, memcmp(f + 22, fakeif.if_hwaddr, 6) == 0);
	pkt_free(p);
	/* Requests for other addresses get no answer. */
	feed_arp(1, PEER_IP, MY_IP + 7, etherbroadcast);
	kpause(20000000, false);
	KT_EQ(kt, fake_n, 0);
	/* Malformed: too short, bad hardware type. */
	uint64_t bad = inet_stats.arp_bad, shortf = inet_stats.eth_tooshort;
	uint8_t tiny[10] = { 0 };
	ether_input(&fakeif, pkt_from_buf(tiny, sizeof(tiny), 0));
	KT_EQ(kt, inet_stats.eth_tooshort, shortf + 1);
	memset(f, 0, sizeof(f));
	memcpy(f, etherbroadcast, 6);
	f[12] = 0x08; f[13] = 0x06;
	ether_input(&fakeif, pkt_from_buf(f, sizeof(f), 0));
	KT_EQ(kt, inet_stats.arp_bad, bad + 1);
}

KTEST(ether_resolve_and_echo)
{
	struct pkt *p, *d;
	uint8_t f[64];

	if (!fake_setup(kt))
		return;
	/* Send to a neighbour nobody resolved: an ARP request goes out
	 * and the datagram waits. */
	d = pkt_from_buf("hello", 5, PKT_HEADROOM);
	if (!KT_CHECK(kt, d != NULL))
		return;
	KT_EQ(kt, ip_output(d, 0, htonl(PEER_IP + 1), 253, 0), 0);
	p = fake_take();
	if (!KT_CHECK(kt, p != NULL))
		return;
	KT_EQ(kt, pkt_copydata(p, 0, 42, f), 0);
	KT_CHECK(kt, memcmp(f, etherbroadcast, 6) == 0);
	KT_EQ(kt, f[21], 1);                                /* a request */
	pkt_free(p);
	/* The reply releases the held packet to the right address. */
	uint8_t hw2[6] = { 0x02, 0, 0, 0, 0, 0x03 };
	uint8_t r[42];
	memset(r, 0, sizeof(r));
	memcpy(r, fakeif.if_hwaddr, 6);
	memcpy(r + 6, hw2, 6);
	r[12] = 0x08; r[13] = 0x06; r[15] = 1; r[16] = 0x08; r[18] = 6;
	r[19] = 4; r[21] = 2;
	memcpy(r + 22, hw2, 6);
	uint32_t a = htonl(PEER_IP + 1);
	memcpy(r + 28, &a, 4);
	memcpy(r + 32, fakeif.if_hwaddr, 6);
	a = htonl(MY_IP);
	memcpy(r + 38, &a, 4);
	ether_input(&fakeif, pkt_from_buf(r, sizeof(r), 0));
	p = fake_take();
	if (!KT_CHECK(kt, p != NULL))
		return;
	KT_EQ(kt, p->pk_pktlen, 14 + 20 + 5);
	KT_EQ(kt, pkt_copydata(p, 0, 14 + 20 + 5, f), 0);
	KT_CHECK(kt, memcmp(f, hw2, 6) == 0);
	KT_CHECK(kt, memcmp(f + 34, "hello", 5) == 0);
	pkt_free(p);

	/* An echo request over Ethernet from the resolved neighbour is
	 * answered (through the network thread). */
	uint8_t e[14 + 28];
	struct ip_hdr ip;
	struct icmp_hdr ic = { ICMP_ECHO, 0, 0, htons(1), htons(2) };
	memcpy(e, fakeif.if_hwaddr, 6);
	memcpy(e + 6, hw2, 6);
	e[12] = 0x08; e[13] = 0x00;
	memset(&ip, 0, sizeof(ip));
	ip.ip_vhl = 0x45;
	ip.ip_len = htons(28);
	ip.ip_ttl = 64;
	ip.ip_p = IPPROTO_ICMP;
	ip.ip_src = htonl(PEER_IP + 1);
	ip.ip_dst = htonl(MY_IP);
	ip.ip_sum = htons(in_cksum_fold(in_cksum_add(0, &ip, sizeof(ip))));
	memcpy(e + 14, &ip, sizeof(ip));
	ic.icmp_cksum = htons(in_cksum_fold(in_cksum_add(0, &ic, sizeof(ic))));
	memcpy(e + 34, &ic, sizeof(ic));
	ether_input(&fakeif, pkt_from_buf(e, sizeof(e), 0));
	p = fake_take();
	if (!KT_CHECK(kt, p != NULL))
		return;
	KT_EQ(kt, pkt_copydata(p, 0, sizeof(e), f), 0);
	KT_CHECK(kt, memcmp(f, hw2, 6) == 0);
	KT_EQ(kt, f[14 + 9], IPPROTO_ICMP);
	KT_EQ(kt, f[34], ICMP_ECHOREPLY);
	KT_EQ(kt, pkt_cksum(p, 14, 20, 0), 0);
	KT_EQ(kt, pkt_cksum(p, 34, 8, 0), 0);
	pkt_free(p);
	/* Frames for another station are dropped. */
	uint64_t nf = inet_stats.eth_notforus;
	e[5] = 0x77;
	ether_input(&fakeif, pkt_from_buf(e, sizeof(e), 0));
	KT_EQ(kt, inet_stats.eth_notforus, nf + 1);
}
