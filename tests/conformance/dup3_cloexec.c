/* dup3_cloexec -- dup3(O_CLOEXEC) sets FD_CLOEXEC on the new descriptor only. */
#include "conf.h"

int
main(void)
{
	int fd;

	conf_enter_tmpdir();
	conf_put("f", "x");
	fd = CHECK_OK(open("f", O_RDONLY));
	CHECK_EQ(dup3(fd, 30, O_CLOEXEC), 30);
	CHECK_EQ(fcntl(30, F_GETFD), FD_CLOEXEC);
	CHECK_EQ(fcntl(fd, F_GETFD), 0);
	CHECK_EQ(dup3(fd, 31, 0), 31);
	CHECK_EQ(fcntl(31, F_GETFD), 0);
	return 0;
}
