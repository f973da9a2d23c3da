/* symlink_unlink_keeps_target -- unlinking a symlink removes the link, not its target. */
#include "conf.h"

int
main(void)
{
	struct stat st;

	conf_enter_tmpdir();
	conf_put("f", "x");
	CHECK_OK(symlink("f", "l"));
	CHECK_OK(unlink("l"));
	CHECK_ERR(lstat("l", &st), ENOENT);
	CHECK_OK(stat("f", &st));
	return 0;
}
