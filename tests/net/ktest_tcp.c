/* ktest_tcp.c -- kernel self-tests of TCP input: malformed segments
 * are counted and dropped, a SYN to a closed port is answered with RST,
 * and thousands of random segments (valid checksums, random flags,
 * numbers, options and lengths) aimed at a listener and at random ports
 * are survived; a sender whose peer's window reads zero while data is
 * in flight recovers through the persist timer. */
#include "../ktest/ktest.h"
#include "../../components/net/inet/tcp_var.h"

static uint64_t kt_rand_state = 0x9E3779B97F4A7C15ULL;

static uint32_t
kt_rand(void)
{
	uint64_t x = kt_rand_state;

	x ^= x >> 12;
	x ^= x << 25;
	x ^= x >> 27;
	kt_rand_state = x;
	return (uint32_t)((x * 0x2545F4914F6CDD1DULL) >> 32);
}

/* Send a TCP segment (header th, options, payload) to 127.0.0.1
 * through ip_input; fix_sum: compute a valid checksum. */
static void
kt_feed(struct tcp_hdr *th, const uint8_t *opt, size_t optlen,
    size_t paylen, size_t cut, bool fix_sum)
{
	uint8_t buf[20 + 20 + 40 + 256];
	struct ip_hdr ip;
	size_t tlen = sizeof(*th) + optlen + paylen, len;
	struct pkt *p;

	memset(buf, 0, sizeof(buf));
	memcpy(buf + 20, th, sizeof(*th));
	if (optlen > 0)
		memcpy(buf + 40, opt, optlen);
	for (size_t i = 0; i < paylen; i++)
		buf[40 + optlen + i] = (uint8_t)kt_rand();
	if (fix_sum) {
		uint16_t sum;

		buf[20 + 16] = buf[20 + 17] = 0;
		sum = in_cksum_fold(in_cksum_add(in_pseudo(htonl(INADDR_LOOPBACK),
		    htonl(INADDR_LOOPBACK), IPPROTO_TCP, (uint16_t)tlen),
		    buf + 20, tlen));
		buf[20 + 16] = (uint8_t)(sum >> 8);
		buf[20 + 17] = (uint8_t)sum;
	}
	len = 20 + tlen - cut;
	memset(&ip, 0, sizeof(ip));
	ip.ip_vhl = 0x45;
	ip.ip_len = htons((uint16_t)len);
	ip.ip_ttl = 64;
	ip.ip_p = IPPROTO_TCP;
	ip.ip_src = htonl(INADDR_LOOPBACK);
	ip.ip_dst = htonl(INADDR_LOOPBACK);
	ip.ip_sum = htons(in_cksum_fold(in_cksum_add(0, &ip, sizeof(ip))));
	memcpy(buf, &ip, sizeof(ip));
	p = pkt_from_buf(buf, len, PKT_HEADROOM);
	if (p != NULL)
		ip_input(p);
}

static void
kt_hdr(struct tcp_hdr *th, uint16_t sport, uint16_t dport, int flags)
{
	memset(th, 0, sizeof(*th));
	th->th_sport = htons(sport);
	th->th_dport = htons(dport);
	th->th_seq = htonl(kt_rand());
	th->th_ack = htonl(kt_rand());
	th->th_off = 5 << 4;
	th->th_flags = (uint8_t)flags;
	th->th_win = htons(65535);
}

KTEST(tcp_malformed_input)
{
	struct tcp_stats before = tcp_stats;
	struct tcp_hdr th;
	uint8_t opt[8] = { TCPOPT_MSS, 1, 0, 0, 0, 0, 0, 0 };

	kt_hdr(&th, 1234, 4321, TH_SYN);
	kt_feed(&th, NULL, 0, 0, 8, true);    /* 12 of 20 header bytes */
	KT_EQ(kt, tcp_stats.tcps_rcvshort, before.tcps_rcvshort + 1);
	kt_hdr(&th, 1234, 4321, TH_SYN);
	th.th_sum = htons(0x1234);
	kt_feed(&th, NULL, 0, 0, 0, false);   /* bad checksum */
	KT_EQ(kt, tcp_stats.tcps_rcvbadsum, before.tcps_rcvbadsum + 1);
	kt_hdr(&th, 1234, 4321, TH_SYN);
	th.th_off = 3 << 4;                   /* offset below 20 */
	kt_feed(&th, NULL, 0, 0, 0, true);
	kt_hdr(&th, 1234, 4321, TH_SYN);
	th.th_off = 15 << 4;                  /* 60 bytes, 20 there */
	kt_feed(&th, NULL, 0, 0, 0, true);
	KT_EQ(kt, tcp_stats.tcps_rcvbadoff, before.tcps_rcvbadoff + 2);
	kt_hdr(&th, 1234, 4321, TH_SYN);
	th.th_off = 7 << 4;                   /* option length 1 */
	kt_feed(&th, opt, 8, 0, 0, true);
	KT_EQ(kt, tcp_stats.tcps_rcvbadopt, before.tcps_rcvbadopt + 1);
	/* A SYN to a closed port: counted, answered with RST. */
	kt_hdr(&th, 1234, 4321, TH_SYN);
	kt_feed(&th, NULL, 0, 0, 0, true);
	KT_EQ(kt, tcp_stats.tcps_noport, before.tcps_noport + 1);
	KT_EQ(kt, tcp_stats.tcps_sndrst, before.tcps_sndrst + 1);
	/* An RST to a closed port is not answered. */
	kt_hdr(&th, 1234, 4321, TH_RST);
	kt_feed(&th, NULL, 0, 0, 0, true);
	KT_EQ(kt, tcp_stats.tcps_sndrst, before.tcps_sndrst + 1);
}

