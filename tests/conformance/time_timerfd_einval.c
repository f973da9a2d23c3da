/* time_timerfd_einval -- a bad clock, flags or tv_nsec fails with EINVAL. */
#include "conf.h"

int
main(void)
{
	struct itimerspec bad = {{0, 0}, {0, 1000000000}};
	int fd;

	CHECK_ERR(timerfd_create(1234, 0), EINVAL);
	CHECK_ERR(timerfd_create(CLOCK_MONOTONIC, 0x1), EINVAL);
	fd = CHECK_OK(timerfd_create(CLOCK_REALTIME, 0));
	CHECK_ERR(timerfd_settime(fd, 0, &bad, NULL), EINVAL);
	CHECK_ERR(timerfd_settime(fd, 0x100, &bad, NULL), EINVAL);
	return 0;
}
