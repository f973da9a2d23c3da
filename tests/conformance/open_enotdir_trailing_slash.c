/* open_enotdir_trailing_slash -- "file/" names a directory: ENOTDIR for a file. */
#include "conf.h"

int
main(void)
{
	conf_enter_tmpdir();
	conf_put("f", "x");
	CHECK_ERR(open("f/", O_RDONLY), ENOTDIR);
	return 0;
}
