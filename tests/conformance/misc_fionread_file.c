/* misc_fionread_file -- FIONREAD on a regular file reports the bytes left after the offset. */
#include "conf.h"

int
main(void)
{
	int fd, n = -1;

	conf_enter_tmpdir();
	conf_put("f", "0123456789");
	fd = CHECK_OK(open("f", O_RDONLY));
	CHECK_EQ(lseek(fd, 3, SEEK_SET), 3);
	CHECK_OK(ioctl(fd, FIONREAD, &n));
	CHECK_EQ(n, 7);
	return 0;
}
