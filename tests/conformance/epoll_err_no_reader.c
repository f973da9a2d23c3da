/* epoll_err_no_reader -- a watched write end reports EPOLLOUT|EPOLLERR once its reader is gone. */
#include "conf.h"

int
main(void)
{
	struct epoll_event ev, out[1];
	int ep, p[2];

	CHECK_OK(pipe(p));
	ep = CHECK_OK(epoll_create1(0));
	memset(&ev, 0, sizeof(ev));
	ev.events = EPOLLOUT;
	CHECK_OK(epoll_ctl(ep, EPOLL_CTL_ADD, p[1], &ev));
	CHECK_OK(close(p[0]));
	CHECK_EQ(epoll_wait(ep, out, 1, 0), 1);
	CHECK_EQ(out[0].events, EPOLLOUT | EPOLLERR);
	return 0;
}
