/* ktest_ip_reass.c -- kernel self-tests of IPv4 fragmentation and
 * reassembly: a 60000-byte UDP datagram cut into fragments fed to
 * ip_input in random order with a duplicate arrives whole; overlapping
 * fragments drop their datagram; an incomplete one times out with ICMP
 * time exceeded; bad lengths are refused; and ip_output fragments a
 * datagram larger than an Ethernet MTU into pieces that reassemble. */
#include "../ktest/ktest.h"
#include "../../components/net/inet/inet_int.h"

#define PORT 5555

/* A UDP socket inside the kernel, bound to 127.0.0.1:PORT. */
static struct socket *
kso_open(struct ktest_ctx *kt)
{
	struct sockaddr_in sin;
	struct socket *so;

	if (!KT_EQ(kt, socket_create(&udp_protosw, &so), 0))
		return NULL;
	memset(&sin, 0, sizeof(sin));
	sin.sin_family = AF_INET;
	sin.sin_port = htons(PORT);
	sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if (!KT_EQ(kt, udp_protosw.pr_bind(so, (struct sockaddr *)&sin,
	    sizeof(sin)), 0)) {
		socket_destroy(so);
		return NULL;
	}
	return so;
}

/* Receive without waiting: the datagram's length or -errno. */
static ssize_t
kso_recv(struct socket *so, void *buf, size_t len)
{
	struct iovec iov = { buf, len };
	struct uio uio = { &iov, 1, 0, len, UIO_READ, false };
	struct sockmsg sm = { .sm_uio = &uio };

	return udp_protosw.pr_recv(so, &sm, MSG_DONTWAIT | MSG_TRUNC);
}

/* A UDP datagram of n payload bytes (pattern) to 127.0.0.1:PORT,
 * IP header included, id as given; *lenp its length. */
static uint8_t *
mkdgram(size_t n, uint16_t id, size_t *lenp)
{
	size_t len = 20 + 8 + n;
	uint8_t *d = kmem_alloc(len, KM_SLEEP);
	struct ip_hdr ip;
	struct udp_hdr uh;
	uint32_t lo = htonl(INADDR_LOOPBACK);

	if (d == NULL)
		return NULL;
	for (size_t i = 0; i < n; i++)
		d[28 + i] = (uint8_t)(i * 7 + i / 251);
	uh.uh_sport = htons(4444);
	uh.uh_dport = htons(PORT);
	uh.uh_ulen = htons((uint16_t)(8 + n));
	uh.uh_sum = 0;
	memcpy(d + 20, &uh, 8);
	uh.uh_sum = htons(in_cksum_fold(in_cksum_add(
	    in_pseudo(lo, lo, IPPROTO_UDP, (uint16_t)(8 + n)), d + 20, 8 + n)));
	memcpy(d + 20, &uh, 8);
	memset(&ip, 0, sizeof(ip));
	ip.ip_vhl = 0x45;
	ip.ip_id = htons(id);
	ip.ip_ttl = 64;
	ip.ip_p = IPPROTO_UDP;
	ip.ip_src = lo;
	ip.ip_dst = lo;
	memcpy(d, &ip, sizeof(ip));
	*lenp = len;
	return d;
}

/* Feed the fragment of datagram d holding payload bytes off..off+n. */
static void
feed_frag(const uint8_t *d, size_t off, size_t n, bool more)
{
	uint8_t *f = kmem_alloc(20 + n, KM_SLEEP);
	struct ip_hdr ip;
	struct pkt *p;

	if (f == NULL)
		return;
	memcpy(&ip, d, sizeof(ip));
	ip.ip_len = htons((uint16_t)(20 + n));
	ip.ip_off = htons((uint16_t)((off / 8) | (more ? IP_MF : 0)));
	ip.ip_sum = 0;
	ip.ip_sum = htons(in_cksum_fold(in_cksum_add(0, &ip, sizeof(ip))));
	memcpy(f, &ip, sizeof(ip));
	memcpy(f + 20, d + 20 + off, n);
	p = pkt_from_buf(f, 20 + n, 0);
	kmem_free(f, 20 + n);
	if (p != NULL)
		ip_input(p);
}

