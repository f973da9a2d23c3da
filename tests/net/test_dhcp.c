/*
 * test_dhcp.c -- the DHCP client and the resolver files, hosted: two
 * rump kernels (this process and a forked child) on a shared-memory bus;
 * the child runs a minimal DHCP server written here on a UDP socket of
 * its kernel, the parent's kernel asks it with rump_net_if_dhcp() and
 * is checked through interface ioctls and its /etc files.  Also the
 * argument checks of rump_net_dns_set() and rump_net_hosts_add().
 */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <net/if.h>
#include <poll.h>
#include <netinet/in.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>
#include <cmocka.h>

#include <rump/rump.h>
#include <rump/rump_net.h>
#include <rump/rump_syscalls.h>

static char bus[64];
static pid_t server_pid = -1;

/* The server kernel: 10.5.0.1/24 on the bus, leasing 10.5.0.77. */
static uint8_t *
put_opt(uint8_t *o, uint8_t code, const void *v, size_t len)
{
	*o++ = code;
	*o++ = (uint8_t)len;
	memcpy(o, v, len);
	return o + len;
}

static void
server_reply(int s, const uint8_t *q, int type)
{
	uint8_t m[548], *o;
	uint32_t a;
	struct sockaddr_in to;

	memset(m, 0, sizeof(m));
	m[0] = 2;                         /* BOOTREPLY */
	m[1] = 1;
	m[2] = 6;
	memcpy(m + 4, q + 4, 4);          /* xid */
	inet_pton(AF_INET, "10.5.0.77", m + 16);  /* yiaddr */
	memcpy(m + 28, q + 28, 16);       /* chaddr */
	m[236] = 99; m[237] = 130; m[238] = 83; m[239] = 99;
	o = m + 240;
	uint8_t t = (uint8_t)type;
	o = put_opt(o, 53, &t, 1);
	inet_pton(AF_INET, "10.5.0.1", &a);
	o = put_opt(o, 54, &a, 4);
	o = put_opt(o, 3, &a, 4);
	inet_pton(AF_INET, "255.255.255.0", &a);
	o = put_opt(o, 1, &a, 4);
	inet_pton(AF_INET, "10.5.0.53", &a);
	o = put_opt(o, 6, &a, 4);
	o = put_opt(o, 15, "bus.test", 8);
	a = htonl(600);
	o = put_opt(o, 51, &a, 4);
	*o++ = 255;
	memset(&to, 0, sizeof(to));
	to.sin_family = AF_INET;
	to.sin_port = htons(68);
	inet_pton(AF_INET, "10.5.0.255", &to.sin_addr);
	(void)rump_sys_sendto(s, m, (size_t)(o - m), 0,
	    (struct sockaddr *)&to, sizeof(to));
}

static void
server_main(void)
{
	struct sockaddr_in sin;
	static uint8_t big[65536];
	uint8_t q[1500];
	int s, one = 1, e, e7;

	alarm(60);  /* never outlive a broken parent for long */
	if ((e = rump_init()) != 0 ||
	    (e = rump_net_if_create("shm0", bus)) != 0 ||
	    (e = rump_net_if_setaddr("shm0", inet_addr("10.5.0.1"), 24)) != 0) {
		fprintf(stderr, "dhcp server: setup: %s\n", strerror(e));
		_exit(2);
	}
	s = rump_sys_socket(AF_INET, SOCK_DGRAM, 0);
	memset(&sin, 0, sizeof(sin));
	sin.sin_family = AF_INET;
	sin.sin_port = htons(67);
	if (s < 0 || rump_sys_setsockopt(s, SOL_SOCKET, SO_BROADCAST, &one,
	    sizeof(one)) != 0 ||
	    rump_sys_bind(s, (struct sockaddr *)&sin, sizeof(sin)) != 0) {
		fprintf(stderr, "dhcp server: socket: %s\n", strerror(errno));
		_exit(2);
	}
	/* And a UDP echo on port 7, for datagrams larger than the MTU. */
	e7 = rump_sys_socket(AF_INET, SOCK_DGRAM, 0);
	sin.sin_port = htons(7);
	if (e7 < 0 || rump_sys_bind(e7, (struct sockaddr *)&sin,
	    sizeof(sin)) != 0) {
		fprintf(stderr, "dhcp server: echo: %s\n", strerror(errno));
		_exit(2);
	}
	for (;;) {
		struct pollfd pfd[2] = { { s, POLLIN, 0 }, { e7, POLLIN, 0 } };
		struct sockaddr_in from;
		uint32_t fromlen = sizeof(from);
		ssize_t n;

		if (rump_sys_poll(pfd, 2, -1) <= 0)
			continue;
		if (pfd[1].revents & POLLIN) {
			n = rump_sys_recvfrom(e7, big, sizeof(big), 0,
			    (struct sockaddr *)&from, &fromlen);
			if (n > 0)
				(void)rump_sys_sendto(e7, big, (size_t)n, 0,
				    (struct sockaddr *)&from, fromlen);
		}
		if (!(pfd[0].revents & POLLIN))
			continue;
		n = rump_sys_recvfrom(s, q, sizeof(q), 0, NULL, NULL);
		/* A request with option 53 first, as the client sends. */
		if (n < 243 || q[0] != 1 || q[240] != 53)
			continue;
		if (q[242] == 1)
			server_reply(s, q, 2);    /* DISCOVER -> OFFER */
		else if (q[242] == 3)
			server_reply(s, q, 5);    /* REQUEST -> ACK */
	}
}

