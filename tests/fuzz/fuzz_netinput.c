/*
 * fuzz_netinput.c -- libFuzzer target: hostile Ethernet frames into the
 * input path of a hosted rump kernel's TCP/IP stack.
 *
 * The harness is the interface's host back end: it defines the
 * rumpcomp_netif_* hypercalls (<rumpcomp_netif.h>) itself, instead of
 * linking librumpcomp_netif.a, and rump_net_if_create("fz0", "fuzz")
 * makes an ordinary rumpnet_virtif interface on it.  Its receive thread
 * takes the frames of each input from here; frames the kernel sends are
 * dropped.  fz0 is 10.0.0.2/24 with a bound UDP socket and, when the
 * kernel has TCP, a listening TCP socket, so frames reach the protocols.
 *
 * Input format and seeds: netinput_frames.h, tests/fuzz/corpus/netinput/
 * (made by netinput_seeds.c).  After each input a datagram over lo0 to
 * ourselves ends the input: the network thread handles packets in order,
 * so when it arrives every frame of the input has been handled.
 *
 * At start the harness feeds malformed frames of each kind and checks
 * that the kernel counted each one where it should (inet_stats): the
 * counters are read through the kernel's own symbol, rumpns_inet_stats,
 * whose layout struct kstats below mirrors (components/net/inet/
 * inet_int.h; fields are only ever added at its end).
 */
#include <errno.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>

#include <rump/rump.h>
#include <rump/rump_net.h>
#include <rump/rump_syscalls.h>

#include "rumpcomp_netif.h"
#include "netinput_frames.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* --- the fake back end ------------------------------------------------ */

/* librumpuser's copy of the kernel's upcalls: a blocking hypercall
 * gives up its virtual CPU around the wait (rumpuser.h). */
extern struct rumpuser_hyperup rumpuser__hyp;

static pthread_mutex_t be_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t be_cv = PTHREAD_COND_INITIALIZER;
static uint8_t be_frame[NF_MAXFRAME];
static size_t be_len;
static bool be_have;       /* a frame waits for the receive thread */
static bool be_rxwaiting;  /* the receive thread is inside recv */
static bool be_open, be_closed;
static int be_handle;
static uint64_t be_sent;
static uint32_t be_synack_seq;  /* of the last SYN-ACK sent */

int
rumpcomp_netif_enum(int index, char *name, uint64_t size)
{
	(void)index;
	(void)name;
	(void)size;
	return ENOENT;
}

int
rumpcomp_netif_open(const char *spec, struct rumpcomp_netif_info *info,
    void **handlep)
{
	if (strcmp(spec, "fuzz") != 0)
		return ENXIO;
	pthread_mutex_lock(&be_lock);
	if (be_open) {
		pthread_mutex_unlock(&be_lock);
		return EBUSY;
	}
	be_open = true;
	be_closed = false;
	pthread_mutex_unlock(&be_lock);
	memset(info, 0, sizeof(*info));
	memcpy(info->ni_mac, nf_ourmac, 6);
	info->ni_mtu = NF_MAXFRAME - 14;
	*handlep = &be_handle;
	return 0;
}

int
rumpcomp_netif_send(void *handle, const struct rumpuser_iovec *iov,
    uint64_t iovcnt, const struct rumpcomp_netif_pkt *pkt)
{
	uint8_t frame[NF_MAXFRAME];
	uint64_t len = 0;
	uint32_t seq;

	(void)handle;
	(void)pkt;
	for (uint64_t i = 0; i < iovcnt; i++) {
		/* The kernel must never send what the link cannot carry. */
		if (iov[i].iov_len > NF_MAXFRAME - len) {
			fprintf(stderr, "fuzz_netinput: the kernel sent a "
			    "frame longer than %d bytes\n", NF_MAXFRAME);
			abort();
		}
		memcpy(frame + len, iov[i].iov_base, iov[i].iov_len);
		len += iov[i].iov_len;
	}
	if (len < 14) {
		fprintf(stderr, "fuzz_netinput: the kernel sent a frame of "
		    "%llu bytes\n", (unsigned long long)len);
		abort();
	}
	if (nf_tcp_synack_seq(frame, (size_t)len, &seq))
		__atomic_store_n(&be_synack_seq, seq, __ATOMIC_RELAXED);
	if (getenv("FUZZ_NET_VERBOSE") != NULL) /* to see what seeds do */
		fprintf(stderr, "fuzz_netinput: sent %llu bytes, type %02x%02x,"
		    " IP proto %d, TCP flags %02x\n", (unsigned long long)len,
		    frame[12], frame[13], len > 23 ? frame[23] : -1,
		    len > 47 ? frame[47] : 0);
	__atomic_add_fetch(&be_sent, 1, __ATOMIC_RELAXED);
	return 0;
}

