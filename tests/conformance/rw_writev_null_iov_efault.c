/* rw_writev_null_iov_efault -- writev with a NULL iovec array, or an iovec with a NULL base, fails with EFAULT. */
#include "conf.h"

int
main(void)
{
	struct iovec *volatile nulliov = NULL;
	struct iovec v = {NULL, 4};
	int fd;

	conf_enter_tmpdir();
	fd = CHECK_OK(open("f", O_RDWR | O_CREAT, 0644));
	CHECK_ERR(writev(fd, nulliov, 1), EFAULT);
	CHECK_ERR(writev(fd, &v, 1), EFAULT);
	CHECK_ERR(readv(fd, nulliov, 1), EFAULT);
	return 0;
}
