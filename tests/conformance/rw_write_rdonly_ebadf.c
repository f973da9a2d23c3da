/* rw_write_rdonly_ebadf -- write on a read-only descriptor fails with EBADF. */
#include "conf.h"

int
main(void)
{
	int fd;

	conf_enter_tmpdir();
	conf_put("f", "x");
	fd = CHECK_OK(open("f", O_RDONLY));
	CHECK_ERR(write(fd, "y", 1), EBADF);
	CHECK_ERR(pwrite(fd, "y", 1, 0), EBADF);
	return 0;
}
