/* eventfd_null_efault -- reading into or writing from NULL on an eventfd fails with EFAULT. */
#include "conf.h"

int
main(void)
{
	void *volatile nullbuf = NULL;
	uint64_t one = 1;
	int fd;

	fd = CHECK_OK(eventfd(0, 0));
	CHECK_ERR(write(fd, nullbuf, 8), EFAULT);
	CHECK_EQ(write(fd, &one, 8), 8);
	CHECK_ERR(read(fd, nullbuf, 8), EFAULT);
	return 0;
}
