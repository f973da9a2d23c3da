/* stat_dir_mtime_on_create -- creating an entry moves the directory's mtime forward. */
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
	CHECK_OK(mkdir("d", 0755));
	CHECK_OK(stat("d", &a));
	CHECK_OK(nanosleep(&pause, NULL));
	conf_put("d/f", "x");
	CHECK_OK(stat("d", &b));
	CHECK(ns(b.st_mtim) > ns(a.st_mtim));
	return 0;
}
