/* rename_dot_ebusy -- "." or ".." as the last component of rename fails with EBUSY. */
#include "conf.h"

int
main(void)
{
	conf_enter_tmpdir();
	CHECK_OK(mkdir("d", 0755));
	CHECK_ERR(rename("d/.", "x"), EBUSY);
	CHECK_ERR(rename("d/..", "x"), EBUSY);
	CHECK_ERR(rename("d", "d/."), EBUSY);
	return 0;
}
