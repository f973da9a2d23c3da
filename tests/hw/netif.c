/*
 * netif.c -- test image for the hw virtio-net driver through
 * <rumpcomp_netif.h>, without a kernel: raw Ethernet frames against
 * QEMU's user networking (slirp: gateway 10.0.2.2, guest 10.0.2.15).
 * Boot command line (tests/hw/net.bats):
 *   NETIF_N=n      the number of virtio-net devices QEMU was given, with
 *                  MACs 52:54:00:12:34:56, ...:57, ...
 *   NETIF_ECHO=1   then serve UDP echo on 10.0.2.15:7 of vioif0 until a
 *                  datagram "quit" comes (answered "bye")
 * Checks: enumeration and open errors, the MAC, EBUSY, ARP and a large
 * ICMP echo with the gateway on every device, close/reopen.  Prints
 * "netif: all N checks passed" and returns 0, or 1 after a failure.
 */
#include "tsupport.h"
#include "rumpcomp_netif.h"

#define ENOENT 2
#define ENXIO 6
#define EBUSY 16
#define EINVAL 22
#define ENAMETOOLONG 36
#define EMSGSIZE 90

int rumprun_main(const char *cmdline);

static const uint8_t guest_ip[4] = { 10, 0, 2, 15 };
static const uint8_t gw_ip[4] = { 10, 0, 2, 2 };
static const uint8_t bcast[6] = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff };

static void up_unschedule(void) {}
static void up_schedule(void) {}
static void up_lwpexit(void *l) { (void)l; }
static const struct rumpuser_hyperup hyp = { up_unschedule, up_schedule,
	up_lwpexit };

static void put16(uint8_t *p, unsigned v)
{
	p[0] = (uint8_t)(v >> 8);
	p[1] = (uint8_t)v;
}

static unsigned get16(const uint8_t *p)
{
	return (unsigned)p[0] << 8 | p[1];
}

static uint32_t sum16(const uint8_t *p, size_t len, uint32_t sum)
{
	size_t i;

	for (i = 0; i + 1 < len; i += 2)
		sum += get16(p + i);
	if (i < len)
		sum += (uint32_t)p[i] << 8;
	return sum;
}

static unsigned fold(uint32_t sum)
{
	while (sum >> 16)
		sum = (sum & 0xffff) + (sum >> 16);
	return ~sum & 0xffff;
}

static int send1(void *h, const uint8_t *f, size_t len,
    const struct rumpcomp_netif_pkt *pkt)
{
	struct rumpuser_iovec iov[2] = {
		{ (void *)(uintptr_t)f, 14 },
		{ (void *)(uintptr_t)(f + 14), len - 14 },
	};
	return rumpcomp_netif_send(h, iov, 2, pkt);
}

static size_t eth(uint8_t *f, const uint8_t *dst, const uint8_t *src,
    unsigned type)
{
	memcpy(f, dst, 6);
	memcpy(f + 6, src, 6);
	put16(f + 12, type);
	return 14;
}

/* An ARP packet (op 1 request, 2 reply) after the Ethernet header. */
static size_t arp(uint8_t *f, const uint8_t *dstmac, const uint8_t *mac,
    unsigned op, const uint8_t *sip, const uint8_t *tmac, const uint8_t *tip)
{
	size_t n = eth(f, dstmac, mac, 0x0806);

	put16(f + n, 1);
	put16(f + n + 2, 0x0800);
	f[n + 4] = 6;
	f[n + 5] = 4;
	put16(f + n + 6, op);
	memcpy(f + n + 8, mac, 6);
	memcpy(f + n + 14, sip, 4);
	memcpy(f + n + 18, tmac, 6);
	memcpy(f + n + 24, tip, 4);
	return n + 28;
}

/* An IPv4 header of protocol proto with plen payload bytes. */
static size_t ip(uint8_t *p, unsigned proto, const uint8_t *src,
    const uint8_t *dst, size_t plen)
{
	static unsigned id;

	memset(p, 0, 20);
	p[0] = 0x45;
	put16(p + 2, (unsigned)(20 + plen));
	put16(p + 4, ++id);
	p[8] = 64;
	p[9] = (uint8_t)proto;
	memcpy(p + 12, src, 4);
	memcpy(p + 16, dst, 4);
	put16(p + 10, fold(sum16(p, 20, 0)));
	return 20;
}

/* Whether f is an ARP reply from ip; its sender MAC to mac. */
static bool is_arp_reply(const uint8_t *f, size_t len, const uint8_t *from,
    uint8_t *mac)
{
	if (len < 42 || get16(f + 12) != 0x0806 || get16(f + 20) != 2 ||
	    memcmp(f + 28, from, 4) != 0)
		return false;
	memcpy(mac, f + 22, 6);
	return true;
}

