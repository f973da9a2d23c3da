/* misc_ioctl_enotty -- a terminal ioctl on a regular file fails with ENOTTY; on a bad fd, EBADF. */
#include "conf.h"

int
main(void)
{
	struct winsize ws;
	int fd;

	conf_enter_tmpdir();
	conf_put("f", "x");
	fd = CHECK_OK(open("f", O_RDONLY));
	CHECK_ERR(ioctl(fd, TIOCGWINSZ, &ws), ENOTTY);
	CHECK_ERR(ioctl(97, TIOCGWINSZ, &ws), EBADF);
	return 0;
}
