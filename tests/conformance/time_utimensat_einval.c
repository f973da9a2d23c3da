/* time_utimensat_einval -- a bad tv_nsec or unknown flag fails with EINVAL. */
#include "conf.h"

int
main(void)
{
	struct timespec bad[2] = {{0, 1000000000}, {0, 0}};

	conf_enter_tmpdir();
	conf_put("f", "x");
	CHECK_ERR(utimensat(AT_FDCWD, "f", bad, 0), EINVAL);
	CHECK_ERR(utimensat(AT_FDCWD, "f", NULL, 0x1), EINVAL);
	CHECK_ERR(utimensat(AT_FDCWD, "missing", NULL, 0), ENOENT);
	return 0;
}
