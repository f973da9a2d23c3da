/* net_ifioctl_errors -- interface requests: ENODEV for unknown names and indexes, EFAULT for a bad pointer, ENOTTY for address requests on AF_UNIX sockets and for unknown requests. */
#include "conf.h"

int
main(void)
{
	struct ifreq ifr, lo;
	int s, u;

	s = CHECK_OK(socket(AF_INET, SOCK_DGRAM, 0));
	u = CHECK_OK(socket(AF_UNIX, SOCK_STREAM, 0));
	memset(&ifr, 0, sizeof(ifr));
	strcpy(ifr.ifr_name, "nosuch9");
	CHECK_ERR(ioctl(s, SIOCGIFFLAGS, &ifr), ENODEV);
	CHECK_ERR(ioctl(s, SIOCGIFMTU, &ifr), ENODEV);
	CHECK_ERR(ioctl(s, SIOCGIFINDEX, &ifr), ENODEV);
	CHECK_ERR(ioctl(s, SIOCGIFADDR, &ifr), ENODEV);
	memset(&ifr, 0, sizeof(ifr));
	ifr.ifr_ifindex = 0x7fffffff;
	CHECK_ERR(ioctl(s, SIOCGIFNAME, &ifr), ENODEV);
	CHECK_ERR(ioctl(s, SIOCGIFFLAGS, NULL), EFAULT);
	CHECK_ERR(ioctl(s, SIOCGIFCONF, NULL), EFAULT);
	CHECK_ERR(ioctl(s, 0x1234, &ifr), ENOTTY);
	if (conf_loopback(s, &lo) == 0 && CONF_NATIVE)
		conf_skip("no loopback interface in this network namespace");
	/* Link-level requests work on any socket, IPv4 ones on AF_INET. */
	memset(&ifr, 0, sizeof(ifr));
	strcpy(ifr.ifr_name, lo.ifr_name);
	CHECK_OK(ioctl(u, SIOCGIFFLAGS, &ifr));
	CHECK(ifr.ifr_flags & IFF_LOOPBACK);
	CHECK_ERR(ioctl(u, SIOCGIFADDR, &ifr), ENOTTY);
	CHECK_ERR(ioctl(u, SIOCGIFNETMASK, &ifr), ENOTTY);
	CHECK_OK(close(s));
	CHECK_OK(close(u));
	return 0;
}
