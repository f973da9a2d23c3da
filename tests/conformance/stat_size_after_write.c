/* stat_size_after_write -- st_size follows writes, through stat and fstat. */
#include "conf.h"

int
main(void)
{
	struct stat st;
	int fd;

	conf_enter_tmpdir();
	fd = CHECK_OK(open("f", O_RDWR | O_CREAT, 0644));
	CHECK_EQ(write(fd, "12345", 5), 5);
	CHECK_OK(fstat(fd, &st));
	CHECK_EQ(st.st_size, 5);
	CHECK_EQ(pwrite(fd, "x", 1, 99), 1);
	CHECK_OK(stat("f", &st));
	CHECK_EQ(st.st_size, 100);
	return 0;
}
