/* test_ping_shmif.c -- ping sockets between two hosted rump kernels
 * (two processes) on one shared-memory bus ("shmif:FILE"): a burst of
 * echo requests sent before the peer's address is resolved all come
 * back (the ARP hold queue keeps them), 50 pings with payloads up to a
 * fragmented 3000 bytes are answered byte-exact with the socket's
 * identifier and their sequence numbers (round trips printed), a ping
 * to an address nobody has times out cleanly, a connected ping socket
 * (and a connected UDP socket, and a TCP connect) hears EHOSTUNREACH
 * once ARP gives up on its peer, and ECONNREFUSED when the peer
 * answers its request with an ICMP port unreachable (made by B's raw
 * ICMP socket). */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

#include <rump/rump.h>
#include <rump/rump_net.h>
#include <rump/rump_syscalls.h>

#define SHMIF_PAIR_NAME "test_ping_shmif"
#include "shmif_pair.h"

#define ADDR_A "10.9.1.1"
#define ADDR_B "10.9.1.2"
#define ADDR_NOBODY "10.9.1.99"
#define ADDR_NOBODY2 "10.9.1.98"
#define ADDR_NOBODY3 "10.9.1.97"
#define ADDR_NOBODY4 "10.9.1.96"
#define BURST 10
#define ERRSEQ 0xbeef  /* B answers this request with an ICMP error */
#define NPING 50

static void __attribute__((noreturn))
die(const char *what, int e)
{
	fprintf(stderr, "test_ping_shmif: %s: %s\n", what, strerror(e));
	_exit(1);
}

static void __attribute__((noreturn, format(printf, 1, 2)))
pfail(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "test_ping_shmif: ");
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\n");
	fflush(stdout);
	_exit(1);
}

static double
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static struct sockaddr_in
sin_of(const char *addr)
{
	struct sockaddr_in sin;

	memset(&sin, 0, sizeof(sin));
	sin.sin_family = AF_INET;
	inet_pton(AF_INET, addr, &sin.sin_addr);
	return sin;
}

/* Echo request seq with n payload bytes into buf; its length. */
static size_t
mkecho(uint8_t *buf, uint16_t seq, size_t n)
{
	buf[0] = 8;
	buf[1] = 0;
	memset(buf + 2, 0, 4);
	buf[6] = (uint8_t)(seq >> 8);
	buf[7] = (uint8_t)seq;
	for (size_t i = 0; i < n; i++)
		buf[8 + i] = (uint8_t)(seq * 13 + i * 7);
	return 8 + n;
}

static size_t
payload_len(uint16_t seq)
{
	return seq % 10 == 0 ? 2992 : (size_t)(seq * 29) % 1400;
}

/* Check a reply of len bytes against request seq and identifier id. */
static void
check_reply(const uint8_t *r, ssize_t len, uint16_t seq, uint16_t id,
    const struct sockaddr_in *from)
{
	static uint8_t want[3100];
	size_t m = mkecho(want, seq, payload_len(seq));

	if (len != (ssize_t)m)
		pfail("seq %u: reply of %zd bytes, want %zu", seq, len, m);
	if (r[0] != 0 || r[1] != 0)
		pfail("seq %u: type %u code %u", seq, r[0], r[1]);
	if (memcmp(r + 4, &id, 2) != 0)
		pfail("seq %u: identifier %02x%02x", seq, r[4], r[5]);
	if (memcmp(r + 8, want + 8, m - 8) != 0)
		pfail("seq %u: payload differs", seq);
	if (from->sin_addr.s_addr != sin_of(ADDR_B).sin_addr.s_addr)
		pfail("seq %u: reply from the wrong address", seq);
}

static uint16_t
ident_of(int fd)
{
	struct sockaddr_in me;
	socklen_t len = sizeof(me);

	if (rump_sys_getsockname(fd, (struct sockaddr *)&me, &len) != 0)
		die("getsockname", errno);
	return me.sin_port;
}

