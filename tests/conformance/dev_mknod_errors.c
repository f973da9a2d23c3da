/* dev_mknod_errors -- mknod onto an existing name is EEXIST; an invalid type is EINVAL. */
#include "conf.h"

int
main(void)
{
	conf_enter_tmpdir();
	conf_put("f", "x");
	CHECK_ERR(mknod("f", S_IFIFO | 0644, 0), EEXIST);
	CHECK_ERR(mknod("bad", 0170000 | 0644, 0), EINVAL);
	return 0;
}
