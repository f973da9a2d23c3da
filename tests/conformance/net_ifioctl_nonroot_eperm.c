/* net_ifioctl_nonroot_eperm -- without privileges every interface and route setter fails with EPERM, checked before the name. */
#include "conf.h"

int
main(void)
{
	struct ifreq ifr, lo;
	struct rtentry rt;
	int s;

	conf_need_root();
	s = CHECK_OK(socket(AF_INET, SOCK_DGRAM, 0));
	if (conf_loopback(s, &lo) == 0 && CONF_NATIVE)
		conf_skip("no loopback interface in this network namespace");
	conf_drop_root();
	memset(&ifr, 0, sizeof(ifr));
	strcpy(ifr.ifr_name, lo.ifr_name);
	CHECK_OK(ioctl(s, SIOCGIFMTU, &ifr));  /* getters stay open */
	CHECK_ERR(ioctl(s, SIOCSIFMTU, &ifr), EPERM);
	CHECK_OK(ioctl(s, SIOCGIFFLAGS, &ifr));
	CHECK_ERR(ioctl(s, SIOCSIFFLAGS, &ifr), EPERM);
	memset(&ifr.ifr_addr, 0, sizeof(ifr.ifr_addr));
	ifr.ifr_addr.sa_family = AF_INET;
	CHECK_ERR(ioctl(s, SIOCSIFADDR, &ifr), EPERM);
	CHECK_ERR(ioctl(s, SIOCSIFNETMASK, &ifr), EPERM);
	strcpy(ifr.ifr_name, "nosuch9");
	CHECK_ERR(ioctl(s, SIOCSIFMTU, &ifr), EPERM);
	memset(&rt, 0, sizeof(rt));
	CHECK_ERR(ioctl(s, SIOCADDRT, &rt), EPERM);
	CHECK_ERR(ioctl(s, SIOCDELRT, &rt), EPERM);
	CHECK_OK(close(s));
	return 0;
}