/* Answer an ARP request for guest_ip; true if f was one. */
static bool answer_arp(void *h, const uint8_t *mac, const uint8_t *f,
    size_t len)
{
	uint8_t r[64];

	if (len < 42 || get16(f + 12) != 0x0806 || get16(f + 20) != 1 ||
	    memcmp(f + 38, guest_ip, 4) != 0)
		return false;
	memset(r, 0, sizeof(r));
	arp(r, f + 6, mac, 2, guest_ip, f + 22, f + 28);
	send1(h, r, 60, NULL);
	return true;
}

static uint8_t frame[2048], rx[2048];

static void test_device(int unit, int n)
{
	struct rumpcomp_netif_info info;
	struct rumpcomp_netif_pkt pkt;
	char name[16];
	void *h, *h2;
	uint8_t gwmac[6], want[6] = { 0x52, 0x54, 0x00, 0x12, 0x34, 0x56 };
	uint64_t len;
	size_t fl;
	bool got;
	int tries;

	want[5] = (uint8_t)(want[5] + unit);
	CHECK(rumpcomp_netif_enum(unit, name, sizeof(name)) == 0, "enum");
	CHECK(rumpcomp_netif_open(name, &info, &h) == 0, "open");
	CHECK(memcmp(info.ni_mac, want, 6) == 0, "the MAC QEMU was given");
	CHECK(info.ni_mtu == 1500, "MTU 1500");
	t_printf("netif: %s flags %x\n", name, info.ni_flags);
	CHECK(rumpcomp_netif_open(name, &info, &h2) == EBUSY, "open twice: EBUSY");

	/* Too long and too short frames are refused. */
	memset(frame, 0, sizeof(frame));
	struct rumpuser_iovec big = { frame, 14 + 1501 };
	CHECK(rumpcomp_netif_send(h, &big, 1, NULL) == EMSGSIZE,
	    "a frame over the MTU: EMSGSIZE");

	/* ARP for the gateway. */
	got = false;
	for (tries = 0; tries < 5 && !got; tries++) {
		fl = arp(frame, bcast, info.ni_mac, 1, guest_ip,
		    (const uint8_t[6]){ 0 }, gw_ip);
		CHECK(send1(h, frame, 60, NULL) == 0, "send an ARP request");
		for (int i = 0; i < 8 && !got; i++) {
			if (rumpcomp_netif_recv(h, rx, sizeof(rx), &len, &pkt) != 0)
				break;
			got = is_arp_reply(rx, len, gw_ip, gwmac);
		}
	}
	(void)fl;
	CHECK(got, "the gateway answers ARP");

	/* A large ICMP echo: frames of 1442 bytes both ways. */
	size_t plen = 8 + 1400;
	uint8_t *icmp = frame + 14 + 20;
	eth(frame, gwmac, info.ni_mac, 0x0800);
	ip(frame + 14, 1, guest_ip, gw_ip, plen);
	memset(icmp, 0, plen);
	icmp[0] = 8;
	put16(icmp + 4, 0x4242);
	put16(icmp + 6, (unsigned)unit + 1);
	for (size_t i = 8; i < plen; i++)
		icmp[i] = (uint8_t)(i * 7 + unit);
	put16(icmp + 2, fold(sum16(icmp, plen, 0)));
	got = false;
	for (tries = 0; tries < 3 && !got; tries++) {
		CHECK(send1(h, frame, 14 + 20 + plen, NULL) == 0, "send a ping");
		for (int i = 0; i < 8 && !got; i++) {
			if (rumpcomp_netif_recv(h, rx, sizeof(rx), &len, &pkt) != 0)
				break;
			if (answer_arp(h, info.ni_mac, rx, len))
				continue;
			got = len == 14 + 20 + plen && get16(rx + 12) == 0x0800 &&
			    rx[23] == 1 && rx[34] == 0 && get16(rx + 38) == 0x4242 &&
			    memcmp(rx + 42, icmp + 8, plen - 8) == 0 &&
			    fold(sum16(rx + 34, plen, 0)) == 0;
		}
	}
	CHECK(got, "the gateway answers a 1400-byte ping, byte-exact");

	rumpcomp_netif_close(h);
	CHECK(rumpcomp_netif_recv(h, rx, sizeof(rx), &len, NULL) == 125,
	    "recv after close: ECANCELED");
	rumpcomp_netif_free(h);
	CHECK(rumpcomp_netif_open(name, &info, &h) == 0, "reopen after free");
	rumpcomp_netif_close(h);
	rumpcomp_netif_free(h);
	(void)n;
}

