/* pipe2_flags -- pipe2 applies O_CLOEXEC and O_NONBLOCK to both ends; other flags are EINVAL. */
#include "conf.h"

int
main(void)
{
	int p[2];

	CHECK_OK(pipe2(p, O_CLOEXEC | O_NONBLOCK));
	CHECK_EQ(fcntl(p[0], F_GETFD), FD_CLOEXEC);
	CHECK_EQ(fcntl(p[1], F_GETFD), FD_CLOEXEC);
	CHECK(fcntl(p[0], F_GETFL) & O_NONBLOCK);
	CHECK(fcntl(p[1], F_GETFL) & O_NONBLOCK);
	CHECK_ERR(pipe2(p, O_APPEND), EINVAL);
	return 0;
}
