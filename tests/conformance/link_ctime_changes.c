/* link_ctime_changes -- adding a link changes the inode's ctime. */
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
	CHECK_OK(link("f", "g"));
	CHECK_OK(stat("f", &b));
	CHECK(ns(b.st_ctim) > ns(a.st_ctim));
	return 0;
}
