/*
 * prog_virtif_peer.c -- one hosted rump kernel with one virtual
 * interface, for the bats tests of the interface back ends
 * (tests/bats/virtif.bats): two of them on a shared-memory bus, or one
 * on a tap device facing Linux.
 *
 * usage: prog_virtif_peer IFNAME SPEC ADDR/PREFIX MODE [ARGS]
 *   echo PORT SECS           UDP echo server until "quit" or SECS pass
 *   udpclient PEER PORT N    N datagrams of varied size echoed byte-exact
 *                            (retried after 20 ms: works over lossy links)
 *   udpburst PEER PORT N     N datagrams without waiting; prints how
 *                            many echoes came back
 *   udpsend PEER PORT MSG    one datagram
 *   refused PEER PORT        a datagram to a closed port gives
 *                            ECONNREFUSED (the peer's ICMP came back)
 *   tcpecho PORT SECS        accept one TCP connection, echo it, close
 *   tcpsend PEER PORT BYTES  connect, send BYTES bytes of a pattern and
 *                            read them back byte-exact
 *   tcpput PEER PORT FILE    connect, send the host file FILE, close
 *   httpd PORT FILE SECS     answer one HTTP GET with the host file FILE
 *   quit PEER PORT           send "quit" to an echo server
 *   idle SECS                just keep the interface up (answers ping)
 *   churn PEER PORT N        N times: destroy the interface, make it
 *                            again, and get one datagram echoed on it
 * Servers print "ready" when they listen.  Exit status 0 when the
 * mode's check passed, 77 when the kernel has no TCP (a test skips).
 */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <time.h>

#include <rump/rump.h>
#include <rump/rump_net.h>
#include <rump/rump_syscalls.h>

#define MAXDGRAM 1400

static const char *prog = "prog_virtif_peer";

static void __attribute__((__noreturn__))
die(const char *what, int error)
{
	fprintf(stderr, "%s: %s: %s\n", prog, what, strerror(error));
	exit(2);
}

static struct sockaddr_in
addr_of(const char *ip, const char *port)
{
	struct sockaddr_in sin;

	memset(&sin, 0, sizeof(sin));
	sin.sin_family = AF_INET;
	sin.sin_port = htons((uint16_t)atoi(port));
	if (ip != NULL && inet_pton(AF_INET, ip, &sin.sin_addr) != 1)
		die(ip, EINVAL);
	return sin;
}

static int
udp_socket(const char *port, int timeout_ms)
{
	struct sockaddr_in sin = addr_of(NULL, port != NULL ? port : "0");
	struct timeval tv = { timeout_ms / 1000, (timeout_ms % 1000) * 1000 };
	int fd = rump_sys_socket(AF_INET, SOCK_DGRAM, 0);

	if (fd < 0)
		die("socket", errno);
	if (rump_sys_setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv)) != 0)
		die("SO_RCVTIMEO", errno);
	if (rump_sys_bind(fd, (struct sockaddr *)&sin, sizeof(sin)) != 0)
		die("bind", errno);
	return fd;
}

/* fill: datagram i: its number, then bytes that depend on it. */
static size_t
fill(uint8_t *buf, uint32_t i)
{
	size_t len = 4 + (i * 37u) % (MAXDGRAM - 4);

	memcpy(buf, &i, 4);
	for (size_t k = 4; k < len; k++)
		buf[k] = (uint8_t)(i * 7u + k * 13u);
	return len;
}

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static int
mode_echo(const char *port, int secs)
{
	int fd = udp_socket(port, 500);
	double end = now() + secs;
	uint8_t buf[65536];
	long n, echoed = 0;

	printf("ready\n");
	fflush(stdout);
	while (now() < end) {
		struct sockaddr_in from;
		socklen_t flen = sizeof(from);

		n = rump_sys_recvfrom(fd, buf, sizeof(buf), 0,
		    (struct sockaddr *)&from, &flen);
		if (n < 0) {
			if (errno == EAGAIN || errno == EINTR)
				continue;
			die("recvfrom", errno);
		}
		if (n == 4 && memcmp(buf, "quit", 4) == 0)
			break;
		if (rump_sys_sendto(fd, buf, (size_t)n, 0,
		    (struct sockaddr *)&from, flen) != n)
			fprintf(stderr, "%s: sendto: %s\n", prog, strerror(errno));
		echoed++;
	}
	printf("echoed %ld\n", echoed);
	return 0;
}

