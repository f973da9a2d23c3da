/* rlimit_raise_hard_eperm -- an unprivileged process cannot raise its hard limit: EPERM. */
#include "conf.h"

int
main(void)
{
	struct rlimit rl;

	conf_need_root();
	CHECK_OK(getrlimit(RLIMIT_NOFILE, &rl));
	rl.rlim_cur = 64;
	rl.rlim_max = 128;
	CHECK_OK(setrlimit(RLIMIT_NOFILE, &rl));
	conf_drop_root();
	rl.rlim_max = 129;
	CHECK_ERR(setrlimit(RLIMIT_NOFILE, &rl), EPERM);
	rl.rlim_max = 100;
	CHECK_OK(setrlimit(RLIMIT_NOFILE, &rl));
	return 0;
}
