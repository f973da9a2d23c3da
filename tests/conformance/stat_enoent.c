/* stat_enoent -- stat and lstat of a missing name fail with ENOENT. */
#include "conf.h"

int
main(void)
{
	struct stat st;

	conf_enter_tmpdir();
	CHECK_ERR(stat("missing", &st), ENOENT);
	CHECK_ERR(lstat("missing", &st), ENOENT);
	CHECK_ERR(stat("missing/x", &st), ENOENT);
	return 0;
}
