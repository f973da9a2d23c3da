/* net_ifioctl_set_mtu -- as root, SIOCSIFMTU takes the loopback's own MTU again and refuses a negative one with EINVAL. */
#include "conf.h"

int
main(void)
{
	struct ifreq ifr, lo;
	int s, mtu;

	conf_need_root();
	s = CHECK_OK(socket(AF_INET, SOCK_DGRAM, 0));
	if (conf_loopback(s, &lo) == 0 && CONF_NATIVE)
		conf_skip("no loopback interface in this network namespace");
	memset(&ifr, 0, sizeof(ifr));
	strcpy(ifr.ifr_name, lo.ifr_name);
	CHECK_OK(ioctl(s, SIOCGIFMTU, &ifr));
	mtu = ifr.ifr_mtu;
	/* Only values that change nothing or cannot succeed: natively
	 * this is the host's own loopback. */
	CHECK_OK(ioctl(s, SIOCSIFMTU, &ifr));
	ifr.ifr_mtu = -1;
	CHECK_ERR(ioctl(s, SIOCSIFMTU, &ifr), EINVAL);
	CHECK_OK(ioctl(s, SIOCGIFMTU, &ifr));
	CHECK_EQ(ifr.ifr_mtu, mtu);
	CHECK_OK(close(s));
	return 0;
}
