/* chmod_errors -- chmod of a missing name is ENOENT, fchmod of a bad fd EBADF. */
#include "conf.h"

int
main(void)
{
	conf_enter_tmpdir();
	CHECK_ERR(chmod("missing", 0644), ENOENT);
	CHECK_ERR(fchmod(-1, 0644), EBADF);
	CHECK_ERR(fchmod(333, 0644), EBADF);
	return 0;
}