static int
mode_udpclient(const char *peer, const char *port, int count)
{
	struct sockaddr_in to = addr_of(peer, port);
	int fd = udp_socket(NULL, 20);
	uint8_t out[MAXDGRAM], in[MAXDGRAM + 1];
	long retries = 0, stale = 0;
	int ok = 0;

	for (uint32_t i = 0; i < (uint32_t)count; i++) {
		size_t len = fill(out, i);
		int tries;

		for (tries = 0; tries < 100; tries++) {
			long n;

			if (rump_sys_sendto(fd, out, len, 0, (struct sockaddr *)&to,
			    sizeof(to)) != (long)len)
				die("sendto", errno);
			/* Echoes of earlier tries or duplicates are stale. */
			while ((n = rump_sys_recvfrom(fd, in, sizeof(in), 0, NULL,
			    NULL)) >= 0) {
				if ((size_t)n == len && memcmp(in, out, len) == 0)
					break;
				uint32_t seq;
				memcpy(&seq, in, 4);
				if (n < 4 || seq != i)
					stale++;
				else {
					fprintf(stderr, "%s: datagram %u corrupted\n",
					    prog, i);
					return 1;
				}
			}
			if (n >= 0)
				break;
			if (errno != EAGAIN)
				die("recvfrom", errno);
			retries++;
		}
		if (tries == 100) {
			fprintf(stderr, "%s: datagram %u never echoed\n", prog, i);
			break;
		}
		ok++;
	}
	printf("echoed %d of %d, %ld retries, %ld stale\n", ok, count, retries,
	    stale);
	return ok == count ? 0 : 1;
}

/* take_echo: check one echo of udpburst; false if it was wrong. */
static bool
take_echo(const uint8_t *in, long n, int count, char *seen, int *gotp)
{
	uint8_t want[MAXDGRAM];
	uint32_t seq;

	if (n < 4)
		return false;
	memcpy(&seq, in, 4);
	if (seq >= (uint32_t)count || (size_t)n != fill(want, seq) ||
	    memcmp(in, want, (size_t)n) != 0)
		return false;
	if (!seen[seq]++)
		(*gotp)++;
	return true;
}

static int
mode_udpburst(const char *peer, const char *port, int count)
{
	struct sockaddr_in to = addr_of(peer, port);
	int fd = udp_socket(NULL, 20);
	uint8_t out[MAXDGRAM], in[MAXDGRAM + 1];
	int got = 0, bad = 0, given_up = 0;
	char *seen = calloc((size_t)count, 1);
	double end;
	long n;

	if (seen == NULL)
		die("calloc", ENOMEM);
	/* At most 32 unanswered datagrams in flight (a lost one is given
	 * up after 20 ms), so the receivers' socket buffers do not
	 * overflow: what is missing was lost on the link. */
	for (uint32_t i = 0; i < (uint32_t)count; i++) {
		size_t len = fill(out, i);

		if (rump_sys_sendto(fd, out, len, 0, (struct sockaddr *)&to,
		    sizeof(to)) != (long)len)
			die("sendto", errno);
		for (;;) {
			bool full = (int)i - got - given_up >= 32;

			n = rump_sys_recvfrom(fd, in, sizeof(in),
			    full ? 0 : MSG_DONTWAIT, NULL, NULL);
			if (n < 0) {
				given_up += full;
				break;
			}
			if (!take_echo(in, n, count, seen, &got))
				bad++;
		}
	}
	for (end = now() + 1; now() < end;)
		if ((n = rump_sys_recvfrom(fd, in, sizeof(in), 0, NULL, NULL)) >= 0 &&
		    !take_echo(in, n, count, seen, &got))
			bad++;
	printf("received %d of %d, %d bad\n", got, count, bad);
	free(seen);
	return bad == 0 ? 0 : 1;
}

