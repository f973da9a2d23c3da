/* rename_dir_over_file_enotdir -- a directory cannot replace a file: ENOTDIR. */
#include "conf.h"

int
main(void)
{
	conf_enter_tmpdir();
	conf_put("f", "x");
	CHECK_OK(mkdir("d", 0755));
	CHECK_ERR(rename("d", "f"), ENOTDIR);
	return 0;
}
