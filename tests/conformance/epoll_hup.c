/* epoll_hup -- EPOLLHUP is reported without being asked for when the writer closes. */
#include "conf.h"

int
main(void)
{
	struct epoll_event ev, out[1];
	int ep, p[2];

	CHECK_OK(pipe(p));
	ep = CHECK_OK(epoll_create1(0));
	memset(&ev, 0, sizeof(ev));
	ev.events = 0;
	CHECK_OK(epoll_ctl(ep, EPOLL_CTL_ADD, p[0], &ev));
	CHECK_EQ(epoll_wait(ep, out, 1, 0), 0);
	CHECK_OK(close(p[1]));
	CHECK_EQ(epoll_wait(ep, out, 1, 0), 1);
	CHECK(out[0].events & EPOLLHUP);
	return 0;
}
