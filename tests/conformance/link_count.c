/* link_count -- link adds a name to the same inode and bumps st_nlink; unlink drops it. */
#include "conf.h"

int
main(void)
{
	struct stat a, b;

	conf_enter_tmpdir();
	conf_put("a", "data");
	CHECK_OK(link("a", "b"));
	CHECK_OK(stat("a", &a));
	CHECK_OK(stat("b", &b));
	CHECK_EQ(a.st_ino, b.st_ino);
	CHECK_EQ(a.st_nlink, 2);
	CHECK_OK(unlink("a"));
	CHECK_OK(stat("b", &b));
	CHECK_EQ(b.st_nlink, 1);
	return 0;
}
