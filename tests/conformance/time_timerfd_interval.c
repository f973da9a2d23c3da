/* time_timerfd_interval -- a periodic timerfd counts every expiry since the last read. */
#include "conf.h"

int
main(void)
{
	struct itimerspec its = {{0, 10 * 1000 * 1000}, {0, 10 * 1000 * 1000}};
	struct timespec pause = {0, 75 * 1000 * 1000};
	uint64_t n;
	int fd;

	fd = CHECK_OK(timerfd_create(CLOCK_MONOTONIC, 0));
	CHECK_OK(timerfd_settime(fd, 0, &its, NULL));
	CHECK_OK(nanosleep(&pause, NULL));
	CHECK_EQ(read(fd, &n, sizeof(n)), 8);
	CHECK(n >= 5 && n <= 20);
	return 0;
}
