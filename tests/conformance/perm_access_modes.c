/* perm_access_modes -- access checks R_OK/W_OK/X_OK against the mode for a non-owner. */
#include "conf.h"

int
main(void)
{
	conf_need_root();
	conf_enter_tmpdir();
	conf_put("f", "x");
	CHECK_OK(chmod("f", 0645));
	conf_drop_root();
	CHECK_OK(access("f", F_OK));
	CHECK_OK(access("f", R_OK));
	CHECK_OK(access("f", X_OK));
	CHECK_OK(access("f", R_OK | X_OK));
	CHECK_ERR(access("f", W_OK), EACCES);
	CHECK_ERR(access("f", R_OK | W_OK), EACCES);
	CHECK_ERR(access("missing", F_OK), ENOENT);
	return 0;
}