KTEST(ip_reass_random_order_dup)
{
	enum { PAYLOAD = 60000, FRAG = 1480 };
	struct inet_stats before = inet_stats;
	int queues = ip_reass_queues();
	size_t len, nfrag, order[64];
	uint32_t seed = 12345;
	struct socket *so;
	uint8_t *d, *buf;

	so = kso_open(kt);
	if (so == NULL)
		return;
	d = mkdgram(PAYLOAD, 0x4242, &len);
	buf = kmem_alloc(PAYLOAD + 100, KM_SLEEP);
	if (!KT_CHECK(kt, d != NULL && buf != NULL))
		goto out;
	nfrag = (len - 20 + FRAG - 1) / FRAG;
	KT_EQ(kt, nfrag, 41);
	for (size_t i = 0; i < nfrag; i++)
		order[i] = i;
	for (size_t i = nfrag - 1; i > 0; i--) {  /* Fisher-Yates */
		seed = seed * 1103515245 + 12345;
		size_t j = (seed >> 8) % (i + 1), t = order[i];
		order[i] = order[j];
		order[j] = t;
	}
	for (size_t k = 0; k < nfrag; k++) {
		size_t i = order[k], off = i * FRAG;
		size_t n = MIN(FRAG, len - 20 - off);

		feed_frag(d, off, n, i + 1 < nfrag);
		if (k == 3) {  /* a duplicate of one that came */
			size_t o = order[1] * FRAG;

			feed_frag(d, o, MIN(FRAG, len - 20 - o),
			    order[1] + 1 < nfrag);
		}
		if (k < nfrag - 1)
			KT_EQ(kt, kso_recv(so, buf, PAYLOAD + 100), -EAGAIN);
	}
	KT_EQ(kt, inet_stats.ips_fragdup, before.ips_fragdup + 1);
	KT_EQ(kt, inet_stats.ips_reassembled, before.ips_reassembled + 1);
	KT_EQ(kt, inet_stats.ips_fragments, before.ips_fragments + nfrag + 1);
	KT_EQ(kt, ip_reass_queues(), queues);
	KT_EQ(kt, kso_recv(so, buf, PAYLOAD + 100), PAYLOAD);
	KT_CHECK(kt, memcmp(buf, d + 28, PAYLOAD) == 0);
out:
	if (d != NULL)
		kmem_free(d, len);
	if (buf != NULL)
		kmem_free(buf, PAYLOAD + 100);
	socket_destroy(so);
}

KTEST(ip_reass_overlap_drops)
{
	struct inet_stats before = inet_stats;
	int queues = ip_reass_queues();
	struct socket *so;
	uint8_t *d, buf[128];
	size_t len;

	so = kso_open(kt);
	if (so == NULL)
		return;
	d = mkdgram(40, 0x4343, &len);  /* 48 bytes of UDP */
	if (!KT_CHECK(kt, d != NULL))
		goto out;
	feed_frag(d, 0, 16, true);
	feed_frag(d, 8, 16, true);      /* overlaps the first: all gone */
	KT_EQ(kt, inet_stats.ips_fragoverlap, before.ips_fragoverlap + 1);
	KT_EQ(kt, ip_reass_queues(), queues);
	/* What follows of it cannot make a datagram either. */
	feed_frag(d, 16, 32, false);
	KT_EQ(kt, kso_recv(so, buf, sizeof(buf)), -EAGAIN);
	KT_EQ(kt, ip_reass_queues(), queues + 1);
	/* An overlap with the fragment after it, this time. */
	feed_frag(d, 8, 16, true);
	KT_EQ(kt, inet_stats.ips_fragoverlap, before.ips_fragoverlap + 2);
	KT_EQ(kt, ip_reass_queues(), queues);
	/* Whole, after all that, it is delivered. */
	feed_frag(d, 24, 24, false);
	feed_frag(d, 0, 24, true);
	KT_EQ(kt, kso_recv(so, buf, sizeof(buf)), 40);
	KT_CHECK(kt, memcmp(buf, d + 28, 40) == 0);
	kmem_free(d, len);
out:
	socket_destroy(so);
}

