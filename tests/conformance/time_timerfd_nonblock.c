/* time_timerfd_nonblock -- before expiry a non-blocking read is EAGAIN and gettime shows time left. */
#include "conf.h"

int
main(void)
{
	struct itimerspec its = {{0, 0}, {10, 0}}, cur;
	uint64_t n;
	int fd;

	fd = CHECK_OK(timerfd_create(CLOCK_MONOTONIC, TFD_NONBLOCK | TFD_CLOEXEC));
	CHECK_EQ(fcntl(fd, F_GETFD), FD_CLOEXEC);
	CHECK_ERR(read(fd, &n, sizeof(n)), EAGAIN);
	CHECK_OK(timerfd_settime(fd, 0, &its, NULL));
	CHECK_OK(timerfd_gettime(fd, &cur));
	CHECK(cur.it_value.tv_sec > 8 && cur.it_value.tv_sec <= 10);
	CHECK_ERR(read(fd, &n, sizeof(n)), EAGAIN);
	CHECK_ERR(read(fd, &n, 4), EINVAL);
	return 0;
}
