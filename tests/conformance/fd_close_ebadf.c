/* fd_close_ebadf -- closing a descriptor twice, or a never-opened one, fails with EBADF. */
#include "conf.h"

int
main(void)
{
	int fd;

	conf_enter_tmpdir();
	conf_put("f", "x");
	fd = CHECK_OK(open("f", O_RDONLY));
	CHECK_OK(close(fd));
	CHECK_ERR(close(fd), EBADF);
	CHECK_ERR(close(-1), EBADF);
	CHECK_ERR(close(4242), EBADF);
	return 0;
}
