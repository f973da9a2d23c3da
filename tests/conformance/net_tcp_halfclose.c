/* net_tcp_halfclose -- echo over loopback, then shutdown(SHUT_WR): the peer reads end of file and POLLRDHUP, can still send back, and the writer gets EPIPE. */
#include "conf.h"
#include "conf_tcp.h"

int
main(void)
{
	struct sockaddr_in sin, peer;
	socklen_t plen = sizeof(peer);
	struct pollfd pfd;
	char buf[16];
	int l, c, s;

	l = tcp_listener(&sin);
	tcp_pair(l, &sin, &c, &s);
	CHECK_OK(getpeername(c, (struct sockaddr *)&peer, &plen));
	CHECK_EQ(peer.sin_port, sin.sin_port);
	CHECK_EQ(write(c, "hello", 5), 5);
	CHECK_EQ(read(s, buf, sizeof(buf)), 5);
	CHECK(memcmp(buf, "hello", 5) == 0);
	CHECK_OK(shutdown(c, SHUT_WR));
	CHECK_EQ(read(s, buf, sizeof(buf)), 0);
	pfd.fd = s;
	pfd.events = POLLIN | POLLOUT | POLLRDHUP;
	CHECK_EQ(poll(&pfd, 1, 0), 1);
	CHECK_EQ(pfd.revents, POLLIN | POLLOUT | POLLRDHUP);
	CHECK_EQ(write(s, "back", 4), 4);
	CHECK_EQ(read(c, buf, sizeof(buf)), 4);
	CHECK_ERR(send(c, "x", 1, MSG_NOSIGNAL), EPIPE);
	CHECK_OK(close(s));
	CHECK_EQ(read(c, buf, sizeof(buf)), 0);
	CHECK_OK(close(c));
	CHECK_OK(close(l));
	return 0;
}
