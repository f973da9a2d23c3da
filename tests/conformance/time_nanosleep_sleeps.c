/* time_nanosleep_sleeps -- nanosleep sleeps at least the requested time. */
#include "conf.h"

int
main(void)
{
	struct timespec req = {0, 100 * 1000 * 1000};
	long long t0, dt;

	t0 = conf_now_ns();
	CHECK_OK(nanosleep(&req, NULL));
	dt = conf_now_ns() - t0;
	CHECK(dt >= 100 * 1000 * 1000);
	CHECK(dt < 5000LL * 1000 * 1000);
	return 0;
}
