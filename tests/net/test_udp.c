/* test_udp.c -- UDP sockets over the loopback interface through the
 * public API: bind and ephemeral ports, sendto/recvfrom, connect,
 * ICMP port unreachable as ECONNREFUSED, poll, options and errors. */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <cmocka.h>

#include <rump/rump.h>
#include <rump/rump_syscalls.h>
#include <rump/rump_net.h>

#define rump_sys_send(fd, b, l, f) rump_sys_sendto(fd, b, l, f, NULL, 0)
#define rump_sys_recv(fd, b, l, f) rump_sys_recvfrom(fd, b, l, f, NULL, NULL)

#define assert_fail(call, e)                                            \
	do {                                                            \
		errno = 0;                                              \
		assert_int_equal((long)(call), -1);                     \
		assert_int_equal(errno, (e));                           \
	} while (0)

static int
setup(void **state)
{
	(void)state;
	return rump_init();
}

static struct sockaddr_in
lo_addr(uint16_t port)
{
	struct sockaddr_in sin;

	memset(&sin, 0, sizeof(sin));
	sin.sin_family = AF_INET;
	sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	sin.sin_port = htons(port);
	return sin;
}

/* A socket bound to 127.0.0.1:port with a 2 s receive timeout. */
static int
bound_socket(uint16_t port)
{
	struct sockaddr_in sin = lo_addr(port);
	struct timeval tv = { 2, 0 };
	int fd = rump_sys_socket(AF_INET, SOCK_DGRAM, 0);

	assert_true(fd >= 0);
	assert_int_equal(rump_sys_setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv,
	    sizeof(tv)), 0);
	assert_int_equal(rump_sys_bind(fd, (struct sockaddr *)&sin, sizeof(sin)), 0);
	return fd;
}

static void
test_sendto_recvfrom(void **state)
{
	struct sockaddr_in a = lo_addr(5001), from;
	socklen_t flen = sizeof(from);
	char buf[100];
	int s, c;

	(void)state;
	s = bound_socket(5001);
	c = bound_socket(0);  /* ephemeral */
	struct sockaddr_in cn;
	socklen_t cl = sizeof(cn);
	assert_int_equal(rump_sys_getsockname(c, (struct sockaddr *)&cn, &cl), 0);
	assert_int_equal(cl, sizeof(cn));
	assert_true(ntohs(cn.sin_port) >= 32768);
	assert_int_equal(rump_sys_sendto(c, "ping", 4, 0, (struct sockaddr *)&a,
	    sizeof(a)), 4);
	assert_int_equal(rump_sys_recvfrom(s, buf, sizeof(buf), 0,
	    (struct sockaddr *)&from, &flen), 4);
	assert_memory_equal(buf, "ping", 4);
	assert_int_equal(from.sin_family, AF_INET);
	assert_int_equal(from.sin_port, cn.sin_port);
	assert_int_equal(from.sin_addr.s_addr, htonl(INADDR_LOOPBACK));
	/* Reply to the sender's address. */
	assert_int_equal(rump_sys_sendto(s, "pong!", 5, 0, (struct sockaddr *)&from,
	    flen), 5);
	assert_int_equal(rump_sys_recv(c, buf, 2, MSG_TRUNC), 5);
	/* A large datagram arrives whole (a packet chain). */
	static char big[20000], got[20000];
	for (size_t i = 0; i < sizeof(big); i++)
		big[i] = (char)(i * 13);
	assert_int_equal(rump_sys_sendto(c, big, sizeof(big), 0,
	    (struct sockaddr *)&a, sizeof(a)), sizeof(big));
	assert_int_equal(rump_sys_recv(s, got, sizeof(got), 0), sizeof(big));
	assert_memory_equal(got, big, sizeof(big));
	/* Empty datagrams exist. */
	assert_int_equal(rump_sys_sendto(c, "", 0, 0, (struct sockaddr *)&a,
	    sizeof(a)), 0);
	assert_int_equal(rump_sys_recv(s, buf, sizeof(buf), 0), 0);
	rump_sys_close(s);
	rump_sys_close(c);
}

