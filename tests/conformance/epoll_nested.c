/* epoll_nested -- an epoll fd inside another epoll set is readable when its own set has events. */
#include "conf.h"

int
main(void)
{
	struct epoll_event ev, out[1];
	int inner, outer, p[2];

	CHECK_OK(pipe(p));
	inner = CHECK_OK(epoll_create1(0));
	outer = CHECK_OK(epoll_create1(0));
	memset(&ev, 0, sizeof(ev));
	ev.events = EPOLLIN;
	CHECK_OK(epoll_ctl(inner, EPOLL_CTL_ADD, p[0], &ev));
	ev.data.fd = inner;
	CHECK_OK(epoll_ctl(outer, EPOLL_CTL_ADD, inner, &ev));
	CHECK_EQ(epoll_wait(outer, out, 1, 0), 0);
	CHECK_EQ(write(p[1], "x", 1), 1);
	CHECK_EQ(epoll_wait(outer, out, 1, 1000), 1);
	CHECK_EQ(out[0].data.fd, inner);
	return 0;
}
