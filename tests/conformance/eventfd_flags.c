/* eventfd_flags -- EFD_CLOEXEC and EFD_NONBLOCK apply; unknown flags fail with EINVAL. */
#include "conf.h"

int
main(void)
{
	int fd;

	fd = CHECK_OK(eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK));
	CHECK_EQ(fcntl(fd, F_GETFD), FD_CLOEXEC);
	CHECK(fcntl(fd, F_GETFL) & O_NONBLOCK);
	CHECK_ERR(eventfd(0, 0x2), EINVAL);
	return 0;
}
