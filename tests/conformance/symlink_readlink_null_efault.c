/* symlink_readlink_null_efault -- readlink into a NULL buffer, or with a NULL path, fails with EFAULT. */
#include "conf.h"

int
main(void)
{
	char *volatile nullp = NULL;
	char buf[8];

	conf_enter_tmpdir();
	CHECK_OK(symlink("target", "l"));
	CHECK_ERR(readlink("l", nullp, 8), EFAULT);
	CHECK_ERR(readlink(nullp, buf, sizeof(buf)), EFAULT);
	CHECK_ERR(symlink(nullp, "m"), EFAULT);
	return 0;
}
