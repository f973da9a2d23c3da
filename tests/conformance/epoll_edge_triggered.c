/* epoll_edge_triggered -- EPOLLET reports readiness once per new arrival of data. */
#include "conf.h"

int
main(void)
{
	struct epoll_event ev, out[4];
	int ep, p[2];

	CHECK_OK(pipe(p));
	ep = CHECK_OK(epoll_create1(0));
	memset(&ev, 0, sizeof(ev));
	ev.events = EPOLLIN | EPOLLET;
	ev.data.fd = p[0];
	CHECK_OK(epoll_ctl(ep, EPOLL_CTL_ADD, p[0], &ev));
	CHECK_EQ(write(p[1], "x", 1), 1);
	CHECK_EQ(epoll_wait(ep, out, 4, 1000), 1);
	CHECK_EQ(out[0].data.fd, p[0]);
	CHECK_EQ(epoll_wait(ep, out, 4, 0), 0);
	CHECK_EQ(write(p[1], "y", 1), 1);
	CHECK_EQ(epoll_wait(ep, out, 4, 1000), 1);
	CHECK_EQ(epoll_wait(ep, out, 4, 0), 0);
	return 0;
}
