/* rw_offset_above_4g -- 64-bit offsets: data written past 4 GiB is read back and sized right. */
#include "conf.h"

int
main(void)
{
	const off_t off = (5LL << 30) + 3;
	struct stat st;
	char buf[4];
	int fd;

	conf_enter_tmpdir();
	fd = CHECK_OK(open("f", O_RDWR | O_CREAT, 0644));
	CHECK_EQ(pwrite(fd, "big", 3, off), 3);
	CHECK_OK(fstat(fd, &st));
	CHECK_EQ(st.st_size, off + 3);
	CHECK_EQ(pread(fd, buf, 3, off), 3);
	CHECK(memcmp(buf, "big", 3) == 0);
	CHECK_EQ(pread(fd, buf, 3, 1LL << 30), 3);
	CHECK(memcmp(buf, "\0\0\0", 3) == 0);
	CHECK_EQ(lseek(fd, 0, SEEK_END), off + 3);
	return 0;
}
