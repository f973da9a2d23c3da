/* fcntl_dupfd_cloexec -- F_DUPFD_CLOEXEC duplicates with FD_CLOEXEC set. */
#include "conf.h"

int
main(void)
{
	int fd;

	conf_enter_tmpdir();
	conf_put("f", "x");
	fd = CHECK_OK(open("f", O_RDONLY));
	CHECK_EQ(fcntl(fd, F_DUPFD_CLOEXEC, 15), 15);
	CHECK_EQ(fcntl(15, F_GETFD), FD_CLOEXEC);
	return 0;
}
