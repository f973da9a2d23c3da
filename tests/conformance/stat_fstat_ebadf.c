/* stat_fstat_ebadf -- fstat on a descriptor that is not open fails with EBADF. */
#include "conf.h"

int
main(void)
{
	struct stat st;

	CHECK_ERR(fstat(42, &st), EBADF);
	CHECK_ERR(fstat(-1, &st), EBADF);
	return 0;
}
