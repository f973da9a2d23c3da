/* fd_close_range -- close_range closes a span of descriptors; CLOSE_RANGE_CLOEXEC only marks them. */
#include "conf.h"

int
main(void)
{
	int i;

	for (i = 10; i < 20; i++)
		CHECK_EQ(dup2(0, i), i);
	if (CONF_NATIVE && close_range(~0U, ~0U, CLOSE_RANGE_CLOEXEC) == -1 &&
	    errno == ENOSYS)
		conf_skip("the host kernel has no close_range (Linux 5.11)");
	CHECK_OK(close_range(12, 15, 0));
	CHECK_OK(fcntl(11, F_GETFD));
	CHECK_ERR(fcntl(12, F_GETFD), EBADF);
	CHECK_ERR(fcntl(15, F_GETFD), EBADF);
	CHECK_OK(fcntl(16, F_GETFD));
	CHECK_OK(close_range(16, ~0U, CLOSE_RANGE_CLOEXEC));
	CHECK_EQ(fcntl(19, F_GETFD), FD_CLOEXEC);
	CHECK_ERR(close_range(5, 4, 0), EINVAL);
	return 0;
}
