/* eventfd_counter -- writes add to the counter; a read returns the sum and resets it. */
#include "conf.h"

int
main(void)
{
	uint64_t v;
	int fd;

	fd = CHECK_OK(eventfd(5, EFD_NONBLOCK));
	v = 3;
	CHECK_EQ(write(fd, &v, sizeof(v)), 8);
	v = 2;
	CHECK_EQ(write(fd, &v, sizeof(v)), 8);
	CHECK_EQ(read(fd, &v, sizeof(v)), 8);
	CHECK_EQ(v, 10);
	CHECK_ERR(read(fd, &v, sizeof(v)), EAGAIN);
	return 0;
}