KTEST(ip_reass_bad_lengths)
{
	struct inet_stats before = inet_stats;
	int queues = ip_reass_queues();
	uint8_t *d;
	size_t len;

	d = mkdgram(200, 0x4444, &len);
	if (!KT_CHECK(kt, d != NULL))
		return;
	feed_frag(d, 0, 12, true);      /* not a multiple of 8, not last */
	KT_EQ(kt, inet_stats.ips_fragbad, before.ips_fragbad + 1);
	/* The last fragment would end past 65535 bytes. */
	uint8_t f[20 + 100];
	struct ip_hdr ip;
	memcpy(&ip, d, sizeof(ip));
	ip.ip_len = htons(sizeof(f));
	ip.ip_off = htons(8180);        /* 65440 + 20 + 100 > 65535 */
	ip.ip_sum = 0;
	ip.ip_sum = htons(in_cksum_fold(in_cksum_add(0, &ip, sizeof(ip))));
	memset(f, 0, sizeof(f));
	memcpy(f, &ip, sizeof(ip));
	ip_input(pkt_from_buf(f, sizeof(f), 0));
	KT_EQ(kt, inet_stats.ips_fragbad, before.ips_fragbad + 2);
	/* A last fragment that ends before data already queued. */
	feed_frag(d, 64, 64, true);
	feed_frag(d, 32, 16, false);
	KT_EQ(kt, ip_reass_queues(), queues);
	KT_EQ(kt, inet_stats.ips_fragdropped, before.ips_fragdropped + 4);
	kmem_free(d, len);
}

KTEST(ip_reass_timeout)
{
	int64_t saved = ip_reass_timeout_ns;
	uint64_t timeouts = inet_stats.ips_fragtimeout;
	uint64_t icmp = inet_stats.icps_error_out;
	int queues = ip_reass_queues();
	uint8_t *d;
	size_t len;

	d = mkdgram(100, 0x4545, &len);
	if (!KT_CHECK(kt, d != NULL))
		return;
	ip_reass_timeout_ns = 200 * 1000000LL;
	feed_frag(d, 0, 64, true);      /* the first, never the rest */
	KT_EQ(kt, ip_reass_queues(), queues + 1);
	for (int i = 0; i < 50 && inet_stats.ips_fragtimeout == timeouts; i++)
		kpause(20 * 1000000LL, false);
	ip_reass_timeout_ns = saved;
	KT_EQ(kt, inet_stats.ips_fragtimeout, timeouts + 1);
	KT_EQ(kt, ip_reass_queues(), queues);
	/* The first fragment came, so the sender hears of it (RFC 792). */
	KT_EQ(kt, inet_stats.icps_error_out, icmp + 1);
	kmem_free(d, len);
}

KTEST(ip_reass_limits)
{
	int64_t saved = ip_reass_timeout_ns;
	int queues = ip_reass_queues();
	uint8_t *d;
	size_t len;

	d = mkdgram(100, 0, &len);
	if (!KT_CHECK(kt, d != NULL))
		return;
	/* 80 datagrams begun: no more than 64 are kept. */
	ip_reass_timeout_ns = 300 * 1000000LL;
	for (int i = 0; i < 80; i++) {
		struct ip_hdr ip;

		memcpy(&ip, d, sizeof(ip));
		ip.ip_id = htons((uint16_t)(0x5000 + i));
		memcpy(d, &ip, sizeof(ip));
		feed_frag(d, 0, 64, true);
	}
	ip_reass_timeout_ns = saved;
	KT_EQ(kt, ip_reass_queues(), 64);
	/* They time out (clean for the other tests). */
	for (int i = 0; i < 100 && ip_reass_queues() > queues; i++)
		kpause(20 * 1000000LL, false);
	KT_CHECK(kt, ip_reass_queues() <= queues);
	kmem_free(d, len);
}