int
rumpcomp_netif_recv(void *handle, void *buf, uint64_t buflen,
    uint64_t *lenp, struct rumpcomp_netif_pkt *pkt)
{
	int error = 0;

	(void)handle;
	rumpuser__hyp.hyp_unschedule();
	pthread_mutex_lock(&be_lock);
	for (;;) {
		be_rxwaiting = true;
		pthread_cond_broadcast(&be_cv);
		while (!be_have && !be_closed)
			pthread_cond_wait(&be_cv, &be_lock);
		if (be_closed) {
			error = ECANCELED;
			break;
		}
		be_have = false;
		if (be_len <= buflen)
			break;
		/* Too long for the interface: dropped, as a back end does. */
	}
	if (error == 0) {
		memcpy(buf, be_frame, be_len);
		*lenp = be_len;
		if (pkt != NULL)
			memset(pkt, 0, sizeof(*pkt));
		be_rxwaiting = false;
	}
	pthread_mutex_unlock(&be_lock);
	rumpuser__hyp.hyp_schedule();
	return error;
}

void
rumpcomp_netif_close(void *handle)
{
	(void)handle;
	pthread_mutex_lock(&be_lock);
	be_closed = true;
	pthread_cond_broadcast(&be_cv);
	pthread_mutex_unlock(&be_lock);
}

void
rumpcomp_netif_free(void *handle)
{
	(void)handle;
	pthread_mutex_lock(&be_lock);
	be_open = false;
	pthread_mutex_unlock(&be_lock);
}

/* feed: one frame through the receive thread; returns when the kernel's
 * ether_input has returned for it (the thread waits in recv again). */
static void
feed(const uint8_t *frame, size_t len)
{
	pthread_mutex_lock(&be_lock);
	memcpy(be_frame, frame, len);
	be_len = len;
	be_have = true;
	pthread_cond_broadcast(&be_cv);
	while (be_have || !be_rxwaiting)
		pthread_cond_wait(&be_cv, &be_lock);
	pthread_mutex_unlock(&be_lock);
}

/* --- the kernel's side: sockets, and the end of an input -------------- */

static int udp_fd = -1, tcp_fd = -1, mark_rx = -1, mark_tx = -1;
static struct sockaddr_in mark_addr;
static uint32_t mark_seq;

static void
die(const char *what)
{
	fprintf(stderr, "fuzz_netinput: %s (errno %d)\n", what, errno);
	abort();
}

/* mark_sync: wait until the network thread handled everything fed so
 * far. */
static void
mark_sync(void)
{
	uint32_t seq = ++mark_seq, got;

	if (rump_sys_sendto(mark_tx, &seq, sizeof(seq), 0,
	    (struct sockaddr *)&mark_addr, sizeof(mark_addr)) != sizeof(seq))
		die("sending the end mark over lo0");
	do {
		if (rump_sys_recvfrom(mark_rx, &got, sizeof(got), 0, NULL,
		    NULL) != sizeof(got))
			die("no end mark: the network thread is stuck");
	} while (got != seq);
}

/* settle: mark_sync, then empty the sockets the frames may have filled
 * and close the connections they made. */
static void
settle(void)
{
	char buf[2048];

	mark_sync();
	while (rump_sys_recvfrom(udp_fd, buf, sizeof(buf), MSG_DONTWAIT,
	    NULL, NULL) >= 0)
		continue;
	if (tcp_fd >= 0) {
		int fd;
		/* The listener is non-blocking: this takes what is there. */
		while ((fd = rump_sys_accept4(tcp_fd, NULL, NULL, 0)) >= 0)
			rump_sys_close(fd);
	}
}

static int
udp_socket(uint32_t addr, uint16_t port)
{
	struct sockaddr_in sin;
	int fd = rump_sys_socket(AF_INET, SOCK_DGRAM, 0);

	if (fd < 0)
		die("socket(AF_INET, SOCK_DGRAM)");
	memset(&sin, 0, sizeof(sin));
	sin.sin_family = AF_INET;
	sin.sin_addr.s_addr = htonl(addr);
	sin.sin_port = htons(port);
	if (port != 0 && rump_sys_bind(fd, (struct sockaddr *)&sin,
	    sizeof(sin)) != 0)
		die("bind UDP");
	return fd;
}

