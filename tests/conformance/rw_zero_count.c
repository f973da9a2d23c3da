/* rw_zero_count -- read and write of zero bytes return 0 and change nothing. */
#include "conf.h"

int
main(void)
{
	struct stat st;
	char c;
	int fd;

	conf_enter_tmpdir();
	conf_put("f", "abc");
	fd = CHECK_OK(open("f", O_RDWR));
	CHECK_EQ(read(fd, &c, 0), 0);
	CHECK_EQ(write(fd, &c, 0), 0);
	CHECK_EQ(lseek(fd, 0, SEEK_CUR), 0);
	CHECK_OK(fstat(fd, &st));
	CHECK_EQ(st.st_size, 3);
	return 0;
}
