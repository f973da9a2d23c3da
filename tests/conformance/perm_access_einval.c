/* perm_access_einval -- an invalid access mode fails with EINVAL. */
#include "conf.h"

int
main(void)
{
	conf_enter_tmpdir();
	conf_put("f", "x");
	CHECK_ERR(access("f", 0x40), EINVAL);
	return 0;
}