static void
setup(void)
{
	struct timeval tv = { 10, 0 };
	struct sockaddr_in sin;
	int error;

	setenv("RUMP_VERBOSE", "0", 0);
	if (rump_init() != 0)
		die("rump_init");
	if ((error = rump_net_if_create("fz0", "fuzz")) != 0) {
		errno = error;
		die("rump_net_if_create fz0 (needs rumpnet_virtif)");
	}
	if ((error = rump_net_if_setaddr("fz0", htonl(NF_OURIP), 24)) != 0) {
		errno = error;
		die("rump_net_if_setaddr fz0");
	}
	udp_fd = udp_socket(0, NF_UDPPORT);
	mark_rx = udp_socket(0x7f000001, 9);
	mark_tx = udp_socket(0, 0);
	if (rump_sys_setsockopt(mark_rx, SOL_SOCKET, SO_RCVTIMEO, &tv,
	    sizeof(tv)) != 0)
		die("SO_RCVTIMEO");
	memset(&mark_addr, 0, sizeof(mark_addr));
	mark_addr.sin_family = AF_INET;
	mark_addr.sin_addr.s_addr = htonl(0x7f000001);
	mark_addr.sin_port = htons(9);
	/* TCP only where the kernel has it. */
	tcp_fd = rump_sys_socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
	if (tcp_fd >= 0) {
		memset(&sin, 0, sizeof(sin));
		sin.sin_family = AF_INET;
		sin.sin_port = htons(NF_TCPPORT);
		if (rump_sys_bind(tcp_fd, (struct sockaddr *)&sin,
		    sizeof(sin)) != 0 || rump_sys_listen(tcp_fd, 8) != 0) {
			rump_sys_close(tcp_fd);
			tcp_fd = -1;
		}
	}
	fprintf(stderr, "fuzz_netinput: fz0 10.0.0.2/24, UDP port %d, %s\n",
	    NF_UDPPORT, tcp_fd >= 0 ? "TCP port 80 listening" : "no TCP");
}

/* --- malformed frames are counted -------------------------------------- */

/* The start of struct inet_stats (components/net/inet/inet_int.h). */
struct kstats {
	uint64_t ips_total, ips_badsum, ips_tooshort, ips_badhlen,
	    ips_badlen, ips_badvers, ips_fragdropped, ips_notforus,
	    ips_noproto, ips_delivered, ips_out, ips_noroute, ips_toobig;
	uint64_t icps_badsum, icps_tooshort, icps_echo, icps_error_out;
	uint64_t eth_tooshort, eth_notforus, eth_badtype, arp_bad, arp_in,
	    arp_out, arp_dropped;
	uint64_t udps_badsum, udps_tooshort, udps_badlen, udps_noport,
	    udps_fullsock, udps_delivered;
};
extern struct kstats rumpns_inet_stats;

#define STAT(f) offsetof(struct kstats, f)

static uint64_t
stat_at(size_t off)
{
	uint64_t v;

	memcpy(&v, (const char *)&rumpns_inet_stats + off, sizeof(v));
	return v;
}

/* Broken copies of good frames, and where each must be counted. */
enum breakage {
	RUNT, BADTYPE, NOTFORUS, IPBADSUM, IPBADVERS, IPBADHLEN, IPBADLEN,
	IPSHORT, ICMPBADSUM, ICMPSHORT, UDPBADLEN, UDPBADSUM, UDPNOPORT,
	ARPBAD, NBREAKAGE
};
static const struct {
	const char *name;
	size_t counter;
} checks[NBREAKAGE] = {
	[RUNT] = { "a 10-byte frame", STAT(eth_tooshort) },
	[BADTYPE] = { "an unknown ethertype", STAT(eth_badtype) },
	[NOTFORUS] = { "another station's frame", STAT(eth_notforus) },
	[IPBADSUM] = { "an IPv4 header checksum", STAT(ips_badsum) },
	[IPBADVERS] = { "IP version 6 as IPv4", STAT(ips_badvers) },
	[IPBADHLEN] = { "an IPv4 header length of 16", STAT(ips_badhlen) },
	[IPBADLEN] = { "an IPv4 total length past the frame", STAT(ips_badlen) },
	[IPSHORT] = { "an IPv4 packet of 12 bytes", STAT(ips_tooshort) },
	[ICMPBADSUM] = { "an ICMP checksum", STAT(icps_badsum) },
	[ICMPSHORT] = { "an ICMP message of 3 bytes", STAT(icps_tooshort) },
	[UDPBADLEN] = { "a UDP length past the packet", STAT(udps_badlen) },
	[UDPBADSUM] = { "a UDP checksum", STAT(udps_badsum) },
	[UDPNOPORT] = { "UDP to a closed port", STAT(udps_noport) },
	[ARPBAD] = { "ARP with 5-byte hardware addresses", STAT(arp_bad) },
};

