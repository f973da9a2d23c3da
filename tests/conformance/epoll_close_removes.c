/* epoll_close_removes -- closing the only descriptor of a watched file removes it from the set. */
#include "conf.h"

int
main(void)
{
	struct epoll_event ev, out[2];
	int ep, p[2];

	CHECK_OK(pipe(p));
	ep = CHECK_OK(epoll_create1(0));
	memset(&ev, 0, sizeof(ev));
	ev.events = EPOLLOUT;
	CHECK_OK(epoll_ctl(ep, EPOLL_CTL_ADD, p[1], &ev));
	CHECK_EQ(epoll_wait(ep, out, 2, 0), 1);
	CHECK_OK(close(p[1]));
	CHECK_EQ(epoll_wait(ep, out, 2, 0), 0);
	return 0;
}