static int
mode_udpsend(const char *peer, const char *port, const char *msg)
{
	struct sockaddr_in to = addr_of(peer, port);
	int fd = udp_socket(NULL, 200);

	if (rump_sys_sendto(fd, msg, strlen(msg), 0, (struct sockaddr *)&to,
	    sizeof(to)) != (long)strlen(msg))
		die("sendto", errno);
	/* Give ARP and the frame time to leave before the kernel goes:
	 * ARP asks again every second, and a request sent while a tap
	 * device is just coming up can be lost, so allow for two. */
	struct timespec ts = { 3, 0 };
	nanosleep(&ts, NULL);
	return 0;
}

static int
mode_refused(const char *peer, const char *port)
{
	struct sockaddr_in to = addr_of(peer, port);
	int fd = udp_socket(NULL, 200);
	char c;

	if (rump_sys_connect(fd, (struct sockaddr *)&to, sizeof(to)) != 0)
		die("connect", errno);
	for (int i = 0; i < 25; i++) {
		if (rump_sys_sendto(fd, "x", 1, 0, NULL, 0) < 0 &&
		    errno == ECONNREFUSED)
			goto refused;
		if (rump_sys_recvfrom(fd, &c, 1, 0, NULL, NULL) < 0 &&
		    errno == ECONNREFUSED)
			goto refused;
	}
	fprintf(stderr, "%s: no ECONNREFUSED\n", prog);
	return 1;
refused:
	printf("refused\n");
	return 0;
}

/* tcp_socket: a TCP socket, or exit 77 when the kernel has no TCP. */
static int
tcp_socket(void)
{
	int s = rump_sys_socket(AF_INET, SOCK_STREAM, 0);

	if (s < 0 && (errno == EPROTONOSUPPORT || errno == ESOCKTNOSUPPORT ||
	    errno == EPROTOTYPE || errno == EAFNOSUPPORT)) {
		printf("no TCP in this kernel: %s\n", strerror(errno));
		exit(77);
	}
	if (s < 0)
		die("socket(SOCK_STREAM)", errno);
	return s;
}

