/* open_enotdir_component -- a regular file used as a path component gives ENOTDIR. */
#include "conf.h"

int
main(void)
{
	conf_enter_tmpdir();
	conf_put("f", "x");
	CHECK_ERR(open("f/g", O_RDONLY), ENOTDIR);
	CHECK_ERR(open("f/g", O_WRONLY | O_CREAT, 0644), ENOTDIR);
	return 0;
}
