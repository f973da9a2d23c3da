/* time_utimensat_nofollow -- AT_SYMLINK_NOFOLLOW sets the symlink's own times, not the target's. */
#include "conf.h"

int
main(void)
{
	struct timespec ts[2] = {{3000, 0}, {4000, 0}};
	struct stat l, f;

	conf_enter_tmpdir();
	conf_put("f", "x");
	CHECK_OK(symlink("f", "l"));
	CHECK_OK(utimensat(AT_FDCWD, "l", ts, AT_SYMLINK_NOFOLLOW));
	CHECK_OK(lstat("l", &l));
	CHECK_EQ(l.st_mtim.tv_sec, 4000);
	CHECK_OK(stat("f", &f));
	CHECK(f.st_mtim.tv_sec != 4000);
	return 0;
}
