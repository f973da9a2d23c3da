/* net_ifioctl_loopback -- the loopback interface, found by IFF_LOOPBACK: its index, flags, MTU, address, netmask and hardware type. */
#include "conf.h"

int
main(void)
{
	static const unsigned char lo_addr[4] = { 127, 0, 0, 1 };
	static const unsigned char lo_mask[4] = { 255, 0, 0, 0 };
	struct sockaddr_in sin;
	struct ifreq ifr, q;
	int s, index;

	s = CHECK_OK(socket(AF_INET, SOCK_DGRAM, 0));
	index = conf_loopback(s, &ifr);
	if (CONF_NATIVE && index == 0)
		conf_skip("no loopback interface in this network namespace");
	CHECK(index > 0);
	CHECK(ifr.ifr_flags & IFF_LOOPBACK);
	if (CONF_NATIVE && !(ifr.ifr_flags & IFF_UP))
		conf_skip("the loopback interface is down here");
	CHECK_EQ(ifr.ifr_flags & (IFF_UP | IFF_RUNNING), IFF_UP | IFF_RUNNING);
	CHECK_EQ(ifr.ifr_flags & IFF_BROADCAST, 0);
	/* name -> index -> name */
	memset(&q, 0, sizeof(q));
	strcpy(q.ifr_name, ifr.ifr_name);
	CHECK_OK(ioctl(s, SIOCGIFINDEX, &q));
	CHECK_EQ(q.ifr_ifindex, index);
	memset(&q, 0, sizeof(q));
	q.ifr_ifindex = index;
	CHECK_OK(ioctl(s, SIOCGIFNAME, &q));
	CHECK(strcmp(q.ifr_name, ifr.ifr_name) == 0);
	/* Linux and the rump kernel both give loopback 64 KiB. */
	memset(&q, 0, sizeof(q));
	strcpy(q.ifr_name, ifr.ifr_name);
	CHECK_OK(ioctl(s, SIOCGIFMTU, &q));
	CHECK_EQ(q.ifr_mtu, 65536);
	CHECK_OK(ioctl(s, SIOCGIFHWADDR, &q));
	CHECK_EQ(q.ifr_hwaddr.sa_family, 772);  /* ARPHRD_LOOPBACK */
	if (ioctl(s, SIOCGIFADDR, &q) != 0 && CONF_NATIVE &&
	    errno == EADDRNOTAVAIL)
		conf_skip("the loopback interface has no IPv4 address here");
	CHECK_OK(ioctl(s, SIOCGIFADDR, &q));
	memcpy(&sin, &q.ifr_addr, sizeof(sin));
	CHECK_EQ(sin.sin_family, AF_INET);
	CHECK(memcmp(&sin.sin_addr, lo_addr, 4) == 0);
	CHECK_OK(ioctl(s, SIOCGIFNETMASK, &q));
	memcpy(&sin, &q.ifr_netmask, sizeof(sin));
	CHECK_EQ(sin.sin_family, AF_INET);
	CHECK(memcmp(&sin.sin_addr, lo_mask, 4) == 0);
	/* No broadcast on loopback: the address is all zeros. */
	CHECK_OK(ioctl(s, SIOCGIFBRDADDR, &q));
	memcpy(&sin, &q.ifr_broadaddr, sizeof(sin));
	CHECK_EQ(sin.sin_addr.s_addr, 0);
	CHECK_OK(close(s));
	return 0;
}
