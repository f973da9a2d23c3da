/* dir_rmdir_enotdir -- rmdir of a regular file or a symlink to a directory fails with ENOTDIR. */
#include "conf.h"

int
main(void)
{
	conf_enter_tmpdir();
	conf_put("f", "x");
	CHECK_OK(mkdir("d", 0755));
	CHECK_OK(symlink("d", "l"));
	CHECK_ERR(rmdir("f"), ENOTDIR);
	CHECK_ERR(rmdir("l"), ENOTDIR);
	return 0;
}
