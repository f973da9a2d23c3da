/* rw_preadv_pwritev -- preadv/pwritev use the given offset and leave the file offset alone. */
#include "conf.h"

int
main(void)
{
	char a[2], b[2];
	struct iovec w[2] = {{"AB", 2}, {"CD", 2}};
	struct iovec r[2] = {{a, 2}, {b, 2}};
	char buf[16];
	int fd;

	conf_enter_tmpdir();
	conf_put("f", "0123456789");
	fd = CHECK_OK(open("f", O_RDWR));
	CHECK_EQ(pwritev(fd, w, 2, 3), 4);
	CHECK_EQ(lseek(fd, 0, SEEK_CUR), 0);
	CHECK_EQ(preadv(fd, r, 2, 2), 4);
	CHECK(memcmp(a, "2A", 2) == 0);
	CHECK(memcmp(b, "BC", 2) == 0);
	CHECK_OK(close(fd));
	conf_get("f", buf, sizeof(buf));
	CHECK(strcmp(buf, "012ABCD789") == 0);
	return 0;
}
