/* misc_memfd_seal_write -- F_SEAL_WRITE: EBUSY while a writable shared mapping exists; then write and shared writable mmap are EPERM. */
#include "conf.h"

int
main(void)
{
	char *p;
	int fd;

	fd = CHECK_OK(memfd_create("w", MFD_ALLOW_SEALING));
	CHECK_OK(ftruncate(fd, 4096));
	p = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	if (p == MAP_FAILED)
		conf_failf(__FILE__, __LINE__, "mmap: %s", strerror(errno));
	memcpy(p, "sealed", 6);
	CHECK_ERR(fcntl(fd, F_ADD_SEALS, F_SEAL_WRITE), EBUSY);
	CHECK_OK(munmap(p, 4096));
	CHECK_OK(fcntl(fd, F_ADD_SEALS, F_SEAL_WRITE));
	CHECK_ERR(write(fd, "x", 1), EPERM);
	CHECK_ERR(pwrite(fd, "x", 1, 0), EPERM);
	CHECK(mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0) == MAP_FAILED);
	CHECK_EQ(errno, EPERM);
	/* Reading, and read-only shared mappings, still work. */
	p = mmap(NULL, 4096, PROT_READ, MAP_SHARED, fd, 0);
	if (p == MAP_FAILED)
		conf_failf(__FILE__, __LINE__, "mmap: %s", strerror(errno));
	CHECK(memcmp(p, "sealed", 6) == 0);
	CHECK_OK(munmap(p, 4096));
	return 0;
}
