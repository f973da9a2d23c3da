/* ktest_ip_dhcp.c -- kernel self-tests of the DHCP client against a
 * fake server that lives in a fake Ethernet driver: every frame the
 * client sends is answered from the driver's transmit routine (ARP for
 * the server's address, OFFER/ACK/NAK for DHCP), so binding, renewal at
 * T1, a NAK and a silent network all run without a host network. */
#include "../ktest/ktest.h"
#include "../../components/net/dhcp/dhcp_int.h"
#include <abi/fcntl.h>
#include <sys/file.h>
#include <vfs/vfs.h>

#define SRV_IP 0x0a070001      /* 10.7.0.1: server and router */
#define CLI_IP 0x0a070032      /* 10.7.0.50: the address it leases */
static const uint8_t srv_hw[6] = { 0x02, 0, 0, 0, 0x07, 0x01 };

enum srv_mode { SRV_ACK, SRV_NAK, SRV_SILENT };

static struct {
	kmutex_t lock;
	enum srv_mode mode;
	uint32_t lease, t1, t2;
	int discovers, requests, renew_unicast;
	int shortmsgs;             /* under 548 bytes: servers may ignore */
	uint32_t last_ciaddr;
} srv;

static struct ifnet dhcpif = {
	.if_name = "ktd0",
	.if_flags = IFF_UP,
	.if_hwaddr = { 0x02, 0, 0, 0, 0x07, 0x32 },
};

static uint8_t *
opt(uint8_t *o, uint8_t code, const void *v, size_t len)
{
	*o++ = code;
	*o++ = (uint8_t)len;
	memcpy(o, v, len);
	return o + len;
}

/* An answer of type to the request q, broadcast from the server. */
static void
srv_reply(const struct dhcp_hdr *q, int type)
{
	uint8_t f[14 + 20 + 8 + 400], *o;
	struct ip_hdr ip;
	struct udp_hdr uh;
	struct dhcp_hdr h;
	uint32_t a, u;
	size_t dlen;

	memset(f, 0, sizeof(f));
	memset(&h, 0, sizeof(h));
	h.dh_op = DHCP_BOOTREPLY;
	h.dh_htype = 1;
	h.dh_hlen = 6;
	h.dh_xid = q->dh_xid;
	h.dh_yiaddr = type == DHCPNAK ? 0 : htonl(CLI_IP);
	memcpy(h.dh_chaddr, q->dh_chaddr, 16);
	h.dh_cookie[0] = 99; h.dh_cookie[1] = 130;
	h.dh_cookie[2] = 83; h.dh_cookie[3] = 99;
	memcpy(f + 42, &h, sizeof(h));
	o = f + 42 + sizeof(h);
	uint8_t t = (uint8_t)type;
	o = opt(o, 53, &t, 1);
	a = htonl(SRV_IP);
	o = opt(o, 54, &a, 4);
	if (type != DHCPNAK) {
		a = htonl(0xffffff00);
		o = opt(o, 1, &a, 4);
		a = htonl(SRV_IP);
		o = opt(o, 3, &a, 4);
		uint32_t dns[2] = { htonl(0x0a070035), htonl(0x0a070036) };
		o = opt(o, 6, dns, sizeof(dns));
		o = opt(o, 15, "example.test", 12);
		u = htonl(srv.lease);
		o = opt(o, 51, &u, 4);
		if (srv.t1 != 0) {
			u = htonl(srv.t1);
			o = opt(o, 58, &u, 4);
			u = htonl(srv.t2);
			o = opt(o, 59, &u, 4);
		}
	}
	*o++ = 255;
	dlen = (size_t)(o - (f + 42));
	memcpy(f, etherbroadcast, 6);
	memcpy(f + 6, srv_hw, 6);
	f[12] = 0x08;
	memset(&ip, 0, sizeof(ip));
	ip.ip_vhl = 0x45;
	ip.ip_len = htons((uint16_t)(28 + dlen));
	ip.ip_ttl = 64;
	ip.ip_p = IPPROTO_UDP;
	ip.ip_src = htonl(SRV_IP);
	ip.ip_dst = INADDR_BROADCAST;
	ip.ip_sum = htons(in_cksum_fold(in_cksum_add(0, &ip, sizeof(ip))));
	memcpy(f + 14, &ip, sizeof(ip));
	uh.uh_sport = htons(67);
	uh.uh_dport = htons(68);
	uh.uh_ulen = htons((uint16_t)(8 + dlen));
	uh.uh_sum = 0;  /* allowed over IPv4 (RFC 768) */
	memcpy(f + 34, &uh, sizeof(uh));
	ether_input(&dhcpif, pkt_from_buf(f, 42 + dlen, 0));
}

