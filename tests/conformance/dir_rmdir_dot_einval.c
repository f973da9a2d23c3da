/* dir_rmdir_dot_einval -- rmdir of "." fails with EINVAL; of ".." with ENOTEMPTY. */
#include "conf.h"

int
main(void)
{
	conf_enter_tmpdir();
	CHECK_OK(mkdir("d", 0755));
	CHECK_ERR(rmdir("d/."), EINVAL);
	CHECK_ERR(rmdir("."), EINVAL);
	CHECK_ERR(rmdir("d/.."), ENOTEMPTY);
	return 0;
}
