/* rw_read_ebadf -- read on a closed or negative descriptor fails with EBADF. */
#include "conf.h"

int
main(void)
{
	char buf[4];
	int fd;

	conf_enter_tmpdir();
	conf_put("f", "x");
	fd = CHECK_OK(open("f", O_RDONLY));
	CHECK_OK(close(fd));
	CHECK_ERR(read(fd, buf, sizeof(buf)), EBADF);
	CHECK_ERR(read(-1, buf, sizeof(buf)), EBADF);
	CHECK_ERR(read(1000000, buf, sizeof(buf)), EBADF);
	return 0;
}