static void
test_connect_refused(void **state)
{
	struct sockaddr_in a = lo_addr(5002);
	char buf[8];
	int c;

	(void)state;
	c = bound_socket(0);
	assert_fail(rump_sys_send(c, "x", 1, 0), EDESTADDRREQ);
	assert_int_equal(rump_sys_connect(c, (struct sockaddr *)&a, sizeof(a)), 0);
	struct sockaddr_in p;
	socklen_t pl = sizeof(p);
	assert_int_equal(rump_sys_getpeername(c, (struct sockaddr *)&p, &pl), 0);
	assert_int_equal(p.sin_port, htons(5002));
	/* Nobody on 5002: ICMP port unreachable comes back as an error. */
	assert_int_equal(rump_sys_send(c, "x", 1, 0), 1);
	assert_fail(rump_sys_recv(c, buf, sizeof(buf), 0), ECONNREFUSED);
	/* Then someone listens, and the connected socket works. */
	int s = bound_socket(5002);
	assert_int_equal(rump_sys_send(c, "y", 1, 0), 1);
	assert_int_equal(rump_sys_recv(s, buf, sizeof(buf), 0), 1);
	assert_int_equal(buf[0], 'y');
	/* Datagrams from others do not reach a connected socket. */
	int o = bound_socket(0);
	struct sockaddr_in cn;
	socklen_t cl = sizeof(cn);
	assert_int_equal(rump_sys_getsockname(c, (struct sockaddr *)&cn, &cl), 0);
	assert_int_equal(rump_sys_sendto(o, "o", 1, 0, (struct sockaddr *)&cn,
	    sizeof(cn)), 1);
	assert_int_equal(rump_sys_sendto(s, "s", 1, 0, (struct sockaddr *)&cn,
	    sizeof(cn)), 1);
	assert_int_equal(rump_sys_recv(c, buf, sizeof(buf), 0), 1);
	assert_int_equal(buf[0], 's');
	rump_sys_close(o);
	rump_sys_close(s);
	rump_sys_close(c);
}

static void
test_bind_errors(void **state)
{
	struct sockaddr_in a = lo_addr(5003);
	int s1, s2, v = 1;

	(void)state;
	s1 = bound_socket(5003);
	s2 = rump_sys_socket(AF_INET, SOCK_DGRAM, 0);
	assert_fail(rump_sys_bind(s2, (struct sockaddr *)&a, sizeof(a)), EADDRINUSE);
	assert_fail(rump_sys_bind(s1, (struct sockaddr *)&a, sizeof(a)), EINVAL);
	assert_fail(rump_sys_bind(s2, (struct sockaddr *)&a, 8), EINVAL);
	struct sockaddr_in far = a;
	far.sin_addr.s_addr = htonl(0x0a000001);
	assert_fail(rump_sys_bind(s2, (struct sockaddr *)&far, sizeof(far)),
	    EADDRNOTAVAIL);
	/* Both asking for SO_REUSEADDR may share the port. */
	rump_sys_close(s1);
	s1 = rump_sys_socket(AF_INET, SOCK_DGRAM, 0);
	assert_int_equal(rump_sys_setsockopt(s1, SOL_SOCKET, SO_REUSEADDR, &v, sizeof(v)), 0);
	assert_int_equal(rump_sys_setsockopt(s2, SOL_SOCKET, SO_REUSEADDR, &v, sizeof(v)), 0);
	assert_int_equal(rump_sys_bind(s1, (struct sockaddr *)&a, sizeof(a)), 0);
	assert_int_equal(rump_sys_bind(s2, (struct sockaddr *)&a, sizeof(a)), 0);
	/* No route to 10.0.0.1 with only loopback configured. */
	assert_fail(rump_sys_connect(rump_sys_socket(AF_INET, SOCK_DGRAM, 0),
	    (struct sockaddr *)&far, sizeof(far)), ENETUNREACH);
	/* tcp: SOCK_STREAM is TCP now; UDP is no stream protocol. */
	assert_fail(rump_sys_socket(AF_INET, SOCK_STREAM, IPPROTO_UDP), EPROTONOSUPPORT);
	assert_fail(rump_sys_socket(AF_INET, SOCK_DGRAM, IPPROTO_TCP), EPROTONOSUPPORT);
	assert_fail(rump_sys_shutdown(s1, SHUT_RD), ENOTCONN);
	int ttl = 0;
	socklen_t tl = sizeof(ttl);
	assert_int_equal(rump_sys_getsockopt(s1, IPPROTO_IP, IP_TTL, &ttl, &tl), 0);
	assert_int_equal(ttl, 64);
	ttl = 300;
	assert_fail(rump_sys_setsockopt(s1, IPPROTO_IP, IP_TTL, &ttl, sizeof(ttl)), EINVAL);
	rump_sys_close(s1);
	rump_sys_close(s2);
}

