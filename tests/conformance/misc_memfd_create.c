/* misc_memfd_create -- memfd_create gives an anonymous, resizable, read-write file. */
#include "conf.h"

int
main(void)
{
	struct stat st;
	char buf[8];
	int fd;

	fd = CHECK_OK(memfd_create("conf", MFD_CLOEXEC));
	CHECK_EQ(fcntl(fd, F_GETFD), FD_CLOEXEC);
	CHECK_OK(ftruncate(fd, 4096));
	CHECK_OK(fstat(fd, &st));
	CHECK(S_ISREG(st.st_mode));
	CHECK_EQ(st.st_size, 4096);
	CHECK_EQ(pwrite(fd, "memfd", 5, 10), 5);
	CHECK_EQ(pread(fd, buf, 5, 10), 5);
	CHECK(memcmp(buf, "memfd", 5) == 0);
	CHECK_ERR(memfd_create("conf", 0x1000), EINVAL);
	return 0;
}
