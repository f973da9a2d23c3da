/* epoll_ctl_eexist -- adding a descriptor twice fails with EEXIST. */
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
	CHECK_OK(epoll_ctl(ep, EPOLL_CTL_ADD, p[0], &ev));
	CHECK_ERR(epoll_ctl(ep, EPOLL_CTL_ADD, p[0], &ev), EEXIST);
	return 0;
}
