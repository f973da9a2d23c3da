/* rename_enoent -- rename of a missing name, or into a missing directory, fails with ENOENT. */
#include "conf.h"

int
main(void)
{
	conf_enter_tmpdir();
	conf_put("a", "x");
	CHECK_ERR(rename("missing", "b"), ENOENT);
	CHECK_ERR(rename("a", "nodir/b"), ENOENT);
	CHECK_ERR(rename("a", ""), ENOENT);
	return 0;
}
