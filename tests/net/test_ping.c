/* test_ping.c -- ICMP sockets in one hosted kernel over the loopback
 * interface: ping sockets (SOCK_DGRAM, IPPROTO_ICMP) echo byte-exact
 * with the kernel's identifier, bind/getsockname/EADDRINUSE, the error
 * codes, poll/epoll readiness, SO_RCVTIMEO, IP_TTL; raw ICMP sockets
 * (root only) see requests and replies with their IP header, send with
 * and without IP_HDRINCL. */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

#include <rump/rump.h>
#include <rump/rump_syscalls.h>

#ifndef ICMP_FILTER
#define ICMP_FILTER 1  /* <linux/icmp.h>, level SOL_RAW */
#endif

#define assert_fail(call, e)                                            \
	do {                                                            \
		errno = 0;                                              \
		assert_int_equal((long)(call), -1);                     \
		assert_int_equal(errno, (e));                           \
	} while (0)

/* The ICMP header as on the wire. */
struct icmph {
	uint8_t type, code;
	uint16_t cksum, id, seq;
};

static int
setup(void **state)
{
	(void)state;
	return rump_init();
}

static struct sockaddr_in
lo_addr(void)
{
	struct sockaddr_in sin;

	memset(&sin, 0, sizeof(sin));
	sin.sin_family = AF_INET;
	sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	return sin;
}

/* RFC 1071 checksum of len bytes. */
static uint16_t
cksum(const void *buf, size_t len)
{
	const uint8_t *b = buf;
	uint32_t sum = 0;

	for (size_t i = 0; i + 1 < len; i += 2)
		sum += (uint32_t)(b[i] << 8 | b[i + 1]);
	if (len & 1)
		sum += (uint32_t)b[len - 1] << 8;
	while (sum >> 16)
		sum = (sum & 0xffff) + (sum >> 16);
	return htons((uint16_t)~sum);
}

/* A ping socket with a 2 s receive timeout. */
static int
ping_socket(void)
{
	struct timeval tv = { 2, 0 };
	int fd = rump_sys_socket(AF_INET, SOCK_DGRAM, IPPROTO_ICMP);

	assert_true(fd >= 0);
	assert_int_equal(rump_sys_setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv,
	    sizeof(tv)), 0);
	return fd;
}

/* An echo request of n payload bytes (pattern from seq) into buf. */
static size_t
mkecho(uint8_t *buf, uint16_t seq, size_t n)
{
	struct icmph h = { 8, 0, 0, 0, htons(seq) };

	memcpy(buf, &h, sizeof(h));
	for (size_t i = 0; i < n; i++)
		buf[sizeof(h) + i] = (uint8_t)(seq * 7 + i);
	return sizeof(h) + n;
}

static void
test_ping_loopback(void **state)
{
	struct sockaddr_in to = lo_addr(), me, from;
	socklen_t len = sizeof(me), flen;
	static uint8_t out[3000], in[3100];
	int fd;

	(void)state;
	fd = ping_socket();
	/* The identifier comes with the first send, as a UDP port. */
	assert_int_equal(rump_sys_getsockname(fd, (struct sockaddr *)&me, &len), 0);
	assert_int_equal(me.sin_port, 0);
	for (uint16_t seq = 1; seq <= 20; seq++) {
		/* Sizes from none to a fragmented 2992 bytes. */
		size_t n = seq == 20 ? 2992 : (size_t)(seq - 1) * 37;
		size_t m = mkecho(out, seq, n);
		struct icmph h;

		assert_int_equal(rump_sys_sendto(fd, out, m, 0,
		    (struct sockaddr *)&to, sizeof(to)), (ssize_t)m);
		flen = sizeof(from);
		assert_int_equal(rump_sys_recvfrom(fd, in, sizeof(in), 0,
		    (struct sockaddr *)&from, &flen), (ssize_t)m);
		assert_int_equal(flen, sizeof(from));
		assert_int_equal(from.sin_family, AF_INET);
		assert_int_equal(from.sin_addr.s_addr, htonl(INADDR_LOOPBACK));
		assert_int_equal(from.sin_port, 0);
		memcpy(&h, in, sizeof(h));
		assert_int_equal(h.type, 0);
		assert_int_equal(h.code, 0);
		assert_int_equal(ntohs(h.seq), seq);
		assert_int_equal(cksum(in, m), 0);
		assert_memory_equal(in + 8, out + 8, n);
		if (seq == 1) {
			len = sizeof(me);
			assert_int_equal(rump_sys_getsockname(fd,
			    (struct sockaddr *)&me, &len), 0);
			assert_int_not_equal(me.sin_port, 0);
		}
		assert_int_equal(h.id, me.sin_port);
	}
	/* A short buffer truncates; MSG_TRUNC does not change what a
	 * ping socket returns (Linux's ping_recvmsg). */
	size_t m = mkecho(out, 77, 100);
	assert_int_equal(rump_sys_sendto(fd, out, m, 0, (struct sockaddr *)&to,
	    sizeof(to)), (ssize_t)m);
	assert_int_equal(rump_sys_recvfrom(fd, in, 10, MSG_TRUNC, NULL, NULL),
	    10);
	/* Nothing more: the timeout ends the wait with EAGAIN. */
	struct timeval tv = { 0, 200000 };
	assert_int_equal(rump_sys_setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv,
	    sizeof(tv)), 0);
	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	assert_fail(rump_sys_recvfrom(fd, in, sizeof(in), 0, NULL, NULL), EAGAIN);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	long ms = (t1.tv_sec - t0.tv_sec) * 1000 +
	    (t1.tv_nsec - t0.tv_nsec) / 1000000;
	assert_true(ms >= 150 && ms < 2000);
	assert_fail(rump_sys_recvfrom(fd, in, sizeof(in), MSG_DONTWAIT, NULL,
	    NULL), EAGAIN);
	rump_sys_close(fd);
}

