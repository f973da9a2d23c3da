/* net_tcp_fresh_socket -- an unconnected TCP socket: poll says POLLOUT|POLLHUP, shutdown/recv/getpeername are ENOTCONN, send is EPIPE, option defaults and ranges (TCP_MAXSEG 536, keepalive 7200/75/9, EINVAL out of range). */
#include "conf.h"

int
main(void)
{
	struct pollfd pfd;
	struct sockaddr_in sin;
	socklen_t len;
	char c;
	int s, v;

	s = CHECK_OK(socket(AF_INET, SOCK_STREAM, 0));
	pfd.fd = s;
	pfd.events = POLLIN | POLLOUT;
	CHECK_EQ(poll(&pfd, 1, 0), 1);
	CHECK_EQ(pfd.revents, POLLOUT | POLLHUP);
	CHECK_ERR(shutdown(s, SHUT_WR), ENOTCONN);
	CHECK_ERR(recv(s, &c, 1, MSG_DONTWAIT), ENOTCONN);
	CHECK_ERR(send(s, "x", 1, MSG_NOSIGNAL), EPIPE);
	len = sizeof(sin);
	CHECK_ERR(getpeername(s, (struct sockaddr *)&sin, &len), ENOTCONN);
	len = sizeof(v);
	CHECK_OK(getsockopt(s, IPPROTO_TCP, TCP_MAXSEG, &v, &len));
	CHECK_EQ(v, 536);
	len = sizeof(v);
	CHECK_OK(getsockopt(s, IPPROTO_TCP, TCP_KEEPIDLE, &v, &len));
	CHECK_EQ(v, 7200);
	len = sizeof(v);
	CHECK_OK(getsockopt(s, IPPROTO_TCP, TCP_KEEPINTVL, &v, &len));
	CHECK_EQ(v, 75);
	len = sizeof(v);
	CHECK_OK(getsockopt(s, IPPROTO_TCP, TCP_KEEPCNT, &v, &len));
	CHECK_EQ(v, 9);
	v = 10;
	CHECK_ERR(setsockopt(s, IPPROTO_TCP, TCP_MAXSEG, &v, sizeof(v)), EINVAL);
	v = 0;
	CHECK_ERR(setsockopt(s, IPPROTO_TCP, TCP_KEEPIDLE, &v, sizeof(v)), EINVAL);
	CHECK_ERR(setsockopt(s, IPPROTO_TCP, TCP_KEEPCNT, &v, sizeof(v)), EINVAL);
	v = 1;
	CHECK_OK(setsockopt(s, IPPROTO_TCP, TCP_NODELAY, &v, sizeof(v)));
	v = 0;
	len = sizeof(v);
	CHECK_OK(getsockopt(s, IPPROTO_TCP, TCP_NODELAY, &v, &len));
	CHECK_EQ(v, 1);
	CHECK_OK(close(s));
	return 0;
}
