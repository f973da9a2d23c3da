/* eventfd_poll -- an eventfd polls POLLIN when non-zero and POLLOUT while writable. */
#include "conf.h"

int
main(void)
{
	struct pollfd pfd;
	uint64_t v = 1;
	int fd;

	fd = CHECK_OK(eventfd(0, 0));
	pfd.fd = fd;
	pfd.events = POLLIN | POLLOUT;
	CHECK_EQ(poll(&pfd, 1, 0), 1);
	CHECK_EQ(pfd.revents, POLLOUT);
	CHECK_EQ(write(fd, &v, sizeof(v)), 8);
	CHECK_EQ(poll(&pfd, 1, 0), 1);
	CHECK_EQ(pfd.revents, POLLIN | POLLOUT);
	return 0;
}
