/* poll_timeout_elapses -- poll with a 100 ms timeout waits at least that long, then returns 0. */
#include "conf.h"

int
main(void)
{
	struct pollfd pfd;
	long long t0, dt;
	int p[2];

	CHECK_OK(pipe(p));
	pfd.fd = p[0];
	pfd.events = POLLIN;
	t0 = conf_now_ns();
	CHECK_EQ(poll(&pfd, 1, 100), 0);
	dt = conf_now_ns() - t0;
	CHECK(dt >= 100 * 1000 * 1000);
	CHECK(dt < 5000LL * 1000 * 1000);
	return 0;
}
