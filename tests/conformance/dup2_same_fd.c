/* dup2_same_fd -- dup2(fd, fd) returns fd for an open fd, EBADF for a closed one. */
#include "conf.h"

int
main(void)
{
	int fd;

	conf_enter_tmpdir();
	conf_put("f", "x");
	fd = CHECK_OK(open("f", O_RDONLY));
	CHECK_EQ(dup2(fd, fd), fd);
	CHECK_OK(fcntl(fd, F_GETFD));
	CHECK_ERR(dup2(40, 40), EBADF);
	return 0;
}
