/* perm_access_root_exec -- even root gets EACCES for X_OK on a file with no execute bit. */
#include "conf.h"

int
main(void)
{
	conf_need_root();
	conf_enter_tmpdir();
	conf_put("f", "x");
	CHECK_OK(chmod("f", 0666));
	CHECK_ERR(access("f", X_OK), EACCES);
	CHECK_OK(access("f", R_OK | W_OK));
	CHECK_OK(chmod("f", 0100));
	CHECK_OK(access("f", X_OK));
	return 0;
}