/* An Ethernet interface whose driver keeps the frames it sends. */
static kmutex_t out_lock;
static struct pkt *out_q, **out_tail = &out_q;
static int out_n;

static int
out_transmit(struct ifnet *ifp, struct pkt *p)
{
	(void)ifp;
	mutex_enter(&out_lock);
	p->pk_nextpkt = NULL;
	*out_tail = p;
	out_tail = &p->pk_nextpkt;
	out_n++;
	mutex_exit(&out_lock);
	return 0;
}

static struct ifnet fragif = {
	.if_name = "ktf0",
	.if_flags = IFF_UP,
	.if_hwaddr = { 0x02, 0, 0, 0, 0x08, 0x01 },
};

KTEST(ip_fragment_output)
{
	enum { N = 4000 };
	uint64_t reass = inet_stats.ips_reassembled;
	uint64_t ofrag = inet_stats.ips_ofragments;
	struct pkt *p, *frames;
	uint8_t *data;
	int n;

	mutex_init(&out_lock, MUTEX_DEFAULT);
	fragif.if_transmit = out_transmit;
	if (!KT_EQ(kt, ether_ifattach(&fragif), 0))
		return;
	if (!KT_EQ(kt, if_setaddr("ktf0", htonl(0x0a080001), 24), 0))
		return;
	data = kmem_alloc(N, KM_SLEEP);
	if (!KT_CHECK(kt, data != NULL))
		return;
	for (int i = 0; i < N; i++)
		data[i] = (uint8_t)i;
	p = pkt_from_buf(data, N, PKT_HEADROOM);
	/* To the subnet's broadcast address: no ARP in the way. */
	KT_EQ(kt, ip_output(p, 0, htonl(0x0a0800ff), 253, 0), 0);
	mutex_enter(&out_lock);
	frames = out_q;
	n = out_n;
	out_q = NULL;
	out_tail = &out_q;
	out_n = 0;
	mutex_exit(&out_lock);
	/* The gratuitous ARP of if_setaddr, then 1480 + 1480 + 1040. */
	KT_EQ(kt, n, 4);
	KT_EQ(kt, inet_stats.ips_ofragments, ofrag + 3);
	size_t want_off = 0;
	while ((p = frames) != NULL) {
		struct ip_hdr ip;
		uint8_t eh[14];

		frames = p->pk_nextpkt;
		p->pk_nextpkt = NULL;
		(void)pkt_copydata(p, 0, 14, eh);
		if (eh[12] != 0x08 || eh[13] != 0x00) {
			pkt_free(p);
			continue;
		}
		KT_CHECK(kt, p->pk_pktlen <= 14 + 1500);
		(void)pkt_copydata(p, 14, sizeof(ip), &ip);
		KT_EQ(kt, pkt_cksum(p, 14, 20, 0), 0);
		KT_EQ(kt, (ntohs(ip.ip_off) & IP_OFFMASK) * 8, want_off);
		KT_EQ(kt, !!(ntohs(ip.ip_off) & IP_MF),
		    want_off + ntohs(ip.ip_len) - 20 < N);
		KT_EQ(kt, ntohs(ip.ip_off) & IP_DF, 0);
		want_off += ntohs(ip.ip_len) - 20;
		/* Back in, as if from the wire. */
		pkt_adj(p, 14);
		p->pk_rcvif = &fragif;
		ip_input(p);
	}
	KT_EQ(kt, want_off, N);
	/* Protocol 253 (experimental) has no handler: reassembled, then
	 * answered with protocol unreachable -- it came whole. */
	KT_EQ(kt, inet_stats.ips_reassembled, reass + 1);
	kmem_free(data, N);
}
