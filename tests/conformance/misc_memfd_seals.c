/* misc_memfd_seals -- F_SEAL_SHRINK, F_SEAL_GROW and F_SEAL_SEAL on a memfd made with MFD_ALLOW_SEALING. */
#include "conf.h"

int
main(void)
{
	struct stat st;
	int fd;

	fd = CHECK_OK(memfd_create("seals", MFD_ALLOW_SEALING));
	CHECK_EQ(fcntl(fd, F_GET_SEALS), 0);
	CHECK_OK(ftruncate(fd, 8192));
	CHECK_OK(fcntl(fd, F_ADD_SEALS, F_SEAL_SHRINK | F_SEAL_GROW));
	CHECK_EQ(fcntl(fd, F_GET_SEALS), F_SEAL_SHRINK | F_SEAL_GROW);
	CHECK_ERR(ftruncate(fd, 4096), EPERM);
	CHECK_ERR(ftruncate(fd, 12288), EPERM);
	CHECK_OK(ftruncate(fd, 8192));
	/* Inside the file: allowed; past its end: refused, page by page
	 * (a write crossing the end stops there). */
	CHECK_EQ(pwrite(fd, "in", 2, 100), 2);
	CHECK_EQ(pwrite(fd, "out", 3, 8191), 1);
	CHECK_ERR(pwrite(fd, "out", 3, 8192), EPERM);
	CHECK_ERR(fallocate(fd, 0, 0, 10000), EPERM);
	CHECK_ERR(fcntl(fd, F_ADD_SEALS, 0x1000), EINVAL);
	CHECK_OK(fcntl(fd, F_ADD_SEALS, F_SEAL_SEAL));
	CHECK_ERR(fcntl(fd, F_ADD_SEALS, F_SEAL_WRITE), EPERM);
	CHECK_OK(fstat(fd, &st));
	CHECK_EQ(st.st_size, 8192);
	return 0;
}
