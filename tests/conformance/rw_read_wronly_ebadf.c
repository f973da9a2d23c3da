/* rw_read_wronly_ebadf -- read on a write-only descriptor fails with EBADF. */
#include "conf.h"

int
main(void)
{
	char c;
	int fd;

	conf_enter_tmpdir();
	conf_put("f", "x");
	fd = CHECK_OK(open("f", O_WRONLY));
	CHECK_ERR(read(fd, &c, 1), EBADF);
	CHECK_ERR(pread(fd, &c, 1, 0), EBADF);
	return 0;
}
