/* eventfd_epoll -- an eventfd in an epoll set is reported readable after a write. */
#include "conf.h"

int
main(void)
{
	struct epoll_event ev, out[1];
	uint64_t v = 1;
	int ep, fd;

	fd = CHECK_OK(eventfd(0, 0));
	ep = CHECK_OK(epoll_create1(0));
	memset(&ev, 0, sizeof(ev));
	ev.events = EPOLLIN;
	CHECK_OK(epoll_ctl(ep, EPOLL_CTL_ADD, fd, &ev));
	CHECK_EQ(epoll_wait(ep, out, 1, 0), 0);
	CHECK_EQ(write(fd, &v, sizeof(v)), 8);
	CHECK_EQ(epoll_wait(ep, out, 1, 0), 1);
	CHECK_EQ(out[0].events, EPOLLIN);
	return 0;
}
