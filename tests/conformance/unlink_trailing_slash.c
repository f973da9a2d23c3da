/* unlink_trailing_slash -- unlink("file/") is ENOTDIR, unlink("dir/") EISDIR. */
#include "conf.h"

int
main(void)
{
	conf_enter_tmpdir();
	conf_put("f", "x");
	CHECK_OK(mkdir("d", 0755));
	CHECK_ERR(unlink("f/"), ENOTDIR);
	CHECK_ERR(unlink("d/"), EISDIR);
	CHECK_OK(access("f", F_OK));
	return 0;
}
