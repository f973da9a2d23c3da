/* dir_rmdir_root_ebusy -- rmdir of "/" fails with EBUSY. */
#include "conf.h"

int
main(void)
{
	conf_need_root();
	CHECK_ERR(rmdir("/"), EBUSY);
	return 0;
}
