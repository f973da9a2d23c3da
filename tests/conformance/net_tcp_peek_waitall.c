/* net_tcp_peek_waitall -- MSG_PEEK leaves the data, FIONREAD counts it, MSG_DONTWAIT on an empty socket is EAGAIN, MSG_WAITALL returns the whole request. */
#include "conf.h"
#include "conf_tcp.h"

int
main(void)
{
	struct sockaddr_in sin;
	struct pollfd pfd;
	char buf[16];
	int l, c, s, n = 0;

	l = tcp_listener(&sin);
	tcp_pair(l, &sin, &c, &s);
	CHECK_EQ(write(c, "abcdef", 6), 6);
	pfd.fd = s;
	pfd.events = POLLIN;
	CHECK_EQ(poll(&pfd, 1, 5000), 1);
	CHECK_EQ(recv(s, buf, 3, MSG_PEEK), 3);
	CHECK(memcmp(buf, "abc", 3) == 0);
	CHECK_OK(ioctl(s, FIONREAD, &n));
	CHECK_EQ(n, 6);
	CHECK_EQ(recv(s, buf, 6, 0), 6);
	CHECK(memcmp(buf, "abcdef", 6) == 0);
	CHECK_ERR(recv(s, buf, 6, MSG_DONTWAIT), EAGAIN);
	CHECK_EQ(write(c, "1234", 4), 4);
	CHECK_EQ(write(c, "5678", 4), 4);
	CHECK_EQ(recv(s, buf, 8, MSG_WAITALL), 8);
	CHECK(memcmp(buf, "12345678", 8) == 0);
	CHECK_OK(close(c));
	CHECK_OK(close(s));
	CHECK_OK(close(l));
	return 0;
}
