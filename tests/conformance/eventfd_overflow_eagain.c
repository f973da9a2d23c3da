/* eventfd_overflow_eagain -- a write that would pass 0xfffffffffffffffe fails with EAGAIN (non-blocking). */
#include "conf.h"

int
main(void)
{
	uint64_t v = UINT64_MAX - 1;
	int fd;

	fd = CHECK_OK(eventfd(0, EFD_NONBLOCK));
	CHECK_EQ(write(fd, &v, sizeof(v)), 8);
	v = 1;
	CHECK_ERR(write(fd, &v, sizeof(v)), EAGAIN);
	v = 0;
	CHECK_EQ(write(fd, &v, sizeof(v)), 8);
	return 0;
}