static void __attribute__((noreturn))
pinger(void)
{
	struct sockaddr_in b = sin_of(ADDR_B), from;
	struct timeval tv = { 5, 0 };
	static uint8_t out[3100], in[3200];
	double sent[NPING + 1], rtt, min = 1e9, max = 0, sum = 0;
	bool seen[BURST + 1] = { false };
	socklen_t flen;
	ssize_t n;
	int fd;

	sp_boot("test_ping_shmif", ADDR_A);
	fd = rump_sys_socket(AF_INET, SOCK_DGRAM, IPPROTO_ICMP);
	if (fd < 0)
		die("socket", errno);
	rump_sys_setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));

	/* A burst before B's link address is known: all held by ARP,
	 * all sent when its reply comes (seq 10: three fragments). */
	for (uint16_t seq = 1; seq <= BURST; seq++) {
		size_t m = mkecho(out, seq, payload_len(seq));

		if (rump_sys_sendto(fd, out, m, 0, (struct sockaddr *)&b,
		    sizeof(b)) != (ssize_t)m)
			die("sendto (burst)", errno);
	}
	for (int i = 0; i < BURST; i++) {
		uint16_t seq;

		flen = sizeof(from);
		n = rump_sys_recvfrom(fd, in, sizeof(in), 0,
		    (struct sockaddr *)&from, &flen);
		if (n < 0)
			pfail("burst: %d of %d replies, then %s", i, BURST,
			    strerror(errno));
		seq = (uint16_t)(in[6] << 8 | in[7]);
		if (seq < 1 || seq > BURST || seen[seq])
			pfail("burst: unexpected seq %u", seq);
		seen[seq] = true;
		check_reply(in, n, seq, ident_of(fd), &from);
	}

	/* One at a time, timed. */
	for (uint16_t seq = 1; seq <= NPING; seq++) {
		size_t m = mkecho(out, seq, payload_len(seq));

		sent[seq] = now_ms();
		if (rump_sys_sendto(fd, out, m, 0, (struct sockaddr *)&b,
		    sizeof(b)) != (ssize_t)m)
			die("sendto", errno);
		flen = sizeof(from);
		n = rump_sys_recvfrom(fd, in, sizeof(in), 0,
		    (struct sockaddr *)&from, &flen);
		if (n < 0)
			pfail("seq %u: no reply: %s", seq, strerror(errno));
		rtt = now_ms() - sent[seq];
		if ((uint16_t)(in[6] << 8 | in[7]) != seq)
			pfail("seq %u: got seq %u", seq, in[6] << 8 | in[7]);
		check_reply(in, n, seq, ident_of(fd), &from);
		min = rtt < min ? rtt : min;
		max = rtt > max ? rtt : max;
		sum += rtt;
	}
	printf("# %d pings %s -> %s: rtt min/avg/max %.3f/%.3f/%.3f ms\n",
	    NPING, ADDR_A, ADDR_B, min, sum / NPING, max);

	/* Nobody at that address: no reply, the wait ends cleanly. */
	struct sockaddr_in nobody = sin_of(ADDR_NOBODY);
	struct timeval shortwait = { 1, 0 };
	size_t m = mkecho(out, 1, 56);
	rump_sys_setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &shortwait,
	    sizeof(shortwait));
	if (rump_sys_sendto(fd, out, m, 0, (struct sockaddr *)&nobody,
	    sizeof(nobody)) != (ssize_t)m)
		die("sendto (nobody)", errno);
	double t0 = now_ms();
	n = rump_sys_recvfrom(fd, in, sizeof(in), 0, NULL, NULL);
	if (n != -1 || errno != EAGAIN)
		pfail("ping to nobody: %zd, %s", n, strerror(errno));
	if (now_ms() - t0 < 900 || now_ms() - t0 > 3000)
		pfail("ping to nobody: waited %.0f ms", now_ms() - t0);

	/* Connected to nobody: once ARP gives up (3 requests, 1 s
	 * apart), the socket has EHOSTUNREACH pending. */
	int c = rump_sys_socket(AF_INET, SOCK_DGRAM, IPPROTO_ICMP);
	struct sockaddr_in nobody2 = sin_of(ADDR_NOBODY2);
	if (c < 0 || rump_sys_connect(c, (struct sockaddr *)&nobody2,
	    sizeof(nobody2)) != 0)
		die("connect", errno);
	if (rump_sys_write(c, out, m) != (ssize_t)m)
		die("write (connected)", errno);
	/* A connected UDP socket hears the same (at the same time). */
	int u = rump_sys_socket(AF_INET, SOCK_DGRAM, 0);
	struct sockaddr_in nobody3 = sin_of(ADDR_NOBODY3);
	nobody3.sin_port = htons(9);
	if (u < 0 || rump_sys_connect(u, (struct sockaddr *)&nobody3,
	    sizeof(nobody3)) != 0)
		die("connect (udp)", errno);
	if (rump_sys_write(u, "x", 1) != 1)
		die("write (udp)", errno);
	/* And a TCP connect fails with it (as on Linux), not after the
	 * SYN retries. */
	int tc = rump_sys_socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
	struct sockaddr_in nobody4 = sin_of(ADDR_NOBODY4);
	nobody4.sin_port = htons(80);
	if (tc < 0 || rump_sys_connect(tc, (struct sockaddr *)&nobody4,
	    sizeof(nobody4)) != -1 || errno != EINPROGRESS)
		die("connect (tcp)", errno);
	t0 = now_ms();
	struct pollfd pfd = { c, POLLIN, 0 };
	if (rump_sys_poll(&pfd, 1, 10000) != 1 || !(pfd.revents & POLLERR))
		pfail("connected ping to nobody: no error after %.0f ms",
		    now_ms() - t0);
	if (now_ms() - t0 < 1500)
		pfail("ARP gave up after only %.0f ms", now_ms() - t0);
	if (rump_sys_write(c, out, m) != -1 || errno != EHOSTUNREACH)
		pfail("connected ping to nobody: %s, not EHOSTUNREACH",
		    strerror(errno));
	/* Reported once; the next send tries again. */
	if (rump_sys_write(c, out, m) != (ssize_t)m)
		die("write after the error", errno);
	printf("# EHOSTUNREACH after %.0f ms\n", now_ms() - t0);
	pfd.fd = u;
	if (rump_sys_poll(&pfd, 1, 3000) != 1 || !(pfd.revents & POLLERR))
		pfail("connected UDP to nobody: no error pending");
	if (rump_sys_write(u, "x", 1) != -1 || errno != EHOSTUNREACH)
		pfail("connected UDP to nobody: %s, not EHOSTUNREACH",
		    strerror(errno));
	int soerr = 0;
	socklen_t sl = sizeof(soerr);
	pfd.fd = tc;
	pfd.events = POLLOUT;
	if (rump_sys_poll(&pfd, 1, 3000) != 1 ||
	    rump_sys_getsockopt(tc, SOL_SOCKET, SO_ERROR, &soerr, &sl) != 0 ||
	    soerr != EHOSTUNREACH)
		pfail("TCP connect to nobody: %s, not EHOSTUNREACH",
		    strerror(soerr));
	rump_sys_close(tc);
	rump_sys_close(u);
	rump_sys_close(c);

	/* An ICMP error from B about a request of a connected ping
	 * socket: ECONNREFUSED on its next call. */
	c = rump_sys_socket(AF_INET, SOCK_DGRAM, IPPROTO_ICMP);
	if (c < 0 || rump_sys_connect(c, (struct sockaddr *)&b, sizeof(b)) != 0)
		die("connect (to B)", errno);
	m = mkecho(out, ERRSEQ, 8);
	if (rump_sys_write(c, out, m) != (ssize_t)m)
		die("write (to B)", errno);
	pfd.fd = c;
	pfd.events = 0;  /* POLLERR is reported regardless */
	if (rump_sys_poll(&pfd, 1, 3000) != 1 || !(pfd.revents & POLLERR))
		pfail("ping socket: no error after B's port unreachable");
	if (rump_sys_write(c, out, m) != -1 || errno != ECONNREFUSED)
		pfail("ping socket: %s, not ECONNREFUSED", strerror(errno));
	rump_sys_close(c);
	rump_sys_close(fd);
	fflush(stdout);
	_exit(0);
}

