/* dup3_einval_same -- dup3 with oldfd == newfd, or unknown flags, fails with EINVAL. */
#include "conf.h"

int
main(void)
{
	int fd;

	conf_enter_tmpdir();
	conf_put("f", "x");
	fd = CHECK_OK(open("f", O_RDONLY));
	CHECK_ERR(dup3(fd, fd, 0), EINVAL);
	CHECK_ERR(dup3(fd, fd + 1, O_NONBLOCK), EINVAL);
	return 0;
}