static int
setup(void **state)
{
	(void)state;
	snprintf(bus, sizeof(bus), "shmif:/tmp/test_dhcp.%d", (int)getpid());
	server_pid = fork();
	if (server_pid == 0)
		server_main();
	if (server_pid < 0 || rump_init() != 0)
		return -1;
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	if (server_pid > 0) {
		kill(server_pid, SIGKILL);
		waitpid(server_pid, NULL, 0);
	}
	unlink(bus + strlen("shmif:"));
	return 0;
}

/* path's contents in the rump kernel, NUL-terminated. */
static void
read_file(const char *path, char *buf, size_t len)
{
	int fd = rump_sys_open(path, O_RDONLY, 0);
	ssize_t n;

	assert_true(fd >= 0);
	n = rump_sys_read(fd, buf, len - 1);
	assert_true(n >= 0);
	buf[n] = '\0';
	rump_sys_close(fd);
}

static void
test_dhcp_over_bus(void **state)
{
	struct sockaddr_in sin;
	struct ifreq ifr;
	char buf[1024];
	int e, s;

	(void)state;
	e = rump_net_if_create("shm0", bus);
	if (e == ENXIO || e == ENOTSUP)
		skip();  /* no shared-memory bus back end in this build */
	assert_int_equal(e, 0);
	assert_int_equal(rump_net_if_dhcp("shm0", 20000), 0);
	/* Bound already: at once. */
	assert_int_equal(rump_net_if_dhcp("shm0", 1), 0);
	s = rump_sys_socket(AF_INET, SOCK_DGRAM, 0);
	assert_true(s >= 0);
	memset(&ifr, 0, sizeof(ifr));
	strcpy(ifr.ifr_name, "shm0");
	assert_int_equal(rump_sys_ioctl(s, SIOCGIFADDR, &ifr), 0);
	memcpy(&sin, &ifr.ifr_addr, sizeof(sin));
	assert_int_equal(sin.sin_addr.s_addr, inet_addr("10.5.0.77"));
	assert_int_equal(rump_sys_ioctl(s, SIOCGIFNETMASK, &ifr), 0);
	memcpy(&sin, &ifr.ifr_netmask, sizeof(sin));
	assert_int_equal(sin.sin_addr.s_addr, inet_addr("255.255.255.0"));
	assert_int_equal(rump_sys_ioctl(s, SIOCGIFBRDADDR, &ifr), 0);
	memcpy(&sin, &ifr.ifr_broadaddr, sizeof(sin));
	assert_int_equal(sin.sin_addr.s_addr, inet_addr("10.5.0.255"));
	assert_int_equal(rump_sys_ioctl(s, SIOCGIFHWADDR, &ifr), 0);
	assert_int_equal(ifr.ifr_hwaddr.sa_family, 1);  /* ARPHRD_ETHER */
	/* Ethernet-sized, so test_udp_fragments must fragment. */
	assert_int_equal(rump_sys_ioctl(s, SIOCGIFMTU, &ifr), 0);
	assert_int_equal(ifr.ifr_mtu, 1500);
	assert_int_equal(rump_sys_ioctl(s, SIOCGIFFLAGS, &ifr), 0);
	assert_true(ifr.ifr_flags & IFF_BROADCAST);
	rump_sys_close(s);
	read_file("/etc/resolv.conf", buf, sizeof(buf));
	assert_non_null(strstr(buf, "nameserver 10.5.0.53\n"));
	assert_non_null(strstr(buf, "search bus.test\n"));
	read_file("/etc/hosts", buf, sizeof(buf));
	assert_non_null(strstr(buf, "10.5.0.77\t"));
	/* The default route goes to the router: the server answers. */
	assert_int_equal(rump_net_route_del(0, 0), 0);
}

/* 60000 bytes of UDP each way over a 1500-byte MTU: fragmented by the
 * sender, reassembled by the receiver, in both kernels. */
