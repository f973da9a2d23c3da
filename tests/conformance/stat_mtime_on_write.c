/* stat_mtime_on_write -- writing a file moves its mtime and ctime forward. */
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
	int fd;

	conf_enter_tmpdir();
	fd = CHECK_OK(open("f", O_RDWR | O_CREAT, 0644));
	CHECK_OK(fstat(fd, &a));
	CHECK_OK(nanosleep(&pause, NULL));
	CHECK_EQ(write(fd, "x", 1), 1);
	CHECK_OK(fstat(fd, &b));
	CHECK(ns(b.st_mtim) > ns(a.st_mtim));
	CHECK(ns(b.st_ctim) > ns(a.st_ctim));
	return 0;
}
