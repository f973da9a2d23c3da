/* time_monotonic_advances -- CLOCK_MONOTONIC never goes back and moves across a sleep. */
#include "conf.h"

int
main(void)
{
	struct timespec pause = {0, 10 * 1000 * 1000};
	long long a, b;
	int i;

	a = conf_now_ns();
	for (i = 0; i < 1000; i++) {
		b = conf_now_ns();
		CHECK(b >= a);
		a = b;
	}
	CHECK_OK(nanosleep(&pause, NULL));
	CHECK(conf_now_ns() - a >= 10 * 1000 * 1000);
	return 0;
}
