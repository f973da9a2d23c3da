/* dir_dot_dotdot_resolve -- "." and ".." in paths name the directory and its parent. */
#include "conf.h"

int
main(void)
{
	struct stat a, b;

	conf_enter_tmpdir();
	CHECK_OK(mkdir("d", 0755));
	CHECK_OK(mkdir("d/e", 0755));
	CHECK_OK(stat("d", &a));
	CHECK_OK(stat("d/e/..", &b));
	CHECK_EQ(a.st_ino, b.st_ino);
	CHECK_OK(stat("d/./e/../.", &b));
	CHECK_EQ(a.st_ino, b.st_ino);
	CHECK_OK(stat(".//d//", &b));
	CHECK_EQ(a.st_ino, b.st_ino);
	return 0;
}
