/* seek_whence_end_cur -- SEEK_END is relative to the size, SEEK_CUR to the offset. */
#include "conf.h"

int
main(void)
{
	char c;
	int fd;

	conf_enter_tmpdir();
	conf_put("f", "0123456789");
	fd = CHECK_OK(open("f", O_RDONLY));
	CHECK_EQ(lseek(fd, -3, SEEK_END), 7);
	CHECK_EQ(read(fd, &c, 1), 1);
	CHECK_EQ(c, '7');
	CHECK_EQ(lseek(fd, -5, SEEK_CUR), 3);
	CHECK_EQ(read(fd, &c, 1), 1);
	CHECK_EQ(c, '3');
	CHECK_EQ(lseek(fd, 5, SEEK_END), 15);
	CHECK_EQ(read(fd, &c, 1), 0);
	return 0;
}