static size_t
broken(enum breakage b, uint8_t *f)
{
	static const char data[] = "counted";
	uint8_t *ip = f + 14;
	size_t len;

	switch (b) {
	case RUNT:
		memcpy(f, nf_ourmac, 6);
		return 10;
	case BADTYPE:
		len = nf_udp(f, 1, NF_UDPPORT, data, sizeof(data));
		f[12] = 0x88, f[13] = 0xb5; /* IEEE local experimental */
		return len;
	case NOTFORUS:
		len = nf_udp(f, 1, NF_UDPPORT, data, sizeof(data));
		f[5] = 0x77;
		return len;
	case IPBADSUM:
		len = nf_udp(f, 1, NF_UDPPORT, data, sizeof(data));
		ip[10] ^= 0x5a;
		return len;
	case IPBADVERS:
		len = nf_udp(f, 1, NF_UDPPORT, data, sizeof(data));
		ip[0] = 0x65;
		return len;
	case IPBADHLEN:
		len = nf_udp(f, 1, NF_UDPPORT, data, sizeof(data));
		ip[0] = 0x44;
		return len;
	case IPBADLEN:
		len = nf_udp(f, 1, NF_UDPPORT, data, sizeof(data));
		ip[2] = 0x05; /* 1280 + ... */
		nf_fix(f, len, NF_FIX_IPSUM);
		return len;
	case IPSHORT:
		len = nf_udp(f, 1, NF_UDPPORT, data, sizeof(data));
		return 14 + 12;
	case ICMPBADSUM:
		len = nf_icmp_echo(f, 1, 1, 16);
		ip[20 + 2] ^= 0x33;
		return len;
	case ICMPSHORT:
		len = nf_icmp_echo(f, 1, 1, 0);
		ip[3] = 20 + 3;
		nf_fix(f, len, NF_FIX_IPSUM);
		return 14 + 20 + 3;
	case UDPBADLEN:
		len = nf_udp(f, 1, NF_UDPPORT, data, sizeof(data));
		ip[20 + 4] = 0x04; /* 1024 + ... */
		return len;
	case UDPBADSUM:
		len = nf_udp(f, 1, NF_UDPPORT, data, sizeof(data));
		ip[20 + 8] ^= 0x01;
		return len;
	case UDPNOPORT:
		return nf_udp(f, 1, NF_UDPPORT + 1, data, sizeof(data));
	case ARPBAD:
		len = nf_arp_request(f, NF_PEERIP, NF_OURIP);
		f[14 + 4] = 5;
		return len;
	default:
		abort();
	}
}

static void
check_counters(void)
{
	uint8_t f[NF_MAXFRAME];

	for (int b = 0; b < NBREAKAGE; b++) {
		uint64_t before = stat_at(checks[b].counter);
		feed(f, broken((enum breakage)b, f));
		settle();
		if (stat_at(checks[b].counter) != before + 1) {
			fprintf(stderr, "fuzz_netinput: %s was not counted "
			    "(counter at offset %zu: %llu before, %llu after)\n",
			    checks[b].name, checks[b].counter,
			    (unsigned long long)before,
			    (unsigned long long)stat_at(checks[b].counter));
			abort();
		}
	}
	fprintf(stderr, "fuzz_netinput: %d kinds of malformed frames "
	    "counted\n", NBREAKAGE);
}

/* --- the target -------------------------------------------------------- */

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static bool inited;
	uint8_t f[NF_MAXFRAME];
	unsigned flags;
	size_t off = 1;

	if (!inited) {
		setup();
		check_counters();
		inited = true;
	}
	if (size < 1)
		return 0;
	flags = data[0];
	for (int n = 0; n < NF_MAXFRAMES && off + 2 <= size; n++) {
		size_t len = (size_t)data[off] << 8 | data[off + 1];
		off += 2;
		if (len > size - off)
			len = size - off;
		if (len > sizeof(f))
			len = sizeof(f); /* a back end drops these anyway */
		memcpy(f, data + off, len);
		off += len;
		if (flags & NF_FIX_TCPACK)
			nf_tcp_setack(f, len, __atomic_load_n(&be_synack_seq,
			    __ATOMIC_RELAXED) + 1);
		nf_fix(f, len, flags);
		feed(f, len);
		if (flags & NF_FIX_TCPACK)
			mark_sync();
	}
	settle();
	return 0;
}
