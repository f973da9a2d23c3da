/* rw_readv_writev -- writev gathers and readv scatters buffers in order. */
#include "conf.h"

int
main(void)
{
	char a[3], b[5];
	struct iovec w[2] = {{"abc", 3}, {"defgh", 5}};
	struct iovec r[2] = {{a, sizeof(a)}, {b, sizeof(b)}};
	int fd;

	conf_enter_tmpdir();
	fd = CHECK_OK(open("f", O_RDWR | O_CREAT, 0644));
	CHECK_EQ(writev(fd, w, 2), 8);
	CHECK_EQ(lseek(fd, 0, SEEK_SET), 0);
	CHECK_EQ(readv(fd, r, 2), 8);
	CHECK(memcmp(a, "abc", 3) == 0);
	CHECK(memcmp(b, "defgh", 5) == 0);
	return 0;
}
