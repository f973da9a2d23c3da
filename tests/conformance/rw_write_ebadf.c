/* rw_write_ebadf -- write on a descriptor that is not open fails with EBADF. */
#include "conf.h"

int
main(void)
{
	CHECK_ERR(write(77, "x", 1), EBADF);
	CHECK_ERR(write(-1, "x", 1), EBADF);
	return 0;
}
