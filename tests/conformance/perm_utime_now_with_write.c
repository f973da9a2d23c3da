/* perm_utime_now_with_write -- a non-owner with write permission may set times to now, not to given values (EPERM). */
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
	CHECK_OK(utimensat(AT_FDCWD, "f", NULL, 0));
	CHECK_ERR(utimensat(AT_FDCWD, "f", ts, 0), EPERM);
	return 0;
}
