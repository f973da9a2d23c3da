/* symlink_empty_target_enoent -- symlink with an empty target fails with ENOENT. */
#include "conf.h"

int
main(void)
{
	conf_enter_tmpdir();
	CHECK_ERR(symlink("", "l"), ENOENT);
	return 0;
}
