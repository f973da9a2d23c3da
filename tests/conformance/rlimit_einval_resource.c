/* rlimit_einval_resource -- an unknown resource fails with EINVAL. */
#include "conf.h"

int
main(void)
{
	struct rlimit rl;

	CHECK_ERR(getrlimit(99, &rl), EINVAL);
	rl.rlim_cur = rl.rlim_max = 1;
	CHECK_ERR(setrlimit(99, &rl), EINVAL);
	return 0;
}
