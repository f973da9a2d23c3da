/* seek_ebadf -- lseek on a descriptor that is not open fails with EBADF. */
#include "conf.h"

int
main(void)
{
	CHECK_ERR(lseek(55, 0, SEEK_SET), EBADF);
	return 0;
}
