/*
 * test_ifioctl.c -- the interface setters on sockets, hosted, on an
 * Ethernet interface of the shared-memory bus (no peer needed):
 * SIOCSIFADDR with its classful netmask, SIOCSIFNETMASK, SIOCSIFMTU,
 * SIOCSIFFLAGS down and up, SIOCADDRT/SIOCDELRT, and SIOCSIFADDR
 * 0.0.0.0 taking the address away.  (Getters and errors are also
 * checked against Linux by tests/conformance/net_ifioctl_*.c.)
 */
#include <arpa/inet.h>
#include <errno.h>
#include <net/if.h>
#include <net/route.h>
#include <netinet/in.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>
#include <cmocka.h>

#include <rump/rump.h>
#include <rump/rump_net.h>
#include <rump/rump_syscalls.h>

static char bus[64];
static int sock = -1;

static int
setup(void **state)
{
	(void)state;
	snprintf(bus, sizeof(bus), "shmif:/tmp/test_ifioctl.%d", (int)getpid());
	if (rump_init() != 0)
		return -1;
	sock = rump_sys_socket(AF_INET, SOCK_DGRAM, 0);
	return sock < 0 ? -1 : 0;
}

static int
teardown(void **state)
{
	(void)state;
	unlink(bus + strlen("shmif:"));
	return 0;
}

static void
set_sin(struct sockaddr *sa, const char *addr)
{
	struct sockaddr_in sin;

	memset(&sin, 0, sizeof(sin));
	sin.sin_family = AF_INET;
	sin.sin_addr.s_addr = inet_addr(addr);
	memcpy(sa, &sin, sizeof(sin));
}

static in_addr_t
get_sin(const struct sockaddr *sa)
{
	struct sockaddr_in sin;

	memcpy(&sin, sa, sizeof(sin));
	assert_int_equal(sin.sin_family, AF_INET);
	return sin.sin_addr.s_addr;
}

static int
req(unsigned long cmd, struct ifreq *ifr)
{
	strcpy(ifr->ifr_name, "ife0");
	return rump_sys_ioctl(sock, cmd, ifr) == 0 ? 0 : errno;
}

/* A datagram to 192.0.2.9:9 -- sending only, nobody listens. */
static int
send_one(void)
{
	struct sockaddr_in to;

	memset(&to, 0, sizeof(to));
	to.sin_family = AF_INET;
	to.sin_port = htons(9);
	to.sin_addr.s_addr = inet_addr("192.0.2.9");
	return rump_sys_sendto(sock, "x", 1, 0, (struct sockaddr *)&to,
	    sizeof(to)) == 1 ? 0 : errno;
}

static void
test_setters(void **state)
{
	struct ifreq ifr;
	struct rtentry rt;
	int e;

	(void)state;
	e = rump_net_if_create("ife0", bus);
	if (e == ENXIO || e == ENOTSUP)
		skip();  /* no shared-memory bus back end in this build */
	assert_int_equal(e, 0);
	memset(&ifr, 0, sizeof(ifr));
	assert_int_equal(req(SIOCGIFADDR, &ifr), EADDRNOTAVAIL);
	/* A class C address gets /24 until told otherwise (Linux). */
	set_sin(&ifr.ifr_addr, "192.0.2.5");
	assert_int_equal(req(SIOCSIFADDR, &ifr), 0);
	assert_int_equal(req(SIOCGIFNETMASK, &ifr), 0);
	assert_int_equal(get_sin(&ifr.ifr_netmask), inet_addr("255.255.255.0"));
	set_sin(&ifr.ifr_netmask, "255.255.0.0");
	assert_int_equal(req(SIOCSIFNETMASK, &ifr), 0);
	assert_int_equal(req(SIOCGIFBRDADDR, &ifr), 0);
	assert_int_equal(get_sin(&ifr.ifr_broadaddr), inet_addr("192.0.255.255"));
	set_sin(&ifr.ifr_netmask, "255.0.255.0");   /* not contiguous */
	assert_int_equal(req(SIOCSIFNETMASK, &ifr), EINVAL);
	assert_int_equal(req(SIOCGIFADDR, &ifr), 0);
	assert_int_equal(get_sin(&ifr.ifr_addr), inet_addr("192.0.2.5"));

	/* MTU: 68..1500 on Ethernet. */
	ifr.ifr_mtu = 1000;
	assert_int_equal(req(SIOCSIFMTU, &ifr), 0);
	assert_int_equal(req(SIOCGIFMTU, &ifr), 0);
	assert_int_equal(ifr.ifr_mtu, 1000);
	ifr.ifr_mtu = 67;
	assert_int_equal(req(SIOCSIFMTU, &ifr), EINVAL);
	ifr.ifr_mtu = 9000;
	assert_int_equal(req(SIOCSIFMTU, &ifr), EINVAL);
	ifr.ifr_mtu = 1500;
	assert_int_equal(req(SIOCSIFMTU, &ifr), 0);

	/* Down: sending through it fails; up again: it works. */
	assert_int_equal(send_one(), 0);
	assert_int_equal(req(SIOCGIFFLAGS, &ifr), 0);
	assert_true(ifr.ifr_flags & IFF_UP);
	ifr.ifr_flags &= ~IFF_UP;
	assert_int_equal(req(SIOCSIFFLAGS, &ifr), 0);
	assert_int_equal(req(SIOCGIFFLAGS, &ifr), 0);
	assert_false(ifr.ifr_flags & (IFF_UP | IFF_RUNNING));
	assert_int_equal(send_one(), ENETDOWN);
	ifr.ifr_flags |= IFF_UP;
	assert_int_equal(req(SIOCSIFFLAGS, &ifr), 0);
	assert_int_equal(send_one(), 0);

	/* Routes: a network via a gateway on the link, then gone. */
	memset(&rt, 0, sizeof(rt));
	set_sin(&rt.rt_dst, "198.51.100.0");
	set_sin(&rt.rt_genmask, "255.255.255.0");
	set_sin(&rt.rt_gateway, "192.0.2.1");
	rt.rt_flags = RTF_UP | RTF_GATEWAY;
	assert_int_equal(rump_sys_ioctl(sock, SIOCADDRT, &rt), 0);
	assert_int_equal(rump_sys_ioctl(sock, SIOCADDRT, &rt), -1);
	assert_int_equal(errno, EEXIST);
	assert_int_equal(rump_sys_ioctl(sock, SIOCDELRT, &rt), 0);
	assert_int_equal(rump_sys_ioctl(sock, SIOCDELRT, &rt), -1);
	assert_int_equal(errno, ESRCH);
	set_sin(&rt.rt_gateway, "203.0.113.1");     /* not on a link */
	assert_int_equal(rump_sys_ioctl(sock, SIOCADDRT, &rt), -1);
	assert_int_equal(errno, ENETUNREACH);
	set_sin(&rt.rt_dst, "198.51.100.1");        /* host bits set */
	set_sin(&rt.rt_gateway, "192.0.2.1");
	assert_int_equal(rump_sys_ioctl(sock, SIOCADDRT, &rt), -1);
	assert_int_equal(errno, EINVAL);

	/* 0.0.0.0 takes the address and its network route away. */
	set_sin(&ifr.ifr_addr, "0.0.0.0");
	assert_int_equal(req(SIOCSIFADDR, &ifr), 0);
	assert_int_equal(req(SIOCGIFADDR, &ifr), EADDRNOTAVAIL);
	assert_int_equal(send_one(), ENETUNREACH);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_setters),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
