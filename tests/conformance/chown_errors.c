/* chown_errors -- chown of a missing name is ENOENT, fchown of a bad fd EBADF. */
#include "conf.h"

int
main(void)
{
	conf_enter_tmpdir();
	CHECK_ERR(chown("missing", 0, 0), ENOENT);
	CHECK_ERR(fchown(222, 0, 0), EBADF);
	return 0;
}
