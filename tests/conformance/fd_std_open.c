/* fd_std_open -- descriptors 0, 1 and 2 are open when main starts; the first new one is 3. */
#include "conf.h"

int
main(void)
{
	int fd;

	CHECK_OK(fcntl(0, F_GETFD));
	CHECK_OK(fcntl(1, F_GETFD));
	CHECK_OK(fcntl(2, F_GETFD));
	fd = CHECK_OK(dup(0));
	CHECK_EQ(fd, 3);
	return 0;
}
