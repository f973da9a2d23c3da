/* epoll_ctl_ebadf -- a closed epoll fd or target fd fails with EBADF. */
#include "conf.h"

int
main(void)
{
	struct epoll_event ev;
	int ep, p[2];

	CHECK_OK(pipe(p));
	ep = CHECK_OK(epoll_create1(0));
	memset(&ev, 0, sizeof(ev));
	ev.events = EPOLLIN;
	CHECK_ERR(epoll_ctl(ep, EPOLL_CTL_ADD, 88, &ev), EBADF);
	CHECK_ERR(epoll_ctl(89, EPOLL_CTL_ADD, p[0], &ev), EBADF);
	return 0;
}
