/* perm_write_eacces_nonroot -- without write permission open(O_WRONLY) and truncate fail with EACCES. */
#include "conf.h"

int
main(void)
{
	conf_need_root();
	conf_enter_tmpdir();
	conf_put("f", "x");
	CHECK_OK(chmod("f", 0444));
	conf_drop_root();
	CHECK_ERR(open("f", O_WRONLY), EACCES);
	CHECK_ERR(open("f", O_RDONLY | O_TRUNC), EACCES);
	CHECK_ERR(truncate("f", 0), EACCES);
	return 0;
}
