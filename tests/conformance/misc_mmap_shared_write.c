/* misc_mmap_shared_write -- stores through a shared mapping reach the file. */
#include "conf.h"

int
main(void)
{
	char buf[8];
	char *p;
	int fd;

	conf_enter_tmpdir();
	conf_put("f", "abcdefgh");
	fd = CHECK_OK(open("f", O_RDWR));
	p = mmap(NULL, 8, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	if (p == MAP_FAILED)
		conf_failf(__FILE__, __LINE__, "mmap: %s", strerror(errno));
	memcpy(p + 2, "XY", 2);
	CHECK_OK(msync(p, 8, MS_SYNC));
	CHECK_OK(munmap(p, 8));
	CHECK_EQ(pread(fd, buf, 8, 0), 8);
	CHECK(memcmp(buf, "abXYefgh", 8) == 0);
	return 0;
}
