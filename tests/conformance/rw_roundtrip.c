/* rw_roundtrip -- what is written is read back, and the offset advances by each count. */
#include "conf.h"

int
main(void)
{
	char buf[16];
	int fd;

	conf_enter_tmpdir();
	fd = CHECK_OK(open("f", O_RDWR | O_CREAT, 0644));
	CHECK_EQ(write(fd, "hello", 5), 5);
	CHECK_EQ(write(fd, " world", 6), 6);
	CHECK_EQ(lseek(fd, 0, SEEK_CUR), 11);
	CHECK_EQ(lseek(fd, 0, SEEK_SET), 0);
	CHECK_EQ(read(fd, buf, 5), 5);
	CHECK(memcmp(buf, "hello", 5) == 0);
	CHECK_EQ(read(fd, buf, sizeof(buf)), 6);
	CHECK(memcmp(buf, " world", 6) == 0);
	return 0;
}
