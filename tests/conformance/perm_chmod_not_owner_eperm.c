/* perm_chmod_not_owner_eperm -- chmod and utimensat of another user's file fail with EPERM. */
#include "conf.h"

int
main(void)
{
	struct timespec ts[2] = {{1, 0}, {1, 0}};

	conf_need_root();
	conf_enter_tmpdir();
	conf_put("f", "x");
	CHECK_OK(chmod("f", 0666));
	conf_drop_root();
	CHECK_ERR(chmod("f", 0777), EPERM);
	CHECK_ERR(utimensat(AT_FDCWD, "f", ts, 0), EPERM);
	return 0;
}
