/* net_tcp_refused -- connect to a loopback port nobody listens on is ECONNREFUSED, blocking and non-blocking (SO_ERROR), and the socket may try again. */
#include "conf.h"
#include "conf_tcp.h"

int
main(void)
{
	struct sockaddr_in sin;
	struct pollfd pfd;
	socklen_t len = sizeof(int);
	int l, c, err = 0;

	l = tcp_listener(&sin);
	CHECK_OK(close(l));  /* the port is free again */
	c = CHECK_OK(socket(AF_INET, SOCK_STREAM, 0));
	CHECK_ERR(connect(c, (struct sockaddr *)&sin, sizeof(sin)), ECONNREFUSED);
	CHECK_ERR(connect(c, (struct sockaddr *)&sin, sizeof(sin)), ECONNREFUSED);
	CHECK_OK(close(c));
	c = CHECK_OK(socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0));
	CHECK_ERR(connect(c, (struct sockaddr *)&sin, sizeof(sin)), EINPROGRESS);
	pfd.fd = c;
	pfd.events = POLLOUT;
	CHECK_EQ(poll(&pfd, 1, 5000), 1);
	CHECK(pfd.revents & POLLERR);
	CHECK_OK(getsockopt(c, SOL_SOCKET, SO_ERROR, &err, &len));
	CHECK_EQ(err, ECONNREFUSED);
	CHECK_OK(close(c));
	return 0;
}
