/* time_realtime_plausible -- CLOCK_REALTIME is after 2020 and agrees with gettimeofday. */
#include "conf.h"

int
main(void)
{
	struct timespec ts;
	struct timeval tv;

	CHECK_OK(clock_gettime(CLOCK_REALTIME, &ts));
	CHECK(ts.tv_sec > 1577836800);
	CHECK(ts.tv_nsec >= 0 && ts.tv_nsec < 1000000000);
	CHECK_OK(gettimeofday(&tv, NULL));
	CHECK(tv.tv_usec >= 0 && tv.tv_usec < 1000000);
	CHECK(tv.tv_sec - ts.tv_sec >= 0 && tv.tv_sec - ts.tv_sec <= 2);
	return 0;
}
