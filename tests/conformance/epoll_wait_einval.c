/* epoll_wait_einval -- maxevents <= 0, or a non-epoll fd, fails with EINVAL. */
#include "conf.h"

int
main(void)
{
	struct epoll_event out[1];
	volatile int neg = -1;
	int ep, p[2];

	CHECK_OK(pipe(p));
	ep = CHECK_OK(epoll_create1(0));
	CHECK_ERR(epoll_wait(ep, out, 0, 0), EINVAL);
	CHECK_ERR(epoll_wait(ep, out, neg, 0), EINVAL);
	CHECK_ERR(epoll_wait(p[0], out, 1, 0), EINVAL);
	CHECK_ERR(epoll_wait(77, out, 1, 0), EBADF);
	return 0;
}