/* ARP: answer who-has SRV_IP. */
static void
srv_arp(const uint8_t *f)
{
	uint8_t r[42];
	uint32_t a;

	if (f[21] != 1 || memcmp(f + 38, &(uint32_t){ htonl(SRV_IP) }, 4) != 0)
		return;
	memset(r, 0, sizeof(r));
	memcpy(r, f + 6, 6);
	memcpy(r + 6, srv_hw, 6);
	r[12] = 0x08; r[13] = 0x06; r[15] = 1; r[16] = 0x08; r[18] = 6;
	r[19] = 4; r[21] = 2;
	memcpy(r + 22, srv_hw, 6);
	a = htonl(SRV_IP);
	memcpy(r + 28, &a, 4);
	memcpy(r + 32, f + 22, 10);  /* the asker's hardware and IP */
	ether_input(&dhcpif, pkt_from_buf(r, sizeof(r), 0));
}

static int
srv_transmit(struct ifnet *ifp, struct pkt *p)
{
	uint8_t f[14 + 20 + 8 + sizeof(struct dhcp_hdr) + 3];
	struct dhcp_hdr q;
	int type = 0;

	(void)ifp;
	memset(f, 0, sizeof(f));
	(void)pkt_copydata(p, 0, MIN(p->pk_pktlen, sizeof(f)), f);
	if (f[12] == 0x08 && f[13] == 0x06) {
		srv_arp(f);
		goto out;
	}
	/* IPv4, UDP to port 67, and option 53 first (our client's order). */
	if (f[12] != 0x08 || f[13] != 0 || f[23] != IPPROTO_UDP ||
	    f[36] != 0 || f[37] != 67 || p->pk_pktlen < sizeof(f))
		goto out;
	memcpy(&q, f + 42, sizeof(q));
	if (f[42 + sizeof(q)] == 53)
		type = f[42 + sizeof(q) + 2];
	mutex_enter(&srv.lock);
	if (p->pk_pktlen < 14 + 20 + 8 + 548)
		srv.shortmsgs++;
	if (type == DHCPDISCOVER)
		srv.discovers++;
	if (type == DHCPREQUEST) {
		srv.requests++;
		srv.last_ciaddr = q.dh_ciaddr;
		if (memcmp(f, etherbroadcast, 6) != 0)
			srv.renew_unicast++;
	}
	enum srv_mode mode = srv.mode;
	mutex_exit(&srv.lock);
	if (mode == SRV_SILENT)
		goto out;
	if (type == DHCPDISCOVER)
		srv_reply(&q, DHCPOFFER);
	else if (type == DHCPREQUEST)
		srv_reply(&q, mode == SRV_NAK ? DHCPNAK : DHCPACK);
out:
	pkt_free(p);
	return 0;
}

static bool
dhcp_setup(struct ktest_ctx *kt)
{
	static bool done;

	if (done)
		return true;
	mutex_init(&srv.lock, MUTEX_DEFAULT);
	dhcpif.if_transmit = srv_transmit;
	if (!KT_EQ(kt, ether_ifattach(&dhcpif), 0))
		return false;
	done = true;
	return true;
}

/* Read up to len - 1 bytes of path into buf, NUL-terminated. */
static int
read_file(const char *path, char *buf, size_t len)
{
	struct iovec iov = { buf, len - 1 };
	struct uio uio = { &iov, 1, 0, len - 1, UIO_READ, false };
	struct file *f;
	ssize_t n;
	int error;

	error = vfs_open_file(AT_FDCWD, path, O_RDONLY, 0, &f);
	if (error != 0)
		return error;
	n = f->f_ops->fo_read(f, &uio, 0);
	file_rele(f);
	if (n < 0)
		return (int)n;
	buf[n] = '\0';
	return 0;
}

static bool
contains(const char *s, const char *sub)
{
	size_t n = strlen(sub);

	for (; *s != '\0'; s++)
		if (strncmp(s, sub, n) == 0)
			return true;
	return false;
}

