/* symlink_dotdot_physical -- ".." after a symlinked directory is the target's parent. */
#include "conf.h"

int
main(void)
{
	struct stat a, b;

	conf_enter_tmpdir();
	CHECK_OK(mkdir("x", 0755));
	CHECK_OK(mkdir("x/y", 0755));
	CHECK_OK(symlink("x/y", "l"));
	CHECK_OK(stat("x", &a));
	CHECK_OK(stat("l/..", &b));
	CHECK_EQ(a.st_ino, b.st_ino);
	return 0;
}
