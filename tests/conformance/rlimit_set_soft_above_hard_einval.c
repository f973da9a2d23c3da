/* rlimit_set_soft_above_hard_einval -- a soft limit above the hard limit fails with EINVAL. */
#include "conf.h"

int
main(void)
{
	struct rlimit rl;

	CHECK_OK(getrlimit(RLIMIT_NOFILE, &rl));
	rl.rlim_cur = rl.rlim_max + 1;
	CHECK_ERR(setrlimit(RLIMIT_NOFILE, &rl), EINVAL);
	return 0;
}
