/* time_timerfd_poll -- a timerfd polls readable once it expires; disarming clears nothing read yet. */
#include "conf.h"

int
main(void)
{
	struct itimerspec its = {{0, 0}, {0, 20 * 1000 * 1000}};
	struct pollfd pfd;
	int fd;

	fd = CHECK_OK(timerfd_create(CLOCK_MONOTONIC, 0));
	pfd.fd = fd;
	pfd.events = POLLIN;
	CHECK_EQ(poll(&pfd, 1, 0), 0);
	CHECK_OK(timerfd_settime(fd, 0, &its, NULL));
	CHECK_EQ(poll(&pfd, 1, 2000), 1);
	CHECK_EQ(pfd.revents, POLLIN);
	return 0;
}
