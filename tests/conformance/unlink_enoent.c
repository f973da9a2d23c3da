/* unlink_enoent -- unlink of a missing name fails with ENOENT; through a file, ENOTDIR. */
#include "conf.h"

int
main(void)
{
	conf_enter_tmpdir();
	conf_put("f", "x");
	CHECK_ERR(unlink("missing"), ENOENT);
	CHECK_ERR(unlink("nodir/x"), ENOENT);
	CHECK_ERR(unlink("f/x"), ENOTDIR);
	return 0;
}
