/* dir_dotdot_of_root -- ".." of "/" is "/" itself. */
#include "conf.h"

int
main(void)
{
	struct stat a, b;

	CHECK_OK(stat("/", &a));
	CHECK_OK(stat("/..", &b));
	CHECK_EQ(a.st_ino, b.st_ino);
	CHECK_EQ(a.st_dev, b.st_dev);
	CHECK_OK(stat("/../../.", &b));
	CHECK_EQ(a.st_ino, b.st_ino);
	return 0;
}
