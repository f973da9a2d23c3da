/* time_timerfd_oneshot -- a one-shot timerfd read blocks until expiry and returns 1. */
#include "conf.h"

int
main(void)
{
	struct itimerspec its = {{0, 0}, {0, 50 * 1000 * 1000}};
	uint64_t n;
	long long t0;
	int fd;

	fd = CHECK_OK(timerfd_create(CLOCK_MONOTONIC, 0));
	t0 = conf_now_ns();
	CHECK_OK(timerfd_settime(fd, 0, &its, NULL));
	CHECK_EQ(read(fd, &n, sizeof(n)), 8);
	CHECK_EQ(n, 1);
	CHECK(conf_now_ns() - t0 >= 50 * 1000 * 1000);
	return 0;
}