KTEST(tcp_random_segments)
{
	struct sockaddr_in sin;
	struct socket *so;
	struct tcp_hdr th;
	uint8_t opt[40];
	uint64_t total = tcp_stats.tcps_rcvtotal;

	/* A listener on 127.0.0.1:4999 to aim at. */
	KT_EQ(kt, socket_create(&tcp_protosw, &so), 0);
	memset(&sin, 0, sizeof(sin));
	sin.sin_family = AF_INET;
	sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	sin.sin_port = htons(4999);
	KT_EQ(kt, tcp_protosw.pr_bind(so, (struct sockaddr *)&sin,
	    sizeof(sin)), 0);
	KT_EQ(kt, tcp_protosw.pr_listen(so, 16), 0);
	for (int i = 0; i < 20000; i++) {
		/* Few source ports, so segments meet the connections the
		 * SYNs among them opened. */
		uint16_t sport = (uint16_t)(40000 + kt_rand() % 8);
		uint16_t dport = kt_rand() % 4 ? 4999 : (uint16_t)kt_rand();
		size_t optlen = (kt_rand() % 11) * 4;

		kt_hdr(&th, sport, dport, (int)(kt_rand() & 0x3f));
		th.th_off = (uint8_t)((5 + optlen / 4) << 4);
		th.th_win = htons((uint16_t)kt_rand());
		for (size_t k = 0; k < optlen; k++)
			opt[k] = (uint8_t)(kt_rand() % 4 ? kt_rand() % 9 :
			    kt_rand());
		kt_feed(&th, opt, optlen, kt_rand() % 64, 0, kt_rand() % 16 != 0);
		if (i % 1000 == 0)
			kpause(1000000, false);  /* let the replies drain */
	}
	KT_CHECK(kt, tcp_stats.tcps_rcvtotal >= total + 20000);
	socket_destroy(so);
}

/* A listener l on 127.0.0.1:port, a client c connected to it and the
 * accepted end a; false (a failure recorded, a NULL) when the
 * connection does not come up within a second. */
static bool
kt_tcp_pair(struct ktest_ctx *kt, uint16_t port, struct socket **l,
    struct socket **c, struct socket **a)
{
	struct sockaddr_in sin;

	*l = *c = *a = NULL;
	KT_EQ(kt, socket_create(&tcp_protosw, l), 0);
	memset(&sin, 0, sizeof(sin));
	sin.sin_family = AF_INET;
	sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	sin.sin_port = htons(port);
	KT_EQ(kt, tcp_protosw.pr_bind(*l, (struct sockaddr *)&sin,
	    sizeof(sin)), 0);
	KT_EQ(kt, tcp_protosw.pr_listen(*l, 16), 0);
	KT_EQ(kt, socket_create(&tcp_protosw, c), 0);
	KT_EQ(kt, tcp_protosw.pr_connect(*c, (struct sockaddr *)&sin,
	    sizeof(sin), true), -EINPROGRESS);
	for (int i = 0; i < 100 && *a == NULL; i++) {
		kpause(10000000, false);
		if (tcp_protosw.pr_accept(*l, true, a) != 0)
			*a = NULL;
	}
	return KT_CHECK(kt, *a != NULL);
}

/* Close what kt_tcp_pair made (NULLs are skipped). */
static void
kt_tcp_pair_destroy(struct socket *l, struct socket *c, struct socket *a)
{
	struct socket *all[3] = { a, c, l };

	for (int i = 0; i < 3; i++)
		if (all[i] != NULL)
			socket_destroy(all[i]);
}

