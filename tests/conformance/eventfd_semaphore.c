/* eventfd_semaphore -- EFD_SEMAPHORE reads decrement by one and return 1. */
#include "conf.h"

int
main(void)
{
	uint64_t v;
	int fd;

	fd = CHECK_OK(eventfd(2, EFD_SEMAPHORE | EFD_NONBLOCK));
	CHECK_EQ(read(fd, &v, sizeof(v)), 8);
	CHECK_EQ(v, 1);
	CHECK_EQ(read(fd, &v, sizeof(v)), 8);
	CHECK_EQ(v, 1);
	CHECK_ERR(read(fd, &v, sizeof(v)), EAGAIN);
	return 0;
}
