/* rlimit_lower_and_read -- a lowered limit reads back; prlimit sees the same values. */
#include "conf.h"

int
main(void)
{
	struct rlimit rl, got;

	CHECK_OK(getrlimit(RLIMIT_NOFILE, &rl));
	rl.rlim_cur = 100;
	rl.rlim_max = 200;
	CHECK_OK(setrlimit(RLIMIT_NOFILE, &rl));
	CHECK_OK(getrlimit(RLIMIT_NOFILE, &got));
	CHECK_EQ(got.rlim_cur, 100);
	CHECK_EQ(got.rlim_max, 200);
	CHECK_OK(prlimit(0, RLIMIT_NOFILE, NULL, &got));
	CHECK_EQ(got.rlim_cur, 100);
	return 0;
}
