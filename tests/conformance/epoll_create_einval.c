/* epoll_create_einval -- epoll_create(size <= 0) and unknown epoll_create1 flags fail with EINVAL. */
#include "conf.h"

int
main(void)
{
	int ep;

	CHECK_ERR(epoll_create(0), EINVAL);
	CHECK_ERR(epoll_create(-1), EINVAL);
	CHECK_ERR(epoll_create1(1), EINVAL);
	ep = CHECK_OK(epoll_create(1));
	CHECK_EQ(fcntl(ep, F_GETFD), 0);
	ep = CHECK_OK(epoll_create1(EPOLL_CLOEXEC));
	CHECK_EQ(fcntl(ep, F_GETFD), FD_CLOEXEC);
	return 0;
}
