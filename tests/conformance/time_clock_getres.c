/* time_clock_getres -- realtime and monotonic clocks have a resolution of at most 1 ms. */
#include "conf.h"

int
main(void)
{
	struct timespec ts;

	CHECK_OK(clock_getres(CLOCK_REALTIME, &ts));
	CHECK_EQ(ts.tv_sec, 0);
	CHECK(ts.tv_nsec > 0 && ts.tv_nsec <= 1000000);
	CHECK_OK(clock_getres(CLOCK_MONOTONIC, &ts));
	CHECK_EQ(ts.tv_sec, 0);
	CHECK(ts.tv_nsec > 0 && ts.tv_nsec <= 1000000);
	return 0;
}
