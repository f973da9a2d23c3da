/* rename_trailing_slash_enotdir -- a trailing slash on either name of a file rename fails with ENOTDIR. */
#include "conf.h"

int
main(void)
{
	conf_enter_tmpdir();
	conf_put("f", "x");
	CHECK_ERR(rename("f", "g/"), ENOTDIR);
	CHECK_ERR(rename("f/", "g"), ENOTDIR);
	CHECK_OK(access("f", F_OK));
	return 0;
}
