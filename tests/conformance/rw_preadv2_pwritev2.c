/* rw_preadv2_pwritev2 -- with flags 0 they act as preadv/pwritev; offset -1 uses and moves the file offset. */
#include "conf.h"

int
main(void)
{
	char a[4];
	struct iovec w = {"WXYZ", 4}, r = {a, 4};
	int fd;

	conf_enter_tmpdir();
	conf_put("f", "0123456789");
	fd = CHECK_OK(open("f", O_RDWR));
	CHECK_EQ(pwritev2(fd, &w, 1, 2, 0), 4);
	CHECK_EQ(lseek(fd, 0, SEEK_CUR), 0);
	CHECK_EQ(preadv2(fd, &r, 1, -1, 0), 4);
	CHECK(memcmp(a, "01WX", 4) == 0);
	CHECK_EQ(lseek(fd, 0, SEEK_CUR), 4);
	CHECK_ERR(preadv2(fd, &r, 1, 0, 0x4000), EOPNOTSUPP);
	return 0;
}
