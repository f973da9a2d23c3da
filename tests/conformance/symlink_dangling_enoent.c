/* symlink_dangling_enoent -- following a dangling symlink fails with ENOENT; lstat works. */
#include "conf.h"

int
main(void)
{
	struct stat st;

	conf_enter_tmpdir();
	CHECK_OK(symlink("missing", "l"));
	CHECK_ERR(open("l", O_RDONLY), ENOENT);
	CHECK_ERR(stat("l", &st), ENOENT);
	CHECK_OK(lstat("l", &st));
	return 0;
}
