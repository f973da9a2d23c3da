/* dir_mkdir_enotdir -- mkdir under a regular file fails with ENOTDIR. */
#include "conf.h"

int
main(void)
{
	conf_enter_tmpdir();
	conf_put("f", "x");
	CHECK_ERR(mkdir("f/d", 0755), ENOTDIR);
	return 0;
}
