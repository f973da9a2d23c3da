/* symlink_readlink_einval -- readlink of a non-symlink, or with bufsiz 0, fails with EINVAL. */
#include "conf.h"

int
main(void)
{
	char buf[16];

	conf_enter_tmpdir();
	conf_put("f", "x");
	CHECK_OK(symlink("f", "l"));
	CHECK_ERR(readlink("f", buf, sizeof(buf)), EINVAL);
	CHECK_ERR(readlink(".", buf, sizeof(buf)), EINVAL);
	CHECK_ERR(readlink("l", buf, 0), EINVAL);
	CHECK_ERR(readlink("missing", buf, sizeof(buf)), ENOENT);
	return 0;
}
