/* time_clock_gettime_einval -- an unknown clock id fails with EINVAL. */
#include "conf.h"

int
main(void)
{
	struct timespec ts;

	CHECK_ERR(clock_gettime(1234, &ts), EINVAL);
	CHECK_ERR(clock_getres(1234, &ts), EINVAL);
	return 0;
}
