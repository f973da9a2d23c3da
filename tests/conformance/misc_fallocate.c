/* misc_fallocate -- fallocate extends a file with zeros; KEEP_SIZE leaves st_size alone. */
#include "conf.h"

int
main(void)
{
	struct stat st;
	char buf[8];
	int fd;

	conf_enter_tmpdir();
	fd = CHECK_OK(open("f", O_RDWR | O_CREAT, 0644));
	CHECK_EQ(write(fd, "ab", 2), 2);
	CHECK_OK(fallocate(fd, 0, 0, 8));
	CHECK_OK(fstat(fd, &st));
	CHECK_EQ(st.st_size, 8);
	CHECK_EQ(pread(fd, buf, 8, 0), 8);
	CHECK(memcmp(buf, "ab\0\0\0\0\0\0", 8) == 0);
	CHECK_OK(fallocate(fd, FALLOC_FL_KEEP_SIZE, 0, 65536));
	CHECK_OK(fstat(fd, &st));
	CHECK_EQ(st.st_size, 8);
	CHECK_ERR(fallocate(fd, 0, 0, 0), EINVAL);
	CHECK_ERR(fallocate(fd, 0, -1, 1), EINVAL);
	return 0;
}
