/*
 * in_sockaddr.c -- struct sockaddr_in in and out of the IPv4 protocols
 * (UDP and TCP share these).
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
