/* open_directory_on_file_enotdir -- O_DIRECTORY on a regular file fails with ENOTDIR. */
#include "conf.h"

int
main(void)
{
	conf_enter_tmpdir();
	conf_put("f", "x");
	CHECK_ERR(open("f", O_RDONLY | O_DIRECTORY), ENOTDIR);
	return 0;
}
