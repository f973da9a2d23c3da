/* dir_getdents_enotdir -- getdents64 on a regular file fails with ENOTDIR, on a bad fd with EBADF. */
#include "conf.h"

int
main(void)
{
	char buf[1024];
	int fd;

	conf_enter_tmpdir();
	conf_put("f", "x");
	fd = CHECK_OK(open("f", O_RDONLY));
	CHECK_ERR(getdents64(fd, (void *)buf, sizeof(buf)), ENOTDIR);
	CHECK_ERR(getdents64(99, (void *)buf, sizeof(buf)), EBADF);
	return 0;
}