static void
test_poll_nonblock(void **state)
{
	struct sockaddr_in a = lo_addr(5004);
	char buf[4];
	int s, c;

	(void)state;
	s = bound_socket(5004);
	c = bound_socket(0);
	assert_fail(rump_sys_recv(s, buf, sizeof(buf), MSG_DONTWAIT), EAGAIN);
	struct pollfd p = { s, POLLIN | POLLOUT, 0 };
	assert_int_equal(rump_sys_poll(&p, 1, 0), 1);
	assert_int_equal(p.revents, POLLOUT);
	assert_int_equal(rump_sys_sendto(c, "abc", 3, 0, (struct sockaddr *)&a,
	    sizeof(a)), 3);
	/* Delivery goes through the network thread: wait for it. */
	p.events = POLLIN;
	assert_int_equal(rump_sys_poll(&p, 1, 2000), 1);
	assert_int_equal(p.revents, POLLIN);
	int n = 0;
	assert_int_equal(rump_sys_ioctl(s, FIONREAD, &n), 0);
	assert_int_equal(n, 3);
	assert_int_equal(rump_sys_recv(s, buf, sizeof(buf), MSG_PEEK), 3);
	assert_int_equal(rump_sys_recv(s, buf, sizeof(buf), 0), 3);
	assert_fail(rump_sys_recv(s, buf, sizeof(buf), MSG_DONTWAIT), EAGAIN);
	rump_sys_close(s);
	rump_sys_close(c);
}

static void
test_routes(void **state)
{
	struct sockaddr_in far = lo_addr(9);
	int s;

	(void)state;
	far.sin_addr.s_addr = htonl(0x0a000001);
	s = rump_sys_socket(AF_INET, SOCK_DGRAM, 0);
	assert_fail(rump_sys_connect(s, (struct sockaddr *)&far, sizeof(far)),
	    ENETUNREACH);
	/* A gateway must be on a connected network. */
	assert_int_equal(rump_net_route_add(htonl(0x0a000000), 8,
	    htonl(0xc0a80001)), ENETUNREACH);
	assert_int_equal(rump_net_route_add(htonl(0x0a000000), 33,
	    htonl(0x7f000002)), EINVAL);
	assert_int_equal(rump_net_route_add(htonl(0x0a000000), 8,
	    htonl(0x7f000002)), 0);
	assert_int_equal(rump_net_route_add(htonl(0x0a000000), 8,
	    htonl(0x7f000002)), EEXIST);
	assert_int_equal(rump_sys_connect(s, (struct sockaddr *)&far,
	    sizeof(far)), 0);
	/* The datagram leaves by loopback and is dropped as not ours. */
	assert_int_equal(rump_sys_send(s, "x", 1, 0), 1);
	assert_int_equal(rump_net_route_del(htonl(0x0a000000), 8), 0);
	assert_int_equal(rump_net_route_del(htonl(0x0a000000), 8), ESRCH);
	rump_sys_close(s);
	s = rump_sys_socket(AF_INET, SOCK_DGRAM, 0);
	assert_fail(rump_sys_connect(s, (struct sockaddr *)&far, sizeof(far)),
	    ENETUNREACH);
	rump_sys_close(s);
	assert_int_equal(rump_net_if_setaddr("nosuch0", htonl(0x0a000001), 8), ENXIO);
	assert_int_equal(rump_net_if_setaddr("lo0", 0, 8), EINVAL);
	/* Re-setting lo0's own address keeps loopback working. */
	assert_int_equal(rump_net_if_setaddr("lo0", htonl(INADDR_LOOPBACK), 8), 0);
	test_sendto_recvfrom(state);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sendto_recvfrom),
		cmocka_unit_test(test_connect_refused),
		cmocka_unit_test(test_bind_errors),
		cmocka_unit_test(test_poll_nonblock),
		cmocka_unit_test(test_routes),
	};

	return cmocka_run_group_tests(tests, setup, NULL);
}
