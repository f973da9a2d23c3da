/* epoll_wait_null_efault -- delivering a ready event into a NULL array fails with EFAULT; so does epoll_ctl ADD with a NULL event. */
#include "conf.h"

int
main(void)
{
	struct epoll_event *volatile nullev = NULL;
	struct epoll_event ev;
	int ep, p[2];

	CHECK_OK(pipe(p));
	ep = CHECK_OK(epoll_create1(0));
	CHECK_ERR(epoll_ctl(ep, EPOLL_CTL_ADD, p[0], nullev), EFAULT);
	memset(&ev, 0, sizeof(ev));
	ev.events = EPOLLIN;
	CHECK_OK(epoll_ctl(ep, EPOLL_CTL_ADD, p[0], &ev));
	CHECK_EQ(write(p[1], "x", 1), 1);
	CHECK_ERR(epoll_wait(ep, nullev, 1, 0), EFAULT);
	return 0;
}
