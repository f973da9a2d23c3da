/* dir_rmdir_enoent -- rmdir of a missing name fails with ENOENT. */
#include "conf.h"

int
main(void)
{
	conf_enter_tmpdir();
	CHECK_ERR(rmdir("missing"), ENOENT);
	return 0;
}
