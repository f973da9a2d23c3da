/* select_eventfd -- select sees an eventfd readable once its counter is non-zero. */
#include "conf.h"

int
main(void)
{
	struct timeval tv = {0, 0};
	uint64_t one = 1;
	fd_set r;
	int fd;

	fd = CHECK_OK(eventfd(0, 0));
	FD_ZERO(&r);
	FD_SET(fd, &r);
	CHECK_EQ(select(fd + 1, &r, NULL, NULL, &tv), 0);
	CHECK_EQ(write(fd, &one, sizeof(one)), 8);
	FD_ZERO(&r);
	FD_SET(fd, &r);
	CHECK_EQ(select(fd + 1, &r, NULL, NULL, &tv), 1);
	CHECK(FD_ISSET(fd, &r));
	return 0;
}
