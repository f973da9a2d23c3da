/* epoll_maxevents_limits -- at most maxevents are returned; the rest come on the next wait. */
#include "conf.h"

int
main(void)
{
	struct epoll_event ev, out[8];
	int ep, i, p[3][2];

	ep = CHECK_OK(epoll_create1(0));
	for (i = 0; i < 3; i++) {
		CHECK_OK(pipe(p[i]));
		CHECK_EQ(write(p[i][1], "x", 1), 1);
		memset(&ev, 0, sizeof(ev));
		ev.events = EPOLLIN | EPOLLET;
		ev.data.u32 = (uint32_t)i;
		CHECK_OK(epoll_ctl(ep, EPOLL_CTL_ADD, p[i][0], &ev));
	}
	CHECK_EQ(epoll_wait(ep, out, 2, 0), 2);
	CHECK_EQ(epoll_wait(ep, out, 8, 0), 1);
	CHECK_EQ(epoll_wait(ep, out, 8, 0), 0);
	return 0;
}
