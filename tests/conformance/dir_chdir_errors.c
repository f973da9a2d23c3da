/* dir_chdir_errors -- chdir to a file is ENOTDIR, to a missing name ENOENT; fchdir needs a directory. */
#include "conf.h"

int
main(void)
{
	int fd;

	conf_enter_tmpdir();
	conf_put("f", "x");
	CHECK_ERR(chdir("f"), ENOTDIR);
	CHECK_ERR(chdir("missing"), ENOENT);
	fd = CHECK_OK(open("f", O_RDONLY));
	CHECK_ERR(fchdir(fd), ENOTDIR);
	CHECK_ERR(fchdir(98), EBADF);
	return 0;
}
