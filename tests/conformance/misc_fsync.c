/* misc_fsync -- fsync and fdatasync succeed on files and fail on a bad fd (EBADF); sync succeeds. */
#include "conf.h"

int
main(void)
{
	int fd;

	conf_enter_tmpdir();
	conf_put("f", "x");
	fd = CHECK_OK(open("f", O_RDWR));
	CHECK_OK(fsync(fd));
	CHECK_OK(fdatasync(fd));
	CHECK_ERR(fsync(75), EBADF);
	sync();
	return 0;
}
