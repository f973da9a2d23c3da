/* open_opath_ops_ebadf -- I/O on an O_PATH descriptor fails with EBADF; close works. */
#include "conf.h"

int
main(void)
{
	char c;
	int fd;

	conf_enter_tmpdir();
	conf_put("f", "x");
	fd = CHECK_OK(open("f", O_PATH));
	CHECK_ERR(write(fd, "y", 1), EBADF);
	CHECK_ERR(pread(fd, &c, 1, 0), EBADF);
	CHECK_ERR(fchmod(fd, 0600), EBADF);
	CHECK_ERR(ftruncate(fd, 0), EBADF);
	CHECK_EQ(fcntl(fd, F_GETFL) & O_PATH, O_PATH);
	CHECK_OK(close(fd));
	return 0;
}
