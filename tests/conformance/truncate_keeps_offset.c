/* truncate_keeps_offset -- ftruncate does not move the offset; writing past the new end leaves a hole. */
#include "conf.h"

int
main(void)
{
	struct stat st;
	char buf[8];
	int fd;

	conf_enter_tmpdir();
	fd = CHECK_OK(open("f", O_RDWR | O_CREAT, 0644));
	CHECK_EQ(write(fd, "abcdef", 6), 6);
	CHECK_OK(ftruncate(fd, 2));
	CHECK_EQ(lseek(fd, 0, SEEK_CUR), 6);
	CHECK_EQ(write(fd, "Z", 1), 1);
	CHECK_OK(fstat(fd, &st));
	CHECK_EQ(st.st_size, 7);
	CHECK_EQ(pread(fd, buf, 7, 0), 7);
	CHECK(memcmp(buf, "ab\0\0\0\0Z", 7) == 0);
	return 0;
}
