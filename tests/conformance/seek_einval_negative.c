/* seek_einval_negative -- seeking to a negative offset fails with EINVAL and keeps the offset. */
#include "conf.h"

int
main(void)
{
	int fd;

	conf_enter_tmpdir();
	conf_put("f", "abc");
	fd = CHECK_OK(open("f", O_RDONLY));
	CHECK_EQ(lseek(fd, 2, SEEK_SET), 2);
	CHECK_ERR(lseek(fd, -1, SEEK_SET), EINVAL);
	CHECK_ERR(lseek(fd, -3, SEEK_CUR), EINVAL);
	CHECK_ERR(lseek(fd, -4, SEEK_END), EINVAL);
	CHECK_EQ(lseek(fd, 0, SEEK_CUR), 2);
	return 0;
}
