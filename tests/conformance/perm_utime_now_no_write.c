/* perm_utime_now_no_write -- a non-owner without write permission cannot even set times to now: EACCES. */
#include "conf.h"

int
main(void)
{
	conf_need_root();
	conf_enter_tmpdir();
	conf_put("f", "x");
	CHECK_OK(chmod("f", 0644));
	conf_drop_root();
	CHECK_ERR(utimensat(AT_FDCWD, "f", NULL, 0), EACCES);
	return 0;
}
