/* truncate_sparse_huge -- ftruncate to 1 TiB makes a sparse file that reads as zeros. */
#include "conf.h"

int
main(void)
{
	const off_t size = 1LL << 40;
	struct stat st;
	char buf[8];
	int fd;

	conf_enter_tmpdir();
	fd = CHECK_OK(open("f", O_RDWR | O_CREAT, 0644));
	CHECK_OK(ftruncate(fd, size));
	CHECK_OK(fstat(fd, &st));
	CHECK_EQ(st.st_size, size);
	CHECK(st.st_blocks < 1024);
	memset(buf, 1, sizeof(buf));
	CHECK_EQ(pread(fd, buf, 8, size / 2), 8);
	CHECK(memcmp(buf, "\0\0\0\0\0\0\0\0", 8) == 0);
	CHECK_EQ(pread(fd, buf, 8, size - 4), 4);
	CHECK_OK(ftruncate(fd, 0));
	return 0;
}
