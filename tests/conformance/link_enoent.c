/* link_enoent -- link of a missing file, or into a missing directory, fails with ENOENT. */
#include "conf.h"

int
main(void)
{
	conf_enter_tmpdir();
	conf_put("a", "x");
	CHECK_ERR(link("missing", "b"), ENOENT);
	CHECK_ERR(link("a", "nodir/b"), ENOENT);
	return 0;
}