static void
test_ping_bind_connect(void **state)
{
	struct sockaddr_in a = lo_addr(), got;
	socklen_t len = sizeof(got);
	uint8_t out[64], in[64];
	struct icmph h;
	int fd, fd2, one = 1;

	(void)state;
	fd = ping_socket();
	a.sin_port = htons(4242);  /* any identifier, no privilege needed */
	assert_int_equal(rump_sys_bind(fd, (struct sockaddr *)&a, sizeof(a)), 0);
	assert_int_equal(rump_sys_getsockname(fd, (struct sockaddr *)&got, &len), 0);
	assert_int_equal(got.sin_port, htons(4242));
	assert_int_equal(got.sin_addr.s_addr, htonl(INADDR_LOOPBACK));
	assert_fail(rump_sys_bind(fd, (struct sockaddr *)&a, sizeof(a)), EINVAL);
	/* Another socket may not take the identifier (it would steal
	 * the replies); Linux 6.18 allows it, earlier ones did not. */
	fd2 = ping_socket();
	assert_fail(rump_sys_bind(fd2, (struct sockaddr *)&a, sizeof(a)),
	    EADDRINUSE);
	a.sin_addr.s_addr = htonl(0x0a636363);  /* not ours */
	a.sin_port = 0;
	assert_fail(rump_sys_bind(fd2, (struct sockaddr *)&a, sizeof(a)),
	    EADDRNOTAVAIL);
	a.sin_family = AF_INET6;
	assert_fail(rump_sys_bind(fd2, (struct sockaddr *)&a, sizeof(a)),
	    EAFNOSUPPORT);
	assert_fail(rump_sys_bind(fd2, (struct sockaddr *)&a, 4), EINVAL);
	rump_sys_close(fd2);
	/* SO_REUSEADDR on both: shared. */
	fd2 = ping_socket();
	int fd3 = ping_socket();
	a = lo_addr();
	a.sin_port = htons(4343);
	assert_int_equal(rump_sys_setsockopt(fd2, SOL_SOCKET, SO_REUSEADDR,
	    &one, sizeof(one)), 0);
	assert_int_equal(rump_sys_setsockopt(fd3, SOL_SOCKET, SO_REUSEADDR,
	    &one, sizeof(one)), 0);
	assert_int_equal(rump_sys_bind(fd2, (struct sockaddr *)&a, sizeof(a)), 0);
	assert_int_equal(rump_sys_bind(fd3, (struct sockaddr *)&a, sizeof(a)), 0);
	rump_sys_close(fd2);
	rump_sys_close(fd3);

	/* Connected: send/recv without addresses; the id is the bound one
	 * whatever the caller wrote. */
	a = lo_addr();
	assert_int_equal(rump_sys_connect(fd, (struct sockaddr *)&a, sizeof(a)), 0);
	/* No peer port, so no peer name (as Linux). */
	len = sizeof(got);
	assert_fail(rump_sys_getpeername(fd, (struct sockaddr *)&got, &len),
	    ENOTCONN);
	size_t m = mkecho(out, 5, 20);
	out[4] = 0x12;  /* a made-up identifier */
	out[5] = 0x34;
	assert_int_equal(rump_sys_write(fd, out, m), (ssize_t)m);
	assert_int_equal(rump_sys_read(fd, in, sizeof(in)), (ssize_t)m);
	memcpy(&h, in, sizeof(h));
	assert_int_equal(h.id, htons(4242));
	assert_int_equal(ntohs(h.seq), 5);
	int n = -1;
	assert_int_equal(rump_sys_write(fd, out, m), (ssize_t)m);
	struct pollfd pfd = { fd, POLLIN, 0 };
	assert_int_equal(rump_sys_poll(&pfd, 1, 2000), 1);
	/* Linux's ping sockets know no FIONREAD. */
	assert_fail(rump_sys_ioctl(fd, FIONREAD, &n), ENOTTY);
	assert_int_equal(rump_sys_read(fd, in, sizeof(in)), (ssize_t)m);
	/* shutdown needs a peer; after SHUT_RD reads give end of file. */
	assert_int_equal(rump_sys_shutdown(fd, SHUT_RD), 0);
	assert_int_equal(rump_sys_read(fd, in, sizeof(in)), 0);
	rump_sys_close(fd);
	fd = ping_socket();
	assert_fail(rump_sys_shutdown(fd, SHUT_RDWR), ENOTCONN);
	rump_sys_close(fd);
}

