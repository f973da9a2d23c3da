/* net_tcp_linger_zero -- close with SO_LINGER {1, 0} resets the connection: the peer's read is ECONNRESET once, then end of file, and its send is EPIPE. */
#include "conf.h"
#include "conf_tcp.h"

int
main(void)
{
	struct sockaddr_in sin;
	struct linger lg = { 1, 0 };
	struct pollfd pfd;
	char buf[8];
	int l, c, s;

	l = tcp_listener(&sin);
	tcp_pair(l, &sin, &c, &s);
	CHECK_OK(setsockopt(c, SOL_SOCKET, SO_LINGER, &lg, sizeof(lg)));
	CHECK_OK(close(c));
	pfd.fd = s;
	pfd.events = POLLIN;
	CHECK_EQ(poll(&pfd, 1, 5000), 1);
	CHECK(pfd.revents & POLLIN);
	CHECK_ERR(read(s, buf, sizeof(buf)), ECONNRESET);
	CHECK_EQ(read(s, buf, sizeof(buf)), 0);
	CHECK_ERR(send(s, "x", 1, MSG_NOSIGNAL), EPIPE);
	CHECK_OK(close(s));
	CHECK_OK(close(l));
	return 0;
}
