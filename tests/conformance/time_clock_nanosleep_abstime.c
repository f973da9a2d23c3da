/* time_clock_nanosleep_abstime -- TIMER_ABSTIME sleeps until the given monotonic time. */
#include "conf.h"

int
main(void)
{
	struct timespec when;
	long long target;

	target = conf_now_ns() + 80 * 1000 * 1000;
	when.tv_sec = (time_t)(target / 1000000000LL);
	when.tv_nsec = (long)(target % 1000000000LL);
	CHECK_EQ(clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &when, NULL), 0);
	CHECK(conf_now_ns() >= target);
	/* a time in the past returns at once */
	when.tv_sec = 0;
	when.tv_nsec = 0;
	CHECK_EQ(clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &when, NULL), 0);
	return 0;
}
