/* epoll_many_fds -- an epoll set of 200 pipes returns exactly the ready ones with their data. */
#include "conf.h"

#define NP 200

int
main(void)
{
	static struct epoll_event out[NP];
	static int p[NP][2], seen[NP];
	struct epoll_event ev;
	int ep, i, n;

	ep = CHECK_OK(epoll_create1(0));
	for (i = 0; i < NP; i++) {
		CHECK_OK(pipe(p[i]));
		memset(&ev, 0, sizeof(ev));
		ev.events = EPOLLIN;
		ev.data.u32 = (uint32_t)i;
		CHECK_OK(epoll_ctl(ep, EPOLL_CTL_ADD, p[i][0], &ev));
	}
	for (i = 1; i < NP; i += 4)
		CHECK_EQ(write(p[i][1], "x", 1), 1);
	n = CHECK_OK(epoll_wait(ep, out, NP, 1000));
	CHECK_EQ(n, NP / 4);
	for (i = 0; i < n; i++) {
		CHECK(out[i].data.u32 < NP && out[i].data.u32 % 4 == 1);
		seen[out[i].data.u32]++;
	}
	for (i = 1; i < NP; i += 4)
		CHECK_EQ(seen[i], 1);
	return 0;
}
