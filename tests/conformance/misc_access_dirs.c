/* misc_access_dirs -- access(F_OK) finds directories and follows symlinks; dangling links are ENOENT. */
#include "conf.h"

int
main(void)
{
	conf_enter_tmpdir();
	CHECK_OK(mkdir("d", 0755));
	CHECK_OK(symlink("d", "l"));
	CHECK_OK(symlink("nowhere", "dangling"));
	CHECK_OK(access("d", F_OK));
	CHECK_OK(access("l", X_OK));
	CHECK_ERR(access("dangling", F_OK), ENOENT);
	return 0;
}
