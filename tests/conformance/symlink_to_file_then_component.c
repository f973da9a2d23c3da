/* symlink_to_file_then_component -- a symlink to a file used as a directory gives ENOTDIR. */
#include "conf.h"

int
main(void)
{
	struct stat st;

	conf_enter_tmpdir();
	conf_put("f", "x");
	CHECK_OK(symlink("f", "l"));
	CHECK_ERR(stat("l/x", &st), ENOTDIR);
	CHECK_ERR(open("l/", O_RDONLY), ENOTDIR);
	return 0;
}
