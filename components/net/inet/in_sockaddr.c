/*
 * in_sockaddr.c -- struct sockaddr_in in and out of the IPv4 protocols
 * (UDP, TCP and the ICMP sockets share these).
 */
#include "inet_int.h"

int
in_sockaddr_check(const struct sockaddr *sa, socklen_t len,
    struct sockaddr_in *sin)
{
	if (len < sizeof(*sin))
		return -EINVAL;
	memcpy(sin, sa, sizeof(*sin));
	if (sin->sin_family != AF_INET)
		return -EAFNOSUPPORT;
	return 0;
}

int
in_sockaddr_bind(const struct sockaddr *sa, socklen_t len, bool bcast_ok,
    struct sockaddr_in *sin)
{
	bool bcast;
	int error;

	error = in_sockaddr_check(sa, len, sin);
	if (error != 0)
		return error;
	if (sin->sin_addr.s_addr != 0 &&
	    (!in_islocal(sin->sin_addr.s_addr, &bcast) || (bcast && !bcast_ok)))
		return -EADDRNOTAVAIL;
	return 0;
}

void
in_sockaddr_fill(struct sockaddr_storage *ss, socklen_t *lenp, uint32_t a,
    uint16_t p)
{
	struct sockaddr_in sin;

	memset(&sin, 0, sizeof(sin));
	sin.sin_family = AF_INET;
	sin.sin_addr.s_addr = a;
	sin.sin_port = p;
	memcpy(ss, &sin, sizeof(sin));
	*lenp = sizeof(sin);
}
