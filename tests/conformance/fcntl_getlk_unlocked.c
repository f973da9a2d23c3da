/* fcntl_getlk_unlocked -- F_GETLK finds no conflict with the process's own lock. */
#include "conf.h"

int
main(void)
{
	struct flock fl;
	int fd;

	conf_enter_tmpdir();
	conf_put("f", "0123456789");
	fd = CHECK_OK(open("f", O_RDWR));
	memset(&fl, 0, sizeof(fl));
	fl.l_type = F_WRLCK;
	fl.l_whence = SEEK_SET;
	fl.l_start = 0;
	fl.l_len = 5;
	CHECK_OK(fcntl(fd, F_SETLK, &fl));
	fl.l_type = F_WRLCK;
	CHECK_OK(fcntl(fd, F_GETLK, &fl));
	CHECK_EQ(fl.l_type, F_UNLCK);
	fl.l_type = F_UNLCK;
	fl.l_whence = SEEK_SET;
	fl.l_start = 0;
	fl.l_len = 5;
	CHECK_OK(fcntl(fd, F_SETLK, &fl));
	return 0;
}
