/* time_time_matches_realtime -- time() agrees with CLOCK_REALTIME and stores through its argument. */
#include "conf.h"

int
main(void)
{
	struct timespec ts;
	time_t t, stored = 0;

	CHECK_OK(clock_gettime(CLOCK_REALTIME, &ts));
	t = time(&stored);
	CHECK(t != (time_t)-1);
	CHECK_EQ(t, stored);
	CHECK(t - ts.tv_sec >= 0 && t - ts.tv_sec <= 2);
	return 0;
}
