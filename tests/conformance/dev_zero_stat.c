/* dev_zero_stat -- /dev/zero is character device 1:5. */
#include "conf.h"

int
main(void)
{
	struct stat st;

	CHECK_OK(stat("/dev/zero", &st));
	CHECK(S_ISCHR(st.st_mode));
	CHECK_EQ(major(st.st_rdev), 1);
	CHECK_EQ(minor(st.st_rdev), 5);
	return 0;
}
