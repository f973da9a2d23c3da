/* time_other_clocks -- CLOCK_BOOTTIME, CLOCK_MONOTONIC_RAW, the coarse and CPU-time clocks all read. */
#include "conf.h"

int
main(void)
{
	static const clockid_t ids[] = {CLOCK_BOOTTIME, CLOCK_MONOTONIC_RAW,
	    CLOCK_MONOTONIC_COARSE, CLOCK_REALTIME_COARSE,
	    CLOCK_PROCESS_CPUTIME_ID, CLOCK_THREAD_CPUTIME_ID};
	struct timespec ts;
	size_t i;

	for (i = 0; i < sizeof(ids) / sizeof(ids[0]); i++) {
		CHECK_OK(clock_gettime(ids[i], &ts));
		CHECK(ts.tv_nsec >= 0 && ts.tv_nsec < 1000000000);
	}
	return 0;
}