static void
test_ping_errors(void **state)
{
	struct sockaddr_in to = lo_addr();
	static uint8_t out[70000];
	int fd, v;
	socklen_t len;

	(void)state;
	assert_fail(rump_sys_socket(AF_INET, SOCK_DGRAM, 99), EPROTONOSUPPORT);
	assert_fail(rump_sys_socket(AF_INET, SOCK_RAW, 0), EPROTONOSUPPORT);
	/* Linux has raw sockets of every protocol; here only ICMP. */
	assert_fail(rump_sys_socket(AF_INET, SOCK_RAW, IPPROTO_UDP),
	    EPROTONOSUPPORT);
	fd = ping_socket();
	/* SO_PROTOCOL / SO_TYPE say what it is. */
	len = sizeof(v);
	assert_int_equal(rump_sys_getsockopt(fd, SOL_SOCKET, SO_PROTOCOL, &v,
	    &len), 0);
	assert_int_equal(v, IPPROTO_ICMP);
	assert_int_equal(rump_sys_getsockopt(fd, SOL_SOCKET, SO_TYPE, &v,
	    &len), 0);
	assert_int_equal(v, SOCK_DGRAM);
	/* Only echo requests of code 0, at least a header, at most 64k. */
	size_t m = mkecho(out, 1, 8);
	out[0] = 13;  /* timestamp request */
	assert_fail(rump_sys_sendto(fd, out, m, 0, (struct sockaddr *)&to,
	    sizeof(to)), EINVAL);
	out[0] = 8;
	out[1] = 1;
	assert_fail(rump_sys_sendto(fd, out, m, 0, (struct sockaddr *)&to,
	    sizeof(to)), EINVAL);
	out[1] = 0;
	assert_fail(rump_sys_sendto(fd, out, 7, 0, (struct sockaddr *)&to,
	    sizeof(to)), EINVAL);
	assert_fail(rump_sys_sendto(fd, out, 65536, 0, (struct sockaddr *)&to,
	    sizeof(to)), EMSGSIZE);
	assert_fail(rump_sys_sendto(fd, out, m, MSG_OOB, (struct sockaddr *)&to,
	    sizeof(to)), EOPNOTSUPP);
	/* No destination; bad ones. */
	assert_fail(rump_sys_sendto(fd, out, m, 0, NULL, 0), EDESTADDRREQ);
	assert_fail(rump_sys_sendto(fd, out, m, 0, (struct sockaddr *)&to, 8),
	    EINVAL);
	to.sin_family = AF_UNIX;
	assert_fail(rump_sys_sendto(fd, out, m, 0, (struct sockaddr *)&to,
	    sizeof(to)), EAFNOSUPPORT);
	to = lo_addr();
	to.sin_addr.s_addr = htonl(0x0a636363);  /* no route */
	assert_fail(rump_sys_sendto(fd, out, m, 0, (struct sockaddr *)&to,
	    sizeof(to)), ENETUNREACH);
	/* Broadcast without SO_BROADCAST (Linux, having no route to it
	 * here, says ENETUNREACH first). */
	to.sin_addr.s_addr = INADDR_BROADCAST;
	assert_fail(rump_sys_sendto(fd, out, m, 0, (struct sockaddr *)&to,
	    sizeof(to)), EACCES);
	/* The largest that fits an IP datagram goes through. */
	to = lo_addr();
	m = mkecho(out, 2, 65515 - 8);
	assert_int_equal(rump_sys_sendto(fd, out, m, 0, (struct sockaddr *)&to,
	    sizeof(to)), (ssize_t)m);
	assert_int_equal(rump_sys_recvfrom(fd, out, sizeof(out), 0, NULL, NULL),
	    (ssize_t)m);
	m = mkecho(out, 3, 65516 - 8);
	assert_fail(rump_sys_sendto(fd, out, m, 0, (struct sockaddr *)&to,
	    sizeof(to)), EMSGSIZE);
	/* Options: IP_TTL as UDP's; IP_HDRINCL is for raw sockets. */
	len = sizeof(v);
	assert_int_equal(rump_sys_getsockopt(fd, SOL_IP, IP_TTL, &v, &len), 0);
	assert_int_equal(v, 64);
	v = 3;
	assert_int_equal(rump_sys_setsockopt(fd, SOL_IP, IP_TTL, &v,
	    sizeof(v)), 0);
	assert_int_equal(rump_sys_getsockopt(fd, SOL_IP, IP_TTL, &v, &len), 0);
	assert_int_equal(v, 3);
	v = 256;
	assert_fail(rump_sys_setsockopt(fd, SOL_IP, IP_TTL, &v, sizeof(v)),
	    EINVAL);
	v = 1;
	assert_fail(rump_sys_setsockopt(fd, SOL_IP, IP_HDRINCL, &v, sizeof(v)),
	    ENOPROTOOPT);
	rump_sys_close(fd);
}