KTEST(dhcp_bind_renew_nak)
{
	struct ifnet *ifp;
	uint32_t nexthop;
	char buf[512];

	if (!dhcp_setup(kt))
		return;
	mutex_enter(&srv.lock);
	srv.mode = SRV_ACK;
	srv.discovers = srv.requests = srv.renew_unicast = 0;
	mutex_exit(&srv.lock);
	srv.lease = 3;
	srv.t1 = 1;
	srv.t2 = 2;
	if (!KT_EQ(kt, dhcp_if_start("ktd0", 5000), 0))
		return;
	KT_EQ(kt, dhcpif.if_addr, htonl(CLI_IP));
	KT_EQ(kt, dhcpif.if_mask, htonl(0xffffff00));
	KT_EQ(kt, srv.discovers, 1);
	KT_EQ(kt, srv.requests, 1);
	KT_EQ(kt, srv.last_ciaddr, 0);   /* REQUESTING: no ciaddr */
	/* The default route goes to the router. */
	KT_EQ(kt, route_lookup(htonl(0x08080808), &ifp, &nexthop), 0);
	KT_CHECK(kt, ifp == &dhcpif);
	KT_EQ(kt, nexthop, htonl(SRV_IP));
	/* The resolver's files. */
	KT_EQ(kt, read_file("/etc/resolv.conf", buf, sizeof(buf)), 0);
	KT_CHECK(kt, contains(buf, "nameserver 10.7.0.53\n"));
	KT_CHECK(kt, contains(buf, "nameserver 10.7.0.54\n"));
	KT_CHECK(kt, contains(buf, "search example.test\n"));
	KT_EQ(kt, read_file("/etc/hosts", buf, sizeof(buf)), 0);
	KT_CHECK(kt, contains(buf, "127.0.0.1\tlocalhost\n"));
	KT_CHECK(kt, contains(buf, "10.7.0.50\t"));
	/* Bound already: answered at once. */
	KT_EQ(kt, dhcp_if_start("ktd0", 10), 0);

	/* T1 (1 s): a unicast REQUEST with ciaddr, answered by ACK. */
	kpause(1500 * 1000000LL, false);
	mutex_enter(&srv.lock);
	KT_CHECK(kt, srv.requests >= 2);
	KT_CHECK(kt, srv.renew_unicast >= 1);
	KT_EQ(kt, srv.last_ciaddr, htonl(CLI_IP));
	/* Now refuse: the next renewal is NAKed, the address goes, and
	 * the client starts over with DISCOVER (which nobody answers). */
	srv.mode = SRV_NAK;
	mutex_exit(&srv.lock);
	for (int i = 0; i < 40 && dhcpif.if_addr != 0; i++)
		kpause(100 * 1000000LL, false);
	KT_EQ(kt, dhcpif.if_addr, 0);
	mutex_enter(&srv.lock);
	srv.mode = SRV_ACK;
	mutex_exit(&srv.lock);
	/* Back in INIT, the next DISCOVER (4 s +- 1 s later at most)
	 * gets a lease again. */
	for (int i = 0; i < 80 && dhcpif.if_addr == 0; i++)
		kpause(100 * 1000000LL, false);
	KT_EQ(kt, dhcpif.if_addr, htonl(CLI_IP));
	KT_CHECK(kt, srv.discovers >= 2);
	KT_EQ(kt, dhcp_if_stop("ktd0"), 0);
	KT_EQ(kt, dhcpif.if_addr, 0);
	KT_EQ(kt, route_lookup(htonl(0x08080808), &ifp, &nexthop),
	    -ENETUNREACH);
	KT_EQ(kt, dhcp_if_stop("ktd0"), -ESRCH);
	KT_EQ(kt, srv.shortmsgs, 0);
}

KTEST(dhcp_timeout_and_errors)
{
	if (!dhcp_setup(kt))
		return;
	srv.mode = SRV_SILENT;
	KT_EQ(kt, dhcp_if_start("ktd0", 300), -ETIMEDOUT);
	KT_EQ(kt, dhcpif.if_addr, 0);
	KT_EQ(kt, dhcp_if_stop("ktd0"), -ESRCH);  /* it gave up */
	KT_EQ(kt, dhcp_if_start("nosuch0", 300), -ENXIO);
	KT_EQ(kt, dhcp_if_start("lo0", 300), -EINVAL);
	KT_EQ(kt, dhcp_if_start("ktd0", 0), -EINVAL);
}

KTEST(dhcp_parse_rejects)
{
	uint8_t buf[300];
	struct dhcp_lease l;
	struct dhcp_hdr h;

	memset(buf, 0, sizeof(buf));
	KT_EQ(kt, dhcp_parse(buf, 100, &l), -EINVAL);       /* short */
	memset(&h, 0, sizeof(h));
	h.dh_op = DHCP_BOOTREPLY;
	h.dh_htype = 1;
	h.dh_hlen = 6;
	memcpy(buf, &h, sizeof(h));
	KT_EQ(kt, dhcp_parse(buf, sizeof(buf), &l), -EINVAL); /* no cookie */
	h.dh_cookie[0] = 99; h.dh_cookie[1] = 130;
	h.dh_cookie[2] = 83; h.dh_cookie[3] = 99;
	memcpy(buf, &h, sizeof(h));
	KT_EQ(kt, dhcp_parse(buf, sizeof(buf), &l), -EINVAL); /* no type */
	buf[240] = 53; buf[241] = 1; buf[242] = DHCPACK;
	buf[243] = 6; buf[244] = 200;                        /* truncated */
	KT_EQ(kt, dhcp_parse(buf, sizeof(buf), &l), -EINVAL);
	buf[243] = 1; buf[244] = 3;                          /* mask of 3 */
	KT_EQ(kt, dhcp_parse(buf, sizeof(buf), &l), -EINVAL);
	buf[243] = 255;
	KT_EQ(kt, dhcp_parse(buf, sizeof(buf), &l), 0);
	KT_EQ(kt, l.dl_type, DHCPACK);
}
