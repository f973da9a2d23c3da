/* misc_memfd_mmap -- a memfd mapped MAP_SHARED: stores are read back with read, and writes show in the mapping. */
#include "conf.h"

int
main(void)
{
	char buf[8];
	char *p;
	int fd;

	fd = CHECK_OK(memfd_create("map", MFD_CLOEXEC));
	CHECK_OK(ftruncate(fd, 3 * 4096));
	p = mmap(NULL, 3 * 4096, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	if (p == MAP_FAILED)
		conf_failf(__FILE__, __LINE__, "mmap: %s", strerror(errno));
	memcpy(p + 4096 + 10, "stored", 6);
	CHECK_EQ(pread(fd, buf, 6, 4096 + 10), 6);
	CHECK(memcmp(buf, "stored", 6) == 0);
	CHECK_EQ(pwrite(fd, "written", 7, 2 * 4096), 7);
	CHECK(memcmp(p + 2 * 4096, "written", 7) == 0);
	CHECK_OK(munmap(p, 3 * 4096));
	CHECK_OK(close(fd));
	return 0;
}
