/* fcntl_dupfd_min -- F_DUPFD returns the lowest free descriptor >= arg. */
#include "conf.h"

int
main(void)
{
	int fd;

	conf_enter_tmpdir();
	conf_put("f", "x");
	fd = CHECK_OK(open("f", O_RDONLY));
	CHECK_EQ(fcntl(fd, F_DUPFD, 10), 10);
	CHECK_EQ(fcntl(fd, F_DUPFD, 10), 11);
	CHECK_EQ(fcntl(fd, F_DUPFD, 0), fd + 1);
	CHECK_EQ(fcntl(10, F_GETFD), 0);
	return 0;
}
