/* epoll_wait_timeout -- epoll_wait with nothing ready waits its timeout and returns 0. */
#include "conf.h"

int
main(void)
{
	struct epoll_event ev, out[1];
	long long t0;
	int ep, p[2];

	CHECK_OK(pipe(p));
	ep = CHECK_OK(epoll_create1(0));
	memset(&ev, 0, sizeof(ev));
	ev.events = EPOLLIN;
	CHECK_OK(epoll_ctl(ep, EPOLL_CTL_ADD, p[0], &ev));
	t0 = conf_now_ns();
	CHECK_EQ(epoll_wait(ep, out, 1, 80), 0);
	CHECK(conf_now_ns() - t0 >= 80 * 1000 * 1000);
	return 0;
}
