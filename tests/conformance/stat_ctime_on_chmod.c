/* stat_ctime_on_chmod -- chmod moves ctime forward and leaves mtime alone. */
#include "conf.h"

static long long
ns(struct timespec ts)
{
	return (long long)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

int
main(void)
{
	struct timespec pause = {0, 20 * 1000 * 1000};
	struct stat a, b;

	conf_enter_tmpdir();
	conf_put("f", "x");
	CHECK_OK(stat("f", &a));
	CHECK_OK(nanosleep(&pause, NULL));
	CHECK_OK(chmod("f", 0600));
	CHECK_OK(stat("f", &b));
	CHECK(ns(b.st_ctim) > ns(a.st_ctim));
	CHECK_EQ(ns(b.st_mtim), ns(a.st_mtim));
	return 0;
}