/* Random segments aimed inside the windows of a live connection:
 * sequence and acknowledgment numbers near what each end expects. */
KTEST(tcp_random_in_window)
{
	struct socket *l, *c, *a;
	struct tcpcb *tp;
	struct tcp_hdr th;
	uint8_t opt[40];

	if (!kt_tcp_pair(kt, 4998, &l, &c, &a))
		goto out;
	for (int i = 0; i < 20000; i++) {
		bool to_server = kt_rand() % 2;
		struct socket *dst = to_server ? a : c;
		uint32_t seq, ack;
		uint16_t sport, dport;
		size_t optlen = (kt_rand() % 4) * 4;

		mutex_enter(&tcp_lock);
		tp = dst->so_pcb;
		seq = tp->rcv_nxt + (kt_rand() % 140000) - 70000;
		ack = tp->snd_una + (kt_rand() % 4000) - 2000;
		sport = ntohs(tp->t_fport);
		dport = ntohs(tp->t_lport);
		mutex_exit(&tcp_lock);
		kt_hdr(&th, sport, dport, (int)(kt_rand() & 0x3f));
		th.th_seq = htonl(seq);
		th.th_ack = htonl(ack);
		th.th_off = (uint8_t)((5 + optlen / 4) << 4);
		th.th_win = htons((uint16_t)kt_rand());
		for (size_t k = 0; k < optlen; k++)
			opt[k] = (uint8_t)(kt_rand() % 4 ? kt_rand() % 9 :
			    kt_rand());
		kt_feed(&th, opt, optlen, kt_rand() % 200, 0, true);
		if (i % 500 == 0)
			kpause(1000000, false);
	}
	socket_destroy(a);
out:
	kt_tcp_pair_destroy(l, c, NULL);
}

/* Move n bytes between buf and socket so (send: true) without waiting. */
static ssize_t
kt_sockio(struct socket *so, void *buf, size_t n, bool send)
{
	struct iovec iov = { .iov_base = buf, .iov_len = n };
	struct uio uio = {
		.uio_iov = &iov, .uio_iovcnt = 1, .uio_resid = n,
		.uio_rw = send ? UIO_WRITE : UIO_READ, .uio_user = false,
	};
	struct sockmsg sm;

	memset(&sm, 0, sizeof(sm));
	sm.sm_uio = &uio;
	return send ? tcp_protosw.pr_send(so, &sm, MSG_DONTWAIT) :
	    tcp_protosw.pr_recv(so, &sm, MSG_DONTWAIT);
}

/* Data in flight is lost and a stale zero window is the last the
 * sender heard (a reordered old ACK does that): retransmitting cannot
 * send anything into a zero window, so the persist timer must probe,
 * draw the ACK that opens the window and let the data through.  Before
 * the fix the retransmission timer backed off forever instead. */
KTEST(tcp_zero_window_in_flight_recovers)
{
	static uint8_t buf[1000];
	struct socket *l, *c, *a;
	struct tcpcb *tp;
	ssize_t got = 0;

	if (!kt_tcp_pair(kt, 4997, &l, &c, &a))
		goto out;
	/* The segment is lost; then a stale ACK shuts the window. */
	memset(buf, 0x5a, sizeof(buf));
	tcp_dbg_drop = 1000;
	KT_EQ(kt, kt_sockio(c, buf, sizeof(buf), true), (ssize_t)sizeof(buf));
	mutex_enter(&tcp_lock);
	tp = c->so_pcb;
	KT_EQ(kt, tp->snd_max - tp->snd_una, (uint32_t)sizeof(buf));
	tp->snd_wnd = 0;
	tcp_dbg_drop = 0;
	mutex_exit(&tcp_lock);
	/* The first timeout comes after t_rto (200 ms or more), the
	 * first probe t_rto after that. */
	for (int i = 0; i < 300 && got < (ssize_t)sizeof(buf); i++) {
		ssize_t n;

		kpause(10000000, false);
		n = kt_sockio(a, buf + got, sizeof(buf) - (size_t)got, false);
		if (n > 0)
			got += n;
	}
	KT_EQ(kt, got, (ssize_t)sizeof(buf));
	KT_EQ(kt, buf[0], 0x5a);
	KT_EQ(kt, buf[sizeof(buf) - 1], 0x5a);
	socket_destroy(a);
out:
	tcp_dbg_drop = 0;
	kt_tcp_pair_destroy(l, c, NULL);
}
