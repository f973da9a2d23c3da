/* ktest_arp_queue.c -- kernel self-tests of ARP's hold queue on a fake
 * Ethernet interface: packets sent to a neighbour not yet resolved wait
 * in order (the oldest dropped beyond 16, counted) and all leave when
 * the reply comes; a neighbour that never answers is asked 3 times, 1 s
 * apart, then its packets are freed and counted. */
#include "../ktest/ktest.h"
#include "../../components/net/inet/inet_int.h"

static kmutex_t aq_lock;
static struct pkt *aq_head, **aq_tail = &aq_head;  /* oldest first */

static int
aq_transmit(struct ifnet *ifp, struct pkt *p)
{
	(void)ifp;
	mutex_enter(&aq_lock);
	p->pk_nextpkt = NULL;
	*aq_tail = p;
	aq_tail = &p->pk_nextpkt;
	mutex_exit(&aq_lock);
	return 0;
}

/* The oldest transmitted frame, waiting up to ms for one; NULL. */
static struct pkt *
aq_take(int ms)
{
	for (int i = 0; i <= ms / 10; i++) {
		struct pkt *p;

		mutex_enter(&aq_lock);
		p = aq_head;
		if (p != NULL) {
			aq_head = p->pk_nextpkt;
			if (aq_head == NULL)
				aq_tail = &aq_head;
			p->pk_nextpkt = NULL;
		}
		mutex_exit(&aq_lock);
		if (p != NULL)
			return p;
		kpause(10000000, false);
	}
	return NULL;
}

static struct ifnet aqif = {
	.if_name = "kte1",
	.if_flags = IFF_UP,
	.if_hwaddr = { 0x02, 0, 0, 0, 1, 0x01 },
};
#define AQ_IP 0x0a0b0001   /* 10.11.0.1/24 */

static bool
aq_setup(struct ktest_ctx *kt)
{
	static bool done;
	struct pkt *p;

	if (done)
		return true;
	mutex_init(&aq_lock, MUTEX_DEFAULT);
	aqif.if_transmit = aq_transmit;
	if (!KT_EQ(kt, ether_ifattach(&aqif), 0) ||
	    !KT_EQ(kt, if_setaddr("kte1", htonl(AQ_IP), 24), 0))
		return false;
	done = true;
	p = aq_take(2000);  /* the gratuitous ARP of the new address */
	pkt_free(p);
	return KT_CHECK(kt, p != NULL);
}

/* Is frame p an ARP request for ip (host order)? */
static bool
is_request_for(struct pkt *p, uint32_t ip)
{
	uint8_t f[42];
	uint32_t tpa;

	if (p == NULL || pkt_copydata(p, 0, sizeof(f), f) != 0)
		return false;
	memcpy(&tpa, f + 38, 4);
	return f[12] == 0x08 && f[13] == 0x06 && f[21] == 1 &&
	    tpa == htonl(ip);
}

/* Send a 4-byte datagram "q" + i to ip (host order). */
static int
send_one(uint32_t ip, int i)
{
	uint8_t b[4] = { 'q', (uint8_t)i, 0, 0 };
	struct pkt *p = pkt_from_buf(b, sizeof(b), PKT_HEADROOM);

	if (p == NULL)
		return -ENOBUFS;
	return ip_output(p, 0, htonl(ip), 253, 0);
}

KTEST(arp_queue_burst_in_order)
{
	const uint8_t peer_hw[6] = { 0x02, 0, 0, 0, 1, 0x02 };
	uint64_t dropped = inet_stats.arp_dropped;
	uint32_t peer = AQ_IP + 1;
	struct pkt *p;
	uint8_t f[42];

	if (!aq_setup(kt))
		return;
	/* 20 packets: one request goes out, nothing else yet. */
	for (int i = 0; i < 20; i++)
		KT_EQ(kt, send_one(peer, i), 0);
	p = aq_take(2000);
	KT_CHECK(kt, is_request_for(p, peer));
	pkt_free(p);
	KT_CHECK(kt, aq_take(50) == NULL);
	KT_EQ(kt, inet_stats.arp_dropped, dropped + 4);
	/* The reply: the 16 newest leave, in the order they were sent. */
	uint32_t a;
	memset(f, 0, sizeof(f));
	memcpy(f, aqif.if_hwaddr, 6);
	memcpy(f + 6, peer_hw, 6);
	f[12] = 0x08; f[13] = 0x06; f[15] = 1; f[16] = 0x08; f[18] = 6;
	f[19] = 4; f[21] = 2;
	memcpy(f + 22, peer_hw, 6);
	a = htonl(peer);
	memcpy(f + 28, &a, 4);
	memcpy(f + 32, aqif.if_hwaddr, 6);
	a = htonl(AQ_IP);
	memcpy(f + 38, &a, 4);
	ether_input(&aqif, pkt_from_buf(f, sizeof(f), 0));
	for (int i = 4; i < 20; i++) {
		uint8_t d[14 + 20 + 4];

		p = aq_take(1000);
		if (!KT_CHECK(kt, p != NULL))
			return;
		KT_EQ(kt, pkt_copydata(p, 0, sizeof(d), d), 0);
		KT_CHECK(kt, memcmp(d, peer_hw, 6) == 0);
		KT_EQ(kt, d[14 + 20], 'q');
		KT_EQ(kt, d[14 + 20 + 1], i);
		pkt_free(p);
	}
	KT_CHECK(kt, aq_take(50) == NULL);
	/* Resolved now: the next packet goes straight out. */
	KT_EQ(kt, send_one(peer, 99), 0);
	p = aq_take(1000);
	KT_CHECK(kt, p != NULL && !is_request_for(p, peer));
	pkt_free(p);
}

KTEST(arp_queue_gives_up)
{
	uint64_t unresolved = inet_stats.arp_unresolved;
	uint32_t nobody = AQ_IP + 77;
	int64_t t0, t;
	struct pkt *p;
	int asked = 0;

	if (!aq_setup(kt))
		return;
	t0 = nanouptime_ns();
	for (int i = 0; i < 3; i++)
		KT_EQ(kt, send_one(nobody, i), 0);
	/* Three requests about a second apart, then nothing. */
	while ((p = aq_take(1500)) != NULL) {
		KT_CHECK(kt, is_request_for(p, nobody));
		pkt_free(p);
		asked++;
		if (asked == 3)
			break;
	}
	KT_EQ(kt, asked, 3);
	t = nanouptime_ns() - t0;
	KT_CHECK(kt, t >= 1900000000LL && t < 3500000000LL);
	/* Given up after the third second: the 3 packets are counted. */
	for (int i = 0; i < 300 && inet_stats.arp_unresolved == unresolved; i++)
		kpause(10000000, false);
	KT_EQ(kt, inet_stats.arp_unresolved, unresolved + 3);
	t = nanouptime_ns() - t0;
	KT_CHECK(kt, t >= 2900000000LL && t < 4500000000LL);
	KT_CHECK(kt, aq_take(50) == NULL);
	/* A new packet starts over with a new request. */
	KT_EQ(kt, send_one(nobody, 9), 0);
	p = aq_take(1000);
	KT_CHECK(kt, is_request_for(p, nobody));
	pkt_free(p);
	arp_ifdetach(&aqif);  /* forget it: no more requests */
}