static void
test_udp_fragments(void **state)
{
	static uint8_t out[60000], in[65536];
	struct sockaddr_in to;
	struct timeval tv = { 1, 0 };
	ssize_t n = -1;
	int s;

	(void)state;
	if (rump_net_if_dhcp("shm0", 1) != 0)
		skip();  /* test_dhcp_over_bus did not get a lease */
	for (size_t i = 0; i < sizeof(out); i++)
		out[i] = (uint8_t)(i * 13 + i / 256);
	s = rump_sys_socket(AF_INET, SOCK_DGRAM, 0);
	assert_true(s >= 0);
	assert_int_equal(rump_sys_setsockopt(s, SOL_SOCKET, SO_RCVTIMEO, &tv,
	    sizeof(tv)), 0);
	memset(&to, 0, sizeof(to));
	to.sin_family = AF_INET;
	to.sin_port = htons(7);
	to.sin_addr.s_addr = inet_addr("10.5.0.1");
	/* The first may be lost while ARP resolves the server (only the
	 * newest packet waits for it): ask again. */
	for (int tries = 0; tries < 5 && n < 0; tries++) {
		assert_int_equal(rump_sys_sendto(s, out, sizeof(out), 0,
		    (struct sockaddr *)&to, sizeof(to)), (ssize_t)sizeof(out));
		n = rump_sys_recvfrom(s, in, sizeof(in), 0, NULL, NULL);
	}
	assert_int_equal(n, (ssize_t)sizeof(out));
	assert_memory_equal(in, out, sizeof(out));
	rump_sys_close(s);
}

static void
test_dns_hosts(void **state)
{
	const char *two[] = { "192.0.2.1", "2001:db8::1" };
	const char *bad[] = { "1.2.3.4 # x" };
	char buf[1024];

	(void)state;
	assert_int_equal(rump_net_dns_set(two, 2, "example.org"), 0);
	read_file("/etc/resolv.conf", buf, sizeof(buf));
	assert_non_null(strstr(buf, "search example.org\nnameserver 192.0.2.1\n"
	    "nameserver 2001:db8::1\n"));
	assert_int_equal(rump_net_dns_set(NULL, 0, NULL), 0);
	read_file("/etc/resolv.conf", buf, sizeof(buf));
	assert_null(strstr(buf, "nameserver"));
	assert_int_equal(rump_net_dns_set(two, 4, NULL), EINVAL);
	assert_int_equal(rump_net_dns_set(two, -1, NULL), EINVAL);
	assert_int_equal(rump_net_dns_set(bad, 1, NULL), EINVAL);
	assert_int_equal(rump_net_dns_set(two, 1, "a b"), EINVAL);
	assert_int_equal(rump_net_dns_set(NULL, 1, NULL), EINVAL);

	assert_int_equal(rump_net_hosts_add("db", inet_addr("192.0.2.7")), 0);
	assert_int_equal(rump_net_hosts_add("web", inet_addr("192.0.2.8")), 0);
	assert_int_equal(rump_net_hosts_add("db", inet_addr("192.0.2.9")), 0);
	read_file("/etc/hosts", buf, sizeof(buf));
	assert_non_null(strstr(buf, "127.0.0.1\tlocalhost\n"));
	assert_non_null(strstr(buf, "192.0.2.9\tdb\n"));
	assert_non_null(strstr(buf, "192.0.2.8\tweb\n"));
	assert_null(strstr(buf, "192.0.2.7"));
	assert_int_equal(rump_net_hosts_add("", 1), EINVAL);
	assert_int_equal(rump_net_hosts_add("a\nb", 1), EINVAL);
	assert_int_equal(rump_net_hosts_add("x", 0), EINVAL);
	assert_int_equal(rump_net_hosts_add(NULL, 1), EINVAL);
}

/* Destroying an interface stops its DHCP client (no thread left with
 * the old interface, the lease's address and route gone); the same name
 * made again gets a lease of its own. */
static void
test_destroy_stops_dhcp(void **state)
{
	struct sockaddr_in sin;
	struct ifreq ifr;
	int s;

	(void)state;
	if (rump_net_if_dhcp("shm0", 1) != 0)
		skip();  /* test_dhcp_over_bus did not bind */
	assert_int_equal(rump_net_if_destroy("shm0"), 0);
	assert_int_equal(rump_net_route_del(0, 0), ESRCH);
	assert_int_equal(rump_net_if_create("shm0", bus), 0);
	s = rump_sys_socket(AF_INET, SOCK_DGRAM, 0);
	assert_true(s >= 0);
	memset(&ifr, 0, sizeof(ifr));
	strcpy(ifr.ifr_name, "shm0");
	assert_int_equal(rump_sys_ioctl(s, SIOCGIFADDR, &ifr), -1);
	assert_int_equal(errno, EADDRNOTAVAIL);
	assert_int_equal(rump_net_if_dhcp("shm0", 20000), 0);
	assert_int_equal(rump_sys_ioctl(s, SIOCGIFADDR, &ifr), 0);
	memcpy(&sin, &ifr.ifr_addr, sizeof(sin));
	assert_int_equal(sin.sin_addr.s_addr, inet_addr("10.5.0.77"));
	rump_sys_close(s);
}

static void
test_dhcp_errors(void **state)
{
	(void)state;
	assert_int_equal(rump_net_if_dhcp("nosuch0", 100), ENXIO);
	assert_int_equal(rump_net_if_dhcp("lo0", 100), EINVAL);
	assert_int_equal(rump_net_if_dhcp(NULL, 100), EINVAL);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_dns_hosts),
		cmocka_unit_test(test_dhcp_errors),
		cmocka_unit_test(test_dhcp_over_bus),
		cmocka_unit_test(test_udp_fragments),
		cmocka_unit_test(test_destroy_stops_dhcp),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
