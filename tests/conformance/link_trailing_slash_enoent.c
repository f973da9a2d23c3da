/* link_trailing_slash_enoent -- link or symlink to a new name with a trailing slash fails with ENOENT. */
#include "conf.h"

int
main(void)
{
	conf_enter_tmpdir();
	conf_put("f", "x");
	CHECK_ERR(link("f", "g/"), ENOENT);
	CHECK_ERR(symlink("f", "l/"), ENOENT);
	CHECK_ERR(access("g", F_OK), ENOENT);
	return 0;
}
