/* epoll_mod_changes_events -- EPOLL_CTL_MOD replaces the event mask and data. */
#include "conf.h"

int
main(void)
{
	struct epoll_event ev, out[1];
	int ep, p[2];

	CHECK_OK(pipe(p));
	CHECK_EQ(write(p[1], "x", 1), 1);
	ep = CHECK_OK(epoll_create1(0));
	memset(&ev, 0, sizeof(ev));
	ev.events = EPOLLOUT;
	CHECK_OK(epoll_ctl(ep, EPOLL_CTL_ADD, p[0], &ev));
	CHECK_EQ(epoll_wait(ep, out, 1, 0), 0);
	ev.events = EPOLLIN;
	ev.data.u32 = 7;
	CHECK_OK(epoll_ctl(ep, EPOLL_CTL_MOD, p[0], &ev));
	CHECK_EQ(epoll_wait(ep, out, 1, 0), 1);
	CHECK_EQ(out[0].data.u32, 7);
	return 0;
}
