/* eventfd_short_buf_einval -- reads and writes of fewer than 8 bytes fail with EINVAL. */
#include "conf.h"

int
main(void)
{
	char buf[4] = {1, 0, 0, 0};
	int fd;

	fd = CHECK_OK(eventfd(1, 0));
	CHECK_ERR(read(fd, buf, sizeof(buf)), EINVAL);
	CHECK_ERR(write(fd, buf, sizeof(buf)), EINVAL);
	return 0;
}
