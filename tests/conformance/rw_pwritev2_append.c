/* rw_pwritev2_append -- RWF_APPEND writes at the end whatever the offset; a given offset leaves the file offset alone. */
#include "conf.h"

int
main(void)
{
	struct iovec w = {"AB", 2}, x = {"CD", 2};
	char buf[16];
	int fd;

	conf_enter_tmpdir();
	conf_put("f", "0123");
	fd = CHECK_OK(open("f", O_RDWR));
	CHECK_EQ(pwritev2(fd, &w, 1, 0, RWF_APPEND), 2);
	CHECK_EQ(lseek(fd, 0, SEEK_CUR), 0);
	CHECK_EQ(pwritev2(fd, &x, 1, -1, RWF_APPEND), 2);
	CHECK_EQ(lseek(fd, 0, SEEK_CUR), 8);
	CHECK_EQ(pread(fd, buf, sizeof(buf), 0), 8);
	CHECK(memcmp(buf, "0123ABCD", 8) == 0);
	return 0;
}
