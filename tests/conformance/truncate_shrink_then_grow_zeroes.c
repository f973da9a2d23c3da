/* truncate_shrink_then_grow_zeroes -- bytes cut by a shrink read as zeros after growing back. */
#include "conf.h"

int
main(void)
{
	char buf[16];
	int fd;

	conf_enter_tmpdir();
	conf_put("f", "abcdefghij");
	fd = CHECK_OK(open("f", O_RDWR));
	CHECK_OK(ftruncate(fd, 2));
	CHECK_OK(ftruncate(fd, 10));
	CHECK_EQ(pread(fd, buf, sizeof(buf), 0), 10);
	CHECK(memcmp(buf, "ab\0\0\0\0\0\0\0\0", 10) == 0);
	return 0;
}
