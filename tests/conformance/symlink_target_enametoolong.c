/* symlink_target_enametoolong -- a target of PATH_MAX bytes or more fails with ENAMETOOLONG. */
#include "conf.h"

int
main(void)
{
	static char target[PATH_MAX + 1];
	static char buf[PATH_MAX];

	conf_enter_tmpdir();
	memset(target, 'a', PATH_MAX);
	target[PATH_MAX] = '\0';
	CHECK_ERR(symlink(target, "l"), ENAMETOOLONG);
	target[PATH_MAX - 1] = '\0';
	CHECK_OK(symlink(target, "l"));
	CHECK_EQ(readlink("l", buf, sizeof(buf)), PATH_MAX - 1);
	return 0;
}
