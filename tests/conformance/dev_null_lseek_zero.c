/* dev_null_lseek_zero -- lseek on /dev/null and /dev/zero succeeds and returns 0. */
#include "conf.h"

int
main(void)
{
	int n, z;

	n = CHECK_OK(open("/dev/null", O_RDWR));
	z = CHECK_OK(open("/dev/zero", O_RDONLY));
	CHECK_EQ(lseek(n, 100, SEEK_SET), 0);
	CHECK_EQ(lseek(z, 100, SEEK_CUR), 0);
	return 0;
}
