/* poll_timeout_zero -- poll with timeout 0 returns 0 at once when nothing is ready. */
#include "conf.h"

int
main(void)
{
	struct pollfd pfd;
	long long t0;
	int p[2];

	CHECK_OK(pipe(p));
	pfd.fd = p[0];
	pfd.events = POLLIN;
	t0 = conf_now_ns();
	CHECK_EQ(poll(&pfd, 1, 0), 0);
	CHECK(conf_now_ns() - t0 < 500 * 1000 * 1000);
	return 0;
}
