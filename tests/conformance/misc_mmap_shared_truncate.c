/* misc_mmap_shared_truncate -- a shared mapping follows the file through shrink and regrow: the cut part reads zeros again. */
#include "conf.h"

int
main(void)
{
	char buf[4];
	char *p;
	int fd;

	conf_enter_tmpdir();
	fd = CHECK_OK(open("f", O_RDWR | O_CREAT, 0644));
	CHECK_OK(ftruncate(fd, 8192));
	p = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	if (p == MAP_FAILED)
		conf_failf(__FILE__, __LINE__, "mmap: %s", strerror(errno));
	memcpy(p + 4096, "tail", 4);
	memcpy(p + 100, "head", 4);
	CHECK_OK(ftruncate(fd, 4096));
	CHECK_OK(ftruncate(fd, 8192));
	CHECK(memcmp(p + 4096, "\0\0\0\0", 4) == 0);
	CHECK(memcmp(p + 100, "head", 4) == 0);
	memcpy(p + 4096, "new!", 4);
	CHECK_EQ(pread(fd, buf, 4, 4096), 4);
	CHECK(memcmp(buf, "new!", 4) == 0);
	CHECK_OK(munmap(p, 8192));
	return 0;
}
