/* select_timeout_elapses -- select waits its timeout, returns 0, and (Linux) zeroes the timeval. */
#include "conf.h"

int
main(void)
{
	struct timeval tv = {0, 60 * 1000};
	long long t0;
	fd_set r;
	int p[2];

	CHECK_OK(pipe(p));
	FD_ZERO(&r);
	FD_SET(p[0], &r);
	t0 = conf_now_ns();
	CHECK_EQ(select(p[0] + 1, &r, NULL, NULL, &tv), 0);
	CHECK(conf_now_ns() - t0 >= 60 * 1000 * 1000);
	CHECK(!FD_ISSET(p[0], &r));
	CHECK_EQ(tv.tv_sec, 0);
	CHECK_EQ(tv.tv_usec, 0);
	return 0;
}
