/*
 * test_dhcp_slirp.c -- the DHCP client against QEMU's user-mode network
 * (libslirp's DHCP server), the server images meet under "rumprun qemu
 * -W IF,inet,dhcp".  tests/net/test_dhcp_slirp.sh sets the stage (a
 * network namespace, QEMU and a bridge) and names the tap device this
 * kernel uses in DHCP_SLIRP_IF ("tap:NAME"); run without it, the test
 * skips.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <net/if.h>
#include <netinet/in.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <cmocka.h>

#include <rump/rump.h>
#include <rump/rump_net.h>
#include <rump/rump_syscalls.h>

/* QEMU's defaults: network 10.0.2.0/24, first lease 10.0.2.15, DNS
 * 10.0.2.3 (the router is 10.0.2.2). */
static void
test_slirp_lease(void **state)
{
	const char *spec = getenv("DHCP_SLIRP_IF");
	struct sockaddr_in sin;
	struct ifreq ifr;
	char buf[512];
	ssize_t n;
	int s, fd;

	(void)state;
	if (spec == NULL)
		skip();  /* run by test_dhcp_slirp.sh only */
	assert_int_equal(rump_init(), 0);
	assert_int_equal(rump_net_if_create("tap0", spec), 0);
	assert_int_equal(rump_net_if_dhcp("tap0", 20000), 0);
	s = rump_sys_socket(AF_INET, SOCK_DGRAM, 0);
	assert_true(s >= 0);
	memset(&ifr, 0, sizeof(ifr));
	strcpy(ifr.ifr_name, "tap0");
	assert_int_equal(rump_sys_ioctl(s, SIOCGIFADDR, &ifr), 0);
	memcpy(&sin, &ifr.ifr_addr, sizeof(sin));
	assert_int_equal(sin.sin_addr.s_addr, inet_addr("10.0.2.15"));
	assert_int_equal(rump_sys_ioctl(s, SIOCGIFNETMASK, &ifr), 0);
	memcpy(&sin, &ifr.ifr_netmask, sizeof(sin));
	assert_int_equal(sin.sin_addr.s_addr, inet_addr("255.255.255.0"));
	rump_sys_close(s);
	fd = rump_sys_open("/etc/resolv.conf", O_RDONLY, 0);
	assert_true(fd >= 0);
	n = rump_sys_read(fd, buf, sizeof(buf) - 1);
	assert_true(n > 0);
	buf[n] = '\0';
	assert_non_null(strstr(buf, "nameserver 10.0.2.3\n"));
	rump_sys_close(fd);
	/* The default route is QEMU's: another one cannot be added. */
	assert_int_equal(rump_net_route_add(0, 0, inet_addr("10.0.2.2")),
	    EEXIST);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_slirp_lease),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
