/* rw_writev_einval_iovcnt -- writev with a negative or too large iovcnt fails with EINVAL. */
#include "conf.h"

int
main(void)
{
	static struct iovec v[IOV_MAX + 1];
	volatile int neg = -1;
	int fd, i;

	conf_enter_tmpdir();
	fd = CHECK_OK(open("f", O_RDWR | O_CREAT, 0644));
	for (i = 0; i <= IOV_MAX; i++) {
		v[i].iov_base = "x";
		v[i].iov_len = 1;
	}
	CHECK_ERR(writev(fd, v, neg), EINVAL);
	CHECK_ERR(writev(fd, v, IOV_MAX + 1), EINVAL);
	CHECK_EQ(writev(fd, v, IOV_MAX), IOV_MAX);
	return 0;
}
