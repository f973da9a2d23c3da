/* rw_preadv2_offset_errors -- preadv2/pwritev2: offsets below -1 are EINVAL; a pipe takes -1 but not a position (ESPIPE). */
#include "conf.h"

int
main(void)
{
	char a[4];
	struct iovec w = {"pipe", 4}, r = {a, 4};
	int fd, p[2];

	conf_enter_tmpdir();
	conf_put("f", "0123456789");
	fd = CHECK_OK(open("f", O_RDWR));
	CHECK_ERR(preadv2(fd, &r, 1, -2, 0), EINVAL);
	CHECK_ERR(pwritev2(fd, &w, 1, -5, 0), EINVAL);
	CHECK_ERR(preadv2(-1, &r, 1, 0, 0), EBADF);
	CHECK_OK(pipe(p));
	CHECK_ERR(pwritev2(p[1], &w, 1, 0, 0), ESPIPE);
	CHECK_EQ(pwritev2(p[1], &w, 1, -1, 0), 4);
	CHECK_EQ(preadv2(p[0], &r, 1, -1, 0), 4);
	CHECK(memcmp(a, "pipe", 4) == 0);
	return 0;
}
