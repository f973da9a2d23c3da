/* poll_no_fds_sleeps -- poll(NULL, 0, 50) is a 50 ms sleep. */
#include "conf.h"

int
main(void)
{
	long long t0;

	t0 = conf_now_ns();
	CHECK_EQ(poll(NULL, 0, 50), 0);
	CHECK(conf_now_ns() - t0 >= 50 * 1000 * 1000);
	return 0;
}
