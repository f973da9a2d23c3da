/* select_ebadf -- a set containing a descriptor that is not open fails with EBADF. */
#include "conf.h"

int
main(void)
{
	struct timeval tv = {0, 0};
	fd_set r;

	FD_ZERO(&r);
	FD_SET(40, &r);
	CHECK_ERR(select(41, &r, NULL, NULL, &tv), EBADF);
	return 0;
}
