/* fcntl_setlk_mode_ebadf -- a write lock on a read-only descriptor fails with EBADF. */
#include "conf.h"

int
main(void)
{
	struct flock fl;
	int fd;

	conf_enter_tmpdir();
	conf_put("f", "x");
	fd = CHECK_OK(open("f", O_RDONLY));
	memset(&fl, 0, sizeof(fl));
	fl.l_type = F_WRLCK;
	fl.l_whence = SEEK_SET;
	CHECK_ERR(fcntl(fd, F_SETLK, &fl), EBADF);
	fl.l_type = F_RDLCK;
	CHECK_OK(fcntl(fd, F_SETLK, &fl));
	return 0;
}
