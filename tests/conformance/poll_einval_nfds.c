/* poll_einval_nfds -- nfds above RLIMIT_NOFILE fails with EINVAL. */
#include "conf.h"

int
main(void)
{
	static struct pollfd pfd[64];
	struct rlimit rl;

	CHECK_OK(getrlimit(RLIMIT_NOFILE, &rl));
	rl.rlim_cur = 32;
	CHECK_OK(setrlimit(RLIMIT_NOFILE, &rl));
	memset(pfd, 0, sizeof(pfd));
	CHECK_ERR(poll(pfd, 33, 0), EINVAL);
	return 0;
}
