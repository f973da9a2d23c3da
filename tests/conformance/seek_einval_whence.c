/* seek_einval_whence -- an unknown whence fails with EINVAL. */
#include "conf.h"

int
main(void)
{
	int fd;

	conf_enter_tmpdir();
	conf_put("f", "abc");
	fd = CHECK_OK(open("f", O_RDONLY));
	CHECK_ERR(lseek(fd, 0, 42), EINVAL);
	CHECK_ERR(lseek(fd, 0, -1), EINVAL);
	return 0;
}