/* tcp_listen: a listening socket on port that accepts within secs. */
static int
tcp_listen(const char *port, int secs)
{
	struct sockaddr_in sin = addr_of(NULL, port);
	struct timeval tv = { secs, 0 };
	int one = 1, s = tcp_socket(), c;

	(void)rump_sys_setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	if (rump_sys_bind(s, (struct sockaddr *)&sin, sizeof(sin)) != 0)
		die("bind", errno);
	if (rump_sys_listen(s, 1) != 0)
		die("listen", errno);
	(void)rump_sys_setsockopt(s, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
	printf("ready\n");
	fflush(stdout);
	c = rump_sys_accept(s, NULL, NULL);
	if (c < 0)
		die("accept", errno);
	rump_sys_close(s);
	(void)rump_sys_setsockopt(c, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
	(void)rump_sys_setsockopt(c, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof(tv));
	return c;
}

/*
 * tcp_close: close s once what was written has been delivered: the
 * process exits next, and unsent data (retransmissions on a lossy
 * link) would die with it.
 */
static void
tcp_close(int s)
{
	struct linger lg = { 1, 30 };

	if (rump_sys_setsockopt(s, SOL_SOCKET, SO_LINGER, &lg, sizeof(lg)) != 0)
		die("SO_LINGER", errno);
	if (rump_sys_close(s) != 0)
		die("close", errno);
}

/* write_all: all of buf to socket s. */
static void
write_all(int s, const void *buf, size_t len)
{
	for (size_t off = 0; off < len;) {
		long w = rump_sys_write(s, (const char *)buf + off, len - off);

		if (w < 0)
			die("write", errno);
		off += (size_t)w;
	}
}

static int
mode_tcpecho(const char *port, int secs)
{
	uint8_t buf[16384];
	long n, total = 0;
	int c = tcp_listen(port, secs);

	while ((n = rump_sys_read(c, buf, sizeof(buf))) > 0) {
		write_all(c, buf, (size_t)n);
		total += n;
	}
	if (n < 0)
		die("read", errno);
	tcp_close(c);
	printf("echoed %ld bytes\n", total);
	return 0;
}

static int
mode_tcpput(const char *peer, const char *port, const char *path)
{
	struct sockaddr_in to = addr_of(peer, port);
	struct timeval tv = { 10, 0 };
	FILE *f = fopen(path, "rb");
	char buf[16384];
	size_t n;
	long total = 0;
	int s = tcp_socket();

	if (f == NULL)
		die(path, errno);
	(void)rump_sys_setsockopt(s, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
	(void)rump_sys_setsockopt(s, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof(tv));
	if (rump_sys_connect(s, (struct sockaddr *)&to, sizeof(to)) != 0)
		die("connect", errno);
	while ((n = fread(buf, 1, sizeof(buf), f)) > 0) {
		write_all(s, buf, n);
		total += (long)n;
	}
	fclose(f);
	if (rump_sys_shutdown(s, SHUT_WR) != 0)
		die("shutdown", errno);
	/* Wait for the peer's end of file: everything arrived. */
	while (rump_sys_read(s, buf, sizeof(buf)) > 0)
		continue;
	rump_sys_close(s);
	printf("sent %ld bytes\n", total);
	return 0;
}

static int
mode_httpd(const char *port, const char *path, int secs)
{
	char req[4096], hdr[128], buf[16384];
	size_t have = 0, n;
	FILE *f = fopen(path, "rb");
	long size;
	int c;

	if (f == NULL)
		die(path, errno);
	fseek(f, 0, SEEK_END);
	size = ftell(f);
	rewind(f);
	c = tcp_listen(port, secs);
	/* The request ends with an empty line. */
	while (have < sizeof(req) - 1) {
		long r = rump_sys_read(c, req + have, sizeof(req) - 1 - have);

		if (r <= 0)
			die("read request", r == 0 ? EPIPE : errno);
		have += (size_t)r;
		req[have] = '\0';
		if (strstr(req, "\r\n\r\n") != NULL)
			break;
	}
	if (strncmp(req, "GET ", 4) != 0)
		die("not a GET", EINVAL);
	n = (size_t)snprintf(hdr, sizeof(hdr), "HTTP/1.0 200 OK\r\n"
	    "Content-Length: %ld\r\nConnection: close\r\n\r\n", size);
	write_all(c, hdr, n);
	while ((n = fread(buf, 1, sizeof(buf), f)) > 0)
		write_all(c, buf, n);
	fclose(f);
	tcp_close(c);
	printf("served %ld bytes\n", size);
	return 0;
}

static int
mode_tcpsend(const char *peer, const char *port, long bytes)
{
	struct sockaddr_in to = addr_of(peer, port);
	struct timeval tv = { 40, 0 };
	uint8_t out[8192], in[8192];
	long sent = 0, got = 0;
	int s;

	s = tcp_socket();
	(void)rump_sys_setsockopt(s, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
	(void)rump_sys_setsockopt(s, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof(tv));
	if (rump_sys_connect(s, (struct sockaddr *)&to, sizeof(to)) != 0)
		die("connect", errno);
	/* Send a chunk, read back what came; the pattern is the offset. */
	while (got < bytes) {
		if (sent < bytes && sent - got < (long)sizeof(out) * 4) {
			size_t len = sizeof(out);
			if ((long)len > bytes - sent)
				len = (size_t)(bytes - sent);
			for (size_t k = 0; k < len; k++)
				out[k] = (uint8_t)((sent + (long)k) * 31 / 7);
			long w = rump_sys_write(s, out, len);
			if (w < 0)
				die("write", errno);
			sent += w;
			if (sent == bytes)
				(void)rump_sys_shutdown(s, SHUT_WR);
			continue;
		}
		long n = rump_sys_read(s, in, sizeof(in));
		if (n <= 0)
			die("read", n == 0 ? EPIPE : errno);
		for (long k = 0; k < n; k++) {
			if (in[k] != (uint8_t)((got + k) * 31 / 7)) {
				fprintf(stderr, "%s: byte %ld differs\n", prog,
				    got + k);
				return 1;
			}
		}
		got += n;
	}
	rump_sys_close(s);
	printf("tcp %ld bytes echoed byte-exact\n", got);
	return 0;
}

/* The interface, for modes that remake it. */
static const char *g_ifname, *g_spec;
static struct in_addr g_addr;
static int g_prefix;

static int
mode_churn(const char *peer, const char *port, int n)
{
	int error;

	for (int i = 0; i < n; i++) {
		if ((error = rump_net_if_destroy(g_ifname)) != 0)
			die("rump_net_if_destroy", error);
		if ((error = rump_net_if_create(g_ifname, g_spec)) != 0)
			die("rump_net_if_create", error);
		if ((error = rump_net_if_setaddr(g_ifname, g_addr.s_addr,
		    g_prefix)) != 0)
			die("rump_net_if_setaddr", error);
		/* A new MAC each time: the peer learns it from our ARP. */
		if (mode_udpclient(peer, port, 1) != 0)
			return 1;
	}
	printf("remade %d times\n", n);
	return 0;
}

static int
mode_idle(int secs)
{
	struct timespec ts = { secs, 0 };

	printf("ready\n");
	fflush(stdout);
	nanosleep(&ts, NULL);
	return 0;
}

int
main(int argc, char **argv)
{
	const char *ifname, *spec, *mode;
	char addr[64], *slash;
	struct in_addr in;
	int error, rv = 2;

	if (argc < 5) {
		fprintf(stderr, "usage: %s IFNAME SPEC ADDR/PREFIX MODE [ARGS]\n",
		    prog);
		return 2;
	}
	ifname = argv[1];
	spec = argv[2];
	mode = argv[4];
	snprintf(addr, sizeof(addr), "%s", argv[3]);
	slash = strchr(addr, '/');
	if (slash == NULL)
		die(argv[3], EINVAL);
	*slash = '\0';
	if (inet_pton(AF_INET, addr, &in) != 1)
		die(argv[3], EINVAL);

	g_ifname = ifname;
	g_spec = spec;
	g_addr = in;
	g_prefix = atoi(slash + 1);
	if ((error = rump_init()) != 0)
		die("rump_init", error);
	if ((error = rump_net_if_create(ifname, spec)) != 0)
		die(spec, error);
	if ((error = rump_net_if_setaddr(ifname, in.s_addr, atoi(slash + 1))) != 0)
		die("rump_net_if_setaddr", error);

	if (strcmp(mode, "echo") == 0 && argc == 7)
		rv = mode_echo(argv[5], atoi(argv[6]));
	else if (strcmp(mode, "udpclient") == 0 && argc == 8)
		rv = mode_udpclient(argv[5], argv[6], atoi(argv[7]));
	else if (strcmp(mode, "udpburst") == 0 && argc == 8)
		rv = mode_udpburst(argv[5], argv[6], atoi(argv[7]));
	else if (strcmp(mode, "udpsend") == 0 && argc == 8)
		rv = mode_udpsend(argv[5], argv[6], argv[7]);
	else if (strcmp(mode, "refused") == 0 && argc == 7)
		rv = mode_refused(argv[5], argv[6]);
	else if (strcmp(mode, "tcpecho") == 0 && argc == 7)
		rv = mode_tcpecho(argv[5], atoi(argv[6]));
	else if (strcmp(mode, "tcpsend") == 0 && argc == 8)
		rv = mode_tcpsend(argv[5], argv[6], atol(argv[7]));
	else if (strcmp(mode, "tcpput") == 0 && argc == 8)
		rv = mode_tcpput(argv[5], argv[6], argv[7]);
	else if (strcmp(mode, "httpd") == 0 && argc == 8)
		rv = mode_httpd(argv[5], argv[6], atoi(argv[7]));
	else if (strcmp(mode, "quit") == 0 && argc == 7)
		rv = mode_udpsend(argv[5], argv[6], "quit");
	else if (strcmp(mode, "churn") == 0 && argc == 8)
		rv = mode_churn(argv[5], argv[6], atoi(argv[7]));
	else if (strcmp(mode, "idle") == 0 && argc == 6)
		rv = mode_idle(atoi(argv[5]));
	else
		fprintf(stderr, "%s: bad mode or arguments: %s\n", prog, mode);
	fflush(stdout);

	if ((error = rump_net_if_destroy(ifname)) != 0)
		die("rump_net_if_destroy", error);
	return rv;
}
