/* rename_move_between_dirs -- rename moves a file into another directory, keeping its inode. */
#include "conf.h"

int
main(void)
{
	struct stat a, b;

	conf_enter_tmpdir();
	CHECK_OK(mkdir("d", 0755));
	conf_put("f", "x");
	CHECK_OK(stat("f", &a));
	CHECK_OK(rename("f", "d/g"));
	CHECK_OK(stat("d/g", &b));
	CHECK_EQ(a.st_ino, b.st_ino);
	CHECK_ERR(stat("f", &b), ENOENT);
	return 0;
}
