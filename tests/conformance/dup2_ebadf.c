/* dup2_ebadf -- dup2 from a closed fd, or onto a negative or too large one, fails with EBADF. */
#include "conf.h"

int
main(void)
{
	struct rlimit rl;

	CHECK_OK(getrlimit(RLIMIT_NOFILE, &rl));
	CHECK_ERR(dup2(60, 61), EBADF);
	CHECK_ERR(dup2(0, -1), EBADF);
	CHECK_ERR(dup2(0, (int)rl.rlim_cur), EBADF);
	return 0;
}