/* RFC 1071 checksum of len bytes (len even), network order. */
static uint16_t
cksum(const uint8_t *b, size_t len)
{
	uint32_t sum = 0;

	for (size_t i = 0; i < len; i += 2)
		sum += (uint32_t)(b[i] << 8 | b[i + 1]);
	while (sum >> 16)
		sum = (sum & 0xffff) + (sum >> 16);
	return htons((uint16_t)~sum);
}

/*
 * B's kernel answers pings by itself until its parent closes the pipe;
 * B's raw ICMP socket watches for the echo request of sequence
 * ERRSEQ and answers it, too, with a port unreachable quoting it.
 */
static void __attribute__((noreturn))
responder(int ready, int done)
{
	struct timeval tv = { 0, 100000 };
	struct sockaddr_in from;
	socklen_t flen;
	uint8_t in[3100], err[8 + 28];
	char c = 1;
	int r;

	sp_boot("test_ping_shmif", ADDR_B);
	r = rump_sys_socket(AF_INET, SOCK_RAW, IPPROTO_ICMP);
	if (r < 0)
		die("raw socket", errno);
	rump_sys_setsockopt(r, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
	if (write(ready, &c, 1) != 1)
		_exit(1);
	for (;;) {
		struct pollfd pfd = { done, POLLIN, 0 };

		if (poll(&pfd, 1, 0) == 1)
			_exit(0);  /* the parent closed it */
		flen = sizeof(from);
		if (rump_sys_recvfrom(r, in, sizeof(in), 0,
		    (struct sockaddr *)&from, &flen) < 28 || in[20] != 8 ||
		    (in[26] << 8 | in[27]) != ERRSEQ)
			continue;
		memset(err, 0, sizeof(err));
		err[0] = 3;  /* destination unreachable */
		err[1] = 3;  /* port */
		memcpy(err + 8, in, 28);  /* its IP header and 8 bytes */
		uint16_t sum = cksum(err, sizeof(err));
		memcpy(err + 2, &sum, 2);
		if (rump_sys_sendto(r, err, sizeof(err), 0,
		    (struct sockaddr *)&from, flen) != (ssize_t)sizeof(err))
			die("raw sendto", errno);
	}
}

static void
test_ping_two_kernels(void **state)
{
	int ready[2], done[2], st;
	pid_t b, a;
	char c;

	(void)state;
	assert_int_equal(pipe(ready), 0);
	assert_int_equal(pipe(done), 0);
	b = fork();
	assert_true(b >= 0);
	if (b == 0) {
		close(ready[0]);
		close(done[1]);
		responder(ready[1], done[0]);
	}
	close(ready[1]);
	close(done[0]);
	assert_int_equal(read(ready[0], &c, 1), 1);
	a = fork();
	assert_true(a >= 0);
	if (a == 0)
		pinger();
	assert_int_equal(waitpid(a, &st, 0), a);
	close(done[1]);
	assert_true(WIFEXITED(st) && WEXITSTATUS(st) == 0);
	sp_wait_ok(b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ping_two_kernels),
	};

	return cmocka_run_group_tests(tests, sp_setup, sp_teardown);
}
