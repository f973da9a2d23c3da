/* dir_mkdir_enoent_parent -- mkdir under a missing parent fails with ENOENT. */
#include "conf.h"

int
main(void)
{
	conf_enter_tmpdir();
	CHECK_ERR(mkdir("a/b", 0755), ENOENT);
	CHECK_ERR(mkdir("", 0755), ENOENT);
	return 0;
}
