/* time_nanosleep_einval -- tv_nsec outside [0, 999999999] or a negative tv_sec fails with EINVAL. */
#include "conf.h"

int
main(void)
{
	struct timespec a = {0, 1000000000}, b = {0, -1}, c = {-1, 0};

	CHECK_ERR(nanosleep(&a, NULL), EINVAL);
	CHECK_ERR(nanosleep(&b, NULL), EINVAL);
	CHECK_ERR(nanosleep(&c, NULL), EINVAL);
	return 0;
}
