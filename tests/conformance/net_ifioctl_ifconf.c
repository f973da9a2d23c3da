/* net_ifioctl_ifconf -- SIOCGIFCONF: the length with a NULL buffer, whole entries only, and the loopback's 127.0.0.1 among them. */
#include "conf.h"

int
main(void)
{
	static const unsigned char lo_addr[4] = { 127, 0, 0, 1 };
	struct ifreq reqs[32], lo;
	struct sockaddr_in sin;
	struct ifconf ifc;
	int s, n, found = 0;

	s = CHECK_OK(socket(AF_INET, SOCK_DGRAM, 0));
	if (conf_loopback(s, &lo) == 0 && CONF_NATIVE)
		conf_skip("no loopback interface in this network namespace");
	memset(&ifc, 0, sizeof(ifc));
	CHECK_OK(ioctl(s, SIOCGIFCONF, &ifc));
	if (CONF_NATIVE && ifc.ifc_len == 0)
		conf_skip("no interface has an IPv4 address here");
	CHECK(ifc.ifc_len > 0);
	CHECK_EQ(ifc.ifc_len % sizeof(struct ifreq), 0);
	CHECK(ifc.ifc_len <= (int)sizeof(reqs));
	/* Room for less than one entry: none, and no error. */
	ifc.ifc_len = sizeof(struct ifreq) - 1;
	ifc.ifc_req = reqs;
	CHECK_OK(ioctl(s, SIOCGIFCONF, &ifc));
	CHECK_EQ(ifc.ifc_len, 0);
	ifc.ifc_len = sizeof(reqs);
	ifc.ifc_req = reqs;
	CHECK_OK(ioctl(s, SIOCGIFCONF, &ifc));
	n = ifc.ifc_len / (int)sizeof(struct ifreq);
	CHECK(n >= 1);
	for (int i = 0; i < n; i++) {
		memcpy(&sin, &reqs[i].ifr_addr, sizeof(sin));
		CHECK_EQ(sin.sin_family, AF_INET);
		if (strcmp(reqs[i].ifr_name, lo.ifr_name) == 0) {
			CHECK(memcmp(&sin.sin_addr, lo_addr, 4) == 0);
			found = 1;
		}
	}
	CHECK(found);
	/* Any socket asks: an AF_UNIX one gets the same list. */
	CHECK_OK(close(s));
	s = CHECK_OK(socket(AF_UNIX, SOCK_DGRAM, 0));
	ifc.ifc_len = sizeof(reqs);
	ifc.ifc_req = reqs;
	CHECK_OK(ioctl(s, SIOCGIFCONF, &ifc));
	CHECK_EQ(ifc.ifc_len / (int)sizeof(struct ifreq), n);
	CHECK_ERR(ioctl(s, SIOCGIFCONF, NULL), EFAULT);
	CHECK_OK(close(s));
	return 0;
}
