/* fcntl_dupfd_einval -- F_DUPFD with a negative or too large minimum fails with EINVAL. */
#include "conf.h"

int
main(void)
{
	struct rlimit rl;

	CHECK_OK(getrlimit(RLIMIT_NOFILE, &rl));
	CHECK_ERR(fcntl(0, F_DUPFD, -1), EINVAL);
	CHECK_ERR(fcntl(0, F_DUPFD, (long)rl.rlim_cur), EINVAL);
	return 0;
}
