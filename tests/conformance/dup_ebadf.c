/* dup_ebadf -- dup of a descriptor that is not open fails with EBADF. */
#include "conf.h"

int
main(void)
{
	CHECK_ERR(dup(50), EBADF);
	CHECK_ERR(dup(-1), EBADF);
	return 0;
}