/* UDP echo on guest_ip:7 until "quit"; returns the datagrams echoed. */
static int echo(void)
{
	struct rumpcomp_netif_info info;
	struct rumpcomp_netif_pkt pkt, out;
	uint64_t len;
	void *h;
	int n = 0;

	if (rumpcomp_netif_open("vioif0", &info, &h) != 0)
		return -1;
	t_printf("netif: echo ready\n");
	for (;;) {
		if (rumpcomp_netif_recv(h, rx, sizeof(rx), &len, &pkt) != 0)
			break;
		if (answer_arp(h, info.ni_mac, rx, len))
			continue;
		if (len < 42 || get16(rx + 12) != 0x0800 || rx[14] != 0x45 ||
		    rx[23] != 17 || memcmp(rx + 30, guest_ip, 4) != 0 ||
		    get16(rx + 36) != 7)
			continue;
		size_t ulen = get16(rx + 38);
		if (ulen < 8 || 14 + 20 + ulen > len)
			continue;
		uint8_t *u = frame + 34;
		bool quit = ulen == 12 && memcmp(rx + 42, "quit", 4) == 0;
		eth(frame, rx + 6, info.ni_mac, 0x0800);
		ip(frame + 14, 17, guest_ip, rx + 26, ulen);
		put16(u, 7);
		memcpy(u + 2, rx + 34, 2);
		put16(u + 4, (unsigned)ulen);
		put16(u + 6, 0);
		if (quit)
			memcpy(u + 8, "bye\n", 4);
		else
			memcpy(u + 8, rx + 42, ulen - 8);
		/* The pseudo-header sum; the rest by the device if it can. */
		uint32_t ps = sum16(frame + 26, 8, 0) + 17 + (uint32_t)ulen;
		memset(&out, 0, sizeof(out));
		if (info.ni_flags & RUMPCOMP_NETIF_TXCSUM) {
			unsigned s = ~fold(ps) & 0xffff;
			put16(u + 6, s);
			out.np_flags = RUMPCOMP_NETIF_PKT_NEEDS_CSUM;
			out.np_csum_start = 34;
			out.np_csum_offset = 6;
		} else {
			unsigned s = fold(sum16(u, ulen, ps));
			put16(u + 6, s ? s : 0xffff);
		}
		send1(h, frame, 34 + ulen, &out);
		n++;
		if (quit)
			break;
	}
	rumpcomp_netif_close(h);
	rumpcomp_netif_free(h);
	return n;
}

int rumprun_main(const char *cmdline)
{
	struct rumpcomp_netif_info info;
	char buf[16], name[16];
	void *h;
	int n = 0, want = 1;

	(void)cmdline;
	rumpuser_init(RUMPUSER_VERSION, &hyp);
	if (rumpuser_getparam("NETIF_N", buf, sizeof(buf)) == 0)
		want = (int)t_atou(buf);
	while (rumpcomp_netif_enum(n, name, sizeof(name)) == 0)
		n++;
	t_printf("netif: %d devices\n", n);
	CHECK(n == want, "enum finds every device");
	CHECK(n == 0 || (rumpcomp_netif_enum(0, name, sizeof(name)) == 0 &&
	    t_strcmp(name, "vioif0") == 0), "the first is vioif0");
	CHECK(rumpcomp_netif_enum(n, name, sizeof(name)) == ENOENT,
	    "enum past the last: ENOENT");
	CHECK(n == 0 || rumpcomp_netif_enum(0, name, 3) == ENAMETOOLONG,
	    "enum into a short buffer: ENAMETOOLONG");
	CHECK(rumpcomp_netif_open("tap:tap0", &info, &h) == ENXIO,
	    "a posix back end: ENXIO");
	CHECK(rumpcomp_netif_open("vioifx", &info, &h) == EINVAL,
	    "a malformed spec: EINVAL");
	CHECK(rumpcomp_netif_open("vioif01", &info, &h) == EINVAL,
	    "a spec with a leading zero: EINVAL");
	CHECK(rumpcomp_netif_open("vioif99", &info, &h) == ENXIO,
	    "no such device: ENXIO");
	for (int i = 0; i < n; i++)
		test_device(i, n);
	if (rumpuser_getparam("NETIF_ECHO", buf, sizeof(buf)) == 0) {
		int e = echo();
		t_printf("netif: echoed %d datagrams\n", e);
		CHECK(e > 0, "UDP echo served until quit");
	}
	if (t_failed()) {
		t_printf("netif: %d of %d checks FAILED\n", t_failed(), t_count());
		return 1;
	}
	t_printf("netif: all %d checks passed\n", t_count());
	return 0;
}
