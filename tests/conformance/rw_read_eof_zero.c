/* rw_read_eof_zero -- read at end of file returns 0; a short file gives a short read. */
#include "conf.h"

int
main(void)
{
	char buf[16];
	int fd;

	conf_enter_tmpdir();
	conf_put("f", "abc");
	fd = CHECK_OK(open("f", O_RDONLY));
	CHECK_EQ(read(fd, buf, sizeof(buf)), 3);
	CHECK_EQ(read(fd, buf, sizeof(buf)), 0);
	CHECK_EQ(read(fd, buf, sizeof(buf)), 0);
	return 0;
}
