/* dev_null_stat -- /dev/null is character device 1:3, mode 0666. */
#include "conf.h"

int
main(void)
{
	struct stat st;

	CHECK_OK(stat("/dev/null", &st));
	CHECK(S_ISCHR(st.st_mode));
	CHECK_EQ(major(st.st_rdev), 1);
	CHECK_EQ(minor(st.st_rdev), 3);
	CHECK_EQ(st.st_mode & 0777, 0666);
	return 0;
}
