/* chown_nonroot_eperm -- a non-root owner cannot give a file away or pick a foreign group: EPERM. */
#include "conf.h"

int
main(void)
{
	conf_need_root();
	conf_enter_tmpdir();
	conf_put("f", "x");
	CHECK_OK(chown("f", 65534, 65534));
	conf_drop_root();
	CHECK_ERR(chown("f", 0, -1), EPERM);
	CHECK_ERR(chown("f", -1, 0), EPERM);
	CHECK_OK(chown("f", 65534, 65534));
	return 0;
}
