/* stat_ino_dev_identity -- distinct files have distinct inode numbers on the same device. */
#include "conf.h"

int
main(void)
{
	struct stat a, b, d;

	conf_enter_tmpdir();
	conf_put("a", "x");
	conf_put("b", "x");
	CHECK_OK(stat("a", &a));
	CHECK_OK(stat("b", &b));
	CHECK_OK(stat(".", &d));
	CHECK(a.st_ino != b.st_ino);
	CHECK(a.st_ino != d.st_ino);
	CHECK_EQ(a.st_dev, b.st_dev);
	CHECK_EQ(a.st_dev, d.st_dev);
	return 0;
}