/* Readiness through poll, epoll and select; a reader blocked in
 * another thread is woken by the reply. */
static void
test_ping_readiness(void **state)
{
	struct sockaddr_in to = lo_addr();
	struct epoll_event ev = { .events = EPOLLIN }, got;
	uint8_t out[64], in[64];
	struct pollfd pfd;
	int fd, ep;

	(void)state;
	fd = ping_socket();
	pfd.fd = fd;
	pfd.events = POLLIN | POLLOUT;
	assert_int_equal(rump_sys_poll(&pfd, 1, 0), 1);
	assert_int_equal(pfd.revents, POLLOUT);
	ep = rump_sys_epoll_create1(0);
	assert_true(ep >= 0);
	ev.data.fd = fd;
	assert_int_equal(rump_sys_epoll_ctl(ep, EPOLL_CTL_ADD, fd, &ev), 0);
	assert_int_equal(rump_sys_epoll_wait(ep, &got, 1, 50), 0);
	size_t m = mkecho(out, 9, 32);
	assert_int_equal(rump_sys_sendto(fd, out, m, 0, (struct sockaddr *)&to,
	    sizeof(to)), (ssize_t)m);
	assert_int_equal(rump_sys_epoll_wait(ep, &got, 1, 2000), 1);
	assert_int_equal(got.data.fd, fd);
	assert_true(got.events & EPOLLIN);
	pfd.events = POLLIN;
	assert_int_equal(rump_sys_poll(&pfd, 1, 0), 1);
	assert_int_equal(pfd.revents, POLLIN);
	fd_set rs;
	FD_ZERO(&rs);
	FD_SET(fd, &rs);
	struct timeval tv = { 1, 0 };
	assert_int_equal(rump_sys_select(fd + 1, &rs, NULL, NULL, &tv), 1);
	assert_int_equal(rump_sys_recvfrom(fd, in, sizeof(in), MSG_PEEK, NULL,
	    NULL), (ssize_t)m);
	assert_int_equal(rump_sys_recvfrom(fd, in, sizeof(in), 0, NULL, NULL),
	    (ssize_t)m);
	assert_int_equal(rump_sys_poll(&pfd, 1, 0), 0);
	rump_sys_close(ep);
	rump_sys_close(fd);
}

