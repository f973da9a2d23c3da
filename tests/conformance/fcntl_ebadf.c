/* fcntl_ebadf -- fcntl on a descriptor that is not open fails with EBADF. */
#include "conf.h"

int
main(void)
{
	CHECK_ERR(fcntl(77, F_GETFD), EBADF);
	CHECK_ERR(fcntl(77, F_GETFL), EBADF);
	CHECK_ERR(fcntl(-1, F_DUPFD, 0), EBADF);
	return 0;
}
