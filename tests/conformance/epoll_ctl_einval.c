/* epoll_ctl_einval -- watching the epoll fd itself, or an unknown op, fails with EINVAL. */
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
	CHECK_ERR(epoll_ctl(ep, EPOLL_CTL_ADD, ep, &ev), EINVAL);
	CHECK_ERR(epoll_ctl(ep, 99, p[0], &ev), EINVAL);
	CHECK_ERR(epoll_ctl(p[0], EPOLL_CTL_ADD, p[1], &ev), EINVAL);
	return 0;
}
