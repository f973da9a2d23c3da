/* rw_readv_partial_eof -- readv stops at end of file: the first buffer fills, the second partly. */
#include "conf.h"

int
main(void)
{
	char a[4], b[8];
	struct iovec v[2] = {{a, sizeof(a)}, {b, sizeof(b)}};
	struct iovec z[3] = {{"ab", 2}, {NULL, 0}, {"cd", 2}};
	int fd;

	conf_enter_tmpdir();
	conf_put("f", "abcdef");
	fd = CHECK_OK(open("f", O_RDWR));
	CHECK_EQ(readv(fd, v, 2), 6);
	CHECK(memcmp(a, "abcd", 4) == 0);
	CHECK(memcmp(b, "ef", 2) == 0);
	/* zero-length buffers in the middle are skipped */
	CHECK_EQ(pwritev(fd, z, 3, 0), 4);
	CHECK_EQ(pread(fd, b, 6, 0), 6);
	CHECK(memcmp(b, "abcdef", 6) == 0);
	return 0;
}
