/* misc_msync_errors -- msync: EINVAL for an unaligned address or bad flags (MS_SYNC with MS_ASYNC), ENOMEM for an unmapped range. */
#include "conf.h"

int
main(void)
{
	char *p;
	int fd;

	conf_enter_tmpdir();
	fd = CHECK_OK(open("f", O_RDWR | O_CREAT, 0644));
	CHECK_OK(ftruncate(fd, 8192));
	p = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	if (p == MAP_FAILED)
		conf_failf(__FILE__, __LINE__, "mmap: %s", strerror(errno));
	CHECK_OK(msync(p, 8192, MS_SYNC));
	CHECK_OK(msync(p, 100, MS_ASYNC));
	CHECK_OK(msync(p + 4096, 4096, MS_INVALIDATE));
	CHECK_OK(msync(p, 8192, MS_SYNC | MS_INVALIDATE));
	CHECK_ERR(msync(p + 1, 4096, MS_SYNC), EINVAL);
	CHECK_ERR(msync(p, 4096, MS_SYNC | MS_ASYNC), EINVAL);
	CHECK_ERR(msync(p, 4096, 0x100), EINVAL);
	CHECK_OK(munmap(p + 4096, 4096));
	CHECK_ERR(msync(p, 8192, MS_SYNC), ENOMEM);
	CHECK_OK(munmap(p, 4096));
	return 0;
}