/* An IPv4 header's fields the tests read. */
struct iph {
	uint8_t vhl, tos;
	uint16_t len, id, off;
	uint8_t ttl, p;
	uint16_t sum;
	uint32_t src, dst;
};

/* Read raw messages until an ICMP message of type t (up to 2 s);
 * its length, the IP header into *ip. */
static ssize_t
raw_wait(int fd, int t, uint8_t *buf, size_t room)
{
	for (;;) {
		ssize_t n = rump_sys_recvfrom(fd, buf, room, 0, NULL, NULL);

		if (n < 0)
			return n;
		if (n >= 28 && buf[20] == t)
			return n;
	}
}

static void
test_raw(void **state)
{
	struct sockaddr_in to = lo_addr();
	struct timeval tv = { 2, 0 };
	uint8_t out[128], in[256];
	struct icmph h;
	struct iph ip;
	int r, p, v, pid;
	socklen_t len = sizeof(v);
	ssize_t n;

	(void)state;
	r = rump_sys_socket(AF_INET, SOCK_RAW, IPPROTO_ICMP);
	assert_true(r >= 0);
	assert_int_equal(rump_sys_setsockopt(r, SOL_SOCKET, SO_RCVTIMEO, &tv,
	    sizeof(tv)), 0);
	assert_int_equal(rump_sys_getsockopt(r, SOL_SOCKET, SO_TYPE, &v, &len), 0);
	assert_int_equal(v, SOCK_RAW);
	/* A ping socket's request and the kernel's reply are both seen,
	 * with their IP header. */
	p = ping_socket();
	v = 5;  /* the ping socket's IP_TTL shows on the wire */
	assert_int_equal(rump_sys_setsockopt(p, SOL_IP, IP_TTL, &v,
	    sizeof(v)), 0);
	size_t m = mkecho(out, 31, 40);
	assert_int_equal(rump_sys_sendto(p, out, m, 0, (struct sockaddr *)&to,
	    sizeof(to)), (ssize_t)m);
	n = raw_wait(r, 8, in, sizeof(in));
	assert_int_equal(n, (ssize_t)(20 + m));
	memcpy(&ip, in, sizeof(ip));
	assert_int_equal(ip.ttl, 5);
	assert_int_equal(ip.vhl, 0x45);
	assert_int_equal(ip.p, IPPROTO_ICMP);
	assert_int_equal(ntohs(ip.len), 20 + m);
	assert_int_equal(ip.dst, htonl(INADDR_LOOPBACK));
	assert_memory_equal(in + 28, out + 8, 40);
	n = raw_wait(r, 0, in, sizeof(in));
	assert_int_equal(n, (ssize_t)(20 + m));
	memcpy(&h, in + 20, sizeof(h));
	assert_int_equal(ntohs(h.seq), 31);
	/* Raw sockets know FIONREAD (nothing queued now). */
	int nr = -1;
	assert_int_equal(rump_sys_ioctl(r, FIONREAD, &nr), 0);
	assert_int_equal(nr, 0);
	/* The ping socket got its reply too. */
	assert_int_equal(rump_sys_recvfrom(p, in, sizeof(in), 0, NULL, NULL),
	    (ssize_t)m);

	/* Sending: the caller's message (its checksum) behind the
	 * kernel's IP header, with the socket's TTL. */
	v = 17;
	assert_int_equal(rump_sys_setsockopt(r, SOL_IP, IP_TTL, &v,
	    sizeof(v)), 0);
	m = mkecho(out, 44, 16);
	out[4] = 0xab;
	out[5] = 0xcd;
	h.cksum = cksum(out, m);
	memcpy(out + 2, &h.cksum, 2);
	assert_int_equal(rump_sys_sendto(r, out, m, 0, (struct sockaddr *)&to,
	    sizeof(to)), (ssize_t)m);
	n = raw_wait(r, 8, in, sizeof(in));
	assert_int_equal(n, (ssize_t)(20 + m));
	memcpy(&ip, in, sizeof(ip));
	assert_int_equal(ip.ttl, 17);
	assert_memory_equal(in + 20, out, m);
	n = raw_wait(r, 0, in, sizeof(in));
	assert_int_equal(n, (ssize_t)(20 + m));
	assert_int_equal(in[24], 0xab);
	assert_int_equal(in[25], 0xcd);

	/* IP_HDRINCL: the caller's header; length, checksum, id and a
	 * zero source filled in. */
	v = 1;
	assert_int_equal(rump_sys_setsockopt(r, SOL_IP, IP_HDRINCL, &v,
	    sizeof(v)), 0);
	len = sizeof(v);
	assert_int_equal(rump_sys_getsockopt(r, SOL_IP, IP_HDRINCL, &v, &len), 0);
	assert_int_equal(v, 1);
	memset(&ip, 0, sizeof(ip));
	ip.vhl = 0x45;
	ip.ttl = 9;
	ip.p = IPPROTO_ICMP;
	ip.dst = htonl(INADDR_LOOPBACK);
	memcpy(in, &ip, sizeof(ip));
	m = mkecho(in + 20, 55, 12);
	h.cksum = cksum(in + 20, m);
	memcpy(in + 22, &h.cksum, 2);
	memcpy(out, in, 20 + m);
	assert_int_equal(rump_sys_sendto(r, out, 20 + m, 0,
	    (struct sockaddr *)&to, sizeof(to)), (ssize_t)(20 + m));
	n = raw_wait(r, 8, in, sizeof(in));
	assert_int_equal(n, (ssize_t)(20 + m));
	memcpy(&ip, in, sizeof(ip));
	assert_int_equal(ip.ttl, 9);
	assert_int_equal(ntohs(ip.len), 20 + m);
	assert_int_equal(ip.src, htonl(INADDR_LOOPBACK));
	assert_int_equal(cksum(in, 20), 0);
	n = raw_wait(r, 0, in, sizeof(in));
	assert_int_equal(n, (ssize_t)(20 + m));
	assert_fail(rump_sys_sendto(r, out, 10, 0, (struct sockaddr *)&to,
	    sizeof(to)), EINVAL);

	/* ICMP_FILTER: echo requests (type 8) filtered out, replies
	 * seen; ping sockets have no SOL_RAW. */
	uint32_t filt = 1u << 8, got = 0;
	len = sizeof(got);
	assert_int_equal(rump_sys_setsockopt(r, SOL_RAW, ICMP_FILTER, &filt,
	    sizeof(filt)), 0);
	assert_int_equal(rump_sys_getsockopt(r, SOL_RAW, ICMP_FILTER, &got,
	    &len), 0);
	assert_int_equal(len, 4);
	assert_int_equal(got, filt);
	assert_fail(rump_sys_setsockopt(p, SOL_RAW, ICMP_FILTER, &filt,
	    sizeof(filt)), ENOPROTOOPT);
	m = mkecho(out, 66, 4);
	assert_int_equal(rump_sys_sendto(p, out, m, 0, (struct sockaddr *)&to,
	    sizeof(to)), (ssize_t)m);
	n = rump_sys_recvfrom(r, in, sizeof(in), 0, NULL, NULL);
	assert_int_equal(n, (ssize_t)(20 + m));
	assert_int_equal(in[20], 0);  /* the reply, not the request */
	assert_int_equal(in[27], 66);
	rump_sys_close(p);
	rump_sys_close(r);

	/* Not root: raw sockets are EPERM, ping sockets fine. */
	struct lwp *me = rump_lwproc_curlwp();
	assert_int_equal(rump_lwproc_rfork(RUMP_RFCFDG), 0);
	pid = rump_sys_getpid();
	assert_true(pid > 1);
	assert_int_equal(rump_sys_setuid(1000), 0);
	assert_fail(rump_sys_socket(AF_INET, SOCK_RAW, IPPROTO_ICMP), EPERM);
	p = rump_sys_socket(AF_INET, SOCK_DGRAM, IPPROTO_ICMP);
	assert_true(p >= 0);
	assert_int_equal(rump_sys_setsockopt(p, SOL_SOCKET, SO_RCVTIMEO, &tv,
	    sizeof(tv)), 0);
	m = mkecho(out, 3, 3);
	assert_int_equal(rump_sys_sendto(p, out, m, 0, (struct sockaddr *)&to,
	    sizeof(to)), (ssize_t)m);
	assert_int_equal(rump_sys_recvfrom(p, in, sizeof(in), 0, NULL, NULL),
	    (ssize_t)m);
	rump_lwproc_releaselwp();
	rump_lwproc_switch(me);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ping_loopback),
		cmocka_unit_test(test_ping_bind_connect),
		cmocka_unit_test(test_ping_errors),
		cmocka_unit_test(test_ping_readiness),
		cmocka_unit_test(test_raw),
	};

	return cmocka_run_group_tests(tests, setup, NULL);
}
