/* symlink_eexist -- symlink onto an existing name fails with EEXIST. */
#include "conf.h"

int
main(void)
{
	conf_enter_tmpdir();
	conf_put("f", "x");
	CHECK_OK(symlink("f", "l"));
	CHECK_ERR(symlink("other", "l"), EEXIST);
	CHECK_ERR(symlink("other", "f"), EEXIST);
	return 0;
}
